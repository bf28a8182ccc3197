"""mAP@50 of ranked detections with pycocotools' COCOeval, class-aware or with all classes merged.

Settings as mmdet's ``CocoMetric(iou_thrs=[0.5])`` reports ``mAP_50``: one IoU threshold 0.5, up to
1000 detections per image, all object sizes. Ground-truth boxes are the masks' bounding boxes.
Class-aware: a detection's category is its detector label; class-agnostic: ground truth merged by
:func:`mmkaryo.evaluation.metrics.class_agnostic_coco_metric.merge_categories` and every detection
put in that one category.
"""
import contextlib
import io
from typing import List, Sequence

import numpy as np
import pycocotools.mask as mask_util
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

from mmkaryo.evaluation.metrics.class_agnostic_coco_metric import AGNOSTIC_CATEGORY_ID, merge_categories
from mmkaryo.evaluation.zoo.detections import Detections
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage
from mmkaryo.structures.classes import CHROMOSOME_CLASSES

IOU_TYPES = ('bbox', 'segm')
MAX_DETS = 1000


def _quiet(function, *args):
    """Call a pycocotools function without its progress prints."""
    with contextlib.redirect_stdout(io.StringIO()):
        return function(*args)


def ground_truth_coco(images: Sequence[GroundTruthImage]) -> COCO:
    """A pycocotools COCO of the records, category id = class index + 1."""
    annotations = []
    for image in images:
        for rle, label in zip(image.rles, image.labels):
            annotations.append(dict(
                id=len(annotations) + 1, image_id=image.image_id, category_id=int(label) + 1,
                segmentation=rle, area=float(mask_util.area(rle)), bbox=mask_util.toBbox(rle).tolist(),
                iscrowd=0))
    coco = COCO()
    coco.dataset = dict(
        images=[dict(id=i.image_id, file_name=i.file_name, height=i.height, width=i.width) for i in images],
        annotations=annotations,
        categories=[dict(id=k + 1, name=name) for k, name in enumerate(CHROMOSOME_CLASSES)])
    _quiet(coco.createIndex)
    return coco


def _results(images: Sequence[GroundTruthImage], detections: Sequence[Detections], iou_type: str,
             class_aware: bool) -> List[dict]:
    results = []
    for image, dets in zip(images, detections):
        for k in range(len(dets)):
            category = int(dets.detector_labels[k]) + 1 if class_aware else AGNOSTIC_CATEGORY_ID
            record = dict(image_id=image.image_id, category_id=category, score=float(dets.scores[k]))
            if iou_type == 'bbox':
                x0, y0, x1, y1 = dets.boxes[k]
                record['bbox'] = [float(x0), float(y0), float(x1 - x0), float(y1 - y0)]
            else:
                record['segmentation'] = dets.rles[k]
            results.append(record)
    return results


def map50(images: Sequence[GroundTruthImage], detections: Sequence[Detections], iou_type: str,
          class_aware: bool) -> float:
    """mAP at IoU 0.5 of ``detections[i]`` (all scores) on ``images[i]``.

    Returns NaN when no image has a ground-truth instance, 0.0 when there are instances but no
    detections. Raises ``ValueError`` for an unknown ``iou_type``, mismatched lengths, or
    ``class_aware`` with detections that have no ``detector_labels``.
    """
    if iou_type not in IOU_TYPES:
        raise ValueError(f'iou_type must be one of {IOU_TYPES}, got {iou_type!r}')
    if len(images) != len(detections):
        raise ValueError(f'{len(images)} images but {len(detections)} detection sets')
    if class_aware and any(d.detector_labels is None for d in detections):
        raise ValueError('class-aware mAP needs detector_labels on every image')
    gt = ground_truth_coco(images)
    if not class_aware:
        _quiet(merge_categories, gt)
    if not gt.dataset['annotations']:
        return float('nan')
    results = _results(images, detections, iou_type, class_aware)
    if not results:
        return 0.0
    dt = _quiet(gt.loadRes, results)
    evaluator = COCOeval(gt, dt, iou_type)
    evaluator.params.iouThrs = np.array([0.5])
    evaluator.params.maxDets = [MAX_DETS]
    evaluator.params.areaRng, evaluator.params.areaRngLbl = [[0, 1e10]], ['all']
    _quiet(evaluator.evaluate)
    _quiet(evaluator.accumulate)
    precision = evaluator.eval['precision'][0, :, :, 0, -1]  # (recall thresholds, categories)
    valid = precision[precision > -1]
    return float(valid.mean()) if valid.size else float('nan')
