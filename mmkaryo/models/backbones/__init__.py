"""Backbones: GrayscaleResNet (1-channel stem, RGB-pretrained weights summed), CropConvNet (chromosome
crops)."""
from mmkaryo.models.backbones.crop_convnet import CropConvNet
from mmkaryo.models.backbones.grayscale_resnet import GrayscaleResNet

__all__ = ['CropConvNet', 'GrayscaleResNet']
