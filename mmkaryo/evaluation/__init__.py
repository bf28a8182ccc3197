"""Evaluation: pure maths in ``functional``, mmengine metrics in ``metrics``, tables in ``summary``."""
from mmkaryo.evaluation.functional import aggregated_jaccard_index
from mmkaryo.evaluation.metrics import (AJIMetric, ChromosomeClassMetric, ChromosomeCropMetric,
                                        KaryotypeMetric)

__all__ = [
    'aggregated_jaccard_index', 'AJIMetric', 'ChromosomeClassMetric', 'ChromosomeCropMetric', 'KaryotypeMetric'
]
