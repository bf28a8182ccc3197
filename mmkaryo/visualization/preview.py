"""A picture of a synthetic metaphase beside the same image with its instance masks in class colours."""
from pathlib import Path
from typing import TYPE_CHECKING, Union

import cv2
import numpy as np
from PIL import Image

from mmkaryo.structures import MaskCrops
from mmkaryo.visualization.blend import blend_masks
from mmkaryo.visualization.palette import PALETTE

if TYPE_CHECKING:  # mmkaryo.datasets imports this package (the palette); the type is for readers only
    from mmkaryo.datasets.synthetic.generator import SyntheticSample


def render_preview(sample: 'SyntheticSample') -> np.ndarray:
    """RGB uint8 (H, 2W + 8, 3): the grey image left, an 8-pixel white gap, then the masks blended in
    PALETTE colours (:func:`blend_masks`) and outlined by their polygons."""
    grey = np.repeat(sample.image[..., None], 3, axis=2)
    instances = sample.instances
    masks = MaskCrops([inst.mask_crop for inst in instances], [inst.offset for inst in instances],
                      sample.image.shape)
    overlay = blend_masks(grey, masks, [PALETTE[inst.label] for inst in instances])
    for instance in instances:
        outline = np.rint(instance.polygon - 0.5).astype(np.int32)
        cv2.polylines(overlay, [outline], True, PALETTE[instance.label], 1, cv2.LINE_AA)
    gap = np.full((sample.image.shape[0], 8, 3), 255, np.uint8)
    return np.concatenate([grey, gap, overlay], axis=1)


def save_preview(sample: 'SyntheticSample', path: Union[str, Path]) -> Path:
    """Write :func:`render_preview` of ``sample`` as an optimised PNG at ``path``; return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(render_preview(sample)).save(path, format='PNG', optimize=True)
    return path
