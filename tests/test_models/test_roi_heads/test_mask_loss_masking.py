"""Per-sample mask-loss masking in Mask R-CNN, Cascade and HTC heads built from mmkaryo's configs."""
import pytest
import torch
from mmdet.models.task_modules.samplers import SamplingResult
from mmengine.structures import InstanceData

from mmkaryo.models.roi_heads.mask_loss_masking import (connected_zero, hide_positives,
                                                       keep_mask_positives)


def mask_loss_keys(losses: dict) -> list:
    return sorted(key for key in losses if key.endswith('loss_mask'))


def run_step(tiny, model, flags):
    """Return the losses of one forward + backward on a tiny batch with these with_mask flags."""
    model.zero_grad()
    losses = model(**tiny.batch(model, flags), mode='loss')
    model.parse_losses(losses)[0].backward()
    return losses


def test_masking_per_batch_kind(tiny, head_family):
    """One model per family: box-only, mask and mixed batches, in that order."""
    model = tiny.build(tiny.model_cfg(head_family))
    mask_calls = tiny.count_calls(tiny.mask_heads(model))

    # Box-only batch: mask losses are connected zeros, no mask forward, zero (not None) gradients.
    box_losses = run_step(tiny, model, [False, False])
    keys = mask_loss_keys(box_losses)
    assert keys, f'no mask loss key in {sorted(box_losses)}'
    for key in keys:
        assert box_losses[key].item() == 0.0 and box_losses[key].requires_grad
    assert mask_calls() == 0, 'a box-only batch must not run the mask forward'
    for head in tiny.mask_heads(model):
        for name, param in head.named_parameters():
            assert param.grad is not None, f'mask head parameter {name} got no gradient'
            assert torch.count_nonzero(param.grad) == 0, f'{name} got a non-zero gradient'
    # What DDP without find_unused_parameters needs: every trainable parameter has a gradient.
    missing = [name for name, p in model.named_parameters() if p.requires_grad and p.grad is None]
    assert not missing, f'parameters without gradient on a box-only batch: {missing[:5]}'

    # Mask batch: same keys, positive mask losses, the mask heads learn.
    mask_losses = run_step(tiny, model, [True, True])
    assert sorted(mask_losses) == sorted(box_losses), 'loss keys must not depend on the batch kind'
    for key in keys:
        assert mask_losses[key].item() > 0
    grads = [p.grad for head in tiny.mask_heads(model) for p in head.parameters()]
    assert all(g is not None for g in grads) and any(torch.count_nonzero(g) > 0 for g in grads)

    # Mixed batch: the box-only sample has no gt masks at all, the mask sample still counts.
    mixed_losses = run_step(tiny, model, [True, False])
    assert sorted(mixed_losses) == sorted(box_losses)
    for key in keys:
        assert mixed_losses[key].item() > 0


def test_missing_flag_means_with_mask(tiny):
    model = tiny.build(tiny.model_cfg('mask_rcnn'))
    batch = tiny.batch(model, [True, True], set_flags=False)
    assert 'with_mask' not in batch['data_samples'][0].metainfo
    assert model(**batch, mode='loss')['loss_mask'].item() > 0


def test_hide_positives_keeps_roi_order_and_empties_positives():
    result = SamplingResult.random(rng=0, num_gts=3, num_preds=20)
    assert len(result.pos_priors) > 0
    hidden = hide_positives(result)
    assert torch.equal(hidden.priors, result.priors)
    assert len(hidden.pos_priors) == len(hidden.pos_assigned_gt_inds) == len(hidden.pos_gt_labels) == 0
    assert len(hidden.neg_priors) == len(result.pos_priors) + len(result.neg_priors)
    assert len(result.pos_priors) > 0, 'the original result must stay untouched'


def test_keep_mask_positives_replaces_only_box_only_samples():
    results = [SamplingResult.random(rng=seed, num_gts=2, num_preds=10) for seed in (1, 2)]
    gts = [InstanceData(masks=[1, 2]), InstanceData(bboxes=torch.zeros(2, 4))]
    kept, kept_gts = keep_mask_positives([True, False], results, gts)
    assert kept[0] is results[0] and kept_gts[0] is gts[0]
    assert len(kept[1].pos_priors) == 0 and 'masks' in kept_gts[1]


def test_connected_zero_reaches_every_parameter():
    module = torch.nn.Linear(3, 2)
    zero = connected_zero([module])
    zero.backward()
    assert zero.item() == 0
    assert all(p.grad is not None and torch.count_nonzero(p.grad) == 0 for p in module.parameters())
    with pytest.raises(ValueError, match='trainable parameter'):
        connected_zero([torch.nn.ReLU()])


def test_mask_loss_outside_loss_fails_loudly(tiny):
    """mask_loss reads the flags from the ground truth it is given: unmarked ground truth is an error,
    not an all-True default."""
    model = tiny.build(tiny.model_cfg('mask_rcnn'))
    results = [SamplingResult.random(rng=seed, num_gts=2, num_preds=10) for seed in (1, 2)]
    unmarked = [InstanceData(masks=[1, 2]), InstanceData(masks=[1, 2])]
    with pytest.raises(ValueError, match=r'samples \[0, 1\] carry no with_mask flag'):
        model.roi_head.mask_loss((torch.zeros(2, 8, 8, 8), ), results, torch.zeros(0), unmarked)
