"""Helpers shared by the converter tests: reading the generator's COCO file, decoding masks."""
import json
import os.path as osp
from collections import defaultdict
from typing import Any, Dict, List

import numpy as np
from pycocotools import mask as mask_utils


def annotations_by_stem(coco: Dict[str, Any]) -> Dict[str, List[Dict[str, Any]]]:
    """Annotations grouped by the stem of their image's file name."""
    stems = {im['id']: osp.splitext(osp.basename(im['file_name']))[0] for im in coco['images']}
    grouped = defaultdict(list)
    for ann in coco['annotations']:
        grouped[stems[ann['image_id']]].append(ann)
    return grouped


def generator_coco(root) -> Dict[str, Any]:
    with open(osp.join(root, 'coco', 'annotations.json')) as f:
        return json.load(f)


def decode(segmentation: Any, height: int, width: int) -> np.ndarray:
    """Boolean mask of a COCO polygon list or RLE (str counts)."""
    if isinstance(segmentation, list):
        rle = mask_utils.merge(mask_utils.frPyObjects(segmentation, height, width))
    else:
        rle = dict(segmentation, counts=segmentation['counts'].encode('ascii'))
    return mask_utils.decode(rle).astype(bool)
