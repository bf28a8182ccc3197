"""Karyotype sampling for synthetic metaphases; ISCN strings come from mmkaryo.karyotype.

A karyotype is a count per class (24 entries, class index as in mmkaryo.structures). Normal ones are
46,XX and 46,XY; aberrant ones carry one numerical change from a fixed catalogue (autosomal trisomy
or monosomy on either sex, or a sex-chromosome aneuploidy: 45,X, 47,XXY, 47,XXX, 47,XYY). Every
catalogued karyotype has a two-character code like the M-FISH set's folder codes: ``XX``/``XY`` for
normal ones, ``00``..``91`` for the catalogue entries.
"""
from dataclasses import dataclass
from typing import List, Tuple

import numpy as np

from mmkaryo.karyotype.iscn import counts_to_karyotype
from mmkaryo.structures import NUM_CLASSES

_X, _Y = 22, 23
_NUM_AUTOSOMES = 22


@dataclass(frozen=True)
class Karyotype:
    """Chromosome counts per class (24 ints), their ISCN string and a two-character code."""

    counts: Tuple[int, ...]
    iscn: str
    code: str

    def labels(self) -> List[int]:
        """One class index per chromosome, in class order (e.g. [0, 0, 1, 1, ...])."""
        return [k for k, n in enumerate(self.counts) for _ in range(n)]


def _counts(sex: str, autosome_change: Tuple[int, int] = (0, 0)) -> Tuple[int, ...]:
    counts = [2] * _NUM_AUTOSOMES + [sex.count('X'), sex.count('Y')]
    label, change = autosome_change
    counts[label] += change
    return tuple(counts)


def _catalogue() -> Tuple[List[Tuple[int, ...]], np.ndarray]:
    """Aberrant karyotypes and their sampling weights (common trisomies and sex aneuploidies favoured)."""
    entries, weights = [], []
    for sex in ('XX', 'XY'):
        for k in range(_NUM_AUTOSOMES):
            entries.append(_counts(sex, (k, +1)))
            weights.append({20: 3.0, 17: 2.0, 12: 2.0}.get(k, 0.3))
            entries.append(_counts(sex, (k, -1)))
            weights.append(0.3)
    for sex, weight in (('X', 2.0), ('XXY', 1.5), ('XXX', 1.0), ('XYY', 1.0)):
        entries.append(_counts(sex))
        weights.append(weight)
    weights = np.asarray(weights)
    return entries, weights / weights.sum()


_ABERRANT, _ABERRANT_P = _catalogue()


def normal_karyotype(sex: str) -> Karyotype:
    """46,XX or 46,XY."""
    if sex not in ('XX', 'XY'):
        raise ValueError(f'synthetic/karyotypes.py: sex must be "XX" or "XY", got {sex!r}')
    counts = _counts(sex)
    return Karyotype(counts=counts, iscn=counts_to_karyotype(np.array(counts)), code=sex)


def sample_karyotype(rng: np.random.Generator, aneuploidy_rate: float) -> Karyotype:
    """A normal karyotype (XX or XY, equally likely) or, with ``aneuploidy_rate``, a catalogued aberration."""
    if not 0.0 <= aneuploidy_rate <= 1.0:
        raise ValueError(f'synthetic/karyotypes.py: aneuploidy_rate must be in [0, 1], got {aneuploidy_rate}')
    sex = 'XX' if rng.random() < 0.5 else 'XY'
    if rng.random() >= aneuploidy_rate:
        return normal_karyotype(sex)
    index = int(rng.choice(len(_ABERRANT), p=_ABERRANT_P))
    counts = _ABERRANT[index]
    return Karyotype(counts=counts, iscn=counts_to_karyotype(np.array(counts)), code=f'{index:02d}')
