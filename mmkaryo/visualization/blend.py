"""The one way mmkaryo tints instance masks onto an image."""
from typing import Sequence, Tuple

import numpy as np

from mmkaryo.structures import MaskCrops

DEFAULT_ALPHA = 0.45


def blend_masks(image: np.ndarray, masks: MaskCrops, colours: Sequence[Tuple[int, int, int]],
                alpha: float = DEFAULT_ALPHA) -> np.ndarray:
    """Return a copy of ``image`` with mask ``i`` tinted in ``colours[i]``.

    Each pixel under a mask becomes ``round((1 - alpha) * pixel + alpha * colour)`` (the colour term in
    float32, the sum in float64, rounded half to even), mask after mask in order, so a pixel under two
    masks is blended twice. Memory: one copy of the image plus one mask's crop at a time.

    Args:
        image: (H, W, 3) uint8, channels in the order of ``colours`` (RGB or BGR).
        masks: N masks of an (H, W) image.
        colours: N 3-tuples of 0..255.
        alpha: weight of the colour, in [0, 1].

    Raises:
        ValueError: if the image is not (H, W, 3) uint8 of the masks' (H, W), the colours are not one per
            mask, or alpha is outside [0, 1].
    """
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f'blend_masks needs an (H, W, 3) uint8 image, got {image.dtype} {image.shape}')
    if image.shape[:2] != masks.image_shape:
        raise ValueError(f'blend_masks: image {image.shape[:2]} but masks of {masks.image_shape}')
    if len(colours) != len(masks):
        raise ValueError(f'blend_masks: {len(colours)} colours for {len(masks)} masks')
    if not 0 <= alpha <= 1:
        raise ValueError(f'blend_masks: alpha must be in [0, 1], got {alpha}')
    canvas = image.copy()
    for i, colour in enumerate(colours):
        window, inside = canvas[masks.region(i)], masks.crops[i]
        blended = (1 - alpha) * window[inside] + alpha * np.asarray(colour, dtype=np.float32)
        window[inside] = blended.round().astype(np.uint8)
    return canvas
