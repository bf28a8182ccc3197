"""Whether each ground-truth chromosome of an image is isolated, touching or overlapping another.

* overlapping: its mask shares at least one pixel with another mask of the image;
* touching: not overlapping, but its mask dilated twice by a 3 x 3 square (every pixel within
  Chebyshev distance 2) meets another mask, i.e. at most one background pixel lies between them
  along a row, column or diagonal;
* isolated: neither.
"""
from typing import Sequence

import numpy as np
import pycocotools.mask as mask_util
from scipy import ndimage

from mmkaryo.evaluation.functional.masks import RLE, encode_masks, mask_overlaps

ISOLATED, TOUCHING, OVERLAPPING = 0, 1, 2
CONTACT_NAMES = ('isolated', 'touching', 'overlapping')
TOUCH_DILATIONS = 2


def dilate_rle(rle: RLE, iterations: int = TOUCH_DILATIONS) -> RLE:
    """``rle`` dilated ``iterations`` times by a 3 x 3 square, clipped to the image (same size)."""
    mask = mask_util.decode(rle).astype(bool)
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        return rle
    y0, x0 = max(rows[0] - iterations, 0), max(cols[0] - iterations, 0)
    y1, x1 = rows[-1] + iterations + 1, cols[-1] + iterations + 1
    mask[y0:y1, x0:x1] = ndimage.binary_dilation(mask[y0:y1, x0:x1], structure=np.ones((3, 3), bool),
                                                 iterations=iterations)
    return encode_masks(mask[None])[0]


def contact_categories(rles: Sequence[RLE]) -> np.ndarray:
    """(G,) category of each of an image's ground-truth masks: ISOLATED, TOUCHING or OVERLAPPING."""
    rles = list(rles)
    if not rles:
        return np.zeros(0, np.int64)
    shared, _, _ = mask_overlaps(rles, rles)
    np.fill_diagonal(shared, 0)
    reached, _, _ = mask_overlaps([dilate_rle(rle) for rle in rles], rles)
    np.fill_diagonal(reached, 0)
    categories = np.full(len(rles), ISOLATED, np.int64)
    categories[(reached > 0).any(axis=1)] = TOUCHING
    categories[(shared > 0).any(axis=1)] = OVERLAPPING
    return categories
