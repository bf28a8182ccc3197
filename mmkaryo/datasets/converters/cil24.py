"""Cell Image Library "24 chromosomes" (Pascal VOC boxes) to box-only COCO with a per-image split.

Input: ``SRC_ROOT/24_chromosomes_object/annotations/<name>.xml`` and the image
``SRC_ROOT/24_chromosomes_object/JEPG/<name>.jpg`` (the folder really is spelt JEPG). Object names
``A1``..``G22``, ``X``, ``Y`` or ``1``..``22``, ``X``, ``Y`` give the class. Box coordinates follow the
VOC convention (1-based, inclusive: COCO ``x = xmin - 1``, ``w = xmax - xmin + 1``) and are clipped to
the image (a note). Dropped and reported: unknown names (``unknown_name``), missing or non-numeric
coordinates (``malformed_box``), xmax < xmin or ymax < ymin (``inverted_box``), boxes with less than
one pixel of width or height inside the image (``out_of_image_box``).
The image size comes from the image when the XML lacks it or contradicts it (a note).
Records carry ``bbox`` and ``area`` and no ``segmentation``.
"""
import glob
import os.path as osp
from typing import Any, Dict, Optional, Tuple
from xml.etree.ElementTree import Element

from mmkaryo.structures.classes import CHROMOSOME_CLASSES, class_index_from_name
from .coco_builder import CocoBuilder, chromosome_categories
from .io_utils import image_size, read_xml
from .report import ConversionError, ConversionReport
from .splits import split_coco

OBJECT_DIR = '24_chromosomes_object'
IMAGE_DIR = 'JEPG'
ANN_DIR = 'annotations'


def convert_cil24(src_root: str, val_ratio: float = 0.1, test_ratio: float = 0.0,
                  seed: int = 0) -> Tuple[Dict[str, Dict[str, Any]], ConversionReport]:
    """Convert a CIL tree; return ``{'train', 'val'[, 'test']}`` COCO dicts and the report.

    Images are split at random (deterministic in ``seed``) with ratios ``1 - val - test``, ``val``,
    ``test``; the test split exists only when ``test_ratio > 0``. ``file_name`` is relative to
    SRC_ROOT. Raises ConversionError naming the file on a missing/unreadable image or malformed XML.
    """
    ann_dir = osp.join(src_root, OBJECT_DIR, ANN_DIR)
    img_dir = osp.join(src_root, OBJECT_DIR, IMAGE_DIR)
    for folder in (ann_dir, img_dir):
        if not osp.isdir(folder):
            raise ConversionError(f'{folder}: folder not found; is {src_root} a CIL root?')
    report = ConversionReport('CIL 24 chromosomes')
    builder = CocoBuilder(chromosome_categories())
    xml_paths = sorted(glob.glob(osp.join(ann_dir, '*.xml')))
    for xml_path in xml_paths:
        _convert_file(xml_path, img_dir, builder, report)
    annotated = {osp.splitext(osp.basename(p))[0] for p in xml_paths}
    unannotated = [p for p in sorted(glob.glob(osp.join(img_dir, '*')))
                   if osp.splitext(osp.basename(p))[0] not in annotated]
    if unannotated:
        report.notes.append(f'{len(unannotated)} images without XML not written, '
                            f'e.g. {unannotated[0]}')
    ratios = {'train': 1.0 - val_ratio - test_ratio, 'val': val_ratio}
    if test_ratio > 0:
        ratios['test'] = test_ratio
    splits = split_coco(builder.to_dict(), ratios, seed, group_of=lambda im: im['file_name'])
    report.check_balance()
    return splits, report


def _text(node: Optional[Element], tag: str) -> Optional[str]:
    """Stripped text of ``node``'s child ``tag``, or None."""
    child = node.find(tag) if node is not None else None
    return child.text.strip() if child is not None and child.text else None


def _xml_size(root: Element) -> Optional[Tuple[int, int]]:
    """``(height, width)`` from ``<size>``, or None if absent or not positive integers."""
    size = root.find('size')
    try:
        height, width = int(float(_text(size, 'height'))), int(float(_text(size, 'width')))
    except (TypeError, ValueError):
        return None
    return (height, width) if height > 0 and width > 0 else None


def _convert_file(xml_path: str, img_dir: str, builder: CocoBuilder,
                  report: ConversionReport) -> None:
    """Add one VOC file's image and valid boxes to ``builder``; report the rest."""
    root = read_xml(xml_path)
    if root.tag != 'annotation':
        raise ConversionError(f'{xml_path}: root element is <{root.tag}>, expected <annotation>')
    stem = osp.splitext(osp.basename(xml_path))[0]
    named = _text(root, 'filename')
    img_path = osp.join(img_dir, named) if named else ''
    if not osp.isfile(img_path):
        img_path = osp.join(img_dir, stem + '.jpg')
    height, width = image_size(img_path)
    xml_size = _xml_size(root)
    if xml_size != (height, width):
        report.notes.append(f'{xml_path}: XML size {xml_size} missing or differs from image '
                            f'{(height, width)}; image size used')
    image_id = builder.add_image(f'{OBJECT_DIR}/{IMAGE_DIR}/{osp.basename(img_path)}', height, width)
    report.num_images += 1
    for obj in root.iter('object'):
        name = _text(obj, 'name')
        cls = class_index_from_name(name) if name else None
        if cls is None:
            report.drop('unknown_name', xml_path, f'name {name!r}')
            continue
        box = obj.find('bndbox')
        try:
            x0, y0, x1, y1 = (float(_text(box, k)) for k in ('xmin', 'ymin', 'xmax', 'ymax'))
        except (TypeError, ValueError):
            report.drop('malformed_box', xml_path, f'name {name}')
            continue
        if x1 < x0 or y1 < y0:
            report.drop('inverted_box', xml_path, f'name {name}, box {(x0, y0, x1, y1)}')
            continue
        x0, y0 = x0 - 1, y0 - 1
        cx0, cx1 = min(max(x0, 0.0), width), min(max(x1, 0.0), width)
        cy0, cy1 = min(max(y0, 0.0), height), min(max(y1, 0.0), height)
        if cx1 - cx0 < 1 or cy1 - cy0 < 1:
            report.drop('out_of_image_box', xml_path, f'name {name}, box {(x0 + 1, y0 + 1, x1, y1)}')
            continue
        if (cx0, cy0, cx1, cy1) != (x0, y0, x1, y1):
            report.notes.append(f'{xml_path}: box of {name} clipped to the image')
        builder.add_annotation(image_id, cls + 1, [cx0, cy0, cx1 - cx0, cy1 - cy0],
                               (cx1 - cx0) * (cy1 - cy0))
        report.count_written(CHROMOSOME_CLASSES[cls])
