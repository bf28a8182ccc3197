"""ClassAgnosticCocoMetric: mmdet's COCO mAP with classes merged, beside the class-aware one."""
import json

import numpy as np
import pytest

from mmkaryo.evaluation.metrics import ClassAgnosticCocoMetric, CocoMetric
from mmkaryo.registry import METRICS

from .sample_factory import make_sample, rect, rect_polygon

RECTS = [((2, 9), (2, 5)), ((12, 19), (10, 14))]


@pytest.fixture
def ann_file(tmp_path):
    annotations = []
    for k, (rows, cols) in enumerate(RECTS):
        polygon = rect_polygon(rows, cols)[0].tolist()
        x, y = cols[0], rows[0]
        w, h = cols[1] - cols[0] + 1, rows[1] - rows[0] + 1
        annotations.append(dict(id=k + 1, image_id=1, category_id=k + 1, segmentation=[polygon],
                                area=w * h, bbox=[x, y, w, h], iscrowd=0))
    coco = dict(images=[dict(id=1, file_name='img.png', height=24, width=24)],
                categories=[dict(id=1, name='1'), dict(id=2, name='2')], annotations=annotations)
    path = tmp_path / 'ann.json'
    path.write_text(json.dumps(coco))
    return str(path)


def test_swapped_classes_score_zero_class_aware_and_one_agnostic(ann_file):
    masks = np.stack([rect(rows, cols, (24, 24)) for rows, cols in RECTS])
    sample = make_sample(masks, [0, 1], masks, [1, 0], img_id=1)
    results = {}
    for metric in (CocoMetric(ann_file, metric=['bbox', 'segm'], iou_thrs=[0.5]),
                   ClassAgnosticCocoMetric(ann_file, metric=['bbox', 'segm'], iou_thrs=[0.5])):
        metric.dataset_meta = dict(classes=('1', '2'))
        metric.process({}, [sample])
        results.update(metric.compute_metrics(metric.results))
    assert results['segm_mAP_50'] == 0.0 and results['bbox_mAP_50'] == 0.0
    assert results['agnostic_segm_mAP_50'] == pytest.approx(1.0)
    assert results['agnostic_bbox_mAP_50'] == pytest.approx(1.0)


def test_registered_coco_metric_is_the_array_safe_one():
    with_list = METRICS.build(dict(type='CocoMetric', metric='segm', iou_thrs=[0.5]))
    assert isinstance(with_list, CocoMetric)
    np.testing.assert_array_equal(with_list.iou_thrs, [0.5])
