"""AttentionFPN: same outputs' shapes as FPN, a drop-in by type name, attention really applied."""
import torch
from mmdet.models.necks import FPN

from mmkaryo.models.necks import AttentionFPN
from mmkaryo.models.necks.cbam import CBAM


def feats(channels=(8, 16, 32, 64), size=32):
    torch.manual_seed(0)
    return tuple(torch.rand(2, c, size >> i, size >> i) for i, c in enumerate(channels))


def test_output_shapes_match_fpn():
    kwargs = dict(in_channels=[8, 16, 32, 64], out_channels=16, num_outs=5)
    torch.manual_seed(0)
    fpn_outs = FPN(**kwargs)(feats())
    att_outs = AttentionFPN(reduction=4, **kwargs)(feats())
    assert len(att_outs) == len(fpn_outs) == 5
    assert [o.shape for o in att_outs] == [o.shape for o in fpn_outs]


def test_attention_changes_the_fpn_outputs():
    kwargs = dict(in_channels=[8, 16, 32, 64], out_channels=16, num_outs=5)
    torch.manual_seed(0)
    neck = AttentionFPN(reduction=4, **kwargs)
    fpn = FPN(**kwargs)
    fpn.load_state_dict(neck.state_dict(), strict=False)
    plain, attended = fpn(feats()), neck(feats())
    expected = [att(out) for att, out in zip(neck.attentions, plain)]
    for got, want, raw in zip(attended, expected, plain):
        assert torch.allclose(got, want)
        assert not torch.allclose(got, raw)


def test_fpn_checkpoint_loads_into_attention_fpn():
    kwargs = dict(in_channels=[8, 16, 32, 64], out_channels=16, num_outs=5)
    missing, unexpected = AttentionFPN(**kwargs).load_state_dict(FPN(**kwargs).state_dict(), strict=False)
    assert not unexpected
    assert missing and all(key.startswith('attentions.') for key in missing)


def test_cbam_keeps_shape_and_gates_in_unit_range():
    x = torch.rand(2, 16, 9, 7) + 0.1
    y = CBAM(16, reduction=4)(x)
    assert y.shape == x.shape
    assert torch.all(y <= x) and torch.all(y >= 0)


def test_drop_in_replacement_in_mask_rcnn_config(tiny):
    cfg = tiny.model_cfg('mask_rcnn')
    cfg.neck.type = 'AttentionFPN'
    model = tiny.build(cfg)
    assert isinstance(model.neck, AttentionFPN)
    losses = model(**tiny.batch(model, [True, False]), mode='loss')
    assert torch.isfinite(model.parse_losses(losses)[0])
