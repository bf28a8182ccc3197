"""Validation of the COCO files our converters write."""
from typing import Any, Dict, List

import numpy as np
from pycocotools import mask as mask_utils

from .coco_builder import agnostic_categories, chromosome_categories


def check_coco(coco: Dict[str, Any], require_masks: bool) -> List[str]:
    """Return a list of problems (empty if ``coco`` is valid).

    Checks: top-level keys; categories exactly the 24 classes or the single ``chromosome``; image
    and annotation ids unique; every annotation names a known image and category; boxes non-empty
    and inside the image; segmentations (polygons or RLE) inside the image and non-empty; with
    ``require_masks`` every annotation has a segmentation.
    """
    problems = [f'missing top-level key "{key}"' for key in ('images', 'annotations', 'categories')
                if not isinstance(coco.get(key), list)]
    if problems:
        return problems
    if coco['categories'] not in (chromosome_categories(), agnostic_categories()):
        problems.append('categories are neither the 24 chromosome classes nor the single "chromosome"')
    category_ids = {c.get('id') for c in coco['categories']}
    images = {}
    for im in coco['images']:
        if im.get('id') in images:
            problems.append(f'image id {im.get("id")} repeated')
        images[im.get('id')] = im
    seen = set()
    for ann in coco['annotations']:
        where = f'annotation {ann.get("id")}'
        if ann.get('id') in seen:
            problems.append(f'{where}: id repeated')
        seen.add(ann.get('id'))
        image = images.get(ann.get('image_id'))
        if image is None:
            problems.append(f'{where}: unknown image_id {ann.get("image_id")}')
            continue
        if ann.get('category_id') not in category_ids:
            problems.append(f'{where}: unknown category_id {ann.get("category_id")}')
        problems += [f'{where} ({image["file_name"]}): {p}'
                     for p in _check_geometry(ann, image['height'], image['width'], require_masks)]
    return problems


def _check_geometry(ann: Dict[str, Any], height: int, width: int, require_masks: bool) -> List[str]:
    problems = []
    x, y, w, h = ann.get('bbox', (0, 0, 0, 0))
    if w <= 0 or h <= 0:
        problems.append(f'empty box {ann.get("bbox")}')
    if x < 0 or y < 0 or x + w > width + 1e-3 or y + h > height + 1e-3:
        problems.append(f'box {ann.get("bbox")} outside the {height}x{width} image')
    seg = ann.get('segmentation')
    if not seg:
        return problems + (['no segmentation in a mask set'] if require_masks else [])
    if isinstance(seg, list):
        coords = np.concatenate([np.asarray(p, dtype=float) for p in seg]) if seg else np.zeros(0)
        if any(len(p) < 6 or len(p) % 2 for p in seg):
            problems.append('polygon with fewer than 3 points or an odd number of coordinates')
        elif coords[0::2].min() < 0 or coords[0::2].max() > width or \
                coords[1::2].min() < 0 or coords[1::2].max() > height:
            problems.append('polygon outside the image')
        rle = mask_utils.merge(mask_utils.frPyObjects(seg, height, width))
    else:
        if list(seg.get('size', ())) != [height, width]:
            problems.append(f'RLE size {seg.get("size")} is not the image size {[height, width]}')
            return problems
        rle = dict(seg, counts=seg['counts'].encode('ascii')) if isinstance(seg['counts'], str) \
            else mask_utils.frPyObjects(seg, height, width)
    if mask_utils.area(rle) == 0:
        problems.append('empty segmentation')
    return problems
