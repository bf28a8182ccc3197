"""One-to-one matching and the per-class counts of the chromosome error analysis."""
import numpy as np
import pytest

from mmkaryo.evaluation.functional.class_matching import (class_confusion, match_one_to_one,
                                                          per_class_counts)


def test_match_one_to_one_maximises_total_iou_above_threshold():
    iou = np.array([[0.9, 0.6], [0.7, 0.0]])
    # Greedy on the best pair (0, 0) would leave truth 1 unmatched; the assignment takes both.
    gt_idx, pred_idx = match_one_to_one(iou, 0.5)
    assert sorted(zip(gt_idx.tolist(), pred_idx.tolist())) == [(0, 1), (1, 0)]
    gt_idx, _ = match_one_to_one(np.array([[0.4]]), 0.5)
    assert len(gt_idx) == 0
    assert len(match_one_to_one(np.zeros((0, 3)))[0]) == 0


def test_swapped_pair_gives_one_fp_and_one_fn_to_both_classes():
    iou = np.eye(3)
    confusion = class_confusion(iou, [0, 1, 2], [1, 0, 2], num_classes=3)
    counts = per_class_counts(confusion)
    np.testing.assert_array_equal(counts['fp'], [1, 1, 0])
    np.testing.assert_array_equal(counts['fn'], [1, 1, 0])
    np.testing.assert_array_equal(counts['tp'], [0, 0, 1])
    np.testing.assert_allclose(counts['accuracy'], [0, 0, 1])


def test_unmatched_go_to_background_and_empty_classes_have_nan_accuracy():
    confusion = class_confusion(np.zeros((1, 1)), [0], [1], num_classes=3)
    assert confusion[0, 3] == 1 and confusion[3, 1] == 1
    counts = per_class_counts(confusion)
    assert np.isnan(counts['accuracy'][1]) and np.isnan(counts['accuracy'][2])


def test_labels_out_of_range_are_rejected():
    with pytest.raises(ValueError, match='pred_labels must lie in 0..2'):
        class_confusion(np.eye(1), [0], [3], num_classes=3)
