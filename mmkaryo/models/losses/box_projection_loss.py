"""Box-projection loss: weak mask supervision from boxes (BoxInst, Tian et al. CVPR 2021, Eq. 2;
used for box-only data by DaTaSeg, Gu et al. 2023).

A mask lies inside its box and touches all four sides, so the mask's max-projection onto the x axis
(the maximum over rows of each column) equals the box's projection, and likewise for the y axis. The
loss is the dice loss between the predicted and the box's projections on both axes, computed in the
RoI's mask grid.
"""
from typing import Optional

import torch
from torch import Tensor, nn

from mmkaryo.registry import MODELS


def box_targets_in_rois(rois: Tensor, gt_bboxes: Tensor, mask_size: int) -> Tensor:
    """Rasterise each ground-truth box into its RoI's ``mask_size`` x ``mask_size`` grid.

    Args:
        rois: (n, 4) RoI boxes (x1, y1, x2, y2) in image pixels.
        gt_bboxes: (n, 4) matched ground-truth boxes in image pixels.
        mask_size: side of the square mask grid.

    Returns:
        (n, mask_size, mask_size) float tensor: 1 where a cell centre lies inside the gt box.
    """
    if rois.shape != gt_bboxes.shape or rois.dim() != 2 or rois.size(-1) != 4:
        raise ValueError('box_projection_loss.py: rois and gt_bboxes must both have shape (n, 4), got '
                         f'{tuple(rois.shape)} and {tuple(gt_bboxes.shape)}.')
    steps = (torch.arange(mask_size, device=rois.device, dtype=rois.dtype) + 0.5) / mask_size
    xs = rois[:, 0:1] + steps[None] * (rois[:, 2:3] - rois[:, 0:1])
    ys = rois[:, 1:2] + steps[None] * (rois[:, 3:4] - rois[:, 1:2])
    inside_x = (xs >= gt_bboxes[:, 0:1]) & (xs <= gt_bboxes[:, 2:3])
    inside_y = (ys >= gt_bboxes[:, 1:2]) & (ys <= gt_bboxes[:, 3:4])
    return (inside_y[:, :, None] & inside_x[:, None, :]).to(rois.dtype)


def dice_loss_1d(pred: Tensor, target: Tensor, eps: float = 1e-5) -> Tensor:
    """Per-row dice loss ``1 - 2 sum(pt) / (sum(p^2) + sum(t^2))`` of (n, L) tensors, shape (n,)."""
    inter = (pred * target).sum(-1)
    union = (pred * pred).sum(-1) + (target * target).sum(-1)
    return 1 - 2 * inter / union.clamp(min=eps)


def box_projection_loss(mask_probs: Tensor, box_masks: Tensor) -> Tensor:
    """Dice loss of x and y max-projections of ``mask_probs`` against ``box_masks``, shape (n,).

    Args:
        mask_probs: (n, h, w) predicted foreground probabilities in [0, 1].
        box_masks: (n, h, w) binary box masks in the same grid.
    """
    if mask_probs.shape != box_masks.shape or mask_probs.dim() != 3:
        raise ValueError('box_projection_loss.py: mask_probs and box_masks must both have shape '
                         f'(n, h, w), got {tuple(mask_probs.shape)} and {tuple(box_masks.shape)}.')
    loss_x = dice_loss_1d(mask_probs.amax(dim=1), box_masks.amax(dim=1))
    loss_y = dice_loss_1d(mask_probs.amax(dim=2), box_masks.amax(dim=2))
    return loss_x + loss_y


@MODELS.register_module()
class BoxProjectionLoss(nn.Module):
    """Mean box-projection loss over RoIs, times ``loss_weight`` (0 disables it in mmkaryo's heads).

    Args:
        loss_weight: weight of the loss; mmkaryo's RoI heads skip the loss (and its mask forward)
            when it is 0.
    """

    def __init__(self, loss_weight: float = 0.0) -> None:
        super().__init__()
        if loss_weight < 0:
            raise ValueError(f'box_projection_loss.py: loss_weight must be >= 0, got {loss_weight}.')
        self.loss_weight = loss_weight

    def forward(self, mask_probs: Tensor, box_masks: Tensor,
                avg_factor: Optional[float] = None) -> Tensor:
        """Return ``loss_weight * sum(per-RoI loss) / avg_factor`` (avg_factor defaults to n)."""
        per_roi = box_projection_loss(mask_probs, box_masks)
        denominator = avg_factor if avg_factor is not None else max(len(per_roi), 1)
        return self.loss_weight * per_roi.sum() / denominator
