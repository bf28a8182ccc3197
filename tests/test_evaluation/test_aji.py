"""AJI on masks drawn by hand (values computed on paper in the comments), RLE input, empty cases,
and agreement with an independent label-map implementation of Kumar's definition."""
import numpy as np
import pytest

from mmkaryo.evaluation.functional import (aggregated_jaccard_index,
                                           aggregated_jaccard_index_label_maps, encode_masks)


def rect(rows, cols, shape=(10, 10)):
    """A bool mask with rows[0]..rows[1] x cols[0]..cols[1] (inclusive) set."""
    mask = np.zeros(shape, bool)
    mask[rows[0]:rows[1] + 1, cols[0]:cols[1] + 1] = True
    return mask


# Two overlapping ground truths and three predictions on a 10 x 10 image:
#   G1 rows 0-1, cols 0-5 (12 px)      G2 rows 1-2, cols 4-9 (12 px); G1 ∩ G2 = row 1, cols 4-5
#   S1 rows 0-1, cols 0-4 (10 px)      S2 rows 1-2, cols 5-9 (10 px)   S3 rows 8-9, cols 0-1 (4 px)
# Pairs: G1∩S1 = 10, G1∪S1 = 12 (IoU 10/12); G1∩S2 = 1 (row 1 col 5), union 21;
#        G2∩S1 = 1 (row 1 col 4), union 21;   G2∩S2 = 10, union 12 (IoU 10/12); S3 touches nothing.
OVERLAP_GT = np.stack([rect((0, 1), (0, 5)), rect((1, 2), (4, 9))])
OVERLAP_PRED = np.stack([rect((0, 1), (0, 4)), rect((1, 2), (5, 9)), rect((8, 9), (0, 1))])
OVERLAP_GT_LABELS = [0, 1]
OVERLAP_PRED_LABELS = [1, 1, 0]


@pytest.mark.parametrize('variant', ['aji', 'aji+'])
def test_overlapping_class_agnostic(variant):
    # Both variants: G1 -> S1, G2 -> S2. C = 10 + 10 = 20; U = 12 + 12 + |S3| = 28.
    out = aggregated_jaccard_index(OVERLAP_GT, OVERLAP_PRED, variant=variant)
    assert (out['intersection'], out['union']) == (20, 28)
    assert out['aji'] == pytest.approx(20 / 28)
    assert (out['matched'], out['unmatched_gt'], out['unmatched_pred']) == (2, 0, 1)


@pytest.mark.parametrize('variant', ['aji', 'aji+'])
def test_overlapping_class_aware(variant):
    # Labels G1=0, G2=1; S1=1, S2=1, S3=0. G1 may only match S3, which it does not touch: U += 12.
    # G2 (class 1) picks S2 (10/12 beats S1's 1/21): C += 10, U += 12. S1 and S3 unused: U += 10 + 4.
    # AJI = 10 / 38 in both variants.
    out = aggregated_jaccard_index(OVERLAP_GT, OVERLAP_PRED, OVERLAP_GT_LABELS, OVERLAP_PRED_LABELS,
                                   variant=variant)
    assert (out['intersection'], out['union']) == (10, 38)
    assert out['aji'] == pytest.approx(10 / 38)
    assert (out['matched'], out['unmatched_gt'], out['unmatched_pred']) == (1, 1, 2)


def test_labels_on_one_side_only_is_class_agnostic():
    out = aggregated_jaccard_index(OVERLAP_GT, OVERLAP_PRED, gt_labels=OVERLAP_GT_LABELS)
    assert out['aji'] == pytest.approx(20 / 28)


# One merged prediction serving two ground truths:
#   G1 rows 0-1, cols 0-5 (12 px), G2 rows 0-1, cols 6-9 (8 px), S1 rows 0-1, cols 0-9 (20 px).
#   IoU(G1, S1) = 12/20, IoU(G2, S1) = 8/20.
MERGED_GT = np.stack([rect((0, 1), (0, 5)), rect((0, 1), (6, 9))])
MERGED_PRED = rect((0, 1), (0, 9))[None]


def test_prediction_serving_two_gts_counts_twice_in_aji():
    # Kumar: both G1 and G2 take S1. C = 12 + 8 = 20; U = |G1∪S1| + |G2∪S1| = 20 + 20 = 40.
    out = aggregated_jaccard_index(MERGED_GT, MERGED_PRED, variant='aji')
    assert (out['intersection'], out['union'], out['matched']) == (20, 40, 2)
    assert out['aji'] == pytest.approx(0.5)


def test_prediction_serving_two_gts_counts_once_in_aji_plus():
    # One-to-one: S1 goes to G1 (IoU 0.6 > 0.4). C = 12; U = 20 + |G2| = 28; AJI+ = 12/28.
    out = aggregated_jaccard_index(MERGED_GT, MERGED_PRED, variant='aji+')
    assert (out['intersection'], out['union'], out['matched'], out['unmatched_gt']) == (12, 28, 1, 1)
    assert out['aji'] == pytest.approx(12 / 28)


@pytest.mark.parametrize('variant', ['aji', 'aji+'])
def test_rle_input_equals_array_input(variant):
    rng = np.random.default_rng(0)
    gt = rng.random((7, 40, 30)) > 0.7
    pred = rng.random((9, 40, 30)) > 0.7
    gt_labels, pred_labels = rng.integers(0, 3, 7), rng.integers(0, 3, 9)
    from_arrays = aggregated_jaccard_index(gt, pred, gt_labels, pred_labels, variant)
    from_rles = aggregated_jaccard_index(encode_masks(gt), encode_masks(pred), gt_labels, pred_labels,
                                         variant)
    assert from_rles == from_arrays
    assert 0 < from_arrays['aji'] < 1


@pytest.mark.parametrize('variant', ['aji', 'aji+'])
@pytest.mark.parametrize('empty', [np.zeros((0, 10, 10), bool), []])
def test_empty_cases(variant, empty):
    both = aggregated_jaccard_index(empty, empty, variant=variant)
    assert both['aji'] == 1.0 and both['union'] == 0  # nothing to find, nothing claimed
    no_gt = aggregated_jaccard_index(empty, OVERLAP_PRED, variant=variant)
    assert no_gt['aji'] == 0.0 and no_gt['union'] == 24 and no_gt['unmatched_pred'] == 3
    no_pred = aggregated_jaccard_index(OVERLAP_GT, empty, variant=variant)
    assert no_pred['aji'] == 0.0 and no_pred['union'] == 24 and no_pred['unmatched_gt'] == 2


def test_bad_input_is_reported():
    with pytest.raises(ValueError, match='variant'):
        aggregated_jaccard_index(OVERLAP_GT, OVERLAP_PRED, variant='dice')
    with pytest.raises(ValueError, match='gt_labels has 3 entries for 2 masks'):
        aggregated_jaccard_index(OVERLAP_GT, OVERLAP_PRED, [0, 1, 2], OVERLAP_PRED_LABELS)
    with pytest.raises(ValueError, match='same image size'):
        aggregated_jaccard_index(OVERLAP_GT, np.zeros((1, 5, 5), bool))
    with pytest.raises(TypeError, match='RLE'):
        aggregated_jaccard_index([{'bad': 1}], OVERLAP_PRED)


def kumar_aji_on_label_maps(gt_map, pred_map):
    """Kumar et al. 2017, written independently over label maps, one dense mask per id."""
    gt_ids = [i for i in np.unique(gt_map) if i != 0]
    pred_ids = [j for j in np.unique(pred_map) if j != 0]
    used, inter_sum, union_sum = set(), 0, 0
    for i in gt_ids:
        g = gt_map == i
        best_iou, best_j = 0.0, None
        for j in pred_ids:
            s = pred_map == j
            iou = (g & s).sum() / (g | s).sum()
            if iou > best_iou:
                best_iou, best_j = iou, j
        if best_j is None:
            union_sum += g.sum()
            continue
        s = pred_map == best_j
        inter_sum += (g & s).sum()
        union_sum += (g | s).sum()
        used.add(best_j)
    union_sum += sum((pred_map == j).sum() for j in pred_ids if j not in used)
    return inter_sum / union_sum


def random_label_map(rng, shape, count):
    label_map = np.zeros(shape, np.int32)
    for k in range(1, count + 1):
        r, c = rng.integers(0, shape[0] - 4), rng.integers(0, shape[1] - 4)
        label_map[r:r + rng.integers(3, 12), c:c + rng.integers(3, 12)] = k
    return label_map


def masks_of(label_map):
    return np.stack([label_map == k for k in np.unique(label_map) if k != 0])


@pytest.mark.parametrize('seed', range(5))
def test_matches_independent_kumar_on_non_overlapping_instances(seed):
    rng = np.random.default_rng(seed)
    gt_map = random_label_map(rng, (48, 64), 12)
    pred_map = np.roll(random_label_map(rng, (48, 64), 4) + gt_map * (rng.random() > 0.3), 2, axis=1)
    expected = kumar_aji_on_label_maps(gt_map, pred_map)
    assert 0 < expected < 1
    assert aggregated_jaccard_index(masks_of(gt_map), masks_of(pred_map))['aji'] == pytest.approx(expected)
    assert aggregated_jaccard_index_label_maps(gt_map, pred_map)['aji'] == pytest.approx(expected)


def test_label_map_variant_handles_large_sparse_ids():
    gt_map = np.zeros((20, 20), np.int64)
    gt_map[2:8, 2:8] = 1_000_000
    pred_map = np.zeros((20, 20), np.int64)
    pred_map[2:8, 2:6] = 7  # 24 of the 36 gt pixels, all inside the gt
    out = aggregated_jaccard_index_label_maps(gt_map, pred_map, variant='aji+')
    assert (out['intersection'], out['union']) == (24, 36)


def test_array_path_handles_empty_masks_in_the_stack():
    gt = np.stack([OVERLAP_GT[0], np.zeros((10, 10), bool), OVERLAP_GT[1]])
    pred = np.stack([np.zeros((10, 10), bool), *OVERLAP_PRED])
    for variant in ('aji', 'aji+'):
        from_arrays = aggregated_jaccard_index(gt, pred, variant=variant)
        assert from_arrays == aggregated_jaccard_index(encode_masks(gt), encode_masks(pred), variant=variant)
        assert (from_arrays['intersection'], from_arrays['union']) == (20, 28)
