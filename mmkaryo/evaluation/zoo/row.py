"""One model's row of the README's model-zoo table, from ground truth and per-image predictions.

Columns (keys of :func:`zoo_row`'s dict; None where a method has no classes, NaN where nothing
could be scored):

* ``bbox_mAP50``, ``segm_mAP50``: class-aware mAP@50 of the ranked detections (detector labels, or
  the crop classifier's argmax when one names the chromosomes);
  ``agnostic_bbox_mAP50``, ``agnostic_segm_mAP50``: the same with all classes merged;
* ``aji``, ``aji_plus``: class-agnostic AJI / AJI+ of the kept detections, mean over images (as
  :class:`mmkaryo.evaluation.metrics.AJIMetric` reports them); ``pooled_aji``, ``pooled_aji_plus``:
  sum of C over sum of U;
* ``recall_isolated``, ``recall_touching``, ``recall_overlapping``, ``recall``: share of ground
  truths of each contact category (:mod:`.contact`) matched at mask IoU >= 0.5, one-to-one;
  ``num_isolated``, ``num_touching``, ``num_overlapping``, ``num_instances``: their counts;
* ``class_acc``, ``class_acc_argmax``: share of matched chromosomes whose constrained / argmax class
  is right;
* ``karyotype_exact``, ``karyotype_exact_argmax``: share of scored images whose predicted count
  vector equals the ISCN truth; ``karyotype_images`` scored, ``karyotype_skipped_no_karyotype``,
  ``karyotype_skipped_unparsable`` and ``karyotype_skip_reasons`` (``file: reason``);
* ``name``, ``score_thr`` (the operating threshold, None when not applicable), ``num_images``.
"""
from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from mmkaryo.evaluation.zoo.coco_map import map50
from mmkaryo.evaluation.zoo.contact import CONTACT_NAMES
from mmkaryo.evaluation.zoo.detections import Prediction
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage
from mmkaryo.evaluation.zoo.image_scores import ImageScores, score_image
from mmkaryo.evaluation.zoo.karyotype_truth import NO_KARYOTYPE, UNPARSABLE


def _share(numerator: float, denominator: float) -> float:
    return float(numerator / denominator) if denominator else float('nan')


def _has_classes(predictions: Sequence[Prediction]) -> bool:
    """True when every prediction carries classes, False when none does; mixed input is an error."""
    flags = {p.ranked.detector_labels is not None and p.kept.labels is not None and
             p.kept.argmax_labels is not None for p in predictions}
    if len(flags) > 1:
        raise ValueError('some images have predicted classes and others not; score one method at a time')
    return flags != {False}


def _aji_columns(scores: Sequence[ImageScores]) -> Dict[str, float]:
    columns = {}
    for key in ('aji', 'aji_plus'):
        pairs = np.asarray([getattr(s, key) for s in scores], np.float64).reshape(-1, 2)
        per_image = np.where(pairs[:, 1] > 0, pairs[:, 0] / np.maximum(pairs[:, 1], 1), 1.0)
        columns[key] = float(per_image.mean()) if len(pairs) else float('nan')
        columns[f'pooled_{key}'] = _share(*pairs.sum(axis=0)) if len(pairs) else float('nan')
    return columns


def _recall_columns(scores: Sequence[ImageScores]) -> Dict[str, float]:
    contact = np.concatenate([s.contact for s in scores]) if scores else np.zeros(0, np.int64)
    found = np.concatenate([s.found for s in scores]) if scores else np.zeros(0, bool)
    columns: Dict[str, float] = dict(recall=_share(found.sum(), len(found)), num_instances=int(len(found)))
    for category, name in enumerate(CONTACT_NAMES):
        in_category = contact == category
        columns[f'recall_{name}'] = _share(found[in_category].sum(), in_category.sum())
        columns[f'num_{name}'] = int(in_category.sum())
    return columns


def _class_columns(images: Sequence[GroundTruthImage], scores: Sequence[ImageScores],
                   with_classes: bool) -> Dict[str, Any]:
    skipped = [(image, s.karyotype) for image, s in zip(images, scores) if s.karyotype.skip]
    columns: Dict[str, Any] = dict(
        karyotype_images=len(scores) - len(skipped),
        karyotype_skipped_no_karyotype=sum(t.skip == NO_KARYOTYPE for _, t in skipped),
        karyotype_skipped_unparsable=sum(t.skip == UNPARSABLE for _, t in skipped),
        karyotype_skip_reasons=[f'{image.file_name}: {t.reason}' for image, t in skipped])
    matched = sum(s.matched for s in scores)
    for suffix in ('', '_argmax'):
        if not with_classes:
            columns[f'class_acc{suffix}'] = columns[f'karyotype_exact{suffix}'] = None
            continue
        columns[f'class_acc{suffix}'] = _share(sum(getattr(s, f'correct{suffix}') for s in scores), matched)
        exact = [getattr(s, f'exact{suffix}') for s in scores if not s.karyotype.skip]
        columns[f'karyotype_exact{suffix}'] = _share(sum(exact), len(exact))
    return columns


def zoo_row(name: str, images: Sequence[GroundTruthImage], predictions: Sequence[Prediction],
            score_thr: Optional[float] = None) -> Dict[str, Any]:
    """Every zoo column (see the module docstring) of ``predictions[i]`` on ``images[i]``.

    Class columns are None when the predictions carry no classes (e.g. the Otsu baseline).
    Raises ``ValueError`` for mismatched lengths or a mix of class-aware and class-free predictions.
    """
    if len(images) != len(predictions):
        raise ValueError(f'{len(images)} images but {len(predictions)} predictions')
    with_classes = _has_classes(predictions)
    scores: List[ImageScores] = [score_image(image, p.kept) for image, p in zip(images, predictions)]
    ranked = [p.ranked for p in predictions]
    row: Dict[str, Any] = dict(name=name, score_thr=score_thr, num_images=len(images))
    for iou_type in ('bbox', 'segm'):
        row[f'{iou_type}_mAP50'] = map50(images, ranked, iou_type, True) if with_classes else None
        row[f'agnostic_{iou_type}_mAP50'] = map50(images, ranked, iou_type, False)
    row.update(_aji_columns(scores))
    row.update(_recall_columns(scores))
    row.update(_class_columns(images, scores, with_classes))
    return row
