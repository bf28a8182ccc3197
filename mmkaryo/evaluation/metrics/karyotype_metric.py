"""KaryotypeMetric: predicted chromosome counts per class against each image's ISCN karyotype."""
from typing import Dict, List, Optional, Sequence

import numpy as np
from mmengine.evaluator import BaseMetric
from mmengine.logging import MMLogger

from mmkaryo.evaluation.metrics.sample_instances import predictions
from mmkaryo.karyotype.iscn import counts_from_labels, parse_karyotype
from mmkaryo.karyotype.sanity import karyotype_sanity
from mmkaryo.registry import METRICS
from mmkaryo.structures.classes import CHROMOSOME_CLASSES, NUM_CLASSES


@METRICS.register_module()
class KaryotypeMetric(BaseMetric):
    """Compare each image's predicted count vector (24 classes) with its ground-truth karyotype.

    The truth is the ISCN string in the sample's metainfo ``karyotype`` (parsed by
    :func:`mmkaryo.karyotype.iscn.parse_karyotype`); predictions with ``score >= score_thr`` are
    counted per class. Returns

    * ``exact_rate``: fraction of images whose predicted count vector equals the truth;
    * ``sanity``: mean karyotype sanity of the predictions
      (:func:`mmkaryo.karyotype.sanity.karyotype_sanity`: 1.0 = 46 chromosomes, autosomes in pairs,
      XX or XY); ``truth_sanity`` the same for the ground truth, for reference;
    * ``count_l1``: mean over images of sum_k |predicted_k - true_k|;
    * ``num_images`` scored, ``skipped_no_karyotype`` (no string) and ``skipped_unparsable``
      (strings the parser rejects, e.g. structural terms such as ``der(5)``), logged with reasons.
    """
    default_prefix: Optional[str] = 'karyotype'

    def __init__(self, score_thr: float = 0.5, collect_device: str = 'cpu',
                 prefix: Optional[str] = None) -> None:
        super().__init__(collect_device=collect_device, prefix=prefix)
        self.score_thr = score_thr

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        """Reduce each image to its (truth, predicted) count vectors, or a skip reason."""
        classes = (self.dataset_meta or {}).get('classes', CHROMOSOME_CLASSES)
        if len(classes) != NUM_CLASSES:
            raise ValueError(f'KaryotypeMetric needs the {NUM_CLASSES} chromosome classes, but the '
                             f'dataset has {len(classes)} ({tuple(classes)[:3]}...)')
        for sample in data_samples:
            text = sample.get('karyotype')
            if not text:
                self.results.append(dict(skip='no_karyotype'))
                continue
            try:
                truth = parse_karyotype(text)
            except ValueError as error:
                self.results.append(dict(skip='unparsable', reason=f'{sample.get("img_path")}: {error}'))
                continue
            pred = predictions(sample, self.score_thr)
            self.results.append(dict(skip=None, truth=truth, pred=counts_from_labels(pred.labels)))

    def compute_metrics(self, results: List[dict]) -> Dict[str, float]:
        """Exact-match rate, sanity scores and count error over the scored images."""
        scored = [r for r in results if r['skip'] is None]
        unparsable = [r['reason'] for r in results if r['skip'] == 'unparsable']
        missing = sum(r['skip'] == 'no_karyotype' for r in results)
        logger = MMLogger.get_current_instance()
        if missing:
            logger.warning(f'KaryotypeMetric: skipped {missing} image(s) without a karyotype')
        for reason in unparsable:
            logger.warning(f'KaryotypeMetric: skipped unparsable karyotype, {reason}')
        metrics = dict(
            num_images=float(len(scored)),
            skipped_no_karyotype=float(missing),
            skipped_unparsable=float(len(unparsable)))
        if not scored:
            return dict(metrics, exact_rate=float('nan'), sanity=float('nan'),
                        truth_sanity=float('nan'), count_l1=float('nan'))
        truth = np.stack([r['truth'] for r in scored])
        pred = np.stack([r['pred'] for r in scored])
        return dict(
            metrics,
            exact_rate=float(np.mean(np.all(truth == pred, axis=1))),
            sanity=float(np.mean([karyotype_sanity(p) for p in pred])),
            truth_sanity=float(np.mean([karyotype_sanity(t) for t in truth])),
            count_l1=float(np.mean(np.abs(truth - pred).sum(axis=1))))
