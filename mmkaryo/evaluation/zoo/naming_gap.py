"""Where end-to-end naming loses to naming labelled crops: the detector's masks, or the missed chromosomes.

The classifier names the chromosomes the detector found from crops of the detector's masks, and the
karyotype-constrained assignment reads them among the detections kept. :func:`image_naming_gap` counts,
over the chromosomes found (matched one to one at mask IoU >= 0.5), how many are named right

* ``detected``: from the detector's masks, read among the kept detections (the zoo's end-to-end
  ``class_acc``), constrained and argmax;
* ``truth_found``: from crops of their ground-truth masks, the constrained reading among the found
  chromosomes only (what a perfect mask of each found chromosome would give), and argmax;
* ``truth_all``: from crops of their ground-truth masks, constrained among all the image's chromosomes
  (what labelled-crop accuracy measures, restricted to the found ones);

and, for the matched pairs, the detected mask's area over its ground truth's and their IoU. The step from
``truth_all`` to ``truth_found`` is the cost of the missed chromosomes to the constrained reading, the
step from ``truth_found`` to ``detected`` the cost of the detector's masks.
"""
from typing import Dict, List, NamedTuple

import numpy as np

from mmkaryo.evaluation.zoo.detections import Detections
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage
from mmkaryo.evaluation.zoo.image_scores import match_masks
from mmkaryo.karyotype import DEFAULT_EXTRA_PENALTY, assign_classes

#: the readings counted, each constrained and argmax
READINGS = ('detected', 'truth_found', 'truth_all')


class ImageNamingGap(NamedTuple):
    """One image's counts: ``right[reading][kind]`` (kind ``constrained``/``argmax``) over ``matched``
    found chromosomes of ``num_truth``; ``area_ratios`` and ``ious`` of the matched pairs."""
    num_truth: int
    matched: int
    right: Dict[str, Dict[str, int]]
    area_ratios: np.ndarray
    ious: np.ndarray


def image_naming_gap(gt: GroundTruthImage, kept: Detections, truth_probs: np.ndarray,
                     extra_penalty: float = DEFAULT_EXTRA_PENALTY) -> ImageNamingGap:
    """Count one image's readings (see the module docstring).

    Args:
        gt: the image's chromosomes (masks and classes).
        kept: the detections kept at the operating threshold, with their constrained ``labels`` and
            ``argmax_labels`` read among themselves (:func:`~.model_prediction.prediction_from_result`).
        truth_probs: (G, 24) class probabilities the classifier gives the crops of ``gt``'s masks.
        extra_penalty: of the constrained readings of the ground-truth crops.

    Raises:
        ValueError: ``kept`` has no read classes, or ``truth_probs`` is not one row per chromosome.
    """
    if kept.labels is None or kept.argmax_labels is None:
        raise ValueError('image_naming_gap needs detections with constrained and argmax labels')
    truth_probs = np.asarray(truth_probs, np.float64)
    if truth_probs.ndim != 2 or len(truth_probs) != len(gt.rles):
        raise ValueError(f'truth_probs must hold one row per ground-truth chromosome ({len(gt.rles)}), '
                         f'got shape {truth_probs.shape}')
    _, gt_areas, det_areas, iou, gt_idx, det_idx = match_masks(gt.rles, kept.rles)
    truth = gt.labels[gt_idx]
    found_probs = truth_probs[gt_idx]
    readings = dict(
        detected=(kept.labels[det_idx], kept.argmax_labels[det_idx]),
        truth_found=(assign_classes(found_probs, extra_penalty), found_probs.argmax(axis=1)),
        truth_all=(assign_classes(truth_probs, extra_penalty)[gt_idx], found_probs.argmax(axis=1)))
    right = {name: dict(constrained=int(np.sum(constrained == truth)), argmax=int(np.sum(argmax == truth)))
             for name, (constrained, argmax) in readings.items()}
    return ImageNamingGap(len(gt.rles), len(gt_idx), right,
                          det_areas[det_idx] / np.maximum(gt_areas[gt_idx], 1), iou[gt_idx, det_idx])


def naming_gap_summary(images: List[ImageNamingGap]) -> dict:
    """Pool the images: ``num_truth``, ``matched``, ``accuracy[reading][kind]`` (share of the matched
    chromosomes), and the medians and 10th/90th percentiles of the area ratio and IoU."""
    matched = sum(image.matched for image in images)
    accuracy = {name: {kind: sum(image.right[name][kind] for image in images) / max(matched, 1)
                       for kind in ('constrained', 'argmax')} for name in READINGS}
    pooled = {key: np.concatenate([getattr(image, key) for image in images] + [np.zeros(0)])
              for key in ('area_ratios', 'ious')}
    spread = {key: ({f'p{q}': float(np.percentile(values, q)) for q in (10, 50, 90)} if len(values) else None)
              for key, values in pooled.items()}
    return dict(num_truth=sum(image.num_truth for image in images), matched=matched, accuracy=accuracy,
                area_ratio=spread['area_ratios'], iou=spread['ious'])
