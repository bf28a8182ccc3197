"""Mask-scarce training sets: masks on a share of a COCO file's images, boxes only on the rest.

:func:`split_mask_scarce` cuts a mask COCO dict by image into a mask part and a box-only part;
:func:`boxes_of_images` takes the box-only part from another file of the same images instead (the
synthetic setting, whose box-only images went through the Cell Image Library format). A box-only
record is what ``cil24_to_coco.py`` writes: ``bbox`` and its ``area`` (w * h), no ``segmentation``,
so :class:`~mmkaryo.datasets.ChromosomeDataset` gives its samples ``with_mask=False``.
"""
import copy
import os.path as osp
from typing import Any, Dict, Iterable, Tuple

from .splits import split_coco

Coco = Dict[str, Any]


def split_mask_scarce(coco: Coco, mask_fraction: float, seed: int) -> Tuple[Coco, Coco]:
    """Split ``coco`` by image into ``(mask part, box-only part)``.

    The mask part holds ``round(mask_fraction * n)`` of the ``n`` images (at least one when
    ``mask_fraction > 0``) with their annotations unchanged; the box-only part holds the others with
    ``segmentation`` dropped and ``area`` set to the box area. Which images get masks depends only
    on the image ids and ``seed`` (images are shuffled by :func:`assign_groups`), and for one seed
    the mask parts are nested: a larger fraction keeps every image of a smaller one. The input is
    not modified; ids and image records are kept.

    Raises:
        ValueError: ``mask_fraction`` outside (0, 1], or no image in ``coco``.
    """
    if not 0.0 < mask_fraction <= 1.0:
        raise ValueError(f'mask_scarce.py: mask_fraction must be in (0, 1], got {mask_fraction}')
    if not coco['images']:
        raise ValueError('mask_scarce.py: the COCO file has no image to split')
    # assign_groups sizes every split after the first, so 'masks' gets round(fraction * n) images
    # and the images it takes for a smaller fraction stay in it for a larger one.
    parts = split_coco(coco, {'boxes': 1.0 - mask_fraction, 'masks': mask_fraction}, seed,
                       group_of=lambda image: str(image['id']))
    return copy.deepcopy(parts['masks']), drop_masks(parts['boxes'])


def drop_masks(coco: Coco) -> Coco:
    """A copy of ``coco`` with every annotation box-only: no ``segmentation``, ``area`` = w * h."""
    out = copy.deepcopy(coco)
    for ann in out['annotations']:
        ann.pop('segmentation', None)
        ann['area'] = float(ann['bbox'][2] * ann['bbox'][3])
    return out


def boxes_of_images(box_coco: Coco, images: Iterable[Dict[str, Any]]) -> Coco:
    """The records of ``box_coco`` for the images whose file stem is that of one of ``images``.

    For a box-only file of the same images as a mask file under other names (``synth_000004.png``
    in AutoKary2022 folders, ``synth_000004.jpg`` in the CIL ones). Returns a box-only COCO dict
    (see :func:`drop_masks`) with ``box_coco``'s ids and categories.

    Raises:
        ValueError: a stem of ``images`` that ``box_coco`` lacks or holds twice.
    """
    stems = [_stem(image['file_name']) for image in images]
    by_stem: Dict[str, list] = {}
    for image in box_coco['images']:
        by_stem.setdefault(_stem(image['file_name']), []).append(image)
    bad = [stem for stem in stems if len(by_stem.get(stem, ())) != 1]
    if bad:
        raise ValueError(f'mask_scarce.py: the box-only file must hold each image once; {len(bad)} '
                         f'of {len(stems)} images are missing or repeated there, e.g. {bad[:3]}')
    chosen = [by_stem[stem][0] for stem in stems]
    ids = {image['id'] for image in chosen}
    return drop_masks(dict(images=chosen, categories=box_coco['categories'],
                           annotations=[a for a in box_coco['annotations'] if a['image_id'] in ids]))


def _stem(file_name: str) -> str:
    return osp.splitext(osp.basename(file_name))[0]
