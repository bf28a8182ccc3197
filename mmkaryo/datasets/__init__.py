"""Datasets: COCO-format chromosome datasets, pipeline transforms, converters, generator, samplers."""
from .chromosome_crop_dataset import ChromosomeCropDataset
from .chromosome_dataset import ChromosomeAgnosticDataset, ChromosomeDataset
from .transforms import BoxesFromMasks, ImageToChannels, RandomBrightnessContrast

__all__ = ['ChromosomeAgnosticDataset', 'ChromosomeCropDataset', 'ChromosomeDataset', 'BoxesFromMasks',
           'ImageToChannels', 'RandomBrightnessContrast']
