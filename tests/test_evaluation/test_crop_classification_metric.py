"""ChromosomeCropMetric and its pure functions on crops whose scores are written by hand."""
import json
import logging
import math
import uuid

import numpy as np
import pytest
import torch
from mmengine.logging import MMLogger

from mmkaryo.evaluation import ChromosomeCropMetric
from mmkaryo.evaluation.functional.crop_classification import (confusion_matrix, constrained_labels,
                                                               most_confused_pairs, per_class_accuracy,
                                                               top_k_accuracy)
from mmkaryo.karyotype import DEFAULT_EXTRA_PENALTY
from mmkaryo.registry import METRICS
from mmkaryo.structures import CHROMOSOME_CLASSES, NUM_CLASSES

# 6 crops over classes 0..2: class 0 read once as 1, class 2 read once as 0, class 1 always right.
SIX_GT = [0, 0, 1, 1, 2, 2]
SIX_PRED = [0, 1, 1, 1, 0, 2]
SIX_CONFUSION = np.array([[1, 1, 0],
                          [0, 2, 0],
                          [1, 0, 1]])


def scores(**top: float) -> np.ndarray:
    """(24,) probabilities: ``c<k>=p`` gives class k probability p, the rest shares what is left."""
    given = {int(key[1:]): value for key, value in top.items()}
    rest = (1.0 - sum(given.values())) / (NUM_CLASSES - len(given))
    row = np.full(NUM_CLASSES, rest)
    row[list(given)] = list(given.values())
    return row


def crop(row: np.ndarray, gt_label: int, img_id: int) -> dict:
    return dict(pred_scores=row, gt_label=gt_label, img_id=img_id)


def evaluate(metric: ChromosomeCropMetric, samples: list) -> dict:
    metric.process({}, samples)
    return metric.evaluate(len(samples))


@pytest.fixture
def log_lines():
    """Records of a fresh current MMLogger (the metric logs through the current instance)."""
    logger = MMLogger.get_instance(f'test_crop_metric_{uuid.uuid4().hex}')
    records = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def six_crop_samples() -> list:
    # One image per crop, so the prior never changes a label: constrained == argmax here.
    return [crop(scores(**{f'c{p}': 0.7}), g, i) for i, (g, p) in enumerate(zip(SIX_GT, SIX_PRED))]


def test_confusion_matrix_on_hand_counted_case():
    np.testing.assert_array_equal(confusion_matrix(np.array(SIX_GT), np.array(SIX_PRED), 3), SIX_CONFUSION)
    assert confusion_matrix(np.array(SIX_GT), np.array(SIX_PRED), 3).dtype == np.int64


def test_per_class_accuracy_is_row_recall_with_nan_for_absent_classes():
    padded = np.zeros((4, 4), np.int64)
    padded[:3, :3] = SIX_CONFUSION
    accuracy = per_class_accuracy(padded)
    np.testing.assert_allclose(accuracy[:3], [0.5, 1.0, 0.5])
    assert math.isnan(accuracy[3])


def test_top_k_accuracy_on_hand_made_ranks():
    rows = np.stack([
        scores(c5=0.6, c6=0.3),  # truth 5 ranked 1st
        scores(c1=0.5, c2=0.3, c7=0.1),  # truth 7 ranked 3rd
        scores(c1=0.4, c2=0.3, c3=0.2, c9=0.05),  # truth 9 ranked 4th
        scores(c4=0.9, c0=0.0),  # truth 0 last
    ])
    gt = np.array([5, 7, 9, 0])
    assert top_k_accuracy(rows, gt, 1) == pytest.approx(1 / 4)
    assert top_k_accuracy(rows, gt, 3) == pytest.approx(2 / 4)
    assert top_k_accuracy(rows, gt, 4) == pytest.approx(3 / 4)
    metric_out = evaluate(ChromosomeCropMetric(), [crop(r, g, i) for i, (r, g) in enumerate(zip(rows, gt))])
    assert metric_out['crop/top3_accuracy'] == pytest.approx(2 / 4)
    assert metric_out['crop/accuracy'] == pytest.approx(1 / 4)


def test_most_confused_pairs_orders_by_count_then_class():
    confusion = np.array([[5, 2, 0], [1, 4, 3], [2, 0, 9]])
    assert most_confused_pairs(confusion, 3) == [(1, 2, 3), (0, 1, 2), (2, 0, 2)]
    assert most_confused_pairs(np.eye(3, dtype=np.int64), 5) == []


def test_metric_on_six_crops(log_lines):
    metric = METRICS.build(dict(type='ChromosomeCropMetric'))
    out = evaluate(metric, six_crop_samples())
    assert out['crop/accuracy'] == pytest.approx(4 / 6)
    # mean over the three classes with crops (0.5, 1, 0.5), not over all 24
    assert out['crop/mean_class_accuracy'] == pytest.approx(2 / 3)
    assert out['crop/constrained_accuracy'] == pytest.approx(4 / 6)
    assert out['crop/num_crops'] == 6 and out['crop/num_images'] == 6
    np.testing.assert_array_equal(metric.confusion_argmax[:3, :3], SIX_CONFUSION)
    assert metric.confusion_argmax.shape == (NUM_CLASSES, NUM_CLASSES)
    assert metric.confusion_argmax.sum() == 6
    log = '\n'.join(log_lines)
    assert '1 -> 2: 1' in log and '3 -> 1: 1' in log  # class names, not indices
    assert '2 -> 1' not in log


def test_process_keeps_numpy_from_tensors():
    metric = ChromosomeCropMetric()
    metric.process({}, [dict(pred_scores=torch.tensor(scores(c3=0.8)), gt_label=torch.tensor([3]),
                             img_id=torch.tensor(7)),
                        dict(pred_scores=scores(c3=0.8), gt_label=np.int64(3), img_id=7)])
    for result in metric.results:
        assert isinstance(result['scores'], np.ndarray) and result['scores'].dtype == np.float32
        assert result['scores'].shape == (NUM_CLASSES, )
        assert type(result['gt_label']) is int and result['gt_label'] == 3
        assert type(result['img_id']) is int and result['img_id'] == 7


def test_constrained_reading_moves_a_third_copy_to_its_second_choice():
    # Argmax reads all three as chromosome 1 (class 0). The third copy costs -log(0.5) + 3 = 3.69 nats
    # as class 0 but only -log(0.4) = 0.92 as class 1, which has free slots: the prior moves it.
    metaphase = [crop(scores(c0=0.9), 0, 0), crop(scores(c0=0.85), 0, 0), crop(scores(c0=0.5, c1=0.4), 1, 0)]
    out = evaluate(ChromosomeCropMetric(), metaphase)
    assert out['crop/accuracy'] == pytest.approx(2 / 3)
    assert out['crop/constrained_accuracy'] == pytest.approx(1.0)
    assert out['crop/mean_class_accuracy'] == pytest.approx((1.0 + 0.0) / 2)
    assert out['crop/constrained_mean_class_accuracy'] == pytest.approx(1.0)


def test_extra_penalty_is_passed_to_the_assignment():
    # Without a surplus cost the third copy stays class 0 (0.69 < 0.92 nats): no gain over argmax.
    metaphase = [crop(scores(c0=0.9), 0, 0), crop(scores(c0=0.85), 0, 0), crop(scores(c0=0.5, c1=0.4), 1, 0)]
    out = evaluate(ChromosomeCropMetric(extra_penalty=0.0), metaphase)
    assert out['crop/constrained_accuracy'] == pytest.approx(2 / 3)


def test_crops_are_grouped_by_image():
    # Two metaphases with two chromosome-1 crops each: a normal pair in each, nothing to penalise. Pooled
    # into one metaphase they would be four copies, and two would move to their second choice (class 1).
    weak_one = scores(c0=0.55, c1=0.40)
    samples = [crop(weak_one, 0, img_id) for img_id in (10, 10, 11, 11)]
    out = evaluate(ChromosomeCropMetric(), samples)
    assert out['crop/constrained_accuracy'] == pytest.approx(1.0)
    assert out['crop/num_images'] == 2 and out['crop/num_crops'] == 4
    pooled = constrained_labels(np.stack([weak_one] * 4), np.zeros(4, np.int64), DEFAULT_EXTRA_PENALTY)
    assert sorted(pooled) == [0, 0, 1, 1]


@pytest.mark.parametrize('sample, message', [
    (crop(np.full(23, 1 / 23), 0, 0), 'pred_scores must have 24 entries'),
    (crop(scores(c0=0.9), 24, 0), r'gt_label must lie in 0\.\.23, got 24'),
    (crop(scores(c0=0.9), -1, 0), r'gt_label must lie in 0\.\.23, got -1'),
    (crop(scores(c0=0.9), 2.0, 0), 'gt_label must be one integer'),
    (crop(scores(c0=0.9), torch.tensor([1, 2]), 0), 'gt_label must be one integer'),
    (crop(np.full(24, np.nan), 0, 0), 'finite, non-negative'),
    (dict(pred_scores=scores(c0=0.9), gt_label=0), r"no \['img_id'\]"),
])
def test_bad_samples_raise_naming_the_problem(sample, message):
    with pytest.raises(ValueError, match=message):
        ChromosomeCropMetric().process({}, [sample])


def test_no_crops_raises():
    with pytest.raises(ValueError, match='no crops were evaluated'):
        ChromosomeCropMetric().compute_metrics([])


def test_negative_extra_penalty_and_wrong_class_list_raise():
    with pytest.raises(ValueError, match='extra_penalty'):
        ChromosomeCropMetric(extra_penalty=-1.0)
    metric = ChromosomeCropMetric()
    metric.dataset_meta = dict(classes=('chromosome', ))
    with pytest.raises(ValueError, match='24 chromosome classes'):
        metric.process({}, six_crop_samples())


def test_confusion_matrices_written_as_json(tmp_path):
    out_file = tmp_path / 'analysis' / 'confusion.json'
    metaphase = [crop(scores(c0=0.9), 0, 0), crop(scores(c0=0.85), 0, 0), crop(scores(c0=0.5, c1=0.4), 1, 0)]
    evaluate(ChromosomeCropMetric(confusion_out=str(out_file)), metaphase)
    content = json.loads(out_file.read_text())
    assert content['class_names'] == list(CHROMOSOME_CLASSES)
    argmax, constrained = np.array(content['confusion_argmax']), np.array(content['confusion_constrained'])
    assert argmax.shape == constrained.shape == (NUM_CLASSES, NUM_CLASSES)
    expected_argmax = np.zeros((NUM_CLASSES, NUM_CLASSES), np.int64)
    expected_argmax[0, 0], expected_argmax[1, 0] = 2, 1  # the chromosome 2 read as a 1
    expected_constrained = np.zeros((NUM_CLASSES, NUM_CLASSES), np.int64)
    expected_constrained[0, 0], expected_constrained[1, 1] = 2, 1
    np.testing.assert_array_equal(argmax, expected_argmax)
    np.testing.assert_array_equal(constrained, expected_constrained)
