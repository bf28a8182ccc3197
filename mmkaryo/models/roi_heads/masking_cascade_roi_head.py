"""Cascade Mask R-CNN's RoI head with per-sample mask-loss masking (``metainfo['with_mask']``)."""
from typing import List, Tuple

from mmdet.models.roi_heads import CascadeRoIHead
from mmdet.models.task_modules.samplers import SamplingResult
from mmdet.utils import InstanceList, OptConfigType
from torch import Tensor

from mmkaryo.models.roi_heads.mask_loss_masking import MaskLossMaskingMixin, stage_mask_modules
from mmkaryo.registry import MODELS


@MODELS.register_module()
class MaskingCascadeRoIHead(MaskLossMaskingMixin, CascadeRoIHead):
    """``CascadeRoIHead`` whose mask loss, at every stage, counts only samples with ``with_mask`` True.

    Args:
        loss_box_proj: optional ``BoxProjectionLoss`` config for box-only samples (weight 0: off).
        **kwargs: ``CascadeRoIHead`` arguments.
    """

    def __init__(self, loss_box_proj: OptConfigType = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._init_box_projection(loss_box_proj)

    def mask_loss(self, stage: int, x: Tuple[Tensor], sampling_results: List[SamplingResult],
                  batch_gt_instances: InstanceList) -> dict:
        """Stage ``stage``'s mask loss of the with-mask samples; a connected zero on a box-only batch."""
        def parent(results: List[SamplingResult], gts: InstanceList) -> dict:
            return super(MaskingCascadeRoIHead, self).mask_loss(stage, x, results, gts)

        def logits(rois: Tensor) -> Tensor:
            return self._mask_forward(stage, x, rois)['mask_preds']

        return self._masked_mask_loss(parent, logits, sampling_results, batch_gt_instances,
                                      stage_mask_modules(self, stage))
