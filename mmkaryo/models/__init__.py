"""mmkaryo's models: backbones, necks, RoI heads with per-sample mask-loss masking, losses."""
from mmkaryo.models import backbones, losses, necks, roi_heads  # noqa: F401
from mmkaryo.models.backbones import GrayscaleResNet
from mmkaryo.models.losses import BoxProjectionLoss
from mmkaryo.models.necks import AttentionFPN
from mmkaryo.models.roi_heads import (MaskingCascadeRoIHead, MaskingHybridTaskCascadeRoIHead,
                                      MaskingStandardRoIHead)

__all__ = ['GrayscaleResNet', 'BoxProjectionLoss', 'AttentionFPN', 'MaskingStandardRoIHead',
           'MaskingCascadeRoIHead', 'MaskingHybridTaskCascadeRoIHead']
