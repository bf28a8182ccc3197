"""Karyotype sanity: how close a reading is to a normal karyotype (46, autosomes paired, XX or XY)."""
import numpy as np

from mmkaryo.structures.classes import NUM_CLASSES

_NUM_AUTOSOMES = NUM_CLASSES - 2


def karyotype_sanity(counts: np.ndarray) -> float:
    """Return the fraction of the 23 chromosome groups read as normal, in [0, 1].

    A group is normal when it holds exactly two chromosomes: each autosome twice, and the sex group
    as XX or XY. 1.0 means a normal 46,XX or 46,XY reading; ``47,XX,+21`` gives 22/23.

    Args:
        counts: (24,) count vector (see :func:`mmkaryo.karyotype.iscn.counts_from_labels`).
    """
    counts = np.asarray(counts)
    if counts.shape != (NUM_CLASSES, ) or np.any(counts < 0):
        raise ValueError(f'counts must be {NUM_CLASSES} non-negative integers, got {counts!r}')
    paired_autosomes = int(np.sum(counts[:_NUM_AUTOSOMES] == 2))
    num_x, num_y = int(counts[-2]), int(counts[-1])
    normal_sex = (num_x, num_y) in ((2, 0), (1, 1))
    return (paired_autosomes + int(normal_sex)) / (_NUM_AUTOSOMES + 1)


def is_normal_karyotype(counts: np.ndarray) -> bool:
    """Return True for a 46,XX or 46,XY count vector."""
    return karyotype_sanity(counts) == 1.0
