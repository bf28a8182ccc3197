"""Pairing of assigned chromosomes into 23 homologous groups (1..22 and the sex chromosomes)."""
from dataclasses import dataclass
from typing import List, Optional, Tuple

import numpy as np

from mmkaryo.structures.classes import NUM_CLASSES

NUM_GROUPS = NUM_CLASSES - 1
SEX_GROUP = NUM_GROUPS - 1


@dataclass
class Pairing:
    """Instances grouped by homologue.

    Attributes:
        groups: 23 lists of instance indices, most confident first; group g < 22 is chromosome g + 1,
            group 22 holds X and Y.
        pairs: (i, j, group) for each pair, formed two at a time down each group's list.
        unpaired: instances left alone in their group (a lone 8, the third 21), by index.
    """
    groups: List[List[int]]
    pairs: List[Tuple[int, int, int]]
    unpaired: List[int]


def group_of_class(label: int) -> int:
    """Return the group of a 0-based class index: the autosome's own group, or 22 for X and Y."""
    return min(int(label), SEX_GROUP)


def pair_chromosomes(labels: np.ndarray, confidences: Optional[np.ndarray] = None) -> Pairing:
    """Group (N,) class indices into 23 homologous groups and pair them within each group.

    Args:
        labels: (N,) class indices 0..23.
        confidences: (N,) scores ordering each group (most confident paired first); default: index
            order.
    """
    labels = np.asarray(labels, dtype=np.int64)
    if confidences is None:
        confidences = np.zeros(len(labels))
    confidences = np.asarray(confidences, dtype=np.float64)
    if labels.ndim != 1 or confidences.shape != labels.shape:
        raise ValueError(f'labels and confidences must be (N,) arrays, got {labels.shape} and '
                         f'{confidences.shape}')
    if labels.size and (labels.min() < 0 or labels.max() >= NUM_CLASSES):
        raise ValueError(f'labels must lie in 0..{NUM_CLASSES - 1}')
    order = np.argsort(-confidences, kind='stable')
    groups: List[List[int]] = [[] for _ in range(NUM_GROUPS)]
    for i in order:
        groups[group_of_class(labels[i])].append(int(i))
    pairs: List[Tuple[int, int, int]] = []
    unpaired: List[int] = []
    for g, members in enumerate(groups):
        pairs += [(members[j], members[j + 1], g) for j in range(0, len(members) - 1, 2)]
        if len(members) % 2:
            unpaired.append(members[-1])
    return Pairing(groups=groups, pairs=pairs, unpaired=sorted(unpaired))
