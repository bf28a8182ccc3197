"""mmkaryo's models: backbones, necks, RoI heads with per-sample mask-loss masking, losses, and the
classifiers of chromosome crops."""
from mmkaryo.models import backbones, classifiers, losses, necks, roi_heads  # noqa: F401
from mmkaryo.models.backbones import CropConvNet, GrayscaleResNet
from mmkaryo.models.classifiers import ChromosomeCropClassifier, ChromosomeCropEnsemble
from mmkaryo.models.losses import BoxProjectionLoss
from mmkaryo.models.necks import AttentionFPN
from mmkaryo.models.roi_heads import (MaskingCascadeRoIHead, MaskingHybridTaskCascadeRoIHead,
                                      MaskingStandardRoIHead)

__all__ = ['ChromosomeCropClassifier', 'ChromosomeCropEnsemble', 'CropConvNet', 'GrayscaleResNet', 'BoxProjectionLoss', 'AttentionFPN',
           'MaskingStandardRoIHead', 'MaskingCascadeRoIHead', 'MaskingHybridTaskCascadeRoIHead']
