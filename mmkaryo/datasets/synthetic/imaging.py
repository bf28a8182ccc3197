"""Image formation and degradations: light field, stain contrast, optical blur, sensor noise.

``brightfield`` turns an absorbance map into a G-banded grey image (dark chromosomes on a light,
unevenly lit ground, Beer-Lambert so overlaps are darker); ``fluorescence`` turns a density map into
a DAPI-like image (bright chromosomes on a dark ground). Both blur, add noise and round to uint8.
"""
from typing import Tuple

import cv2
import numpy as np

from mmkaryo.datasets.synthetic.config import SyntheticConfig


def _uniform(rng: np.random.Generator, bounds: Tuple[float, float]) -> float:
    return float(rng.uniform(bounds[0], bounds[1]))


def illumination_field(rng: np.random.Generator, size: int, strength: float) -> np.ndarray:
    """A smooth lamp field in [1 - strength, 1]: a linear gradient in a random direction plus vignetting."""
    coords = (np.arange(size, dtype=np.float32) + 0.5) / size - 0.5
    yy, xx = coords[:, None], coords[None, :]
    phi = rng.uniform(0.0, 2.0 * np.pi)
    gradient = (xx * np.cos(phi) + yy * np.sin(phi)) + 0.5 * np.sqrt(2.0)
    vignette = (xx ** 2 + yy ** 2) * 2.0
    mix = rng.uniform(0.0, 1.0)
    fall_off = mix * gradient / np.sqrt(2.0) + (1.0 - mix) * vignette
    return (1.0 - strength * fall_off / max(float(fall_off.max()), 1e-6)).astype(np.float32)


def _blur_and_noise(image: np.ndarray, rng: np.random.Generator, config: SyntheticConfig,
                    reference: float) -> np.ndarray:
    """Gaussian optical blur, then shot-like noise scaled by sqrt(signal / reference); uint8 output."""
    sigma = _uniform(rng, config.blur_sigma) * config.image_size / 640.0
    if sigma > 0.05:
        image = cv2.GaussianBlur(image, (0, 0), sigma)
    noise_std = _uniform(rng, config.noise_std)
    noise = rng.standard_normal(image.shape, dtype=np.float32)
    image = image + noise * noise_std * np.sqrt(np.maximum(image, 1.0) / reference)
    return np.clip(np.rint(image), 0, 255).astype(np.uint8)


def brightfield(absorbance: np.ndarray, rng: np.random.Generator, config: SyntheticConfig) -> np.ndarray:
    """G-banded light-microscope image (uint8) of an absorbance map."""
    background = rng.uniform(205.0, 240.0)
    contrast = _uniform(rng, config.contrast)
    light = background * illumination_field(rng, config.image_size, _uniform(rng, config.illumination))
    image = light * np.exp(-contrast * absorbance)
    return _blur_and_noise(image.astype(np.float32), rng, config, reference=background)


def fluorescence(density: np.ndarray, rng: np.random.Generator, config: SyntheticConfig) -> np.ndarray:
    """DAPI-like fluorescence image (uint8) of a density map: bright objects on a dark ground."""
    dark = rng.uniform(8.0, 25.0)
    gain = rng.uniform(150.0, 215.0) * _uniform(rng, config.contrast) ** 0.5
    light = illumination_field(rng, config.image_size, _uniform(rng, config.illumination))
    image = dark + gain * light * (1.0 - np.exp(-1.6 * density))
    return _blur_and_noise(image.astype(np.float32), rng, config, reference=128.0)
