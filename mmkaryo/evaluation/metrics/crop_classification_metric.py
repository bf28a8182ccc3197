"""ChromosomeCropMetric: a chromosome-crop classifier read by argmax and under the karyotype prior."""
import json
import os
import os.path as osp
from typing import Any, Dict, List, Optional, Sequence

import numpy as np
from mmengine.evaluator import BaseMetric
from mmengine.logging import MMLogger

from mmkaryo.evaluation.functional.crop_classification import (confusion_matrix, constrained_labels,
                                                               most_confused_pairs, per_class_accuracy,
                                                               top_k_accuracy)
from mmkaryo.evaluation.summary import format_table
from mmkaryo.karyotype.assignment import DEFAULT_EXTRA_PENALTY, argmax_classes
from mmkaryo.registry import METRICS
from mmkaryo.structures.classes import CHROMOSOME_CLASSES, NUM_CLASSES


def _numpy(value: Any) -> np.ndarray:
    if hasattr(value, 'detach'):
        value = value.detach().cpu().numpy()
    return np.asarray(value)


def _index(value: Any, name: str, where: str) -> int:
    """One integer out of an int, a numpy integer or a 0-d / 1-element integer tensor."""
    array = _numpy(value)
    if array.size != 1 or not np.issubdtype(array.dtype, np.integer):
        raise ValueError(f'{where}: {name} must be one integer, got {array.dtype} of shape {array.shape}')
    return int(array.reshape(-1)[0])


def _percent(value: float) -> str:
    return '-' if np.isnan(value) else f'{100 * value:.1f}%'


@METRICS.register_module()
class ChromosomeCropMetric(BaseMetric):
    """Accuracy of a classifier of single chromosome crops (24 classes), per crop and per metaphase.

    Each data-sample dict holds ``pred_scores`` ((24,) class probabilities, tensor or array),
    ``gt_label`` (class index 0..23, an int or a one-element tensor) and ``img_id`` (the metaphase the
    crop came from); one result is kept per sample. ``compute_metrics()`` returns

    * ``accuracy``, ``top3_accuracy`` and ``mean_class_accuracy`` (mean over classes with ground
      truth) of the argmax labels;
    * ``constrained_accuracy`` and ``constrained_mean_class_accuracy`` of the labels read by
      :func:`mmkaryo.karyotype.assign_classes` with ``extra_penalty``, one call per ``img_id``;
    * ``num_crops`` and ``num_images``;

    logs a per-class table and the ``top_k`` most confused pairs of the constrained reading, and keeps
    both (24, 24) confusion matrices (rows = truth, columns = prediction) in ``self.confusion_argmax``
    and ``self.confusion_constrained``; ``confusion_out``, when given, is a JSON file that receives
    them with the class names. Bad samples raise ``ValueError``; so does evaluating no crop at all.
    """
    default_prefix: Optional[str] = 'crop'

    def __init__(self, extra_penalty: float = DEFAULT_EXTRA_PENALTY, confusion_out: Optional[str] = None,
                 top_k: int = 5, collect_device: str = 'cpu', prefix: Optional[str] = None) -> None:
        super().__init__(collect_device=collect_device, prefix=prefix)
        if extra_penalty < 0:
            raise ValueError(f'ChromosomeCropMetric: extra_penalty must be >= 0, got {extra_penalty}')
        self.extra_penalty, self.confusion_out, self.top_k = extra_penalty, confusion_out, top_k
        self.confusion_argmax: Optional[np.ndarray] = None
        self.confusion_constrained: Optional[np.ndarray] = None

    @property
    def class_names(self) -> Sequence[str]:
        """Class names from the dataset's metainfo, else the 24 chromosome classes."""
        return tuple((self.dataset_meta or {}).get('classes', CHROMOSOME_CLASSES))

    def check_classes(self) -> None:
        """Raise ``ValueError`` unless the dataset has the 24 classes the karyotype prior is written for."""
        names = self.class_names
        if len(names) != NUM_CLASSES:
            raise ValueError(f'ChromosomeCropMetric needs the {NUM_CLASSES} chromosome classes, but the '
                             f'dataset has {len(names)} ({names[:3]}...)')

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        """Keep each crop's float32 scores, true class and image id as numpy / int on the CPU."""
        self.check_classes()
        for sample in data_samples:
            missing = [key for key in ('pred_scores', 'gt_label', 'img_id') if key not in sample]
            if missing:
                raise ValueError(
                    f'ChromosomeCropMetric: data sample has no {missing} (keys: {sorted(sample)})')
            img_id = _index(sample['img_id'], 'img_id', 'ChromosomeCropMetric')
            where = f'ChromosomeCropMetric: crop of image {img_id}'
            scores = _numpy(sample['pred_scores']).astype(np.float32)
            if scores.shape != (NUM_CLASSES, ):
                raise ValueError(
                    f'{where}: pred_scores must have {NUM_CLASSES} entries, got shape {scores.shape}')
            if not np.all(np.isfinite(scores)) or np.any(scores < 0):
                raise ValueError(f'{where}: pred_scores must be finite, non-negative probabilities')
            gt_label = _index(sample['gt_label'], 'gt_label', where)
            if not 0 <= gt_label < NUM_CLASSES:
                raise ValueError(f'{where}: gt_label must lie in 0..{NUM_CLASSES - 1}, got {gt_label}')
            self.results.append(dict(scores=scores, gt_label=gt_label, img_id=img_id))

    def compute_metrics(self, results: List[dict]) -> Dict[str, float]:
        """Argmax and constrained accuracies; keeps, logs and optionally writes the confusion matrices."""
        self.check_classes()
        if not results:
            raise ValueError('ChromosomeCropMetric: no crops were evaluated (the metric received no samples)')
        scores = np.stack([r['scores'] for r in results])
        gt = np.array([r['gt_label'] for r in results], np.int64)
        img_ids = np.array([r['img_id'] for r in results], np.int64)
        argmax = argmax_classes(scores)
        constrained = constrained_labels(scores, img_ids, self.extra_penalty)
        self.confusion_argmax = confusion_matrix(gt, argmax, NUM_CLASSES)
        self.confusion_constrained = confusion_matrix(gt, constrained, NUM_CLASSES)
        argmax_recall = per_class_accuracy(self.confusion_argmax)
        constrained_recall = per_class_accuracy(self.confusion_constrained)
        self._log_summary(argmax_recall, constrained_recall)
        if self.confusion_out:
            self._write_confusion(self.confusion_out)
        return dict(
            accuracy=float(np.mean(argmax == gt)),
            top3_accuracy=top_k_accuracy(scores, gt, 3),
            mean_class_accuracy=float(np.nanmean(argmax_recall)),
            constrained_accuracy=float(np.mean(constrained == gt)),
            constrained_mean_class_accuracy=float(np.nanmean(constrained_recall)),
            num_crops=float(len(results)),
            num_images=float(len(np.unique(img_ids))))

    def _log_summary(self, argmax_recall: np.ndarray, constrained_recall: np.ndarray) -> None:
        names = self.class_names
        counts = self.confusion_argmax.sum(axis=1)
        rows = [[names[k], int(counts[k]), _percent(argmax_recall[k]), _percent(constrained_recall[k])]
                for k in range(NUM_CLASSES)]
        table = format_table(['chr', 'crops', 'argmax acc', 'constrained acc'], rows)
        pairs = most_confused_pairs(self.confusion_constrained, self.top_k)
        confused = '\n'.join(f'{names[t]} -> {names[p]}: {n}' for t, p, n in pairs) or '(none)'
        MMLogger.get_current_instance().info(
            f'\nCrop classification per class:\n{table}\n'
            f'Most confused pairs (constrained, true -> predicted):\n{confused}')

    def _write_confusion(self, path: str) -> None:
        if osp.dirname(path):
            os.makedirs(osp.dirname(path), exist_ok=True)
        content = dict(
            class_names=list(self.class_names),
            rows='truth',
            columns='prediction',
            confusion_argmax=self.confusion_argmax.tolist(),
            confusion_constrained=self.confusion_constrained.tolist())
        with open(path, 'w') as f:
            json.dump(content, f, indent=1)
