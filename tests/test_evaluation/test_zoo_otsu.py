"""The Otsu baseline finds drawn blobs whichever their polarity, and drops specks under 30 px."""
import numpy as np
import pycocotools.mask as mask_util
import pytest

from mmkaryo.evaluation.zoo import otsu_foreground, otsu_instances

from .zoo_cases import ellipse, rect

SHAPE = (60, 80)
# Three blobs (6 x 10 = 60 px, 5 x 6 = 30 px, a disc) and a 29 px speck (a 5 x 6 box minus a corner).
BLOBS = [rect((5, 10), (5, 14), SHAPE), rect((40, 44), (60, 65), SHAPE), ellipse((30, 35), (6, 6), SHAPE)]
SPECK = rect((50, 54), (5, 10), SHAPE)
SPECK[50, 5] = False


def drawn(dark_on_light: bool) -> np.ndarray:
    rng = np.random.default_rng(0)
    objects = np.any(BLOBS + [SPECK], axis=0)
    image = np.where(objects, 50, 200) + rng.integers(-10, 11, SHAPE)
    return (image if dark_on_light else 255 - image).astype(np.uint8)


def found_masks(gray):
    dets = otsu_instances(gray)
    masks = [mask_util.decode(rle).astype(bool) for rle in dets.rles]
    return dets, sorted(masks, key=lambda m: np.argwhere(m)[0].tolist())


@pytest.mark.parametrize('dark_on_light', [True, False], ids=['inverted', 'raw'])
def test_finds_the_blobs_of_either_polarity(dark_on_light):
    gray = drawn(dark_on_light)
    assert otsu_foreground(gray).sum() == sum(b.sum() for b in BLOBS) + SPECK.sum()
    dets, masks = found_masks(gray)
    expected = sorted(BLOBS, key=lambda m: np.argwhere(m)[0].tolist())
    assert len(masks) == 3  # the 29 px speck is gone, the 30 px blob stays
    for got, want in zip(masks, expected):
        assert np.array_equal(got, want)
    assert dets.scores.tolist() == [1.0] * 3
    assert dets.detector_labels is None and dets.labels is None
    for rle, box in zip(dets.rles, dets.boxes):  # xyxy boxes, end-exclusive, equal to the mask's
        x, y, w, h = mask_util.toBbox(rle)
        assert box.tolist() == [x, y, x + w, y + h]


def test_blank_image_has_no_instances():
    assert len(otsu_instances(np.full((20, 20), 128, np.uint8))) == 0


def test_rejects_colour_input():
    with pytest.raises(ValueError, match='grayscale'):
        otsu_foreground(np.zeros((4, 4, 3), np.uint8))
