"""Rendering of one bent chromosome with sister chromatids into a small local patch.

The chromosome is a tube of radius ``width / 2`` (narrowed at the centromere, round caps) around a
smooth spine. Every patch pixel gets its distance to the spine and its position along it; from these
come the anti-aliased coverage, the binary mask (coverage >= 0.5), the G-banded absorbance (band
darkness along the length, a light groove between the two sister chromatids along the middle) and a
band-less density used for the fluorescence (DAPI) rendering.
"""
from dataclasses import dataclass
from typing import Tuple

import cv2
import numpy as np

from mmkaryo.datasets.synthetic.chromosome_model import BandPattern

_MARGIN = 2  # free pixels around the shape inside its patch


@dataclass(frozen=True)
class ChromosomeShape:
    """A rendered chromosome in patch coordinates (all arrays share the patch shape).

    ``mask``: bool, the instance's pixels; ``absorbance``: float32 optical density of the G-banded
    stain (0 outside); ``density``: float32 band-less DNA density in [0, 1] for fluorescence.
    """

    mask: np.ndarray
    absorbance: np.ndarray
    density: np.ndarray


@dataclass(frozen=True)
class ShapeParams:
    """Geometry and staining of one chromosome instance.

    Lengths are in pixels. ``bend`` is the total smooth turning of the spine (radians), ``kink`` an
    extra turn concentrated around ``kink_at`` (relative position); ``angle`` the spine's direction.
    ``groove`` (0..1) is the depth of the light line between the sister chromatids; ``light`` and
    ``dark`` the absorbance of the lightest and darkest bands.
    """

    length: float
    width: float
    centromere_index: float
    bands: BandPattern
    angle: float
    bend: float
    kink: float
    kink_at: float
    groove: float
    light: float
    dark: float


def _spine(params: ShapeParams) -> Tuple[np.ndarray, float]:
    """Spine points (N, 2) as x, y with spacing <= 1 px, and the spine length."""
    spine_length = max(params.length - params.width, 1.0)
    n = int(np.ceil(spine_length)) + 1
    t = np.linspace(0.0, 1.0, n)
    theta = (params.angle + params.bend * (t - 0.5)
             + params.kink * np.tanh((t - params.kink_at) / 0.08))
    step = spine_length / (n - 1)
    steps = np.stack([np.cos(theta[:-1]), np.sin(theta[:-1])], axis=1) * step
    points = np.concatenate([np.zeros((1, 2)), np.cumsum(steps, axis=0)])
    return points, spine_length


def _nearest_spine_index(points: np.ndarray, shape: Tuple[int, int]) -> np.ndarray:
    """For every patch pixel, the index of (approximately) the nearest spine point."""
    seeds = np.ones(shape, np.uint8)
    index_image = np.zeros(shape, np.int32)
    cols = np.clip(np.rint(points[:, 0]).astype(int), 0, shape[1] - 1)
    rows = np.clip(np.rint(points[:, 1]).astype(int), 0, shape[0] - 1)
    seeds[rows, cols] = 0
    index_image[rows, cols] = np.arange(len(points))
    _, labels = cv2.distanceTransformWithLabels(seeds, cv2.DIST_L2, 5,
                                                labelType=cv2.DIST_LABEL_PIXEL)
    lookup = np.zeros(labels.max() + 1, np.int32)
    lookup[labels[rows, cols]] = index_image[rows, cols]
    return lookup[labels]


def _project(px: np.ndarray, py: np.ndarray, a: np.ndarray, b: np.ndarray
             ) -> Tuple[np.ndarray, np.ndarray]:
    """Unclipped segment parameter t and distance of points to segments a->b (clipped to the segment)."""
    d = b - a
    seg_len2 = np.maximum((d ** 2).sum(-1), 1e-12)
    t = ((px - a[..., 0]) * d[..., 0] + (py - a[..., 1]) * d[..., 1]) / seg_len2
    tc = np.clip(t, 0.0, 1.0)
    dist = np.hypot(px - a[..., 0] - tc * d[..., 0], py - a[..., 1] - tc * d[..., 1])
    return t, dist


def _band_profile(bands: BandPattern, length: float, width: float
                  ) -> Tuple[np.ndarray, np.ndarray]:
    """Band darkness sampled finely along the length and smoothed over ~0.15 of the width."""
    n = max(int(length * 4), 16)
    positions = np.linspace(0.0, 1.0, n)
    profile = bands.sample(positions).astype(np.float64)
    sigma = max(0.15 * width * 4, 1.0)  # in samples (4 per pixel)
    half = int(3 * sigma)
    kernel = np.exp(-0.5 * (np.arange(-half, half + 1) / sigma) ** 2)
    kernel /= kernel.sum()
    padded = np.pad(profile, half, mode='edge')
    return positions, np.convolve(padded, kernel, mode='valid')


def _largest_component(mask: np.ndarray) -> np.ndarray:
    """The mask's largest 8-connected component (a strongly pinched centromere can split a mask)."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    if count <= 2:
        return mask
    return labels == 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))


def render_chromosome(params: ShapeParams) -> ChromosomeShape:
    """Render one chromosome into the smallest patch holding it plus a 2-pixel margin."""
    if params.width < 2.0 or params.length < params.width:
        raise ValueError(f'synthetic/shape.py: need width >= 2 px and length >= width, '
                         f'got length={params.length:.2f}, width={params.width:.2f}')
    points, spine_length = _spine(params)
    radius = params.width / 2.0
    offset = radius + _MARGIN - points.min(axis=0)
    points = points + offset
    w, h = np.ceil(points.max(axis=0) + radius + _MARGIN).astype(int)
    nearest = _nearest_spine_index(points, (h, w))

    py, px = np.mgrid[0:h, 0:w].astype(np.float64)
    n = len(points)
    i0 = np.clip(nearest - 1, 0, n - 2)  # segment before the nearest point
    i1 = np.clip(nearest, 0, n - 2)  # segment after it
    t0, d0 = _project(px, py, points[i0], points[i0 + 1])
    t1, d1 = _project(px, py, points[i1], points[i1 + 1])
    use_first = d0 <= d1
    seg = np.where(use_first, i0, i1)
    t = np.where(use_first, t0, t1)
    dist = np.minimum(d0, d1)
    step = spine_length / (n - 1)
    # Position along the spine; the unclipped parameter extends it into the round caps.
    t = np.where((seg == 0) | (seg == n - 2), t, np.clip(t, 0.0, 1.0))
    s = np.clip((seg + t) * step, -radius, spine_length + radius)

    centre_s = params.centromere_index * params.length - radius
    near_centromere = np.exp(-((s - centre_s) / (0.5 * params.width)) ** 2)
    local_radius = radius * (1.0 - 0.2 * near_centromere)
    coverage = np.clip(local_radius - dist + 0.5, 0.0, 1.0)
    mask = _largest_component(dist < local_radius)

    u = np.clip(dist / local_radius, 0.0, 1.0)
    joined = np.exp(-((s - centre_s) / (0.7 * params.width)) ** 2)  # chromatids meet at the centromere
    groove = params.groove * np.exp(-(u / 0.3) ** 2) * (1.0 - joined)
    cross = (1.0 - groove) * (1.0 - 0.35 * u ** 4)
    positions, profile = _band_profile(params.bands, params.length, params.width)
    darkness = np.interp((s + radius) / params.length, positions, profile)

    body = coverage * cross
    absorbance = body * (params.light + (params.dark - params.light) * darkness)
    density = body * (0.75 + 0.25 * darkness)
    return ChromosomeShape(mask=mask, absorbance=absorbance.astype(np.float32),
                           density=density.astype(np.float32))
