"""The overlay written for each analysed image: the reading's masks on the image it was read from."""
from typing import TYPE_CHECKING

import cv2
import numpy as np

from mmkaryo.structures.classes import CHROMOSOME_CLASSES
from mmkaryo.visualization.blend import DEFAULT_ALPHA, blend_masks
from mmkaryo.visualization.palette import PALETTE

if TYPE_CHECKING:  # mmkaryo.apis imports this module; the type is for readers and checkers only
    from mmkaryo.apis.inferencer import KaryotypeResult


def render_overlay(result: 'KaryotypeResult', alpha: float = DEFAULT_ALPHA) -> np.ndarray:
    """Return an RGB image: masks coloured by homologous pair, outlined, class name at each centre.

    Reads ``result.image``, ``result.masks`` and ``result.labels`` only.
    Memory: one uint8 (H, W, 3) canvas plus one instance's bounding-box crop at a time.
    """
    gray = np.repeat(result.image[..., None], 3, axis=2)
    canvas = blend_masks(gray, result.masks, [PALETTE[label] for label in result.labels], alpha)
    for i, label in enumerate(result.labels):
        tight = result.masks.tight(i)
        if tight is None:
            continue
        inside, offset = tight[0].astype(np.uint8), tight[1]
        contours, _ = cv2.findContours(inside, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE, offset=offset)
        cv2.drawContours(canvas, contours, -1, PALETTE[label], 1)
        ys, xs = np.nonzero(inside)
        cv2.putText(canvas, CHROMOSOME_CLASSES[label], (int(xs.mean()) + offset[0] - 6,
                                                        int(ys.mean()) + offset[1] + 4),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.4, (0, 0, 0), 1, cv2.LINE_AA)
    return canvas
