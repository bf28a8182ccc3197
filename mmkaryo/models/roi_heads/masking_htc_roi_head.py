"""HTC's RoI head with per-sample mask-loss masking (``metainfo['with_mask']``)."""
from typing import List, Optional, Tuple

from mmdet.models.roi_heads import HybridTaskCascadeRoIHead
from mmdet.models.task_modules.samplers import SamplingResult
from mmdet.utils import InstanceList, OptConfigType
from torch import Tensor

from mmkaryo.models.roi_heads.mask_loss_masking import MaskLossMaskingMixin, stage_mask_modules
from mmkaryo.registry import MODELS


@MODELS.register_module()
class MaskingHybridTaskCascadeRoIHead(MaskLossMaskingMixin, HybridTaskCascadeRoIHead):
    """``HybridTaskCascadeRoIHead`` whose interleaved mask losses count only ``with_mask`` samples.

    With mask information flow, stage s's mask forward also runs the mask heads of stages < s; on a
    box-only batch every stage's forward is skipped and each stage's own mask head gets the connected
    zero, so all mask heads still receive (zero) gradients.

    Args:
        loss_box_proj: optional ``BoxProjectionLoss`` config for box-only samples (weight 0: off).
        **kwargs: ``HybridTaskCascadeRoIHead`` arguments.
    """

    def __init__(self, loss_box_proj: OptConfigType = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self._init_box_projection(loss_box_proj)

    def mask_loss(self, stage: int, x: Tuple[Tensor], sampling_results: List[SamplingResult],
                  batch_gt_instances: InstanceList, semantic_feat: Optional[Tensor] = None) -> dict:
        """Stage ``stage``'s mask loss of the with-mask samples; a connected zero on a box-only batch."""
        def parent(results: List[SamplingResult], gts: InstanceList) -> dict:
            return super(MaskingHybridTaskCascadeRoIHead, self).mask_loss(
                stage=stage, x=x, sampling_results=results, batch_gt_instances=gts,
                semantic_feat=semantic_feat)

        def logits(rois: Tensor) -> Tensor:
            return self._mask_forward(stage=stage, x=x, rois=rois, semantic_feat=semantic_feat,
                                      training=True)['mask_preds']

        return self._masked_mask_loss(parent, logits, sampling_results, batch_gt_instances,
                                      stage_mask_modules(self, stage))
