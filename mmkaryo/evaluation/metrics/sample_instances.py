"""Read ground truth and predictions out of the data-sample dicts mmengine hands to metrics.

mmengine's Evaluator calls ``metric.process(data_batch, [sample.to_dict() for sample in outputs])``.
In such a dict:

* ``pred_instances``: ``masks`` (``(N, H, W)`` bool tensor at ``ori_shape``, or a list of RLE dicts
  if already encoded), ``scores``, ``labels``, ``bboxes`` (x1, y1, x2, y2);
* ``gt_instances``: from ``LoadAnnotations`` placed *after* ``Resize`` in the test pipeline (mmdet's
  convention, so they stay in original-image coordinates): ``masks`` as mmdet ``PolygonMasks`` or
  ``BitmapMasks``, ``labels``, ``bboxes`` (tensor or ``HorizontalBoxes``); ignored instances are
  already split off into ``ignored_instances`` by ``PackDetInputs``;
* or ``instances``: the dataset's raw list (when ``meta_keys`` carries it, as mmdet's ``CocoMetric``
  expects without ``ann_file``): ``mask`` (COCO polygons or RLE), ``bbox_label``, ``bbox``,
  ``ignore_flag`` (ignored ones are left out here).
"""
from typing import Any, List, NamedTuple, Optional

import numpy as np
import pycocotools.mask as mask_util

from mmkaryo.evaluation.functional.masks import RLE, encode_masks, polygons_to_rle, to_rles


class Instances(NamedTuple):
    """Instances of one image: ``rles`` is None when the image has no masks (box-only data)."""
    rles: Optional[List[RLE]]
    labels: np.ndarray
    bboxes: np.ndarray
    scores: Optional[np.ndarray] = None


def _numpy(value: Any) -> np.ndarray:
    if hasattr(value, 'tensor'):  # mmdet HorizontalBoxes
        value = value.tensor
    if hasattr(value, 'detach'):
        value = value.detach().cpu().numpy()
    return np.asarray(value)


def _masks_to_rles(masks: Any, height: int, width: int, where: str) -> List[RLE]:
    """Convert mmdet PolygonMasks / BitmapMasks, a tensor/array (N, H, W) or RLE list to RLE."""
    if isinstance(masks, (list, tuple)):
        return to_rles(list(masks))
    if hasattr(masks, 'masks') and hasattr(masks, 'height'):
        if (masks.height, masks.width) != (height, width):
            raise ValueError(f'{where}: masks are {masks.height}x{masks.width} but ori_shape is '
                             f'{height}x{width}; put LoadAnnotations after Resize in the test '
                             'pipeline so ground truth stays in original-image coordinates')
        if isinstance(masks.masks, np.ndarray):  # BitmapMasks
            return encode_masks(masks.masks)
        return [polygons_to_rle(polys, height, width) for polys in masks.masks]  # PolygonMasks
    array = _numpy(masks)
    if array.ndim != 3 or array.shape[1:] != (height, width):
        raise ValueError(f'{where}: masks must be (N, {height}, {width}), got shape {array.shape}')
    return encode_masks(array.astype(bool))


def _raw_mask_to_rle(mask: Any, height: int, width: int) -> RLE:
    if isinstance(mask, dict):
        return to_rles([mask])[0]
    return polygons_to_rle(mask, height, width)


def ground_truth(sample: dict, require_masks: bool) -> Instances:
    """Return the ground truth of one data-sample dict (see the module docstring).

    Raises ``ValueError`` if the sample has no ground truth, or if ``require_masks`` and an image
    flagged ``with_mask`` (default True) has no masks.
    """
    height, width = (int(v) for v in sample['ori_shape'][:2])
    where = f'image {sample.get("img_path", sample.get("img_id", "?"))}'
    with_mask = bool(sample.get('with_mask', True))
    if 'gt_instances' in sample:
        gt = sample['gt_instances']
        labels = _numpy(gt['labels']).astype(np.int64).reshape(-1)
        bboxes = _numpy(gt['bboxes']).astype(np.float64).reshape(-1, 4)
        has_masks = 'masks' in gt
        rles = _masks_to_rles(gt['masks'], height, width, where) if has_masks and with_mask else None
    elif 'instances' in sample:
        kept = [inst for inst in sample['instances'] if not inst.get('ignore_flag', 0)]
        labels = np.asarray([inst['bbox_label'] for inst in kept], np.int64)
        bboxes = np.asarray([inst['bbox'] for inst in kept], np.float64).reshape(-1, 4)
        has_masks = all('mask' in inst for inst in kept)
        rles = [_raw_mask_to_rle(inst['mask'], height, width)
                for inst in kept] if has_masks and with_mask else None
    else:
        raise ValueError(f'{where}: no ground truth in the data sample; add LoadAnnotations to the '
                         'test pipeline (after Resize)')
    if require_masks and with_mask and rles is None:
        raise ValueError(f'{where}: ground truth has no masks; load them with '
                         'LoadAnnotations(with_mask=True) or flag the dataset with_mask=False')
    return Instances(rles, labels, bboxes)


def predictions(sample: dict, score_thr: float) -> Instances:
    """Return the predictions of one data-sample dict with score >= ``score_thr``.

    Masks are binary already (mmdet thresholds mask probabilities at ``mask_thr_binary``);
    ``rles`` is None when the model predicts no masks.
    """
    pred = sample['pred_instances']
    scores = _numpy(pred['scores']).astype(np.float64).reshape(-1)
    keep = np.flatnonzero(scores >= score_thr)
    labels = _numpy(pred['labels']).astype(np.int64).reshape(-1)[keep]
    bboxes = _numpy(pred['bboxes']).astype(np.float64).reshape(-1, 4)[keep]
    rles = None
    if 'masks' in pred:
        masks = pred['masks']
        height, width = (int(v) for v in sample['ori_shape'][:2])
        where = f'predictions for image {sample.get("img_path", sample.get("img_id", "?"))}'
        if isinstance(masks, (list, tuple)):
            rles = [to_rles([masks[i]])[0] for i in keep]
        else:
            rles = _masks_to_rles(_numpy(masks)[keep], height, width, where)
    return Instances(rles, labels, bboxes, scores[keep])


def pairwise_iou(gt: Instances, pred: Instances, use_masks: bool) -> np.ndarray:
    """``(G, P)`` IoU of ground truths against predictions, by masks or by boxes."""
    if len(gt.labels) == 0 or len(pred.labels) == 0:
        return np.zeros((len(gt.labels), len(pred.labels)))
    if use_masks:
        return np.asarray(mask_util.iou(gt.rles, pred.rles, [0] * len(pred.rles)), np.float64)
    to_xywh = np.array([[1, 0, -1, 0], [0, 1, 0, -1], [0, 0, 1, 0], [0, 0, 0, 1]], np.float64)
    return np.asarray(mask_util.iou(gt.bboxes @ to_xywh, pred.bboxes @ to_xywh,
                                    [0] * len(pred.labels)), np.float64)
