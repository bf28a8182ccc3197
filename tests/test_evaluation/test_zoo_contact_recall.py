"""Contact categories and recall of the zoo row on masks drawn by hand (tests/test_evaluation/zoo_cases.py)."""
import numpy as np
import pytest

from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.evaluation.zoo import CONTACT_NAMES, Detections, contact_categories, score_image

from .zoo_cases import C, D, G, HAND_CONTACT, HAND_MASKS, A, E, ground_truth, rect


def names(categories):
    return [CONTACT_NAMES[c] for c in categories]


def test_contact_categories_of_the_hand_drawn_image():
    assert names(contact_categories(encode_masks(HAND_MASKS))) == HAND_CONTACT


@pytest.mark.parametrize('gap, expected', [(0, 'touching'), (1, 'touching'), (2, 'isolated')])
def test_touching_means_at_most_one_free_pixel_between(gap, expected):
    left = rect((3, 6), (2, 5))
    right = rect((3, 6), (6 + gap, 9 + gap))
    assert names(contact_categories(encode_masks(np.stack([left, right])))) == [expected] * 2


def test_diagonal_neighbours_touch():
    # (5, 5) and (7, 7): one free pixel (6, 6) on the diagonal; Chebyshev distance 2.
    assert names(contact_categories(encode_masks(np.stack([rect((2, 5), (2, 5)), rect((7, 9), (7, 9))])))) \
        == ['touching'] * 2


def test_no_masks():
    assert contact_categories([]).shape == (0, )


def detections(masks):
    return Detections(encode_masks(np.stack(masks)), np.zeros((len(masks), 4)), np.ones(len(masks)))


def test_recall_is_one_to_one_at_iou_half():
    gt = ground_truth(1, HAND_MASKS, np.zeros(6, np.int64))
    # A twice (one match only; A vs B: 4 px shared of a 48 px union), C merged with D (IoU with C is
    # 20 / 36 >= 0.5, with D 16 / 36 < 0.5), G and E exact. Found: A, C, G, E.
    scores = score_image(gt, detections([A, A, C | D, G, E]))
    assert names(scores.contact) == HAND_CONTACT
    assert scores.found.tolist() == [True, False, True, False, True, True]
    assert scores.matched == 4
    assert (scores.correct, scores.exact) == (None, None)


def test_shifted_prediction_below_half_iou_is_missed():
    gt = ground_truth(1, HAND_MASKS[1:2], [0])
    # B rows 4-8 x cols 8-11 against rows 4-8 x cols 11-14: 5 px shared, union 35, IoU 1/7.
    assert score_image(gt, detections([rect((4, 8), (11, 14))])).found.tolist() == [False]
