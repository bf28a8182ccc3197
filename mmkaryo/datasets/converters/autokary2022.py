"""AutoKary2022 (LabelMe JSON per image, patient folders) to COCO with a patient-level split.

Input: ``SRC_ROOT/{train_labelme,test_labelme}/<patientID>/<name>.json`` with the image beside it
(``imagePath``, else ``<name>.png``). ``shapes[].label`` "1".."24" (23 = X, 24 = Y) gives the class.
Dropped and reported: labels outside 1..24 (``bad_label``), shapes that are not polygons
(``not_polygon``), polygons with < 3 points (``degenerate_polygon``), zero rasterised area
(``zero_area``) and area below ``min_area`` pixels (``below_min_area``). Points outside the image are
clipped to it (a note). ``file_name`` is relative to SRC_ROOT.
"""
import glob
import os
import os.path as osp
from typing import Any, Dict, Tuple

from mmkaryo.structures.classes import CHROMOSOME_CLASSES, class_index_from_name
from .coco_builder import CocoBuilder, chromosome_categories
from .io_utils import image_size, read_json
from .labelme import check_labelme_record, labelme_image_path, polygon_from_shape
from .report import ConversionError, ConversionReport
from .splits import split_coco

SUBSETS = ('train_labelme', 'test_labelme')


def convert_autokary2022(src_root: str, val_ratio: float = 0.1, seed: int = 0,
                         min_area: float = 20.0) -> Tuple[Dict[str, Dict[str, Any]], ConversionReport]:
    """Convert an AutoKary2022 tree; return ``{'train', 'val', 'test'}`` COCO dicts and the report.

    ``train_labelme`` is split ``1 - val_ratio`` / ``val_ratio`` by patient (deterministic in
    ``seed``); ``test_labelme`` stays test. Image records carry ``patient_id`` (the folder name).
    Raises ConversionError naming the file on a missing/unreadable image or malformed JSON.
    """
    if not any(osp.isdir(osp.join(src_root, s)) for s in SUBSETS):
        raise ConversionError(f'{src_root}: holds neither of {SUBSETS}; is this an AutoKary2022 root?')
    report = ConversionReport('AutoKary2022')
    cocos = {}
    for subset in SUBSETS:
        builder = CocoBuilder(chromosome_categories())
        subset_dir = osp.join(src_root, subset)
        if not osp.isdir(subset_dir):
            report.notes.append(f'{subset_dir}: missing, its split is empty')
        for json_path in sorted(glob.glob(osp.join(subset_dir, '*', '*.json'))):
            _convert_file(json_path, src_root, builder, report, min_area)
        cocos[subset] = builder.to_dict()
    splits = split_coco(cocos['train_labelme'], {'train': 1.0 - val_ratio, 'val': val_ratio}, seed,
                        group_of=lambda im: im['patient_id'])
    splits['test'] = cocos['test_labelme']
    report.check_balance()
    return splits, report


def _convert_file(json_path: str, src_root: str, builder: CocoBuilder, report: ConversionReport,
                  min_area: float) -> None:
    """Add one LabelMe file's image and its valid polygons to ``builder``; report the rest."""
    record = read_json(json_path)
    check_labelme_record(json_path, record)
    img_path = labelme_image_path(json_path, record)
    height, width = image_size(img_path)
    if (record.get('imageHeight'), record.get('imageWidth')) != (height, width):
        report.notes.append(f'{json_path}: JSON size {record.get("imageHeight")}x'
                            f'{record.get("imageWidth")} differs from image {height}x{width}; '
                            'image size used')
    file_name = osp.relpath(img_path, src_root).replace(os.sep, '/')
    image_id = builder.add_image(file_name, height, width,
                                 patient_id=osp.basename(osp.dirname(json_path)))
    report.num_images += 1
    for shape in record['shapes']:
        label = shape.get('label') if isinstance(shape, dict) else None
        cls = class_index_from_name(label) if isinstance(label, (str, int)) else None
        if cls is None:
            report.drop('bad_label', json_path, f'label {label!r}')
            continue
        poly = polygon_from_shape(shape, height, width, min_area)
        if poly.reason:
            detail = f'label {label}' + (f', {poly.detail}' if poly.detail else '')
            report.drop(poly.reason, json_path, detail)
            continue
        if poly.clipped:
            report.notes.append(f'{json_path}: polygon of label {label} clipped to the image')
        builder.add_annotation(image_id, cls + 1, poly.bbox, poly.area,
                               segmentation=poly.segmentation)
        report.count_written(CHROMOSOME_CLASSES[cls])
