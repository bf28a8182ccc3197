"""One image's contribution to the thresholded zoo columns (AJI, recall, class accuracy, karyotype).

Recall matches ground truths to the kept predictions one-to-one at mask IoU >= 0.5, maximising the
total IoU (:func:`mmkaryo.evaluation.functional.class_matching.match_one_to_one`, Hungarian).
Class accuracy is counted over those matched pairs. AJI and AJI+ are class-agnostic
(:func:`mmkaryo.evaluation.functional.aji.aji_from_overlaps` on the same overlap counts).
"""
from typing import NamedTuple, Optional, Sequence, Tuple

import numpy as np

from mmkaryo.evaluation.functional.aji import aji_from_overlaps
from mmkaryo.evaluation.functional.class_matching import match_one_to_one
from mmkaryo.evaluation.functional.masks import RLE, mask_overlaps
from mmkaryo.evaluation.zoo.contact import contact_categories
from mmkaryo.evaluation.zoo.detections import Detections
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage
from mmkaryo.evaluation.zoo.karyotype_truth import KaryotypeTruth, karyotype_truth
from mmkaryo.karyotype.iscn import counts_from_labels

RECALL_IOU = 0.5


class ImageScores(NamedTuple):
    """Per-image counts the row aggregates.

    ``contact``/``found``: (G,) contact category and whether each ground truth was matched;
    ``aji``/``aji_plus``: aggregated (C, U); ``matched``: matched pairs; ``correct`` and
    ``correct_argmax``: matched pairs whose read class is right (None without classes);
    ``exact``/``exact_argmax``: predicted count vector equals the truth (None when skipped or
    without classes); ``karyotype``: the parsed truth or its skip.
    """
    contact: np.ndarray
    found: np.ndarray
    aji: Tuple[int, int]
    aji_plus: Tuple[int, int]
    matched: int
    correct: Optional[int]
    correct_argmax: Optional[int]
    exact: Optional[bool]
    exact_argmax: Optional[bool]
    karyotype: KaryotypeTruth


def _correct(pred_labels: Optional[np.ndarray], gt_labels: np.ndarray, gt_idx: np.ndarray,
             pred_idx: np.ndarray) -> Optional[int]:
    return None if pred_labels is None else int(np.sum(pred_labels[pred_idx] == gt_labels[gt_idx]))


def _exact(pred_labels: Optional[np.ndarray], truth: KaryotypeTruth) -> Optional[bool]:
    if pred_labels is None or truth.counts is None:
        return None
    return bool(np.array_equal(counts_from_labels(pred_labels), truth.counts))


class MaskMatch(NamedTuple):
    """Two mask lists compared: ``intersection`` and ``iou`` (G, P), ``gt_areas`` (G,), ``pred_areas``
    (P,), and the one-to-one matching at mask IoU >= RECALL_IOU as index arrays ``gt_idx``, ``pred_idx``."""
    intersection: np.ndarray
    gt_areas: np.ndarray
    pred_areas: np.ndarray
    iou: np.ndarray
    gt_idx: np.ndarray
    pred_idx: np.ndarray


def match_masks(gt_rles: Sequence[RLE], pred_rles: Sequence[RLE]) -> MaskMatch:
    """Overlaps of ``gt_rles`` and ``pred_rles`` and their one-to-one matching at mask IoU >= RECALL_IOU
    (maximising the total IoU); either list may be empty."""
    intersection, gt_areas, pred_areas = mask_overlaps(gt_rles, pred_rles)
    union = gt_areas[:, None] + pred_areas[None, :] - intersection
    iou = np.where(union > 0, intersection / np.maximum(union, 1), 0.0)
    gt_idx, pred_idx = match_one_to_one(iou, RECALL_IOU)
    return MaskMatch(intersection, gt_areas, pred_areas, iou, gt_idx, pred_idx)


def score_image(gt: GroundTruthImage, kept: Detections) -> ImageScores:
    """Score the detections kept at the operating threshold against one image's ground truth."""
    intersection, gt_areas, pred_areas, _, gt_idx, pred_idx = match_masks(gt.rles, kept.rles)
    found = np.zeros(len(gt.rles), bool)
    found[gt_idx] = True
    aji, aji_plus = (aji_from_overlaps(intersection, gt_areas, pred_areas, variant)
                     for variant in ('aji', 'aji+'))
    truth = karyotype_truth(gt.karyotype)
    return ImageScores(
        contact=contact_categories(gt.rles), found=found,
        aji=(aji['intersection'], aji['union']), aji_plus=(aji_plus['intersection'], aji_plus['union']),
        matched=len(gt_idx), correct=_correct(kept.labels, gt.labels, gt_idx, pred_idx),
        correct_argmax=_correct(kept.argmax_labels, gt.labels, gt_idx, pred_idx),
        exact=_exact(kept.labels, truth), exact_argmax=_exact(kept.argmax_labels, truth), karyotype=truth)
