"""Overlapping instances from a label map with an overlap value, on hand-drawn crossings."""
import numpy as np

from mmkaryo.datasets.converters import instances_from_label_map


def _cross():
    """Class 3 horizontal bar crossed by class 5 vertical bar; the crossing is 255."""
    labels = np.zeros((40, 40), np.uint8)
    labels[18:22, 2:38] = 3
    labels[2:38, 18:22] = 5
    labels[18:22, 18:22] = 255
    return labels


def test_crossing_chromosomes_share_the_overlap_and_stay_whole():
    labels = _cross()
    found = instances_from_label_map(labels, min_area=10)
    assert sorted(found.classes) == [3, 5]
    coverage = np.sum(found.masks, axis=0)
    assert np.array_equal(coverage >= 2, labels == 255)
    for value, mask in zip(found.classes, found.masks):
        assert np.array_equal(mask, (labels == value) | (labels == 255))
    assert found.fragments == [] and found.single_class_overlaps == []


def test_fragments_below_min_area_are_returned_not_kept():
    labels = _cross()
    labels[30:33, 30:33] = 7
    found = instances_from_label_map(labels, min_area=10)
    assert 7 not in found.classes and found.fragments == [(7, 9)]


def test_overlap_touching_one_class_is_reported():
    labels = np.zeros((20, 20), np.uint8)
    labels[5:8, 2:18] = 4
    labels[8:10, 8:10] = 255
    found = instances_from_label_map(labels, min_area=5)
    assert found.classes == [4] and found.single_class_overlaps == [4]
    assert found.masks[0][8:10, 8:10].all()
