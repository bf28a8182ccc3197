"""A test-side reading of the generator's numerical ISCN strings into per-class counts."""
from typing import List


def iscn_counts(iscn: str) -> List[int]:
    """Counts per class (24) of ``total,SEX[,+n|-n]...``; checks the stated total."""
    parts = iscn.split(',')
    sex = parts[1]
    counts = [2] * 22 + [sex.count('X'), sex.count('Y')]
    for change in parts[2:]:
        counts[int(change[1:]) - 1] += 1 if change[0] == '+' else -1
    if sum(counts) != int(parts[0]):
        raise ValueError(f'{iscn}: total {parts[0]} disagrees with the listed changes')
    return counts
