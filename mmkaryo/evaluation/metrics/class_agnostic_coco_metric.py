"""ClassAgnosticCocoMetric: mmdet's COCO evaluation with every class merged into one."""
from typing import Dict, List, Sequence

import torch

from mmkaryo.evaluation.metrics.coco_metric import CocoMetric
from mmkaryo.registry import METRICS

AGNOSTIC_CATEGORY_ID = 1


def merge_categories(coco) -> None:
    """Relabel every annotation of an mmdet/pycocotools ``COCO`` object as one category."""
    coco.dataset['categories'] = [dict(id=AGNOSTIC_CATEGORY_ID, name='chromosome')]
    for ann in coco.dataset.get('annotations', []):
        ann['category_id'] = AGNOSTIC_CATEGORY_ID
    coco.createIndex()
    coco.img_ann_map, coco.cat_img_map = coco.imgToAnns, coco.catToImgs


@METRICS.register_module()
class ClassAgnosticCocoMetric(CocoMetric):
    """Class-agnostic mAP: mmdet's COCO evaluation (via :class:`.coco_metric.CocoMetric`) after
    merging all classes.

    Takes CocoMetric's arguments (e.g. ``metric=['bbox', 'segm'], iou_thrs=[0.5]``). Ground truth
    (from ``ann_file`` or the samples' ``instances``) and predictions are all put in one class, so a
    chromosome found with the wrong name still counts. Results carry an ``agnostic_`` prefix
    (``coco/agnostic_segm_mAP_50``) so they sit beside the class-aware CocoMetric's.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self._coco_api is not None:
            merge_categories(self._coco_api)
            self.cat_ids = [AGNOSTIC_CATEGORY_ID]

    def process(self, data_batch: dict, data_samples: Sequence[dict]) -> None:
        """Set every predicted (and raw ground-truth) label to 0, then process as CocoMetric."""
        merged = []
        for sample in data_samples:
            pred = dict(sample['pred_instances'])
            pred['labels'] = torch.zeros_like(pred['labels'])
            sample = dict(sample, pred_instances=pred)
            if 'instances' in sample:
                sample['instances'] = [dict(inst, bbox_label=0) for inst in sample['instances']]
            merged.append(sample)
        super().process(data_batch, merged)

    def compute_metrics(self, results: List[tuple]) -> Dict[str, float]:
        """CocoMetric's results, keys prefixed with ``agnostic_``."""
        return {f'agnostic_{key}': value for key, value in super().compute_metrics(results).items()}
