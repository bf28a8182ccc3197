"""Converters from the datasets' own formats to COCO (pure functions; CLIs in tools/dataset_converters).

Each ``convert_*`` returns the COCO dict(s) and a :class:`ConversionReport` whose input instances equal
written + dropped, and raises :class:`ConversionError` (a ValueError naming the file) on fatal input.
"""
from .autokary2022 import convert_autokary2022
from .case_info import CaseKaryotype, extract_karyotype, read_case_info
from .check_coco import check_coco
from .cil24 import convert_cil24
from .coco_builder import (AGNOSTIC_CLASS, CocoBuilder, agnostic_categories, chromosome_categories,
                           encode_mask, to_class_agnostic)
from .coco_paths import rebase_file_names
from .instance_masks import convert_instance_masks
from .label_maps import instances_from_label_map
from .mask_scarce import boxes_of_images, drop_masks, split_mask_scarce
from .mfish import convert_mfish, invert_gray, write_inverted_images
from .mfish_report import MfishReport
from .output import dump_coco, split_summary, write_files, write_splits
from .report import ConversionError, ConversionReport, DroppedItem
from .splits import assign_groups, split_coco

__all__ = [
    'AGNOSTIC_CLASS', 'CaseKaryotype', 'CocoBuilder', 'ConversionError', 'ConversionReport',
    'DroppedItem', 'MfishReport', 'agnostic_categories', 'assign_groups', 'boxes_of_images', 'check_coco',
    'chromosome_categories', 'convert_autokary2022', 'convert_cil24', 'convert_instance_masks',
    'convert_mfish', 'drop_masks', 'dump_coco', 'encode_mask', 'extract_karyotype',
    'instances_from_label_map', 'invert_gray', 'read_case_info', 'rebase_file_names', 'split_coco',
    'split_mask_scarce',
    'split_summary', 'to_class_agnostic', 'write_files', 'write_inverted_images', 'write_splits'
]
