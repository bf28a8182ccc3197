"""Pipeline transforms: grayscale presentation, brightness/contrast, boxes from masks, box masks,
crop canvas augmentation and packing."""
from .box_to_polygon_mask import BoxToPolygonMask
from .boxes_from_masks import BoxesFromMasks
from .brightness_contrast import RandomBrightnessContrast
from .crop_transforms import (PackCropInputs, RandomAxisFlip, RandomCanvasRotate, RandomCanvasShift,
                              RandomStainJitter)
from .image_channels import ImageToChannels

__all__ = ['BoxToPolygonMask', 'BoxesFromMasks', 'ImageToChannels', 'PackCropInputs',
           'RandomAxisFlip', 'RandomBrightnessContrast', 'RandomCanvasRotate', 'RandomCanvasShift',
           'RandomStainJitter']
