"""Masks drawn by hand for the zoo tests (categories and IoUs computed on paper in the comments)."""
import numpy as np
import pycocotools.mask as mask_util

from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.evaluation.zoo import Detections, GroundTruthImage

SHAPE = (30, 30)


def rect(rows, cols, shape=SHAPE):
    """A bool mask with rows[0]..rows[1] x cols[0]..cols[1] (inclusive) set."""
    mask = np.zeros(shape, bool)
    mask[rows[0]:rows[1] + 1, cols[0]:cols[1] + 1] = True
    return mask


def ellipse(center, radii, shape=SHAPE):
    rows, cols = np.ogrid[:shape[0], :shape[1]]
    return ((rows - center[0]) / radii[0])**2 + ((cols - center[1]) / radii[1])**2 <= 1


# A rows 2-5 x cols 2-9 (32 px) and B rows 4-8 x cols 8-11 (20 px) share rows 4-5 x cols 8-9: overlapping.
# C rows 12-15 x cols 2-6 (20 px) and D rows 12-15 x cols 8-11 (16 px): one free column (7) between
#   them; C dilated by 2 px reaches col 8: touching.
# G rows 12-15 x cols 14-16: two free columns (12, 13) from D; D dilated reaches col 13 only: isolated.
# E an ellipse around (24, 22): far from everything, isolated.
A, B = rect((2, 5), (2, 9)), rect((4, 8), (8, 11))
C, D = rect((12, 15), (2, 6)), rect((12, 15), (8, 11))
G, E = rect((12, 15), (14, 16)), ellipse((24, 22), (3, 5))
HAND_MASKS = np.stack([A, B, C, D, G, E])
HAND_CONTACT = ['overlapping', 'overlapping', 'touching', 'touching', 'isolated', 'isolated']
HAND_LABELS = np.array([0, 1, 2, 3, 4, 5])


def grid_masks(count, shape=(40, 60)):
    """``count`` disjoint 3 x 3 squares, 5 px apart."""
    masks = []
    for k in range(count):
        row, col = divmod(k, shape[1] // 5)
        masks.append(rect((5 * row, 5 * row + 2), (5 * col, 5 * col + 2), shape))
    return np.stack(masks)


NORMAL_MALE_LABELS = np.array([k for k in range(22) for _ in range(2)] + [22, 23])  # 46,XY


def ground_truth(image_id, masks, labels, karyotype=None):
    return GroundTruthImage(image_id, f'img{image_id}.png', masks.shape[1], masks.shape[2],
                            encode_masks(masks), np.asarray(labels, np.int64), karyotype)


def perfect_detections(gt, argmax_labels=None):
    """Detections equal to the ground truth, score 1, every reading right unless argmax is given."""
    boxes = np.array([mask_util.toBbox(rle) for rle in gt.rles]).reshape(-1, 4)
    boxes[:, 2:] += boxes[:, :2]
    return Detections(gt.rles, boxes, np.ones(len(gt.rles)), gt.labels, gt.labels,
                      gt.labels if argmax_labels is None else argmax_labels)
