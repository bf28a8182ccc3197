"""Things in a metaphase field that are not chromosomes: interphase nuclei and debris.

Each function returns a float32 patch of relative stain density in [0, 1] (its support is the
object); the scene turns density into G-band absorbance and DAPI fluorescence.
"""
import cv2
import numpy as np


def render_nucleus(rng: np.random.Generator, image_size: int) -> np.ndarray:
    """A mottled, soft-edged elliptical interphase nucleus, 10-18% of the image across."""
    a = rng.uniform(0.05, 0.09) * image_size
    b = a * rng.uniform(0.7, 1.0)
    half = int(np.ceil(a)) + 3
    yy, xx = np.mgrid[-half:half + 1, -half:half + 1].astype(np.float32)
    phi = rng.uniform(0.0, np.pi)
    u = xx * np.cos(phi) + yy * np.sin(phi)
    v = -xx * np.sin(phi) + yy * np.cos(phi)
    outline = cv2.resize(rng.random((4, 4)).astype(np.float32), (2 * half + 1, 2 * half + 1),
                         interpolation=cv2.INTER_CUBIC)
    radial = np.sqrt((u / a) ** 2 + (v / b) ** 2) * (0.95 + 0.1 * outline)
    edge = np.clip((1.0 - radial) * a / 2.0, 0.0, 1.0)
    texture = cv2.resize(rng.random((6, 6)).astype(np.float32), (2 * half + 1, 2 * half + 1),
                         interpolation=cv2.INTER_CUBIC)
    fine = cv2.GaussianBlur(rng.random(edge.shape).astype(np.float32), (0, 0), max(a / 40.0, 0.8))
    return edge * (0.65 + 0.35 * texture + 0.6 * (fine - 0.5))


def render_debris(rng: np.random.Generator, image_size: int) -> np.ndarray:
    """A small irregular speck of 1-3 px radius at 640 px (scaled with the image)."""
    scale = image_size / 640.0
    radius = rng.uniform(0.8, 3.0) * scale
    half = int(np.ceil(radius * 2)) + 2
    patch = np.zeros((2 * half + 1, 2 * half + 1), np.float32)
    for _ in range(int(rng.integers(1, 4))):
        centre = (half + rng.normal(0, radius / 2, 2)).round().astype(int)
        cv2.circle(patch, (int(centre[0]), int(centre[1])), max(int(round(radius * rng.uniform(0.5, 1))), 1),
                   float(rng.uniform(0.3, 1.0)), -1)
    return cv2.GaussianBlur(patch, (0, 0), 0.6 * scale)
