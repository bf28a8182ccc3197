"""Per-class detection counts and the confusion matrix of one image (the seed's error analysis).

Predictions are matched to ground truths class-agnostically and one-to-one, maximising the total IoU
over pairs with IoU >= ``iou_thr`` (``scipy.optimize.linear_sum_assignment``). Then, per class k:

* TP: a ground truth of class k matched by a prediction labelled k;
* FP: a prediction labelled k that is unmatched or matched to a ground truth of another class;
* FN: a ground truth of class k that is unmatched or matched by a prediction of another class;
* ERR = FP + FN.

A swapped pair (chromosomes 4 and 5 read as 5 and 4) therefore gives FP = FN = 1 to both classes.
The confusion matrix has one row per ground-truth class and one column per predicted class, plus a
last row/column "background": ``[k, bg]`` counts missed ground truths, ``[bg, k]`` spurious
predictions.
"""
from typing import Dict

import numpy as np
from scipy.optimize import linear_sum_assignment


def match_one_to_one(iou: np.ndarray, iou_thr: float = 0.5):
    """Return ``(gt_idx, pred_idx)`` of a one-to-one matching maximising total IoU, IoU >= iou_thr."""
    iou = np.asarray(iou, dtype=np.float64)
    if iou.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    allowed = np.where(iou >= iou_thr, iou, 0.0)
    gt_idx, pred_idx = linear_sum_assignment(allowed, maximize=True)
    keep = iou[gt_idx, pred_idx] >= iou_thr
    return gt_idx[keep], pred_idx[keep]


def class_confusion(iou: np.ndarray,
                    gt_labels: np.ndarray,
                    pred_labels: np.ndarray,
                    num_classes: int,
                    iou_thr: float = 0.5) -> np.ndarray:
    """Return the ``(num_classes + 1, num_classes + 1)`` confusion matrix of one image.

    Args:
        iou: ``(G, P)`` IoU of ground truths against predictions (masks or boxes).
        gt_labels: ``(G,)`` and pred_labels: ``(P,)`` class indices in ``0..num_classes - 1``.
    """
    gt_labels = np.asarray(gt_labels, np.int64).reshape(-1)
    pred_labels = np.asarray(pred_labels, np.int64).reshape(-1)
    iou = np.asarray(iou, np.float64).reshape(len(gt_labels), len(pred_labels))
    for name, labels in (('gt_labels', gt_labels), ('pred_labels', pred_labels)):
        if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
            raise ValueError(f'{name} must lie in 0..{num_classes - 1}, got {labels.min()}..{labels.max()}')
    gt_idx, pred_idx = match_one_to_one(iou, iou_thr)
    background = num_classes
    confusion = np.zeros((num_classes + 1, num_classes + 1), np.int64)
    np.add.at(confusion, (gt_labels[gt_idx], pred_labels[pred_idx]), 1)
    gt_missed = np.setdiff1d(np.arange(len(gt_labels)), gt_idx)
    pred_spurious = np.setdiff1d(np.arange(len(pred_labels)), pred_idx)
    np.add.at(confusion, (gt_labels[gt_missed], background), 1)
    np.add.at(confusion, (background, pred_labels[pred_spurious]), 1)
    return confusion


def per_class_counts(confusion: np.ndarray) -> Dict[str, np.ndarray]:
    """Return per-class ``tp``, ``fp``, ``fn``, ``err`` and ``accuracy`` from a confusion matrix.

    ``accuracy[k] = TP / (TP + FN)``: the fraction of class-k chromosomes found and named
    correctly (NaN for a class with no ground truth).
    """
    confusion = np.asarray(confusion, np.int64)
    num_classes = confusion.shape[0] - 1
    tp = np.diag(confusion)[:num_classes].copy()
    fn = confusion[:num_classes].sum(axis=1) - tp
    fp = confusion[:, :num_classes].sum(axis=0) - tp
    with np.errstate(invalid='ignore', divide='ignore'):
        accuracy = np.where(tp + fn > 0, tp / np.maximum(tp + fn, 1), np.nan)
    return dict(tp=tp, fp=fp, fn=fn, err=fp + fn, accuracy=accuracy)
