"""Ground truth of a 24-class chromosome COCO file as plain per-image records."""
from typing import Dict, List, NamedTuple, Optional

import numpy as np

from mmkaryo.evaluation.functional.masks import RLE, polygons_to_rle, to_rles
from mmkaryo.structures.classes import NUM_CLASSES, class_index_from_name


class GroundTruthImage(NamedTuple):
    """One image's chromosomes: masks as RLE in original-image coordinates, classes 0..23.

    ``karyotype`` is the image record's ISCN string (None when the record has none).
    """
    image_id: int
    file_name: str
    height: int
    width: int
    rles: List[RLE]
    labels: np.ndarray
    karyotype: Optional[str]


def class_of_category(coco: dict, source: str) -> Dict[int, int]:
    """Map category ids to class indices 0..23 by category name; all 24 classes must be there once."""
    mapping = {}
    for category in coco.get('categories', []):
        index = class_index_from_name(category.get('name', ''))
        if index is None:
            raise ValueError(f'{source}: category {category!r} names no chromosome class')
        mapping[int(category['id'])] = index
    if sorted(mapping.values()) != list(range(NUM_CLASSES)):
        raise ValueError(f'{source}: needs the {NUM_CLASSES} chromosome categories once each, got '
                         f'{len(mapping)} categories; a class-agnostic file cannot score classes')
    return mapping


def _instance_rle(ann: dict, height: int, width: int, source: str) -> RLE:
    segmentation = ann.get('segmentation')
    if isinstance(segmentation, dict):
        rle = to_rles([segmentation])[0]
        if list(rle['size']) != [height, width]:
            raise ValueError(f'{source}: annotation {ann.get("id")} has a {rle["size"]} mask on a '
                             f'{height} x {width} image')
        return rle
    if isinstance(segmentation, list) and segmentation:
        return polygons_to_rle(segmentation, height, width)
    raise ValueError(f'{source}: annotation {ann.get("id")} has no mask (segmentation {segmentation!r:.40})')


def ground_truth_images(coco: dict, source: str) -> List[GroundTruthImage]:
    """Read every image of a COCO dict (as ``mfish_to_coco.py`` writes it) with its instances.

    Args:
        coco: the loaded COCO json (``images``, ``annotations``, ``categories``).
        source: the file name, used in error messages.

    Returns:
        one record per image, in the file's image order (images without annotations included).

    Raises:
        ValueError naming ``source``: categories that are not the 24 chromosome classes, an
        annotation of an unknown image or category, a crowd annotation, a missing or misshapen mask.
    """
    if not isinstance(coco, dict) or not isinstance(coco.get('images'), list):
        raise ValueError(f'{source}: not a COCO file (no "images" list)')
    class_of = class_of_category(coco, source)
    images = {int(image['id']): image for image in coco['images']}
    instances: Dict[int, list] = {image_id: [] for image_id in images}
    for ann in coco.get('annotations', []):
        image = images.get(int(ann['image_id']))
        if image is None:
            raise ValueError(f'{source}: annotation {ann.get("id")} refers to unknown image {ann["image_id"]}')
        if int(ann['category_id']) not in class_of:
            raise ValueError(f'{source}: annotation {ann.get("id")} has unknown category {ann["category_id"]}')
        if ann.get('iscrowd', 0):
            raise ValueError(f'{source}: annotation {ann.get("id")} is a crowd region; chromosome '
                             'recall needs every instance on its own')
        rle = _instance_rle(ann, int(image['height']), int(image['width']), source)
        instances[int(image['id'])].append((rle, class_of[int(ann['category_id'])]))
    return [
        GroundTruthImage(
            image_id=image_id, file_name=str(image['file_name']), height=int(image['height']),
            width=int(image['width']), rles=[rle for rle, _ in instances[image_id]],
            labels=np.asarray([label for _, label in instances[image_id]], np.int64),
            karyotype=image.get('karyotype') or None)
        for image_id, image in images.items()
    ]
