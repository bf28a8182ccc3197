"""Crop canvases: upright, unscaled unless too big, stain normalised by the metaphase, relative sizes."""
import numpy as np
import pytest

from mmkaryo.structures.chromosome_crop import (CANVAS_MARGIN, axis_length, mask_crops_canvases, metaphase_crops,
                                                stain_image, to_canvas)


def bar(height: int, width: int, shape=(200, 200), top: int = 20, left: int = 30) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    mask[top:top + height, left:left + width] = True
    return mask


def region(mask: np.ndarray):
    rows, cols = np.flatnonzero(mask.any(1)), np.flatnonzero(mask.any(0))
    return mask[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1], (int(cols[0]), int(rows[0]))


def extent(canvas: np.ndarray):
    """(rows, cols) of the non-zero part of a canvas."""
    return int(np.count_nonzero(canvas.any(1))), int(np.count_nonzero(canvas.any(0)))


def test_stain_of_dark_on_light_is_inverted_and_bright_on_dark_kept():
    gray = np.array([[0, 200]], dtype=np.uint8)
    assert stain_image(gray).tolist() == [[255.0, 55.0]]
    assert stain_image(gray, dark_on_light=False).tolist() == [[0.0, 200.0]]
    with pytest.raises(ValueError, match='uint8'):
        stain_image(gray.astype(np.float32))


def test_straight_vertical_chromosome_stays_upright_and_unscaled():
    gray = np.full((200, 200), 255, np.uint8)
    mask = bar(40, 8)
    gray[mask] = 55  # stain 200
    crops = metaphase_crops(stain_image(gray), [region(mask)])
    canvas = crops.canvases[0]
    assert canvas.shape == (96, 48)
    assert extent(canvas) == (40, 8)
    assert crops.scales[0] == 1.0
    # One chromosome is its own metaphase: stain / mean stain = 1 inside, sizes relative to itself = 0.
    assert np.allclose(canvas[canvas > 0], 1.0)
    assert np.allclose(crops.sizes, 0.0)


def test_horizontal_chromosome_is_turned_upright():
    mask = bar(8, 40)
    crops = metaphase_crops(stain_image(np.where(mask, 0, 255).astype(np.uint8)), [region(mask)])
    rows, cols = extent(crops.canvases[0])
    assert 39 <= rows <= 41 and 7 <= cols <= 9


def test_too_long_chromosome_shrinks_to_fit_keeping_aspect():
    mask = bar(150, 10)
    crops = metaphase_crops(stain_image(np.where(mask, 0, 255).astype(np.uint8)), [region(mask)])
    scale = (96 - 2 * CANVAS_MARGIN) / 150
    assert crops.scales[0] == pytest.approx(scale)
    rows, cols = extent(crops.canvases[0])
    assert rows == round(150 * scale) and cols == round(10 * scale)


def test_stain_and_sizes_are_relative_to_the_metaphase():
    gray = np.full((200, 200), 255, np.uint8)
    small, big = bar(20, 10, left=10), bar(40, 10, left=100)
    gray[small], gray[big] = 155, 55  # stains 100 and 200
    crops = metaphase_crops(stain_image(gray), [region(small), region(big)])
    mean = (100 * 200 + 200 * 400) / 600
    assert np.allclose(crops.canvases[0][crops.canvases[0] > 0], 100 / mean)
    assert np.allclose(crops.canvases[1][crops.canvases[1] > 0], 200 / mean)
    median_area, median_length = np.median([200, 400]), np.median([20, 40])
    assert crops.sizes[:, 0] == pytest.approx(np.log(np.array([200, 400]) / median_area))
    assert crops.sizes[:, 1] == pytest.approx(np.log(np.array([20, 40]) / median_length))


def test_axis_length_of_a_diagonal_bar():
    mask = np.eye(30, dtype=bool) | np.eye(30, k=1, dtype=bool)
    assert axis_length(mask) == pytest.approx(29 * np.sqrt(2) + 1, abs=1.0)


def test_to_canvas_centres():
    canvas, scale = to_canvas(np.ones((10, 4), np.float32), (20, 10))
    assert scale == 1.0
    assert np.argwhere(canvas > 0).min(0).tolist() == [5, 3]


def test_bad_masks_are_named():
    stain = np.zeros((50, 50), np.float32)
    with pytest.raises(ValueError, match='mask 0 is empty'):
        metaphase_crops(stain, [(np.zeros((3, 3), bool), (0, 0))])
    with pytest.raises(ValueError, match='leaves'):
        metaphase_crops(stain, [(np.ones((3, 3), bool), (49, 0))])
    assert metaphase_crops(stain, []).canvases.shape == (0, 96, 48)


def test_reference_masks_set_the_metaphase_statistics():
    gray = np.full((200, 200), 255, np.uint8)
    small, big = bar(20, 10, left=10), bar(40, 10, left=100)
    gray[small], gray[big] = 155, 55
    crops = metaphase_crops(stain_image(gray), [region(small), region(big)], reference=np.array([False, True]))
    assert np.allclose(crops.canvases[1][crops.canvases[1] > 0], 1.0)
    assert crops.sizes[1] == pytest.approx([0.0, 0.0])
    assert crops.sizes[0, 0] == pytest.approx(np.log(0.5))
    with pytest.raises(ValueError, match='reference'):
        metaphase_crops(stain_image(gray), [region(small)], reference=np.array([True, True]))


def test_mask_crops_canvases_skips_empty_masks_and_takes_reference_over_all():
    from mmkaryo.structures import MaskCrops

    gray = np.full((200, 200), 255, np.uint8)
    small, big = bar(20, 10, left=10), bar(40, 10, left=100)
    gray[small], gray[big] = 155, 55
    masks = MaskCrops.from_dense(np.stack([small, np.zeros_like(small), big]))
    crops, cut = mask_crops_canvases(stain_image(gray), masks, reference=np.array([False, True, True]))
    assert cut.tolist() == [True, False, True] and len(crops.canvases) == 2
    assert crops.sizes[1] == pytest.approx([0.0, 0.0])  # the reference is the big one alone
    with pytest.raises(ValueError, match='reference'):
        mask_crops_canvases(stain_image(gray), masks, reference=np.array([True, True]))
