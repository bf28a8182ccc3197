"""Pure evaluation maths, callable without a Runner."""
from mmkaryo.evaluation.functional.aji import (aggregated_jaccard_index,
                                               aggregated_jaccard_index_label_maps,
                                               aji_from_overlaps, label_map_overlaps)
from mmkaryo.evaluation.functional.masks import (encode_masks, mask_overlaps, polygons_to_rle,
                                                 to_rles)

__all__ = [
    'aggregated_jaccard_index', 'aggregated_jaccard_index_label_maps', 'aji_from_overlaps',
    'label_map_overlaps', 'encode_masks', 'mask_overlaps', 'polygons_to_rle', 'to_rles'
]
