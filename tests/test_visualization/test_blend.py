"""blend_masks: the one tinting rule, (1 - alpha) * pixel + alpha * colour, rounded, mask after mask."""
import numpy as np
import pytest

from mmkaryo.structures import MaskCrops
from mmkaryo.visualization import blend_masks


def two_squares():
    dense = np.zeros((2, 8, 8), bool)
    dense[0, 1:5, 1:5] = True
    dense[1, 3:7, 3:7] = True  # overlaps mask 0 on rows and columns 3..4
    return MaskCrops.from_dense(dense)


def test_known_pixels_are_rounded_not_truncated():
    image = np.full((8, 8, 3), 200, np.uint8)
    blended = blend_masks(image, two_squares(), [(0, 128, 255), (0, 0, 0)], alpha=0.25)
    # 0.75 * 200 + 0.25 * (0, 128, 255) = (150, 182, 213.75): 213.75 rounds to 214 (truncation: 213).
    assert blended[1, 1].tolist() == [150, 182, 214]
    # Under both masks: the first blend, then 0.75 * it + 0.25 * black = (112.5, 136.5, 160.5), rounded
    # half to even.
    assert blended[3, 3].tolist() == [112, 136, 160]
    assert blended[6, 6].tolist() == [150, 150, 150]  # mask 1 only
    assert blended[0, 7].tolist() == [200, 200, 200]  # under no mask
    assert image[1, 1].tolist() == [200, 200, 200], 'the input must be left alone'


def test_no_masks_gives_an_equal_copy():
    image = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)
    blended = blend_masks(image, MaskCrops.empty(0, (4, 4)), [])
    assert np.array_equal(blended, image) and blended is not image


@pytest.mark.parametrize('image, colours, alpha, match', [
    (np.zeros((8, 8), np.uint8), [(0, 0, 0)] * 2, 0.5, r'\(H, W, 3\) uint8'),
    (np.zeros((8, 8, 3), np.float32), [(0, 0, 0)] * 2, 0.5, r'\(H, W, 3\) uint8'),
    (np.zeros((9, 8, 3), np.uint8), [(0, 0, 0)] * 2, 0.5, 'masks of'),
    (np.zeros((8, 8, 3), np.uint8), [(0, 0, 0)], 0.5, '1 colours for 2 masks'),
    (np.zeros((8, 8, 3), np.uint8), [(0, 0, 0)] * 2, 1.5, 'alpha'),
])
def test_bad_arguments_are_named(image, colours, alpha, match):
    with pytest.raises(ValueError, match=match):
        blend_masks(image, two_squares(), colours, alpha)
