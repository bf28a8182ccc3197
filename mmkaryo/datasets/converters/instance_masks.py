"""Custom class-agnostic instance masks to COCO (one category ``chromosome``).

Three input layouts under SRC_ROOT, chosen by ``layout``:

* ``'instance_pngs'``: ``images/<name>.<ext>`` and ``masks/<name>/<k>.png``, one binary PNG per
  instance (non-zero = inside), as the synthetic generator's ``custom`` output;
* ``'label_images'``: ``images/<name>.<ext>`` and ``labels/<name>.png``, 0 = background and one
  integer id per instance;
* ``'labelme'``: ``<name>.json`` LabelMe files anywhere under SRC_ROOT with the image beside them;
  any label, polygons only.

Masks are written as RLE, LabelMe polygons as polygons. Dropped and reported: empty masks
(``empty_mask``), masks below ``min_area`` px (``below_min_area``), and the LabelMe polygon reasons of
:func:`polygon_from_shape`. A mask whose size differs from its image is fatal.
"""
import glob
import os
import os.path as osp
from typing import Any, Dict, Iterator, List, Tuple

import numpy as np

from .coco_builder import AGNOSTIC_CLASS, CocoBuilder, agnostic_categories, encode_mask, mask_bbox_area
from .io_utils import image_size, read_json, read_label_image
from .labelme import check_labelme_record, labelme_image_path, polygon_from_shape
from .report import ConversionError, ConversionReport
from .splits import split_coco

LAYOUTS = ('instance_pngs', 'label_images', 'labelme')
IMAGE_EXTS = ('.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp')


def convert_instance_masks(src_root: str, layout: str = 'instance_pngs', val_ratio: float = 0.1,
                           seed: int = 0, min_area: float = 20.0
                           ) -> Tuple[Dict[str, Dict[str, Any]], ConversionReport]:
    """Convert a custom mask set; return class-agnostic ``{'train', 'val'}`` COCO dicts and the report.

    Images are split ``1 - val_ratio`` / ``val_ratio`` at random, deterministic in ``seed``.
    ``file_name`` is relative to SRC_ROOT. Raises ConversionError naming the file on a missing or
    unreadable image or mask, a mask of the wrong size, or malformed JSON.
    """
    if layout not in LAYOUTS:
        raise ValueError(f'layout must be one of {LAYOUTS}, got {layout!r}')
    report = ConversionReport(f'custom masks ({layout})')
    builder = CocoBuilder(agnostic_categories())
    if layout == 'labelme':
        json_paths = sorted(glob.glob(osp.join(src_root, '**', '*.json'), recursive=True))
        if not json_paths:
            raise ConversionError(f'{src_root}: no LabelMe .json files found')
        for json_path in json_paths:
            _convert_labelme(json_path, src_root, builder, report, min_area)
    else:
        for img_path, masks in _mask_sources(src_root, layout):
            height, width = image_size(img_path)
            image_id = builder.add_image(_relative(img_path, src_root), height, width)
            report.num_images += 1
            for source, mask in masks:
                if mask.shape != (height, width):
                    raise ConversionError(f'{source}: mask is {mask.shape[0]}x{mask.shape[1]}, '
                                          f'image {img_path} is {height}x{width}')
                _add_mask(mask, source, image_id, builder, report, min_area)
    splits = split_coco(builder.to_dict(), {'train': 1.0 - val_ratio, 'val': val_ratio}, seed,
                        group_of=lambda im: im['file_name'])
    report.check_balance()
    return splits, report


def _relative(path: str, root: str) -> str:
    return osp.relpath(path, root).replace(os.sep, '/')


def _images(src_root: str) -> List[str]:
    img_dir = osp.join(src_root, 'images')
    paths = sorted(p for p in glob.glob(osp.join(img_dir, '*')) if p.lower().endswith(IMAGE_EXTS))
    if not paths:
        raise ConversionError(f'{img_dir}: no images found')
    return paths


def _mask_sources(src_root: str, layout: str
                  ) -> Iterator[Tuple[str, Iterator[Tuple[str, np.ndarray]]]]:
    """Yield ``(image path, iterator of (mask file, boolean mask))`` per image."""
    for img_path in _images(src_root):
        stem = osp.splitext(osp.basename(img_path))[0]
        if layout == 'instance_pngs':
            mask_dir = osp.join(src_root, 'masks', stem)
            if not osp.isdir(mask_dir):
                raise ConversionError(f'{img_path}: mask folder {mask_dir} not found')
            yield img_path, ((p, read_label_image(p) > 0)
                             for p in sorted(glob.glob(osp.join(mask_dir, '*.png'))))
        else:
            yield img_path, _split_label_image(osp.join(src_root, 'labels', stem + '.png'))


def _split_label_image(path: str) -> Iterator[Tuple[str, np.ndarray]]:
    labels = read_label_image(path)
    for value in np.unique(labels):
        if value != 0:
            yield path, labels == value


def _add_mask(mask: np.ndarray, source: str, image_id: int, builder: CocoBuilder,
              report: ConversionReport, min_area: float) -> None:
    bbox, area = mask_bbox_area(mask)
    if area == 0:
        report.drop('empty_mask', source)
    elif area < min_area:
        report.drop('below_min_area', source, f'area {area:.0f} px')
    else:
        builder.add_annotation(image_id, 1, bbox, area, segmentation=encode_mask(mask))
        report.count_written(AGNOSTIC_CLASS)


def _convert_labelme(json_path: str, src_root: str, builder: CocoBuilder,
                     report: ConversionReport, min_area: float) -> None:
    record = read_json(json_path)
    check_labelme_record(json_path, record)
    img_path = labelme_image_path(json_path, record)
    height, width = image_size(img_path)
    image_id = builder.add_image(_relative(img_path, src_root), height, width)
    report.num_images += 1
    for shape in record['shapes']:
        poly = polygon_from_shape(shape if isinstance(shape, dict) else {}, height, width, min_area)
        if poly.reason:
            report.drop(poly.reason, json_path, poly.detail)
            continue
        builder.add_annotation(image_id, 1, poly.bbox, poly.area, segmentation=poly.segmentation)
        report.count_written(AGNOSTIC_CLASS)
