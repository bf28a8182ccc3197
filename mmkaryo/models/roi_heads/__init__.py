"""RoI heads with per-sample mask-loss masking driven by ``metainfo['with_mask']``."""
from mmkaryo.models.roi_heads.bbox_heads import ChromosomenessBBoxHead
from mmkaryo.models.roi_heads.mask_loss_masking import MaskLossMaskingMixin
from mmkaryo.models.roi_heads.masking_cascade_roi_head import MaskingCascadeRoIHead
from mmkaryo.models.roi_heads.masking_htc_roi_head import MaskingHybridTaskCascadeRoIHead
from mmkaryo.models.roi_heads.masking_standard_roi_head import MaskingStandardRoIHead

__all__ = ['ChromosomenessBBoxHead', 'MaskLossMaskingMixin', 'MaskingStandardRoIHead', 'MaskingCascadeRoIHead',
           'MaskingHybridTaskCascadeRoIHead']
