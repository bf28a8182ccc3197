"""Box-projection loss: maths on hand-made masks, and its use for box-only samples in the heads."""
import pytest
import torch

from mmkaryo.models.losses import BoxProjectionLoss, box_projection_loss, box_targets_in_rois


def test_targets_of_a_box_equal_to_its_roi_fill_the_grid():
    boxes = torch.tensor([[10., 20., 50., 40.]])
    assert torch.equal(box_targets_in_rois(boxes, boxes, 8), torch.ones(1, 8, 8))


def test_targets_of_the_left_half_box():
    roi = torch.tensor([[0., 0., 8., 8.]])
    gt = torch.tensor([[0., 0., 4., 8.]])
    target = box_targets_in_rois(roi, gt, 8)
    assert torch.equal(target[0, :, :4], torch.ones(8, 4))
    assert torch.equal(target[0, :, 4:], torch.zeros(8, 4))


def test_a_mask_touching_all_box_sides_has_zero_loss():
    box = torch.zeros(1, 8, 8)
    box[0, 2:6, 1:7] = 1
    cross = torch.zeros(1, 8, 8)  # a plus sign spanning the box: same projections, not a rectangle
    cross[0, 3, 1:7] = 1
    cross[0, 2:6, 4] = 1
    assert box_projection_loss(cross, box).item() == pytest.approx(0.0, abs=1e-6)


def test_a_mask_missing_half_the_box_is_penalised():
    box = torch.zeros(1, 8, 8)
    box[0, :, :] = 1
    half = torch.zeros(1, 8, 8)
    half[0, :, :4] = 1
    # y projection is perfect; x projection dice = 1 - 2*4/(4+8) = 1/3
    assert box_projection_loss(half, box).item() == pytest.approx(1 / 3, abs=1e-4)


def test_loss_module_weights_and_validates():
    box = torch.ones(2, 4, 4)
    empty = torch.zeros(2, 4, 4)
    assert BoxProjectionLoss(loss_weight=0.5)(empty, box).item() == pytest.approx(1.0, abs=1e-4)
    with pytest.raises(ValueError, match='loss_weight'):
        BoxProjectionLoss(loss_weight=-1)
    with pytest.raises(ValueError, match='shape'):
        box_projection_loss(torch.ones(2, 4, 4), torch.ones(2, 4, 5))


def proj_model(tiny):
    cfg = tiny.model_cfg('mask_rcnn')
    cfg.roi_head.loss_box_proj.loss_weight = 1.0
    return tiny.build(cfg)


def test_projection_loss_trains_mask_head_on_box_only_batch(tiny):
    model = proj_model(tiny)
    losses = model(**tiny.batch(model, [False, False]), mode='loss')
    assert losses['loss_mask'].item() == 0.0
    assert losses['loss_mask_proj'].item() > 0
    model.parse_losses(losses)[0].backward()
    grads = [p.grad for p in tiny.mask_heads(model)[0].parameters()]
    assert all(g is not None for g in grads) and any(torch.count_nonzero(g) > 0 for g in grads)


def test_projection_loss_key_is_a_zero_on_mask_batch(tiny):
    model = proj_model(tiny)
    losses = model(**tiny.batch(model, [True, True]), mode='loss')
    assert losses['loss_mask'].item() > 0
    assert losses['loss_mask_proj'].item() == 0.0 and losses['loss_mask_proj'].requires_grad


def test_zero_weight_disables_the_projection_loss(tiny):
    model = tiny.build(tiny.model_cfg('mask_rcnn'))  # the configs' default weight is 0
    assert model.roi_head.loss_box_proj is None
    assert 'loss_mask_proj' not in model(**tiny.batch(model, [False, False]), mode='loss')
