"""The zoo row from hand-made predictions: perfect ones score 1 everywhere; dropping the overlapping
chromosomes lowers only the overlapping recall; the two class readings are scored separately."""
import math

import numpy as np
import pytest

from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.evaluation.zoo import COLUMNS, Detections, Prediction, markdown_header, markdown_row, zoo_row

from .zoo_cases import (HAND_LABELS, HAND_MASKS, NORMAL_MALE_LABELS, ground_truth, grid_masks,
                        perfect_detections, rect)


def dataset():
    """The hand-drawn image (no karyotype), a 46,XY grid and an image with a structural karyotype."""
    return [ground_truth(1, HAND_MASKS, HAND_LABELS),
            ground_truth(2, grid_masks(46), NORMAL_MALE_LABELS, '46,XY'),
            ground_truth(3, grid_masks(2), [0, 0], '46,XY,t(1;2)(p10;q10)')]


def perfect(images, argmax_swap=False):
    predictions = []
    for image in images:
        argmax = None
        if argmax_swap and image.karyotype == '46,XY':
            argmax = image.labels.copy()
            argmax[0] = 1  # one chromosome 1 read as a 2 by argmax: counts 1 x chr1, 3 x chr2
        dets = perfect_detections(image, argmax)
        predictions.append(Prediction(dets, dets))
    return predictions


def test_perfect_predictions_score_one():
    images = dataset()
    row = zoo_row('perfect', images, perfect(images), score_thr=0.5)
    for key in ('bbox_mAP50', 'segm_mAP50', 'agnostic_bbox_mAP50', 'agnostic_segm_mAP50', 'aji', 'aji_plus',
                'pooled_aji', 'pooled_aji_plus', 'recall_isolated', 'recall_touching', 'recall_overlapping',
                'recall', 'class_acc', 'class_acc_argmax', 'karyotype_exact', 'karyotype_exact_argmax'):
        assert row[key] == pytest.approx(1.0), key
    # Grid squares are 2 free pixels apart: isolated. Hand image: 2 + 2 + 2.
    assert (row['num_isolated'], row['num_touching'], row['num_overlapping']) == (2 + 46 + 2, 2, 2)
    assert (row['num_instances'], row['num_images'], row['score_thr']) == (54, 3, 0.5)
    assert (row['karyotype_images'], row['karyotype_skipped_no_karyotype'],
            row['karyotype_skipped_unparsable']) == (1, 1, 1)
    assert row['karyotype_skip_reasons'][0].startswith('img1.png: ')
    assert row['karyotype_skip_reasons'][1].startswith('img3.png: ') and 't(1;2)' in row['karyotype_skip_reasons'][1]


def test_dropping_the_overlapping_chromosomes_lowers_only_their_recall():
    images = dataset()
    predictions = perfect(images)
    kept = predictions[0].kept.subset(np.array([2, 3, 4, 5]))  # A and B (overlapping) dropped
    predictions[0] = Prediction(kept, kept)
    row = zoo_row('no overlaps', images, predictions)
    assert row['recall_overlapping'] == 0.0
    assert row['recall_isolated'] == row['recall_touching'] == 1.0
    assert row['recall'] == pytest.approx(52 / 54)
    assert row['class_acc'] == 1.0 and row['karyotype_exact'] == 1.0
    assert row['aji'] < 1.0 and row['segm_mAP50'] < 1.0 and row['agnostic_bbox_mAP50'] < 1.0


def test_argmax_and_constrained_readings_are_scored_apart():
    images = dataset()
    row = zoo_row('swap', images, perfect(images, argmax_swap=True))
    assert row['class_acc'] == 1.0 and row['karyotype_exact'] == 1.0
    assert row['class_acc_argmax'] == pytest.approx(53 / 54)
    assert row['karyotype_exact_argmax'] == 0.0


def test_a_spurious_top_detection_costs_map_only():
    # A detection of class 5 (E's) far from every chromosome, ranked above all, left out of the
    # operating set. Class 5: FP then TP, interpolated precision 1/2 at every recall -> AP 0.5; the
    # five other classes AP 1: mAP 5.5 / 6. Agnostic: FP then 6 TPs, precision envelope 6/7.
    # AJI and recall see only the kept (perfect) detections.
    images = dataset()[:1]
    dets = perfect_detections(images[0])
    spurious = encode_masks(rect((26, 29), (0, 3))[None])
    ranked = Detections(spurious + dets.rles, np.vstack([[0, 26, 4, 30], dets.boxes]),
                        np.r_[2.0, dets.scores], np.r_[5, dets.detector_labels])
    row = zoo_row('spurious', images, [Prediction(ranked, dets)])
    for iou_type in ('bbox', 'segm'):
        assert row[f'{iou_type}_mAP50'] == pytest.approx(5.5 / 6)
        assert row[f'agnostic_{iou_type}_mAP50'] == pytest.approx(6 / 7)
    assert row['aji'] == 1.0 and row['recall'] == 1.0 and row['class_acc'] == 1.0


def test_class_free_predictions_have_no_class_columns():
    images = dataset()[:1]
    dets = perfect_detections(images[0])
    plain = Detections(dets.rles, dets.boxes, dets.scores)
    row = zoo_row('otsu-like', images, [Prediction(plain, plain)])
    assert row['bbox_mAP50'] is row['segm_mAP50'] is row['class_acc'] is row['karyotype_exact_argmax'] is None
    assert row['agnostic_segm_mAP50'] == 1.0 and row['recall'] == 1.0
    line = markdown_row(row)
    assert line.count('n/a') == 6 and line.startswith('| otsu-like | n/a | n/a | 1.000 |')
    assert len(line.split('|')) == len(markdown_header().splitlines()[0].split('|')) == len(COLUMNS) + 2


def test_mixed_class_and_class_free_predictions_are_rejected():
    images = dataset()[:2]
    dets = [perfect_detections(image) for image in images]
    plain = Detections(dets[0].rles, dets[0].boxes, dets[0].scores)
    with pytest.raises(ValueError, match='some images have predicted classes'):
        zoo_row('mixed', images, [Prediction(plain, plain), Prediction(dets[1], dets[1])])


def test_no_detections_scores_zero():
    images = dataset()[:1]
    empty = perfect_detections(images[0]).subset(np.zeros(0, np.int64))
    row = zoo_row('nothing', images, [Prediction(empty, empty)])
    assert row['segm_mAP50'] == 0.0 and row['recall'] == 0.0 and row['aji'] == 0.0
    assert math.isnan(row['class_acc'])  # nothing matched, nothing to name
