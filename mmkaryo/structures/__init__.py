from mmkaryo.structures.classes import CHROMOSOME_CLASSES, DENVER_NAMES, NUM_CLASSES, class_index_from_name
from mmkaryo.structures.mask_crops import MaskCrops

__all__ = ['CHROMOSOME_CLASSES', 'DENVER_NAMES', 'MaskCrops', 'NUM_CLASSES', 'class_index_from_name']
