"""Datasets: COCO-format chromosome datasets, pipeline transforms, converters, generator, samplers."""
from .chromosome_dataset import ChromosomeAgnosticDataset, ChromosomeDataset
from .transforms import BoxesFromMasks, ImageToChannels, RandomBrightnessContrast

__all__ = ['ChromosomeAgnosticDataset', 'ChromosomeDataset', 'BoxesFromMasks', 'ImageToChannels',
           'RandomBrightnessContrast']
