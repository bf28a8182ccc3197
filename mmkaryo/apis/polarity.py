"""Image polarity: dark chromosomes on a light ground (G-banding) or bright on dark (DAPI fluorescence).

A model sees images of one polarity, the one it was trained on (its config's ``image_polarity``, see
:func:`mmkaryo.apis.model_keys.model_polarity`). :func:`to_polarity` brings an image to it with
:func:`mmkaryo.datasets.converters.invert_gray`, the very inversion that wrote the training copies of
the M-FISH DAPI images (``mfish_to_coco.py --invert-to``), so an inverted image is pixel for pixel
what the model was trained on.

Detection rule (:func:`detect_polarity`): the ground covers more than half of a metaphase image, so
the median grey level is a ground level. The image is ``bright_on_dark`` when that median lies in
the lower half of the image's robust range, the 1st..99th percentile of its grey levels (a dark
ground under bright objects), else ``dark_on_light``; an image without contrast (1st = 99th
percentile) is ``dark_on_light``. On the 82 real M-FISH DAPI images the median sits at 0-9 % of that
range, on their inversions at 91-100 %, on synthetic G-banded images at >= 74 % and on their
fluorescence twins at <= 6 % (the decision is at 50 %). Comparing the mean with the median (the skew
of the grey levels) gives the same answers on these images, but with margins as small as 2.5 % of
the range, so it is not used. The rule fails on crops in which the objects, not the ground, cover
most of the image: force the polarity there.
"""
from typing import Tuple

import numpy as np

from mmkaryo.datasets.converters import invert_gray

DARK_ON_LIGHT = 'dark_on_light'
BRIGHT_ON_DARK = 'bright_on_dark'
POLARITIES = (DARK_ON_LIGHT, BRIGHT_ON_DARK)
#: the inputs' polarity when it is to be detected per image
AUTO = 'auto'
#: percentiles bounding the robust grey-level range of :func:`detect_polarity`
RANGE_PERCENTILES = (1.0, 99.0)


def _grey_level_percentiles(gray: np.ndarray, percentiles: Tuple[float, ...]) -> np.ndarray:
    """Lowest grey levels below or at which each percentile of the pixels lies (exact, uint8)."""
    cumulative = np.cumsum(np.bincount(gray.ravel(), minlength=256)) / gray.size
    return np.searchsorted(cumulative, np.asarray(percentiles) / 100.0)


def check_polarity(polarity: str, source: str) -> str:
    """Return ``polarity`` if it is one of :data:`POLARITIES`; ValueError naming ``source`` if not."""
    if polarity not in POLARITIES:
        raise ValueError(f'{source}: image polarity {polarity!r} is not one of {", ".join(POLARITIES)}')
    return polarity


def detect_polarity(gray: np.ndarray) -> str:
    """Return the polarity of an (H, W) uint8 grey image by the rule of the module docstring."""
    gray = np.asarray(gray)
    if gray.dtype != np.uint8 or gray.ndim != 2 or gray.size == 0:
        raise ValueError(f'polarity detection needs a non-empty (H, W) uint8 image, got {gray.dtype} '
                         f'{gray.shape}')
    low, median, high = _grey_level_percentiles(gray, (RANGE_PERCENTILES[0], 50.0, RANGE_PERCENTILES[1]))
    return BRIGHT_ON_DARK if median - low < high - median else DARK_ON_LIGHT


def to_polarity(gray: np.ndarray, polarity: str, target: str) -> Tuple[np.ndarray, bool]:
    """Return ``(image, inverted)``: ``gray`` (of ``polarity``) brought to ``target`` polarity.

    The image is inverted (:func:`~mmkaryo.datasets.converters.invert_gray`) when the two differ and
    returned as is otherwise.
    """
    check_polarity(polarity, 'image')
    check_polarity(target, 'model')
    if polarity == target:
        return gray, False
    return invert_gray(gray), True
