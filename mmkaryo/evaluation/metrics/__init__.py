"""mmengine metrics registered in mmkaryo's METRICS."""
from mmkaryo.evaluation.metrics.aji_metric import AJIMetric
from mmkaryo.evaluation.metrics.class_agnostic_coco_metric import ClassAgnosticCocoMetric
from mmkaryo.evaluation.metrics.coco_metric import CocoMetric
from mmkaryo.evaluation.metrics.chromosome_class_metric import ChromosomeClassMetric
from mmkaryo.evaluation.metrics.crop_classification_metric import ChromosomeCropMetric
from mmkaryo.evaluation.metrics.karyotype_metric import KaryotypeMetric

__all__ = [
    'AJIMetric', 'ClassAgnosticCocoMetric', 'CocoMetric', 'ChromosomeClassMetric', 'ChromosomeCropMetric',
    'KaryotypeMetric'
]
