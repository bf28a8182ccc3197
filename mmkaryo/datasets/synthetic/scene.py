"""Composition of a metaphase spread: chromosome placement (free, touching, overlapping), nuclei, debris.

Chromosomes are scattered in a roughly circular spread region. Each one after the first is placed,
with probability ``overlap_rate``, across a random earlier one (a partial crossing: the shared area
is at most 35% of the smaller chromosome); with probability ``touch_rate`` touching one (adjacent
pixels, no shared pixel); otherwise free, at least 2 pixels from every other chromosome.
``overlap_rate = 0`` therefore guarantees that no two instance masks share a pixel. Interphase nuclei
are placed away from the chromosomes; debris anywhere.
"""
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import cv2
import numpy as np

from mmkaryo.datasets.synthetic.appearance import MetaphaseStyle, sample_shape
from mmkaryo.datasets.synthetic.artefacts import render_debris, render_nucleus
from mmkaryo.datasets.synthetic.config import SyntheticConfig
from mmkaryo.datasets.synthetic.shape import ChromosomeShape, render_chromosome

_MAX_OVERLAP_FRACTION = 0.35
_TRIES = 40
_FREE_TRIES, _FREE_EXPANSIONS, _EXPANSION = 60, 10, 1.2
_KERNEL_TOUCH = np.ones((3, 3), np.uint8)
_KERNEL_FREE = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))


@dataclass(frozen=True)
class PlacedChromosome:
    """A chromosome's class index, its bool mask patch and the patch's top-left corner in the image."""

    label: int
    mask: np.ndarray
    x: int
    y: int


@dataclass(frozen=True)
class Scene:
    """Float32 absorbance (G-band stain) and density (DNA, for DAPI) maps and the placed chromosomes."""

    absorbance: np.ndarray
    density: np.ndarray
    chromosomes: List[PlacedChromosome]


def _add_clipped(canvas: np.ndarray, patch: np.ndarray, x: int, y: int) -> None:
    """canvas[y:y+h, x:x+w] += patch, for the part of the patch inside the canvas."""
    height, width = canvas.shape
    x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + patch.shape[1], width), min(y + patch.shape[0], height)
    if x0 < x1 and y0 < y1:
        canvas[y0:y1, x0:x1] += patch[y0 - y:y1 - y, x0 - x:x1 - x]


class _Canvas:
    """Occupancy of the image by already placed chromosomes."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.occupied = np.zeros((size, size), bool)

    def inside(self, mask: np.ndarray, x: int, y: int) -> bool:
        return x >= 0 and y >= 0 and x + mask.shape[1] <= self.size and y + mask.shape[0] <= self.size

    def shared(self, mask: np.ndarray, x: int, y: int) -> int:
        window = self.occupied[y:y + mask.shape[0], x:x + mask.shape[1]]
        return int(np.count_nonzero(window & mask))

    def add(self, mask: np.ndarray, x: int, y: int) -> None:
        self.occupied[y:y + mask.shape[0], x:x + mask.shape[1]] |= mask


def _random_pixel(rng: np.random.Generator, mask: np.ndarray) -> Tuple[int, int]:
    rows, cols = np.nonzero(mask)
    i = int(rng.integers(len(rows)))
    return int(cols[i]), int(rows[i])


def _place_free(rng: np.random.Generator, canvas: _Canvas, mask: np.ndarray,
                centre: np.ndarray, radius: float) -> Tuple[int, int]:
    grown = cv2.dilate(mask.astype(np.uint8), _KERNEL_FREE).astype(bool)
    h, w = mask.shape
    for _ in range(_FREE_EXPANSIONS):
        for _ in range(_FREE_TRIES):
            r = radius * np.sqrt(rng.random())
            phi = rng.uniform(0.0, 2.0 * np.pi)
            x = int(round(centre[0] + r * np.cos(phi) - w / 2))
            y = int(round(centre[1] + r * np.sin(phi) - h / 2))
            if canvas.inside(mask, x, y) and canvas.shared(grown, x, y) == 0:
                return x, y
        radius *= _EXPANSION
    raise RuntimeError('synthetic/scene.py: found no free place for a chromosome; lower '
                       'chromosome_length / chromosome_width or raise spread_radius')


def _place_across(rng: np.random.Generator, canvas: _Canvas, mask: np.ndarray,
                  placed: Sequence[PlacedChromosome], touch: bool) -> Optional[Tuple[int, int]]:
    """Overlap (or, with ``touch``, abut) a random earlier chromosome; None if no try succeeded."""
    area = int(mask.sum())
    touching = cv2.dilate(mask.astype(np.uint8), _KERNEL_TOUCH).astype(bool)
    for _ in range(_TRIES):
        partner = placed[int(rng.integers(len(placed)))]
        px, py = _random_pixel(rng, partner.mask)
        qx, qy = _random_pixel(rng, mask)
        x, y = partner.x + px - qx, partner.y + py - qy
        if not canvas.inside(mask, x, y):
            continue
        shared = canvas.shared(mask, x, y)
        if not touch:
            if 0 < shared <= _MAX_OVERLAP_FRACTION * min(area, int(partner.mask.sum())):
                return x, y
            continue
        direction = np.array([x + mask.shape[1] / 2 - partner.x - partner.mask.shape[1] / 2,
                              y + mask.shape[0] / 2 - partner.y - partner.mask.shape[0] / 2])
        norm = float(np.hypot(*direction))
        direction = direction / norm if norm > 0 else np.array([1.0, 0.0])
        start = np.array([x, y], float)
        for step in range(1, 2 * max(mask.shape)):
            x, y = (int(v) for v in np.rint(start + step * direction))
            if not canvas.inside(mask, x, y):
                break
            if canvas.shared(mask, x, y) == 0:
                if canvas.shared(touching, x, y) > 0:
                    return x, y
                break
    return None


def _place_nuclei(rng: np.random.Generator, config: SyntheticConfig, canvas: _Canvas,
                  absorbance: np.ndarray, density: np.ndarray) -> None:
    size = config.image_size
    grown = cv2.dilate(canvas.occupied.astype(np.uint8), _KERNEL_FREE).astype(bool)
    for _ in range(int(rng.integers(0, config.max_nuclei + 1))):
        nucleus = render_nucleus(rng, size)
        support = nucleus > 0.02
        h, w = nucleus.shape
        for _ in range(_TRIES):
            x, y = (int(v) for v in rng.integers(-w // 3, size - 2 * w // 3, 2))
            x0, y0, x1, y1 = max(x, 0), max(y, 0), min(x + w, size), min(y + h, size)
            if not (grown[y0:y1, x0:x1] & support[y0 - y:y1 - y, x0 - x:x1 - x]).any():
                _add_clipped(absorbance, nucleus * float(rng.uniform(0.45, 0.8)), x, y)
                _add_clipped(density, nucleus * float(rng.uniform(0.8, 1.2)), x, y)
                break


def _place_debris(rng: np.random.Generator, config: SyntheticConfig, absorbance: np.ndarray,
                  density: np.ndarray) -> None:
    size = config.image_size
    for _ in range(int(rng.integers(0, config.max_debris + 1))):
        speck = render_debris(rng, size)
        x, y = (int(v) for v in rng.integers(0, size, 2) - speck.shape[0] // 2)
        _add_clipped(absorbance, speck, x, y)
        _add_clipped(density, speck * 0.3, x, y)


def compose_scene(rng: np.random.Generator, config: SyntheticConfig, style: MetaphaseStyle,
                  labels: Sequence[int]) -> Scene:
    """Render and place one chromosome per entry of ``labels`` (in that order), then nuclei and debris."""
    size = config.image_size
    absorbance = np.zeros((size, size), np.float32)
    density = np.zeros((size, size), np.float32)
    canvas = _Canvas(size)
    centre = size / 2 + rng.normal(0.0, 0.04 * size, 2)
    radius = config.spread_radius * size * rng.uniform(0.85, 1.1)
    placed: List[PlacedChromosome] = []
    for label in labels:
        shape: ChromosomeShape = render_chromosome(sample_shape(rng, label, config, style))
        if shape.mask.shape[0] > size or shape.mask.shape[1] > size:
            raise ValueError(f'synthetic/scene.py: a chromosome ({shape.mask.shape}) does not fit a '
                             f'{size} px image; lower chromosome_length')
        u = rng.random()
        position = None
        if placed and u < config.overlap_rate + config.touch_rate:
            position = _place_across(rng, canvas, shape.mask, placed, touch=u >= config.overlap_rate)
        if position is None:
            position = _place_free(rng, canvas, shape.mask, centre, radius)
        x, y = position
        canvas.add(shape.mask, x, y)
        _add_clipped(absorbance, shape.absorbance, x, y)
        _add_clipped(density, shape.density, x, y)
        placed.append(PlacedChromosome(label=int(label), mask=shape.mask, x=x, y=y))
    _place_nuclei(rng, config, canvas, absorbance, density)
    _place_debris(rng, config, absorbance, density)
    return Scene(absorbance=absorbance, density=density, chromosomes=placed)
