"""M-FISH label maps (``<folder>/<name>D.tif`` + ``<name>K.tif`` + ``case-info.txt``) to COCO.

Instances follow :func:`instances_from_label_map` (overlap pixels, value 255, join every chromosome
they touch, so masks overlap; components with fewer than ``min_area`` class pixels are dropped and
reported as ``fragment_below_min_area``; overlap regions touching one class only are reported as
notes). Masks are written as RLE. Each image record carries ``karyotype``, ``patient_id`` (the
folder) and ``slide`` (its first three characters, e.g. ``A02``). ``karyotype`` is the ISCN string
:func:`~.case_info.read_case_info` reads from the folder's ``case-info.txt`` (fields without spaces,
``"43, XY, -19, -19, -22"`` -> ``"43,XY,-19,-19,-22"``; free text after it cut), always one that
:func:`mmkaryo.karyotype.iscn.parse_karyotype` accepts, or null when the file gives none (a
structural karyotype such as ``45,XX,-13,-18,+der(5)``, a typo): never a guess. The returned
:class:`~.mfish_report.MfishReport` names every file whose text was cut or not read.

The DAPI images are bright chromosomes on a dark ground. :func:`convert_mfish` points
``file_name`` at the original ``*D.tif`` (relative to SRC_ROOT); :func:`write_inverted_images`
writes inverted PNG copies (dark on light, like the G-banded sets the models see elsewhere) with the
set's ``README.TXT`` licence beside them, and returns the COCO dict pointing at the copies.
:func:`invert_gray` is that inversion; inference (:mod:`mmkaryo.apis.polarity`) applies the same one.
"""
import glob
import os
import os.path as osp
import shutil
from typing import Any, Dict, List, Optional, Tuple

import numpy as np
from PIL import Image

from mmkaryo.structures.classes import CHROMOSOME_CLASSES
from .case_info import read_case_info
from .coco_builder import CocoBuilder, chromosome_categories, encode_mask, mask_bbox_area
from .io_utils import image_size, read_gray, read_label_image
from .label_maps import instances_from_label_map
from .mfish_report import MfishReport
from .report import ConversionError

OVERLAP_VALUE = 255
LICENCE_FILE = 'README.TXT'


def convert_mfish(src_root: str, min_area: int = 30) -> Tuple[Dict[str, Any], MfishReport]:
    """Convert every ``<folder>/*K.tif`` under ``src_root``; return the 24-class COCO dict and report.

    Raises ConversionError naming the file on a missing/unreadable image or label image, a size
    mismatch between them, or label values outside 0..24 and 255.
    """
    k_paths = sorted(glob.glob(osp.join(src_root, '*', '*K.tif')))
    if not k_paths:
        raise ConversionError(f'{src_root}: no <folder>/*K.tif label images found')
    report = MfishReport('M-FISH')
    builder = CocoBuilder(chromosome_categories())
    karyotypes: Dict[str, Optional[str]] = {}
    for k_path in k_paths:
        folder = osp.basename(osp.dirname(k_path))
        if folder not in karyotypes:
            read = read_case_info(osp.dirname(k_path))
            report.case_info[osp.join(osp.dirname(k_path), 'case-info.txt')] = read
            karyotypes[folder] = read.karyotype
        _convert_pair(k_path, folder, karyotypes[folder], src_root, builder, report, min_area)
    report.check_balance()
    return builder.to_dict(), report


def _convert_pair(k_path: str, folder: str, karyotype: Optional[str], src_root: str,
                  builder: CocoBuilder, report: MfishReport, min_area: int) -> None:
    d_path = k_path[:-len('K.tif')] + 'D.tif'
    height, width = image_size(d_path)
    labels = read_label_image(k_path)
    if labels.shape != (height, width):
        raise ConversionError(f'{k_path}: label image is {labels.shape}, image {d_path} is '
                              f'{(height, width)}')
    unexpected = set(np.unique(labels).tolist()) - set(range(25)) - {OVERLAP_VALUE}
    if unexpected:
        raise ConversionError(f'{k_path}: label values {sorted(unexpected)} outside 0..24 and 255')
    image_id = builder.add_image(osp.relpath(d_path, src_root).replace(os.sep, '/'), height, width,
                                 karyotype=karyotype, patient_id=folder, slide=folder[:3])
    report.num_images += 1
    if karyotype is None:
        report.images_without_karyotype += 1
    found = instances_from_label_map(labels, overlap_value=OVERLAP_VALUE, min_area=min_area)
    for value, mask in zip(found.classes, found.masks):
        bbox, area = mask_bbox_area(mask)
        builder.add_annotation(image_id, value, bbox, area, segmentation=encode_mask(mask))
        report.count_written(CHROMOSOME_CLASSES[value - 1])
    for value, pixels in found.fragments:
        report.drop('fragment_below_min_area', k_path,
                    f'class {CHROMOSOME_CLASSES[value - 1]}, {pixels} px')
    for pixels in found.single_class_overlaps:
        report.notes.append(f'{k_path}: overlap region of {pixels} px touches one class only; '
                            'covered by one mask')


def invert_gray(gray: np.ndarray) -> np.ndarray:
    """``255 - gray`` of a uint8 image: the inversion of the training copies and of inference."""
    if gray.dtype != np.uint8:
        raise TypeError(f'invert_gray needs a uint8 image, got {gray.dtype}')
    return 255 - gray


def write_inverted_images(coco: Dict[str, Any], src_root: str, dst_dir: str) -> Dict[str, Any]:
    """Write ``255 - image`` PNG copies of ``coco``'s images under ``dst_dir``, keeping folders.

    Copies ``src_root/README.TXT`` (the set's licence) to ``dst_dir`` when it exists. Returns a copy
    of ``coco`` whose ``file_name`` values point at the PNGs, relative to ``dst_dir``. Refuses to
    write inside ``src_root``.
    """
    src_abs, dst_abs = osp.abspath(src_root), osp.abspath(dst_dir)
    if dst_abs == src_abs or dst_abs.startswith(src_abs + os.sep):
        raise ValueError(f'{dst_dir}: refusing to write converted images inside the source {src_root}')
    images: List[Dict[str, Any]] = []
    for record in coco['images']:
        gray = read_gray(osp.join(src_root, record['file_name']))
        file_name = osp.splitext(record['file_name'])[0] + '.png'
        out_path = osp.join(dst_dir, file_name)
        os.makedirs(osp.dirname(out_path), exist_ok=True)
        Image.fromarray(invert_gray(gray)).save(out_path)
        images.append(dict(record, file_name=file_name))
    licence = osp.join(src_root, LICENCE_FILE)
    if osp.isfile(licence):
        os.makedirs(dst_dir, exist_ok=True)
        shutil.copyfile(licence, osp.join(dst_dir, LICENCE_FILE))
    return dict(coco, images=images)
