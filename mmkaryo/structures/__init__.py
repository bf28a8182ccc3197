from mmkaryo.structures.classes import (CHROMOSOME_CLASSES, DENVER_NAMES, NUM_CLASSES, PALETTE,
                                        class_index_from_name)

__all__ = ['CHROMOSOME_CLASSES', 'DENVER_NAMES', 'NUM_CLASSES', 'PALETTE', 'class_index_from_name']
