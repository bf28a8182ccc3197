"""mmdet's CocoMetric, registered in mmkaryo's METRICS with ``iou_thrs`` kept as an array.

pycocotools' ``COCOeval.summarize`` looks thresholds up with ``np.where(thr == params.iouThrs)``;
with ``iou_thrs=[0.5]`` (a list, as configs write it) that compares a float with a list, which
numpy >= 2 rejects ("Calling nonzero on 0d arrays"). Registered under mmdet's name so that configs
with ``default_scope='mmkaryo'`` and ``type='CocoMetric', iou_thrs=[0.5]`` (the mAP@50 evaluator)
work unchanged; everything else is mmdet's.
"""
from typing import Optional, Sequence, Union

import numpy as np
from mmdet.evaluation import CocoMetric as MMDetCocoMetric

from mmkaryo.registry import METRICS


@METRICS.register_module()
class CocoMetric(MMDetCocoMetric):
    """:class:`mmdet.evaluation.CocoMetric` with ``iou_thrs`` converted to a 1-D float array."""

    def __init__(self, *args, iou_thrs: Optional[Union[float, Sequence[float]]] = None, **kwargs) -> None:
        if iou_thrs is not None:
            iou_thrs = np.atleast_1d(np.asarray(iou_thrs, dtype=np.float64))
        super().__init__(*args, iou_thrs=iou_thrs, **kwargs)
