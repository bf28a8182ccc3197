"""Backbones: GrayscaleResNet (1-channel stem, RGB-pretrained weights summed)."""
from mmkaryo.models.backbones.grayscale_resnet import GrayscaleResNet

__all__ = ['GrayscaleResNet']
