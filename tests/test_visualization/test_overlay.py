"""render_overlay: a reading's masks tinted by pair colour and outlined on its grey image."""
from types import SimpleNamespace

import numpy as np

from mmkaryo.structures import MaskCrops
from mmkaryo.visualization import PALETTE, render_overlay


def test_masks_are_tinted_and_outlined_in_their_class_colour():
    image = np.full((60, 80), 200, np.uint8)
    dense = np.zeros((2, 60, 80), bool)
    dense[0, 10:50, 10:40] = True
    dense[1, 20:30, 60:70] = True
    result = SimpleNamespace(image=image, masks=MaskCrops.from_dense(dense), labels=np.array([1, 22]))
    overlay = render_overlay(result, alpha=0.25)
    assert overlay.shape == (60, 80, 3) and overlay.dtype == np.uint8
    # Inside mask 0, away from its outline and its name: 0.75 * 200 + 0.25 * PALETTE[1] (60, 180, 75).
    assert overlay[45, 13].tolist() == [165, 195, 169]
    assert overlay[10, 20].tolist() == list(PALETTE[1])  # outline
    assert overlay[20, 65].tolist() == list(PALETTE[22])  # outline of the X
    assert overlay[5, 5].tolist() == [200, 200, 200]  # background
