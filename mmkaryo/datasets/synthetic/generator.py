"""One synthetic metaphase: image, DAPI-like twin, instances with class, mask, polygon and box, karyotype.

Determinism: ``generate_sample(config, seed, index, patient)`` draws the karyotype from
``numpy.random.default_rng([seed, 1, patient])`` and everything else from
``default_rng([seed, 0, index])``, so an image depends only on (config, seed, index, patient), never on
how many images a dataset has.
"""
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from mmkaryo.datasets.synthetic.appearance import sample_style
from mmkaryo.datasets.synthetic.config import SyntheticConfig
from mmkaryo.datasets.synthetic.imaging import brightfield, fluorescence
from mmkaryo.datasets.synthetic.karyotypes import Karyotype, sample_karyotype
from mmkaryo.datasets.synthetic.polygon import mask_to_polygon
from mmkaryo.datasets.synthetic.scene import PlacedChromosome, compose_scene


@dataclass(frozen=True)
class SyntheticInstance:
    """One chromosome. Coordinates follow COCO: pixel (row i, col j) covers [j, j+1] x [i, i+1].

    - ``label``: 0-based class index (k = chromosome k + 1 for k < 22, 22 = X, 23 = Y).
    - ``polygon``: (N >= 3, 2) float32 x, y outline of the full mask (also where others overlap it).
    - ``bbox``: (x1, y1, x2, y2) tight box of the mask (x2 = last column + 1).
    - ``mask_crop`` / ``offset``: the bool mask inside the box and the box's top-left (x, y) pixel.
    """

    label: int
    polygon: np.ndarray
    bbox: Tuple[int, int, int, int]
    mask_crop: np.ndarray
    offset: Tuple[int, int]
    image_shape: Tuple[int, int]

    @property
    def mask(self) -> np.ndarray:
        """The full-image bool mask (built on each access)."""
        full = np.zeros(self.image_shape, bool)
        x, y = self.offset
        full[y:y + self.mask_crop.shape[0], x:x + self.mask_crop.shape[1]] = self.mask_crop
        return full

    @property
    def area(self) -> int:
        """Number of mask pixels."""
        return int(np.count_nonzero(self.mask_crop))


@dataclass(frozen=True)
class SyntheticSample:
    """A synthetic metaphase.

    ``image``: uint8 H x W G-banded grey image (dark chromosomes on a light ground); ``dapi``: uint8
    H x W fluorescence twin (bright on dark, same geometry); ``instances``: the chromosomes in random
    order; ``karyotype``: ISCN string (e.g. ``46,XY``, ``47,XX,+21``); ``karyotype_code``: two-character
    code (``XX``, ``XY`` or ``00``..``91``) used in M-FISH-style names.
    """

    image: np.ndarray
    dapi: np.ndarray
    instances: List[SyntheticInstance]
    karyotype: str
    karyotype_code: str


def _instance(chromosome: PlacedChromosome, image_shape: Tuple[int, int]) -> SyntheticInstance:
    rows, cols = np.nonzero(chromosome.mask)
    r0, r1, c0, c1 = rows.min(), rows.max() + 1, cols.min(), cols.max() + 1
    crop = chromosome.mask[r0:r1, c0:c1]
    x, y = chromosome.x + int(c0), chromosome.y + int(r0)
    polygon = mask_to_polygon(crop) + np.array([x, y], np.float32)
    return SyntheticInstance(label=chromosome.label, polygon=polygon,
                             bbox=(x, y, x + crop.shape[1], y + crop.shape[0]), mask_crop=crop,
                             offset=(x, y), image_shape=image_shape)


def generate_metaphase(config: SyntheticConfig, rng: np.random.Generator,
                       karyotype: Karyotype) -> SyntheticSample:
    """Draw one metaphase of the given karyotype with ``rng``."""
    labels = rng.permutation(np.asarray(karyotype.labels(), dtype=int))
    style = sample_style(rng)
    scene = compose_scene(rng, config, style, labels.tolist())
    shape = (config.image_size, config.image_size)
    return SyntheticSample(
        image=brightfield(scene.absorbance, rng, config), dapi=fluorescence(scene.density, rng, config),
        instances=[_instance(c, shape) for c in scene.chromosomes], karyotype=karyotype.iscn,
        karyotype_code=karyotype.code)


def patient_karyotype(config: SyntheticConfig, seed: int, patient: int) -> Karyotype:
    """The karyotype every image of ``patient`` shares (depends only on seed, patient, aneuploidy_rate)."""
    return sample_karyotype(np.random.default_rng([seed, 1, patient]), config.aneuploidy_rate)


def generate_sample(config: SyntheticConfig, seed: int, index: int,
                    patient: Optional[int] = None) -> SyntheticSample:
    """Image ``index`` of the dataset with ``seed``; ``patient`` (default: ``index``) fixes the karyotype."""
    for name, value in (('seed', seed), ('index', index), ('patient', patient)):
        if value is not None and (not isinstance(value, (int, np.integer)) or value < 0):
            raise ValueError(f'synthetic/generator.py: {name} must be an int >= 0, got {value!r}')
    karyotype = patient_karyotype(config, seed, index if patient is None else patient)
    return generate_metaphase(config, np.random.default_rng([seed, 0, index]), karyotype)
