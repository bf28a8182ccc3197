"""Per-class chromosome morphology: ISCN-like relative lengths, centromere indices and G-band patterns.

Class index k follows mmkaryo.structures: chromosome k + 1 for k < 22, X for 22, Y for 23.
Relative lengths are percentages of the haploid autosome length (ISCN tables, rounded): chromosome 1
is the longest, 21, 22 and Y the shortest, X lies between 7 and 8. Centromere indices are p / (p + q);
13-15, 21, 22 and Y are acrocentric. Band patterns are fixed per class (drawn once from a per-class
seed), so a class is recognisable by banding and length while classes of similar length stay confusable.
"""
from dataclasses import dataclass
from functools import lru_cache
from typing import Tuple

import numpy as np

from mmkaryo.structures import NUM_CLASSES

RELATIVE_LENGTHS: Tuple[float, ...] = (
    8.44, 8.02, 6.83, 6.30, 6.08, 5.90, 5.36, 4.93, 4.80, 4.59, 4.61, 4.66,
    3.74, 3.56, 3.46, 3.36, 3.25, 2.93, 2.67, 2.56, 1.90, 2.04, 5.12, 2.15)
CENTROMERE_INDICES: Tuple[float, ...] = (
    0.48, 0.39, 0.47, 0.29, 0.29, 0.39, 0.39, 0.34, 0.35, 0.33, 0.40, 0.30,
    0.15, 0.16, 0.17, 0.41, 0.34, 0.31, 0.47, 0.45, 0.20, 0.21, 0.40, 0.22)
ACROCENTRIC: frozenset = frozenset({12, 13, 14, 20, 21, 23})
# Classes with a large pericentromeric heterochromatin block (1qh, 9qh, 16qh) and Yq12.
_HETEROCHROMATIN: frozenset = frozenset({0, 8, 15})
_Y = 23
_BAND_SEED = 7211
_BANDS_PER_PERCENT = 2.2


@dataclass(frozen=True)
class BandPattern:
    """Piecewise-constant G-band darkness from the p-terminal end (0) to the q-terminal end (1).

    ``edges`` has n + 1 increasing values from 0 to 1; ``darkness`` has n values in [0, 1]
    (0 = light band, 1 = darkest band).
    """

    edges: np.ndarray
    darkness: np.ndarray

    def sample(self, positions: np.ndarray) -> np.ndarray:
        """Darkness at relative positions (values outside [0, 1] take the terminal band's value)."""
        index = np.searchsorted(self.edges, positions, side='right') - 1
        return self.darkness[np.clip(index, 0, len(self.darkness) - 1)]

    def jittered(self, rng: np.random.Generator, position_std: float = 0.006,
                 darkness_std: float = 0.08) -> 'BandPattern':
        """The same pattern with per-instance jitter of band edges and darkness."""
        inner = self.edges[1:-1] + rng.normal(0.0, position_std, len(self.edges) - 2)
        edges = np.concatenate([[0.0], np.sort(np.clip(inner, 0.0, 1.0)), [1.0]])
        darkness = np.clip(self.darkness + rng.normal(0.0, darkness_std, len(self.darkness)), 0.0, 1.0)
        return BandPattern(edges=edges, darkness=darkness)


def _arm_bands(rng: np.random.Generator, n_bands: int) -> Tuple[np.ndarray, np.ndarray]:
    """Band widths (summing to 1) and darkness from the centromere outwards, light at both ends."""
    n = max(3, n_bands | 1)  # odd: light pericentromeric band ... light telomeric band
    widths = rng.gamma(4.0, 1.0, n)
    widths /= widths.sum()
    dark = rng.uniform(0.55, 1.0, n)
    light = rng.uniform(0.0, 0.2, n)
    darkness = np.where(np.arange(n) % 2 == 1, dark, light)
    return widths, darkness


def _build_pattern(label: int) -> BandPattern:
    rng = np.random.default_rng(_BAND_SEED + label)
    ci = CENTROMERE_INDICES[label]
    length = RELATIVE_LENGTHS[label]
    q_widths, q_dark = _arm_bands(rng, int(round(length * (1 - ci) * _BANDS_PER_PERCENT)))
    if label in ACROCENTRIC:
        # Short arm: dark satellite, light stalk, grey p11 next to the centromere (centromere outwards).
        p_widths = np.array([0.45, 0.3, 0.25])
        p_dark = np.array([rng.uniform(0.3, 0.5), 0.05, rng.uniform(0.6, 0.8)])
    else:
        p_widths, p_dark = _arm_bands(rng, int(round(length * ci * _BANDS_PER_PERCENT)))
    if label in _HETEROCHROMATIN:
        q_widths = np.concatenate([[0.04, 0.12], q_widths * 0.84])
        q_dark = np.concatenate([[0.1, 0.95], q_dark])
    if label == _Y:
        q_widths = np.concatenate([q_widths * 0.55, [0.45]])
        q_dark = np.concatenate([q_dark, [0.9]])
    # p arm is stored centromere-outwards; the pattern runs p-terminal -> q-terminal.
    widths = np.concatenate([p_widths[::-1] * ci, q_widths * (1 - ci)])
    darkness = np.concatenate([p_dark[::-1], q_dark])
    edges = np.concatenate([[0.0], np.cumsum(widths)])
    edges[-1] = 1.0
    return BandPattern(edges=edges, darkness=darkness)


@lru_cache(maxsize=None)
def class_band_pattern(label: int) -> BandPattern:
    """The fixed G-band pattern of class ``label`` (0-based), identical on every call."""
    if not isinstance(label, (int, np.integer)) or not 0 <= label < NUM_CLASSES:
        raise ValueError(f'synthetic/chromosome_model.py: class index must be 0..{NUM_CLASSES - 1}, '
                         f'got {label!r}')
    return _build_pattern(int(label))
