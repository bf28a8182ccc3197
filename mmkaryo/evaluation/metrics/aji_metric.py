"""AJIMetric: class-aware and class-agnostic AJI and AJI+ over (overlapping) instance masks."""
from typing import Dict, List, Optional, Sequence

import numpy as np
from mmengine.evaluator import BaseMetric
from mmengine.logging import MMLogger

from mmkaryo.evaluation.functional.aji import aji_from_overlaps
from mmkaryo.evaluation.functional.masks import mask_overlaps
from mmkaryo.evaluation.metrics.sample_instances import ground_truth, predictions
from mmkaryo.registry import METRICS

# (result key, variant, class-aware)
_SETTINGS = (('aji', 'aji', True), ('aji_plus', 'aji+', True), ('agnostic_aji', 'aji', False),
             ('agnostic_aji_plus', 'aji+', False))


@METRICS.register_module()
class AJIMetric(BaseMetric):
    """Aggregated Jaccard Index (Kumar 'aji' and one-to-one 'aji+'), class-aware and agnostic.

    Predictions are thresholded by score first (``score >= score_thr``) and their binarised masks
    (mmdet applies ``mask_thr_binary``) are compared with the ground-truth masks in original-image
    coordinates (see :mod:`mmkaryo.evaluation.metrics.sample_instances`). ``process()`` reduces
    each image to its aggregated intersection and union per setting; ``compute_metrics()`` reports

    * ``aji``, ``aji_plus``, ``agnostic_aji``, ``agnostic_aji_plus``: mean of the per-image AJI
      (the headline numbers; class-aware means a pair must share its class);
    * ``pooled_<key>``: sum of C over sum of U across the dataset;
    * ``num_images`` evaluated and ``skipped_no_mask``: images whose metainfo ``with_mask`` is
      False (box-only data has no masks to score), counted and logged, never silently dropped.

    Args:
        score_thr: minimum prediction score kept. Default 0.5.
        collect_device, prefix: as in :class:`mmengine.evaluator.BaseMetric`.
    """
    default_prefix: Optional[str] = 'aji'

    def __init__(self, score_thr: float = 0.5, collect_device: str = 'cpu',
                 prefix: Optional[str] = None) -> None:
        super().__init__(collect_device=collect_device, prefix=prefix)
        if not 0.0 <= score_thr <= 1.0:
            raise ValueError(f'AJIMetric: score_thr must lie in [0, 1], got {score_thr}')
        self.score_thr = score_thr

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        """Reduce each image to ``{key: (C, U)}`` per setting, or a skip marker."""
        for sample in data_samples:
            if not sample.get('with_mask', True):
                self.results.append(dict(skipped=True))
                continue
            gt = ground_truth(sample, require_masks=True)
            pred = predictions(sample, self.score_thr)
            if pred.rles is None:
                raise ValueError(f'AJIMetric: image {sample.get("img_path", "?")} has no predicted '
                                 'masks; AJI needs an instance segmentation model')
            intersection, gt_areas, pred_areas = mask_overlaps(gt.rles, pred.rles)
            same_class = gt.labels[:, None] == pred.labels[None, :]
            reduced = dict(skipped=False)
            for key, variant, class_aware in _SETTINGS:
                out = aji_from_overlaps(intersection, gt_areas, pred_areas, variant,
                                        same_class if class_aware else None)
                reduced[key] = (out['intersection'], out['union'])
            self.results.append(reduced)

    def compute_metrics(self, results: List[dict]) -> Dict[str, float]:
        """Mean-over-images and pooled AJI per setting."""
        scored = [r for r in results if not r['skipped']]
        skipped = len(results) - len(scored)
        if skipped:
            MMLogger.get_current_instance().warning(
                f'AJIMetric: skipped {skipped} image(s) flagged with_mask=False (no masks to score)')
        metrics: Dict[str, float] = dict(num_images=float(len(scored)), skipped_no_mask=float(skipped))
        for key, _, _ in _SETTINGS:
            pairs = np.asarray([r[key] for r in scored], np.float64).reshape(-1, 2)
            per_image = np.where(pairs[:, 1] > 0, pairs[:, 0] / np.maximum(pairs[:, 1], 1), 1.0)
            total_c, total_u = pairs.sum(axis=0)
            if not len(pairs):
                metrics[key] = metrics[f'pooled_{key}'] = float('nan')
                continue
            metrics[key] = float(per_image.mean())
            metrics[f'pooled_{key}'] = float(total_c / total_u) if total_u > 0 else 1.0
        return metrics
