"""Transforms of chromosome crop canvases (:class:`mmkaryo.datasets.ChromosomeCropDataset`).

The augmentations keep the banding: flips along and across the chromosome's axis (an upright canvas
has no preferred end or side), a few pixels of shift, and small changes of stain gain, gamma and
blur, and (optionally) a small rotation that mimics the error of the principal-axis estimate.
:class:`PackCropInputs` turns a sample into the classifier's ``inputs`` and ``data_samples``.
"""
from typing import Optional, Sequence, Tuple

import cv2
import numpy as np
import torch
from mmcv.transforms import BaseTransform
from mmengine.structures import BaseDataElement

from mmkaryo.registry import TRANSFORMS


def _check_range(name: str, value: Sequence[float], low: float) -> Tuple[float, float]:
    value = tuple(float(v) for v in value)
    if len(value) != 2 or not low <= value[0] <= value[1]:
        raise ValueError(f'{name} must be (min, max) with {low} <= min <= max, got {value}')
    return value


@TRANSFORMS.register_module()
class RandomAxisFlip(BaseTransform):
    """Flip the canvas along its (vertical) chromosome axis and/or across it, each with ``prob``."""

    def __init__(self, prob: float = 0.5) -> None:
        if not 0.0 <= prob <= 1.0:
            raise ValueError(f'prob must be in [0, 1], got {prob}')
        self.prob = prob

    def transform(self, results: dict) -> dict:
        img = results['img']
        if np.random.rand() < self.prob:
            img = img[::-1]
        if np.random.rand() < self.prob:
            img = img[:, ::-1]
        results['img'] = np.ascontiguousarray(img)
        return results


@TRANSFORMS.register_module()
class RandomCanvasShift(BaseTransform):
    """Shift the canvas content by up to ``max_shift`` pixels in each direction (zeros fill in)."""

    def __init__(self, max_shift: int = 3) -> None:
        if max_shift < 0:
            raise ValueError(f'max_shift must be >= 0, got {max_shift}')
        self.max_shift = int(max_shift)

    def transform(self, results: dict) -> dict:
        dy, dx = np.random.randint(-self.max_shift, self.max_shift + 1, size=2)
        img = results['img']
        shifted = np.zeros_like(img)
        height, width = img.shape
        shifted[max(dy, 0):height + min(dy, 0), max(dx, 0):width + min(dx, 0)] = \
            img[max(-dy, 0):height + min(-dy, 0), max(-dx, 0):width + min(-dx, 0)]
        results['img'] = shifted
        return results


@TRANSFORMS.register_module()
class RandomCanvasRotate(BaseTransform):
    """Rotate the canvas about its centre by an angle drawn uniformly from ``[-max_degrees, max_degrees]``.

    Bilinear; zeros (background) fill in, and the canvas keeps its size.
    """

    def __init__(self, max_degrees: float = 8.0) -> None:
        if not 0.0 <= max_degrees <= 90.0:
            raise ValueError(f'max_degrees must be in [0, 90], got {max_degrees}')
        self.max_degrees = float(max_degrees)

    def transform(self, results: dict) -> dict:
        img = results['img']
        height, width = img.shape
        angle = np.random.uniform(-self.max_degrees, self.max_degrees)
        matrix = cv2.getRotationMatrix2D(((width - 1) / 2, (height - 1) / 2), angle, 1.0)
        results['img'] = cv2.warpAffine(img.astype(np.float32), matrix, (width, height), flags=cv2.INTER_LINEAR,
                                        borderMode=cv2.BORDER_CONSTANT, borderValue=0.0)
        return results


@TRANSFORMS.register_module()
class RandomStainJitter(BaseTransform):
    """Scale the stain by a gain, raise it to a gamma, and blur it with probability ``blur_prob``.

    Zero (outside the chromosome) stays zero. Args are (min, max) ranges sampled uniformly; the blur is
    Gaussian with sigma from ``blur_sigma``.
    """

    def __init__(self, gain: Sequence[float] = (0.85, 1.15), gamma: Sequence[float] = (0.8, 1.25),
                 blur_sigma: Sequence[float] = (0.3, 0.8), blur_prob: float = 0.3) -> None:
        self.gain = _check_range('gain', gain, 0.0)
        self.gamma = _check_range('gamma', gamma, 1e-3)
        self.blur_sigma = _check_range('blur_sigma', blur_sigma, 0.0)
        if not 0.0 <= blur_prob <= 1.0:
            raise ValueError(f'blur_prob must be in [0, 1], got {blur_prob}')
        self.blur_prob = blur_prob

    def transform(self, results: dict) -> dict:
        img = results['img']
        inside = img > 0
        img = np.power(np.clip(img, 0.0, None), np.random.uniform(*self.gamma)) * np.random.uniform(*self.gain)
        if np.random.rand() < self.blur_prob:
            img = cv2.GaussianBlur(img, (0, 0), sigmaX=np.random.uniform(*self.blur_sigma))
            img[~inside] = 0.0
        results['img'] = img.astype(np.float32)
        return results


@TRANSFORMS.register_module()
class PackCropInputs(BaseTransform):
    """Pack a crop sample as ``inputs`` (1, H, W) float tensor and a ``BaseDataElement``.

    The data sample holds ``sizes`` (float tensor) and, when the sample has it, ``gt_label`` (0-d long
    tensor); ``meta_keys`` present in the sample become its metainfo.
    """

    def __init__(self, meta_keys: Optional[Sequence[str]] = ('img_id', 'ann_id', 'img_path')) -> None:
        self.meta_keys = tuple(meta_keys or ())

    def transform(self, results: dict) -> dict:
        sample = BaseDataElement(metainfo={key: results[key] for key in self.meta_keys if key in results})
        sample.sizes = torch.as_tensor(np.asarray(results['sizes'], dtype=np.float32))
        if 'gt_label' in results:
            sample.gt_label = torch.as_tensor(int(results['gt_label']), dtype=torch.long)
        inputs = torch.from_numpy(np.ascontiguousarray(results['img'], dtype=np.float32))[None]
        return dict(inputs=inputs, data_samples=sample)
