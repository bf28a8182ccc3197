"""Building COCO dicts: the category lists we write, image/annotation records, mask encoding.

Every converter writes categories with ids 1..24 named ``"1"``..``"22"``, ``"X"``, ``"Y"`` (class
index k has category id k + 1), or the single category ``chromosome`` (id 1) for class-agnostic sets.
Masks are written as compressed RLE with ``counts`` a str (what mmdet's LoadAnnotations decodes),
polygons as COCO polygon lists.
"""
import copy
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
from pycocotools import mask as mask_utils

from mmkaryo.structures.classes import CHROMOSOME_CLASSES

AGNOSTIC_CLASS = 'chromosome'


def chromosome_categories() -> List[Dict[str, Any]]:
    """The 24 categories, ids 1..24 in class-index order."""
    return [dict(id=k + 1, name=name, supercategory='chromosome')
            for k, name in enumerate(CHROMOSOME_CLASSES)]


def agnostic_categories() -> List[Dict[str, Any]]:
    """The single class-agnostic category (id 1)."""
    return [dict(id=1, name=AGNOSTIC_CLASS, supercategory='chromosome')]


class CocoBuilder:
    """Accumulates image and annotation records with unique ids (both start at 1)."""

    def __init__(self, categories: List[Dict[str, Any]]) -> None:
        self.categories = categories
        self.images: List[Dict[str, Any]] = []
        self.annotations: List[Dict[str, Any]] = []

    def add_image(self, file_name: str, height: int, width: int, **extra: Any) -> int:
        """Add an image record (``extra`` keys such as karyotype or patient_id kept); return its id."""
        image_id = len(self.images) + 1
        self.images.append(dict(id=image_id, file_name=file_name, height=int(height),
                                width=int(width), **extra))
        return image_id

    def add_annotation(self, image_id: int, category_id: int, bbox: Sequence[float], area: float,
                       segmentation: Optional[Any] = None) -> int:
        """Add an instance; ``segmentation`` None writes a box-only record. Returns its id."""
        ann = dict(id=len(self.annotations) + 1, image_id=image_id, category_id=int(category_id),
                   bbox=[float(v) for v in bbox], area=float(area), iscrowd=0)
        if segmentation is not None:
            ann['segmentation'] = segmentation
        self.annotations.append(ann)
        return ann['id']

    def to_dict(self) -> Dict[str, Any]:
        """The COCO dict (images, annotations, categories)."""
        return dict(images=self.images, annotations=self.annotations, categories=self.categories)


def encode_mask(mask: np.ndarray) -> Dict[str, Any]:
    """Compressed RLE of a boolean HxW mask, with ``counts`` decoded to str so it is JSON-ready."""
    rle = mask_utils.encode(np.asfortranarray(mask.astype(np.uint8)))
    rle['counts'] = rle['counts'].decode('ascii')
    return rle


def mask_bbox_area(mask: np.ndarray) -> tuple:
    """COCO ``[x, y, w, h]`` box (pixel-edge convention, w = columns covered) and pixel area."""
    ys, xs = np.nonzero(mask)
    if xs.size == 0:
        return [0.0, 0.0, 0.0, 0.0], 0.0
    x0, y0 = float(xs.min()), float(ys.min())
    return [x0, y0, float(xs.max()) + 1 - x0, float(ys.max()) + 1 - y0], float(xs.size)


def polygon_area(points: np.ndarray, height: int, width: int) -> float:
    """Rasterised pixel area of an (N, 2) polygon, as COCO computes it for polygon annotations."""
    rles = mask_utils.frPyObjects([points.reshape(-1).tolist()], height, width)
    return float(mask_utils.area(mask_utils.merge(rles)))


def to_class_agnostic(coco: Dict[str, Any]) -> Dict[str, Any]:
    """A deep copy of ``coco`` with every annotation in the single ``chromosome`` category."""
    agnostic = copy.deepcopy(coco)
    agnostic['categories'] = agnostic_categories()
    for ann in agnostic['annotations']:
        ann['category_id'] = 1
    return agnostic
