"""Scores of a crop classifier: confusion matrices, per-class and top-k accuracy, per-metaphase reading.

Each crop is one chromosome cut out of a metaphase; its classifier gives a probability per class.
Labels are read two ways: the argmax, or the karyotype-constrained assignment of
:func:`mmkaryo.karyotype.assign_classes` over all crops of the same metaphase (the same image id).
"""
from typing import List, Tuple

import numpy as np

from mmkaryo.karyotype.assignment import assign_classes


def _labels(values: np.ndarray, name: str, num_classes: int) -> np.ndarray:
    labels = np.asarray(values)
    if labels.ndim != 1 or (labels.size and not np.issubdtype(labels.dtype, np.integer)):
        raise ValueError(f'{name} must be a 1-d array of integer class indices, got {labels.dtype} '
                         f'of shape {labels.shape}')
    if labels.size and (labels.min() < 0 or labels.max() >= num_classes):
        raise ValueError(f'{name} must lie in 0..{num_classes - 1}, got {labels.min()}..{labels.max()}')
    return labels.astype(np.int64)


def confusion_matrix(gt: np.ndarray, pred: np.ndarray, num_classes: int) -> np.ndarray:
    """Return the ``(K, K)`` int64 count of crops per (true class row, predicted class column)."""
    gt = _labels(gt, 'gt', num_classes)
    pred = _labels(pred, 'pred', num_classes)
    if gt.shape != pred.shape:
        raise ValueError(f'gt and pred must have the same length, got {len(gt)} and {len(pred)}')
    confusion = np.zeros((num_classes, num_classes), np.int64)
    np.add.at(confusion, (gt, pred), 1)
    return confusion


def per_class_accuracy(confusion: np.ndarray) -> np.ndarray:
    """Return ``(K,)`` recall per class: diagonal / row sum, NaN for a class with no ground truth."""
    confusion = np.asarray(confusion)
    if confusion.ndim != 2 or confusion.shape[0] != confusion.shape[1]:
        raise ValueError(f'confusion must be a square matrix, got shape {confusion.shape}')
    counts = confusion.sum(axis=1)
    with np.errstate(invalid='ignore', divide='ignore'):
        return np.where(counts > 0, np.diag(confusion) / np.maximum(counts, 1), np.nan)


def top_k_accuracy(scores: np.ndarray, gt: np.ndarray, k: int) -> float:
    """Fraction of crops whose true class is among their ``k`` highest scores (ties: lower index first)."""
    scores = np.asarray(scores)
    gt = _labels(gt, 'gt', scores.shape[1])
    if len(gt) != len(scores) or not len(gt):
        raise ValueError(f'need one true label per score row and at least one crop, got {len(gt)} labels '
                         f'for {len(scores)} rows')
    top = np.argsort(-scores, axis=1, kind='stable')[:, :k]
    return float(np.mean(np.any(top == gt[:, None], axis=1)))


def constrained_labels(scores: np.ndarray, img_ids: np.ndarray, extra_penalty: float) -> np.ndarray:
    """Return ``(N,)`` labels from one :func:`assign_classes` call per image id over that image's crops."""
    scores = np.asarray(scores)
    img_ids = np.asarray(img_ids)
    if img_ids.shape != (len(scores), ):
        raise ValueError(f'need one image id per score row, got shape {img_ids.shape} for {len(scores)} rows')
    labels = np.empty(len(scores), np.int64)
    for img_id in np.unique(img_ids):
        crops = np.flatnonzero(img_ids == img_id)
        labels[crops] = assign_classes(scores[crops], extra_penalty)
    return labels


def most_confused_pairs(confusion: np.ndarray, top_k: int = 5) -> List[Tuple[int, int, int]]:
    """Return up to ``top_k`` non-zero off-diagonal ``(true, predicted, count)``, largest count first
    (ties by true, then predicted class)."""
    confusion = np.asarray(confusion)
    off_diagonal = confusion * (1 - np.eye(len(confusion), dtype=confusion.dtype))
    pairs = [(int(t), int(p), int(off_diagonal[t, p])) for t, p in zip(*np.nonzero(off_diagonal))]
    return sorted(pairs, key=lambda pair: (-pair[2], pair[0], pair[1]))[:top_k]
