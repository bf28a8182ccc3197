"""AJIMetric, ChromosomeClassMetric and KaryotypeMetric on data-sample dicts as mmdet passes them."""
import math

import numpy as np
import pycocotools.mask as mask_util
import pytest

from mmkaryo.evaluation.functional import aggregated_jaccard_index, polygons_to_rle
from mmkaryo.evaluation.metrics import AJIMetric, ChromosomeClassMetric, KaryotypeMetric
from mmkaryo.registry import METRICS
from mmkaryo.structures.classes import CHROMOSOME_CLASSES

from .sample_factory import make_sample, rect, rect_polygon

# The overlapping case of test_aji.py (values on paper there): agnostic AJI 20/28, aware 10/38.
GT_RECTS = [((0, 1), (0, 5)), ((1, 2), (4, 9))]
GT = np.stack([rect(*r) for r in GT_RECTS])
PRED = np.stack([rect((0, 1), (0, 4)), rect((1, 2), (5, 9)), rect((8, 9), (0, 1))])


def evaluate(metric, samples):
    metric.dataset_meta = dict(classes=CHROMOSOME_CLASSES)
    metric.process({}, samples)
    return metric.compute_metrics(metric.results)


def test_rectangle_polygon_rasterises_to_the_drawn_mask():
    for rows, cols in GT_RECTS:
        decoded = mask_util.decode(polygons_to_rle(rect_polygon(rows, cols), 10, 10)).astype(bool)
        np.testing.assert_array_equal(decoded, rect(rows, cols))


def test_metrics_are_registered():
    for name in ('AJIMetric', 'ChromosomeClassMetric', 'KaryotypeMetric'):
        assert METRICS.get(name) is not None


@pytest.mark.parametrize('polygons', [False, True])
def test_aji_metric_on_hand_drawn_case(polygons):
    gt_polygons = [rect_polygon(*r) for r in GT_RECTS] if polygons else None
    sample = make_sample(GT, [0, 1], PRED, [1, 1, 0], gt_polygons=gt_polygons)
    out = evaluate(AJIMetric(), [sample])
    assert out['agnostic_aji'] == pytest.approx(20 / 28)
    assert out['agnostic_aji_plus'] == pytest.approx(20 / 28)
    assert out['aji'] == pytest.approx(10 / 38)
    assert out['aji_plus'] == pytest.approx(10 / 38)
    assert out['num_images'] == 1 and out['skipped_no_mask'] == 0


def test_aji_metric_mean_over_images_and_pooled():
    perfect = make_sample(GT, [0, 1], GT, [0, 1])  # each truth matched by itself: C = U = 12 + 12
    merged = make_sample(GT[:1], [0], PRED[:1], [0])  # G1 vs S1: C = 10, U = 12
    out = evaluate(AJIMetric(), [perfect, merged])
    assert out['aji'] == pytest.approx((1 + 10 / 12) / 2)
    assert out['pooled_aji'] == pytest.approx((24 + 10) / (24 + 12))


def test_aji_metric_drops_low_scores_and_skips_box_only_images():
    # S3 (the spurious 4-pixel prediction) scores below 0.5 and is dropped: agnostic AJI 20/24.
    low = make_sample(GT, [0, 1], PRED, [1, 1, 0], scores=[0.9, 0.8, 0.3])
    box_only = make_sample(GT, [0, 1], PRED, [1, 1, 0], with_mask=False)
    out = evaluate(AJIMetric(score_thr=0.5), [low, box_only])
    assert out['agnostic_aji'] == pytest.approx(20 / 24)
    assert out['num_images'] == 1 and out['skipped_no_mask'] == 1


def test_aji_metric_reads_raw_instances_when_no_gt_instances():
    sample = make_sample(GT, [0, 1], PRED, [1, 1, 0])
    del sample['gt_instances']
    sample['instances'] = [
        dict(bbox=[0, 0, 6, 2], bbox_label=0, ignore_flag=0, mask=[list(rect_polygon(*GT_RECTS[0])[0])]),
        dict(bbox=[4, 1, 10, 3], bbox_label=1, ignore_flag=0, mask=[list(rect_polygon(*GT_RECTS[1])[0])]),
        dict(bbox=[0, 0, 10, 10], bbox_label=1, ignore_flag=1, mask=[[0, 0, 10, 0, 10, 10, 0, 10]]),
    ]
    assert evaluate(AJIMetric(), [sample])['aji'] == pytest.approx(10 / 38)


def test_aji_metric_rejects_sample_without_ground_truth():
    sample = make_sample(GT, [0, 1], PRED, [1, 1, 0])
    del sample['gt_instances']
    with pytest.raises(ValueError, match='no ground truth'):
        AJIMetric().process({}, [sample])


def test_aji_metric_agrees_with_functional_on_random_masks():
    rng = np.random.default_rng(3)
    gt, pred = rng.random((6, 30, 20)) > 0.6, rng.random((8, 30, 20)) > 0.6
    gt_labels, pred_labels = rng.integers(0, 2, 6), rng.integers(0, 2, 8)
    out = evaluate(AJIMetric(), [make_sample(gt, gt_labels, pred, pred_labels)])
    expected = aggregated_jaccard_index(gt, pred, gt_labels, pred_labels, 'aji+')['aji']
    assert out['aji_plus'] == pytest.approx(expected)


def four_chromosomes():
    return np.stack([rect((0, 3), (0, 1), (20, 20)), rect((0, 3), (4, 5), (20, 20)),
                     rect((8, 12), (0, 2), (20, 20)), rect((8, 12), (10, 13), (20, 20))])


def test_chromosome_class_metric_swapped_pair():
    masks = four_chromosomes()
    # Chromosomes 4 and 5 (indices 3, 4) are read as 5 and 4; 8 and 10 are right.
    sample = make_sample(masks, [3, 4, 7, 9], masks, [4, 3, 7, 9])
    metric = ChromosomeClassMetric()
    out = evaluate(metric, [sample])
    counts = metric.class_counts
    for k in (3, 4):
        assert (counts['tp'][k], counts['fp'][k], counts['fn'][k], counts['err'][k]) == (0, 1, 1, 2)
    for k in (7, 9):
        assert (counts['tp'][k], counts['fp'][k], counts['fn'][k]) == (1, 0, 0)
    assert metric.confusion[3, 4] == 1 and metric.confusion[4, 3] == 1
    assert out['accuracy'] == pytest.approx(0.5)
    assert (out['tp'], out['fp'], out['fn']) == (2, 2, 2)


def test_chromosome_class_metric_missed_and_spurious_go_to_background():
    masks = four_chromosomes()
    # Prediction 0 misses (IoU < 0.5 with every truth); an extra one lies on empty ground.
    shifted = np.stack([rect((0, 3), (1, 3), (20, 20)), masks[1], masks[2], masks[3],
                        rect((16, 19), (16, 19), (20, 20))])
    metric = ChromosomeClassMetric()
    evaluate(metric, [make_sample(masks, [0, 1, 2, 3], shifted, [0, 1, 2, 3, 5])])
    background = len(CHROMOSOME_CLASSES)
    assert metric.confusion[0, background] == 1  # chromosome 1 missed: FN
    assert metric.confusion[background, 0] == 1  # its poorly placed prediction: FP
    assert metric.confusion[background, 5] == 1  # spurious chromosome 6: FP
    assert metric.class_counts['err'][0] == 2 and metric.class_counts['tp'][1] == 1


def test_chromosome_class_metric_uses_boxes_for_box_only_images():
    masks = four_chromosomes()
    sample = make_sample(masks, [3, 4, 7, 9], masks, [4, 3, 7, 9], with_mask=False)
    metric = ChromosomeClassMetric()
    evaluate(metric, [sample])
    assert metric.confusion[3, 4] == 1 and metric.class_counts['tp'][7] == 1


def karyotype_sample(labels, karyotype, scores=None):
    masks = np.zeros((len(labels), 8, 8), bool)
    masks[:, 2:4, 2:4] = True
    return make_sample(masks[:0], [], masks, labels, scores=scores, karyotype=karyotype)


def normal_labels(sex=(22, 23)):
    return [k for k in range(22) for _ in range(2)] + list(sex)


def test_karyotype_metric_counts_exact_and_sanity():
    exact = karyotype_sample(normal_labels(), '46,XY')
    trisomy_missed = karyotype_sample(normal_labels((22, 22)), '47,XX,+21')
    no_string = karyotype_sample(normal_labels(), None)
    structural = karyotype_sample(normal_labels(), '45,XX,-13,-18,+der(5)')
    out = evaluate(KaryotypeMetric(), [exact, trisomy_missed, no_string, structural])
    assert out['num_images'] == 2
    assert out['skipped_no_karyotype'] == 1 and out['skipped_unparsable'] == 1
    assert out['exact_rate'] == pytest.approx(0.5)
    assert out['count_l1'] == pytest.approx(0.5)  # one missing chromosome 21 in the second image
    assert out['sanity'] == pytest.approx(1.0)  # both predictions read as normal karyotypes
    assert out['truth_sanity'] < 1.0


def test_karyotype_metric_drops_low_scores():
    labels = normal_labels() + [20]
    scores = [0.9] * 46 + [0.1]
    out = evaluate(KaryotypeMetric(), [karyotype_sample(labels, '46,XY', scores)])
    assert out['exact_rate'] == 1.0


def test_karyotype_metric_nan_without_scored_images():
    out = evaluate(KaryotypeMetric(), [karyotype_sample(normal_labels(), '')])
    assert math.isnan(out['exact_rate']) and out['skipped_no_karyotype'] == 1


def test_karyotype_metric_rejects_class_agnostic_dataset():
    metric = KaryotypeMetric()
    metric.dataset_meta = dict(classes=('chromosome', ))
    with pytest.raises(ValueError, match='24 chromosome classes'):
        metric.process({}, [karyotype_sample([0], '46,XY')])
