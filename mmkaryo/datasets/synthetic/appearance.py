"""Random per-image and per-instance appearance of chromosomes: condensation, size, bending, stain."""
from dataclasses import dataclass

import numpy as np

from mmkaryo.datasets.synthetic.chromosome_model import (CENTROMERE_INDICES, RELATIVE_LENGTHS,
                                                         class_band_pattern)
from mmkaryo.datasets.synthetic.config import SyntheticConfig
from mmkaryo.datasets.synthetic.shape import ShapeParams

_LONGEST = max(RELATIVE_LENGTHS)


@dataclass(frozen=True)
class MetaphaseStyle:
    """What all chromosomes of one metaphase share: condensation (length factor) and stain strength."""

    condensation: float
    light: float
    dark: float


def sample_style(rng: np.random.Generator) -> MetaphaseStyle:
    """Condensation 0.85-1.15 (long prometaphase vs short metaphase) and stain absorbances."""
    return MetaphaseStyle(condensation=float(rng.uniform(0.85, 1.15)),
                          light=float(rng.uniform(0.3, 0.6)), dark=float(rng.uniform(1.7, 2.5)))


def sample_shape(rng: np.random.Generator, label: int, config: SyntheticConfig,
                 style: MetaphaseStyle) -> ShapeParams:
    """Shape parameters of one chromosome of class ``label`` in this metaphase."""
    size = config.image_size
    length = (RELATIVE_LENGTHS[label] / _LONGEST * config.chromosome_length * size
              * style.condensation * rng.normal(1.0, 0.05))
    width = config.chromosome_width * size * style.condensation ** -0.3 * rng.normal(1.0, 0.06)
    width = max(width, 2.5)
    length = max(length, 1.5 * width)
    spine = length - width
    bend_limit = min(1.5, spine / width)
    kink_limit = 0.12 * spine / width
    bend = float(np.clip(rng.normal(0.0, 0.5), -bend_limit, bend_limit))
    kink = float(np.clip(rng.normal(0.0, 0.4), -kink_limit, kink_limit)) if rng.random() < 0.35 else 0.0
    centromere = CENTROMERE_INDICES[label]
    kink_at = float(np.clip(centromere + rng.normal(0.0, 0.1), 0.1, 0.9))
    return ShapeParams(
        length=float(length), width=float(width), centromere_index=centromere,
        bands=class_band_pattern(label).jittered(rng), angle=float(rng.uniform(0.0, 2.0 * np.pi)),
        bend=bend, kink=kink, kink_at=kink_at, groove=float(rng.uniform(0.3, 0.55)),
        light=style.light * float(rng.normal(1.0, 0.08)), dark=style.dark * float(rng.normal(1.0, 0.08)))
