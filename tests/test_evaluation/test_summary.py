"""Tables of tools/test.py: the evaluation table and the top-errors table."""
import numpy as np
import pytest

from mmkaryo.evaluation.functional.class_matching import per_class_counts
from mmkaryo.evaluation.summary import (find_metric, format_evaluation_table, format_table,
                                        format_test_report, format_top_errors, top_errors)


def test_format_table_aligns_columns():
    text = format_table(['a', 'long header'], [[1, 'x'], ['wide cell', 2]])
    lines = text.splitlines()
    assert lines[0] == 'a          long header'
    assert lines[1] == '---------  -----------'
    assert lines[3] == 'wide cell  2'


def test_find_metric_ignores_prefix_but_not_longer_names():
    metrics = {'aji/aji': 0.3, 'aji/agnostic_aji': 0.5, 'coco/segm_mAP_50': 0.9}
    assert find_metric(metrics, 'aji') == 0.3
    assert find_metric(metrics, 'segm_mAP_50') == 0.9
    assert find_metric(metrics, 'bbox_mAP_50') is None
    with pytest.raises(ValueError, match='several metrics'):
        find_metric({'a/aji': 1.0, 'b/aji': 2.0}, 'aji')


def test_evaluation_table_rows_per_dataset_and_missing_columns():
    text = format_evaluation_table({
        'autokary2022': {'coco/segm_mAP_50': 0.885, 'aji/aji': 0.267, 'aji/aji_plus': 0.25},
        'cil24': {'coco/bbox_mAP_50': 0.06},
    })
    header, _, first, second = text.splitlines()
    assert header.split('  ')[0] == 'dataset'
    assert 'mAP50 bbox' in header and 'AJI+' in header and 'agnostic AJI' not in header
    assert first.split() == ['autokary2022', '-', '88.5%', '26.7%', '25.0%']
    assert second.split() == ['cil24', '6.0%', '-', '-', '-']


def test_top_errors_sorted_by_err_then_class():
    confusion = np.zeros((4, 4), np.int64)  # 3 classes + background
    confusion[0, 0], confusion[1, 1], confusion[2, 2] = 5, 7, 9
    confusion[0, 1] = 2  # class 0 read as 1: FN for 0, FP for 1
    confusion[2, 3] = 3  # class 2 missed three times
    counts = per_class_counts(confusion)
    assert top_errors(counts) == [2, 0, 1]
    assert top_errors(counts, top_k=1) == [2]
    lines = format_top_errors(counts, ['1', '2', '3']).splitlines()
    assert lines[0].split() == ['chr', 'TP', 'FP', 'FN', 'ERR', 'accuracy']
    assert lines[2].split() == ['0', '3', '9', '0', '3', '3', '75.0%']
    assert lines[3].split() == ['1', '1', '5', '0', '2', '2', '71.4%']
    with pytest.raises(ValueError, match='class names'):
        format_top_errors(counts, ['1', '2'])


def test_test_report_has_dataset_table_then_top_errors():
    confusion = np.zeros((3, 3), np.int64)
    confusion[0, 0], confusion[1, 2] = 4, 1  # class 1 missed once
    report = format_test_report('synthetic', {'aji/aji': 0.5}, per_class_counts(confusion), ['1', '2'])
    lines = report.splitlines()
    assert lines[0] == 'Evaluation on synthetic'
    assert lines[3].split() == ['synthetic', '50.0%']
    assert lines.index('Top classification errors') > 3
    assert lines[-2].split()[:2] == ['0', '2']  # class '2' has the most errors
    assert 'Top classification errors' not in format_test_report('x', {'aji/aji': 0.5})
