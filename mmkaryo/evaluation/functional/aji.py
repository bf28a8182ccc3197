"""Aggregated Jaccard Index over instance masks that may overlap.

Reference AJI code (HoVer-Net's ``get_fast_aji``, the MoNuSeg MATLAB code) takes 2-D label maps, which
cannot hold two instances on one pixel; chromosomes overlap, so here AJI is computed from instance
masks: RLE through pycocotools, ``(N, H, W)`` arrays by sparse overlap counts on bounding-box crops,
label maps by one ``bincount`` (see :mod:`.masks`). All paths reduce to an intersection matrix and
the instance areas, and share :func:`aji_from_overlaps`; none intersects pairs over the full image.

Definitions (C: aggregated intersection, U: aggregated union):

* ``'aji'`` (Kumar et al. 2017): every ground truth G takes the prediction S of highest IoU with it
  (a prediction may serve several ground truths, each time adding to C and U); C += |G∩S|,
  U += |G∪S|. A ground truth overlapping no prediction adds |G| to U; every prediction chosen by no
  ground truth adds |S| to U.
* ``'aji+'`` (Graham et al. 2019, HoVer-Net): one-to-one matching maximising the total IoU
  (``scipy.optimize.linear_sum_assignment``), keeping pairs with IoU > 0; the same union rule.

AJI = C / U. Edge cases: when U = 0 (no ground truth and no prediction has a pixel, e.g. both lists
empty) AJI is 1.0: nothing to find and nothing claimed. With no ground truth and predictions
present, C = 0 < U and AJI is 0.0. With labels on both sides, only pairs of the same class may match
(class-aware AJI); without, matching is class-agnostic.
"""
from typing import Dict, Optional, Sequence

import numpy as np
from scipy.optimize import linear_sum_assignment

from mmkaryo.evaluation.functional.masks import Masks, array_overlaps, mask_overlaps, to_rles

VARIANTS = ('aji', 'aji+')
_DIRECT_ID_LIMIT = 4096


def _check_labels(labels: Optional[Sequence[int]], count: int, name: str) -> Optional[np.ndarray]:
    if labels is None:
        return None
    labels = np.asarray(labels).reshape(-1)
    if len(labels) != count:
        raise ValueError(f'{name} has {len(labels)} entries for {count} masks')
    return labels


def aji_from_overlaps(intersection: np.ndarray,
                      gt_areas: np.ndarray,
                      pred_areas: np.ndarray,
                      variant: str = 'aji',
                      same_class: Optional[np.ndarray] = None) -> Dict[str, float]:
    """Aggregate AJI from an intersection matrix and the instance areas (pixel counts).

    Args:
        intersection: ``(G, P)`` pixel counts of ground truth i ∩ prediction j.
        gt_areas: ``(G,)`` ground-truth areas. pred_areas: ``(P,)`` prediction areas.
        variant: ``'aji'`` or ``'aji+'`` (see the module docstring).
        same_class: optional ``(G, P)`` bool; False forbids a pair (class-aware AJI).

    Returns:
        dict with ``aji``, ``intersection`` (C), ``union`` (U), ``matched`` (matched pairs; in
        'aji' a prediction serving two ground truths counts twice), ``unmatched_gt`` and
        ``unmatched_pred``.
    """
    if variant not in VARIANTS:
        raise ValueError(f'variant must be one of {VARIANTS}, got {variant!r}')
    intersection = np.asarray(intersection, dtype=np.int64)
    gt_areas, pred_areas = np.asarray(gt_areas, np.int64), np.asarray(pred_areas, np.int64)
    if intersection.shape != (len(gt_areas), len(pred_areas)):
        raise ValueError(f'intersection has shape {intersection.shape}, expected '
                         f'({len(gt_areas)}, {len(pred_areas)}) from the areas')
    union = gt_areas[:, None] + pred_areas[None, :] - intersection
    iou = np.where(union > 0, intersection / np.maximum(union, 1), 0.0)
    if same_class is not None:
        iou = np.where(same_class, iou, 0.0)
    if variant == 'aji':
        gt_idx = np.arange(len(gt_areas))
        pred_idx = iou.argmax(axis=1) if iou.shape[1] else np.zeros(len(gt_areas), np.int64)
    else:
        gt_idx, pred_idx = linear_sum_assignment(iou, maximize=True)
    keep = iou[gt_idx, pred_idx] > 0 if len(gt_idx) and iou.shape[1] else np.zeros(len(gt_idx), bool)
    gt_idx, pred_idx = gt_idx[keep], pred_idx[keep]
    gt_used = np.zeros(len(gt_areas), bool)
    gt_used[gt_idx] = True
    pred_used = np.zeros(len(pred_areas), bool)
    pred_used[pred_idx] = True
    total_inter = int(intersection[gt_idx, pred_idx].sum())
    total_union = int(union[gt_idx, pred_idx].sum() + gt_areas[~gt_used].sum() +
                      pred_areas[~pred_used].sum())
    return dict(
        aji=total_inter / total_union if total_union > 0 else 1.0,
        intersection=total_inter,
        union=total_union,
        matched=int(len(gt_idx)),
        unmatched_gt=int((~gt_used).sum()),
        unmatched_pred=int((~pred_used).sum()))


def aggregated_jaccard_index(gt_masks: Masks,
                             pred_masks: Masks,
                             gt_labels: Optional[Sequence[int]] = None,
                             pred_labels: Optional[Sequence[int]] = None,
                             variant: str = 'aji') -> Dict[str, float]:
    """AJI of predicted against ground-truth instance masks, which may overlap.

    Args:
        gt_masks, pred_masks: ``(N, H, W)`` bool arrays or lists of COCO RLE dicts (N may be 0;
            an empty list needs no image size).
        gt_labels, pred_labels: class per mask. When both are given, only masks of the same class
            can match (class-aware AJI); otherwise matching is class-agnostic.
        variant: ``'aji'`` (Kumar) or ``'aji+'`` (one-to-one); see the module docstring.

    Returns:
        see :func:`aji_from_overlaps`.
    """
    if isinstance(gt_masks, np.ndarray) and isinstance(pred_masks, np.ndarray):
        intersection, gt_areas, pred_areas = array_overlaps(gt_masks, pred_masks)
    else:
        intersection, gt_areas, pred_areas = mask_overlaps(to_rles(gt_masks), to_rles(pred_masks))
    gt_labels = _check_labels(gt_labels, len(gt_areas), 'gt_labels')
    pred_labels = _check_labels(pred_labels, len(pred_areas), 'pred_labels')
    same_class = None
    if gt_labels is not None and pred_labels is not None:
        same_class = gt_labels[:, None] == pred_labels[None, :]
    return aji_from_overlaps(intersection, gt_areas, pred_areas, variant, same_class)


def _dense_codes(ids: np.ndarray):
    """Map non-negative ids to 0..K-1 codes; returns ``(codes, id_of_code)`` with id 0 first.

    Ids below ``_DIRECT_ID_LIMIT`` (the usual 0..N label map) are used as codes directly, skipping a
    sort; codes of absent ids then have zero area and are dropped by the caller.
    """
    top = int(ids.max()) if ids.size else 0
    if top < _DIRECT_ID_LIMIT:
        return ids.astype(np.int64, copy=False), np.arange(top + 1)
    unique, codes = np.unique(ids, return_inverse=True)
    if unique[0] != 0:
        unique, codes = np.concatenate([[0], unique]), codes + 1
    return codes.astype(np.int64), unique


def label_map_overlaps(gt_map: np.ndarray, pred_map: np.ndarray):
    """Sparse overlap counts of two ``(H, W)`` integer label maps (0 = background).

    Returns ``(gt_ids, pred_ids, intersection, gt_areas, pred_areas)``: the instance ids present
    and the ``(G, P)`` intersection matrix, counted in one ``bincount`` over the pixels that are
    foreground in either map (no per-instance masks, no pairwise image operations).
    """
    gt_map, pred_map = np.asarray(gt_map), np.asarray(pred_map)
    if gt_map.shape != pred_map.shape or gt_map.ndim != 2:
        raise ValueError(f'label maps must be 2-D of one shape, got {gt_map.shape} and {pred_map.shape}')
    foreground = (gt_map != 0) | (pred_map != 0)
    gt_fg_ids, pred_fg_ids = gt_map[foreground], pred_map[foreground]
    if (gt_fg_ids.size and gt_fg_ids.min() < 0) or (pred_fg_ids.size and pred_fg_ids.min() < 0):
        raise ValueError('label maps must hold non-negative ids (0 = background)')
    gt_codes, gt_ids = _dense_codes(gt_fg_ids)
    pred_codes, pred_ids = _dense_codes(pred_fg_ids)
    counts = np.bincount(gt_codes * len(pred_ids) + pred_codes, minlength=len(gt_ids) * len(pred_ids))
    table = counts.reshape(len(gt_ids), len(pred_ids))
    gt_areas, pred_areas = table.sum(axis=1), table.sum(axis=0)
    gt_fg = (gt_ids != 0) & (gt_areas > 0)
    pred_fg = (pred_ids != 0) & (pred_areas > 0)
    return (gt_ids[gt_fg], pred_ids[pred_fg], table[np.ix_(gt_fg, pred_fg)], gt_areas[gt_fg],
            pred_areas[pred_fg])


def aggregated_jaccard_index_label_maps(gt_map: np.ndarray,
                                        pred_map: np.ndarray,
                                        variant: str = 'aji') -> Dict[str, float]:
    """Class-agnostic AJI of two ``(H, W)`` instance label maps (0 = background).

    For non-overlapping instances only (what a label map can hold), e.g. HoVer-Net style
    evaluation; gives the same value as :func:`aggregated_jaccard_index` on the maps' masks.
    """
    _, _, intersection, gt_areas, pred_areas = label_map_overlaps(gt_map, pred_map)
    return aji_from_overlaps(intersection, gt_areas, pred_areas, variant)
