"""The error analysis's figures: instances drawn on an image, two such panels side by side."""
from typing import Sequence, Tuple

import cv2
import numpy as np
import pycocotools.mask as mask_util

from mmkaryo.structures import MaskCrops
from mmkaryo.visualization.blend import DEFAULT_ALPHA, blend_masks
from mmkaryo.visualization.palette import PALETTE


def _decode(rles: Sequence[dict], image_shape: Tuple[int, int]) -> MaskCrops:
    """COCO RLEs as box crops, one dense mask decoded at a time."""
    parts = [MaskCrops.from_dense(mask_util.decode(rle).astype(bool)[None]) for rle in rles]
    return MaskCrops.cat(parts) if parts else MaskCrops.empty(0, image_shape)


def draw_instances(image: np.ndarray, rles: Sequence[dict], labels: Sequence[int],
                   class_names: Sequence[str], alpha: float = DEFAULT_ALPHA) -> np.ndarray:
    """Return a BGR copy of ``image`` (BGR, or grey) with each mask tinted in its class colour (label
    modulo the palette's length) and its class name written at the mask's centre."""
    canvas = image.copy() if image.ndim == 3 else cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    masks = _decode(rles, canvas.shape[:2])
    for i, label in enumerate(labels):
        tight = masks.tight(i)
        if tight is None:
            continue
        # Mask by mask, each name written before the next mask is blended (over it, where they meet).
        canvas = blend_masks(canvas, masks[[i]], [PALETTE[int(label) % len(PALETTE)][::-1]], alpha)
        (rows, cols), (x0, y0) = np.nonzero(tight[0]), tight[1]
        cv2.putText(canvas, str(class_names[int(label)]), (int(cols.mean()) + x0, int(rows.mean()) + y0),
                    cv2.FONT_HERSHEY_SIMPLEX, max(0.4, canvas.shape[0] / 1600), (0, 0, 0), 1, cv2.LINE_AA)
    return canvas


def side_by_side(left: np.ndarray, right: np.ndarray, left_title: str, right_title: str) -> np.ndarray:
    """Two images of one size next to each other with a title strip above each."""
    if left.shape != right.shape:
        raise ValueError(f'side_by_side needs images of one shape, got {left.shape} and {right.shape}')
    strip = np.full((32, left.shape[1], 3), 255, np.uint8)
    panels = []
    for image, title in ((left, left_title), (right, right_title)):
        header = strip.copy()
        cv2.putText(header, title, (6, 22), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 0), 1, cv2.LINE_AA)
        panels.append(np.vstack([header, image]))
    return np.hstack(panels)
