"""Random brightness and contrast for images of any channel count (grayscale included).

mmdet's ``Contrast`` goes through ``mmcv.adjust_contrast``, which converts BGR to grey and fails on a
single-channel image; ``PhotoMetricDistortion`` needs 3 channels too. This transform works on HxW or
HxWxC.
"""
from typing import Tuple

import numpy as np
from mmcv.transforms import BaseTransform
from mmcv.transforms.utils import cache_randomness

from mmkaryo.registry import TRANSFORMS


@TRANSFORMS.register_module()
class RandomBrightnessContrast(BaseTransform):
    """With probability ``prob``: ``img = (img - mean) * a + mean + b``, clipped to 0..255.

    ``a`` is drawn uniformly from ``contrast_range`` and ``b`` from ``[-brightness_delta,
    brightness_delta]``; ``mean`` is the image mean. The dtype is kept (uint8 stays uint8).

    Required keys: img. Modified keys: img.
    """

    def __init__(self, prob: float = 0.5, brightness_delta: float = 32.0,
                 contrast_range: Tuple[float, float] = (0.75, 1.25)) -> None:
        if not 0.0 <= prob <= 1.0:
            raise ValueError(f'prob must be in [0, 1], got {prob}')
        if brightness_delta < 0:
            raise ValueError(f'brightness_delta must be >= 0, got {brightness_delta}')
        if len(contrast_range) != 2 or not 0 <= contrast_range[0] <= contrast_range[1]:
            raise ValueError(f'contrast_range must be (low, high) with 0 <= low <= high, '
                             f'got {contrast_range}')
        self.prob = prob
        self.brightness_delta = brightness_delta
        self.contrast_range = tuple(contrast_range)

    @cache_randomness
    def _draw(self) -> Tuple[bool, float, float]:
        apply = np.random.rand() < self.prob
        alpha = np.random.uniform(*self.contrast_range)
        beta = np.random.uniform(-self.brightness_delta, self.brightness_delta)
        return apply, alpha, beta

    def transform(self, results: dict) -> dict:
        apply, alpha, beta = self._draw()
        if apply:
            img = results['img']
            work = img.astype(np.float32)
            mean = float(work.mean())
            work = np.clip((work - mean) * alpha + mean + beta, 0, 255)
            results['img'] = work.astype(img.dtype) if np.issubdtype(img.dtype, np.integer) else work
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(prob={self.prob}, brightness_delta={self.brightness_delta}, '
                f'contrast_range={self.contrast_range})')
