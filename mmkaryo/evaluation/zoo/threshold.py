"""Choose a model's operating score threshold: the one with the best class-agnostic AJI."""
from typing import Dict, Sequence

import numpy as np

from mmkaryo.evaluation.functional.aji import aji_from_overlaps
from mmkaryo.evaluation.functional.masks import mask_overlaps
from mmkaryo.evaluation.zoo.detections import Prediction
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage

DEFAULT_CANDIDATES = tuple(round(t, 2) for t in np.arange(0.05, 0.96, 0.05))


def aji_by_threshold(images: Sequence[GroundTruthImage], predictions: Sequence[Prediction],
                     candidates: Sequence[float] = DEFAULT_CANDIDATES) -> Dict[float, float]:
    """Mean over images of the class-agnostic AJI of the ranked detections scoring >= each candidate.

    Raises ``ValueError`` for mismatched lengths or no candidate.
    """
    if len(images) != len(predictions):
        raise ValueError(f'{len(images)} images but {len(predictions)} predictions')
    if not candidates:
        raise ValueError('no candidate threshold')
    per_threshold: Dict[float, list] = {float(t): [] for t in candidates}
    for image, prediction in zip(images, predictions):
        ranked = prediction.ranked
        intersection, gt_areas, pred_areas = mask_overlaps(image.rles, ranked.rles)
        for threshold, values in per_threshold.items():
            keep = np.flatnonzero(ranked.scores >= threshold)
            out = aji_from_overlaps(intersection[:, keep], gt_areas, pred_areas[keep], 'aji')
            values.append(out['aji'])
    return {threshold: float(np.mean(values)) for threshold, values in per_threshold.items()}


def best_threshold(aji: Dict[float, float]) -> float:
    """The threshold of the highest AJI (the lowest such threshold on ties)."""
    return min(aji, key=lambda t: (-aji[t], t))
