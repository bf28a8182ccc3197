"""A picture of a synthetic metaphase beside the same image with its instance masks in class colours."""
from pathlib import Path
from typing import Union

import cv2
import numpy as np
from PIL import Image

from mmkaryo.datasets.synthetic.generator import SyntheticSample
from mmkaryo.structures import PALETTE

_ALPHA = 0.45


def render_preview(sample: SyntheticSample) -> np.ndarray:
    """RGB uint8 (H, 2W + gap, 3): the grey image left, masks blended in PALETTE colours right."""
    grey = np.repeat(sample.image[..., None], 3, axis=2).astype(np.float32)
    overlay = grey.copy()
    for instance in sample.instances:
        x, y = instance.offset
        h, w = instance.mask_crop.shape
        window = overlay[y:y + h, x:x + w]
        window[instance.mask_crop] = ((1 - _ALPHA) * window[instance.mask_crop]
                                      + _ALPHA * np.array(PALETTE[instance.label], np.float32))
    overlay = overlay.astype(np.uint8)
    for instance in sample.instances:
        outline = np.rint(instance.polygon - 0.5).astype(np.int32)
        cv2.polylines(overlay, [outline], True, PALETTE[instance.label], 1, cv2.LINE_AA)
    gap = np.full((sample.image.shape[0], 8, 3), 255, np.uint8)
    return np.concatenate([grey.astype(np.uint8), gap, overlay], axis=1)


def save_preview(sample: SyntheticSample, path: Union[str, Path]) -> Path:
    """Write :func:`render_preview` of ``sample`` as an optimised PNG at ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(render_preview(sample)).save(path, format='PNG', optimize=True)
    return path
