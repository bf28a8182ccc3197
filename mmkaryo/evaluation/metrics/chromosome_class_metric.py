"""ChromosomeClassMetric: per-chromosome TP / FP / FN / ERR, accuracy and the confusion matrix."""
from typing import Dict, List, Optional, Sequence

import numpy as np
from mmengine.evaluator import BaseMetric
from mmengine.logging import MMLogger

from mmkaryo.evaluation.functional.class_matching import class_confusion, per_class_counts
from mmkaryo.evaluation.metrics.sample_instances import ground_truth, pairwise_iou, predictions
from mmkaryo.evaluation.summary import format_top_errors
from mmkaryo.registry import METRICS
from mmkaryo.structures.classes import CHROMOSOME_CLASSES

IOU_TYPES = ('auto', 'segm', 'bbox')


@METRICS.register_module()
class ChromosomeClassMetric(BaseMetric):
    """Chromosome classification errors at IoU >= ``iou_thr`` with one-to-one matching.

    See :mod:`mmkaryo.evaluation.functional.class_matching` for the counting rules (a swapped pair
    gives FP = FN = 1 to both classes). Predictions with ``score < score_thr`` are dropped first.
    IoU is computed on masks when both sides have them (``iou_type='auto'``; box-only images with
    ``with_mask=False`` fall back to boxes), or always on ``'segm'`` / ``'bbox'``.

    ``compute_metrics()`` logs the top-errors table and returns ``accuracy`` (matched pairs with
    the right class / matched pairs), ``mean_class_accuracy`` (mean over classes with ground truth
    of TP / (TP + FN)) and the totals ``tp``, ``fp``, ``fn``. The summed confusion matrix
    (classes + background) is kept in ``self.confusion`` and the per-class counts in
    ``self.class_counts`` for tools (``tools/test.py`` prints them).

    Args:
        iou_thr: IoU needed for a match. score_thr: minimum prediction score. iou_type: see above.
        top_k: rows of the logged top-errors table.
    """
    default_prefix: Optional[str] = 'chromosome'

    def __init__(self, iou_thr: float = 0.5, score_thr: float = 0.5, iou_type: str = 'auto',
                 top_k: int = 15, collect_device: str = 'cpu', prefix: Optional[str] = None) -> None:
        super().__init__(collect_device=collect_device, prefix=prefix)
        if iou_type not in IOU_TYPES:
            raise ValueError(f'ChromosomeClassMetric: iou_type must be one of {IOU_TYPES}, got {iou_type!r}')
        if not 0.0 < iou_thr <= 1.0:
            raise ValueError(f'ChromosomeClassMetric: iou_thr must lie in (0, 1], got {iou_thr}')
        self.iou_thr, self.score_thr, self.iou_type, self.top_k = iou_thr, score_thr, iou_type, top_k
        self.confusion: Optional[np.ndarray] = None
        self.class_counts: Optional[Dict[str, np.ndarray]] = None

    @property
    def class_names(self) -> Sequence[str]:
        """Class names from the dataset's metainfo, else the 24 chromosome classes."""
        meta = self.dataset_meta or {}
        return tuple(meta.get('classes', CHROMOSOME_CLASSES))

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        """Reduce each image to its confusion matrix."""
        for sample in data_samples:
            gt = ground_truth(sample, require_masks=self.iou_type == 'segm')
            pred = predictions(sample, self.score_thr)
            use_masks = self.iou_type != 'bbox' and gt.rles is not None and pred.rles is not None
            if self.iou_type == 'segm' and pred.rles is None:
                raise ValueError('ChromosomeClassMetric: iou_type="segm" but the model predicts no masks')
            iou = pairwise_iou(gt, pred, use_masks)
            self.results.append(
                class_confusion(iou, gt.labels, pred.labels, len(self.class_names), self.iou_thr))

    def compute_metrics(self, results: List[np.ndarray]) -> Dict[str, float]:
        """Sum the confusion matrices, log the top-errors table, return accuracies and totals."""
        num_classes = len(self.class_names)
        self.confusion = np.sum(results, axis=0) if results else np.zeros((num_classes + 1, ) * 2, np.int64)
        self.class_counts = per_class_counts(self.confusion)
        MMLogger.get_current_instance().info(
            '\nTop classification errors:\n' +
            format_top_errors(self.class_counts, self.class_names, self.top_k))
        tp = self.class_counts['tp']
        matched = int(self.confusion[:num_classes, :num_classes].sum())
        accuracy = self.class_counts['accuracy']
        return dict(
            accuracy=float(tp.sum() / matched) if matched else float('nan'),
            mean_class_accuracy=float(np.nanmean(accuracy)) if np.any(~np.isnan(accuracy)) else float('nan'),
            tp=float(tp.sum()),
            fp=float(self.class_counts['fp'].sum()),
            fn=float(self.class_counts['fn'].sum()))
