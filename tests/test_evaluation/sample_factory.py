"""Build data-sample dicts exactly as mmengine's Evaluator hands them to metrics
(``DetDataSample.to_dict()`` of a test-pipeline sample carrying predictions)."""
from typing import Optional, Sequence

import numpy as np
import torch
from mmdet.structures import DetDataSample
from mmdet.structures.bbox import HorizontalBoxes
from mmdet.structures.mask import BitmapMasks, PolygonMasks
from mmengine.structures import InstanceData


def rect(rows, cols, shape=(10, 10)) -> np.ndarray:
    """A bool mask with rows[0]..rows[1] x cols[0]..cols[1] (inclusive) set."""
    mask = np.zeros(shape, bool)
    mask[rows[0]:rows[1] + 1, cols[0]:cols[1] + 1] = True
    return mask


def rect_polygon(rows, cols) -> list:
    """The COCO polygon pycocotools rasterises to ``rect(rows, cols)`` (pixel-edge corners)."""
    r0, r1, c0, c1 = rows[0], rows[1] + 1, cols[0], cols[1] + 1
    return [np.array([c0, r0, c1, r0, c1, r1, c0, r1], np.float64)]


def boxes_of(masks: np.ndarray) -> np.ndarray:
    boxes = []
    for mask in masks:
        rows, cols = np.nonzero(mask)
        boxes.append([cols.min(), rows.min(), cols.max() + 1, rows.max() + 1])
    return np.asarray(boxes, np.float32).reshape(-1, 4)


def make_sample(gt_masks: np.ndarray,
                gt_labels: Sequence[int],
                pred_masks: np.ndarray,
                pred_labels: Sequence[int],
                scores: Optional[Sequence[float]] = None,
                gt_polygons: Optional[list] = None,
                **metainfo) -> dict:
    """One sample dict; ground truth as PolygonMasks if ``gt_polygons`` is given, else BitmapMasks."""
    height, width = gt_masks.shape[1:] if len(gt_masks) else pred_masks.shape[1:]
    defaults = dict(img_id=0, img_path='img.png', ori_shape=(height, width), img_shape=(height, width))
    sample = DetDataSample(metainfo={**defaults, **metainfo})
    gt = InstanceData()
    gt.bboxes = HorizontalBoxes(torch.from_numpy(boxes_of(gt_masks)))
    gt.labels = torch.as_tensor(list(gt_labels), dtype=torch.long)
    gt.masks = (PolygonMasks(gt_polygons, height, width)
                if gt_polygons is not None else BitmapMasks(gt_masks.astype(np.uint8), height, width))
    sample.gt_instances = gt
    pred = InstanceData()
    pred.bboxes = torch.from_numpy(boxes_of(pred_masks))
    pred.labels = torch.as_tensor(list(pred_labels), dtype=torch.long)
    pred.scores = torch.as_tensor(list(scores) if scores is not None else [0.9] * len(pred_masks),
                                  dtype=torch.float32)
    pred.masks = torch.from_numpy(pred_masks.astype(bool))
    sample.pred_instances = pred
    return sample.to_dict()
