"""Which source each step of an epoch draws: per-epoch counts by ratio, then a seeded shuffle.

Pure functions over plain numbers, so that every rank computes the same schedule from the same
``(seed, epoch)`` without communicating.
"""
from __future__ import annotations

import math
from numbers import Real
from typing import List, Sequence

import numpy as np

# First word of the entropy given to numpy's SeedSequence; keeps the schedule's random stream apart
# from the index permutations drawn in ``source_streams.py`` (which use ``PERMUTATION_TAG``).
SCHEDULE_TAG = 1


def check_ratios(ratios: Sequence[Real], num_sources: int) -> List[float]:
    """Return ``ratios`` as floats after checking there is one finite, positive number per source.

    Raises:
        TypeError: if ``ratios`` is not a sequence of real numbers (bools are refused).
        ValueError: if its length differs from ``num_sources`` or a ratio is not finite and > 0.
    """
    if isinstance(ratios, (str, bytes)) or not isinstance(ratios, Sequence):
        raise TypeError(f'ratios must be a list of numbers, one per source, got {ratios!r}')
    if len(ratios) != num_sources:
        raise ValueError(f'ratios {list(ratios)} has {len(ratios)} entries but the ConcatDataset '
                         f'has {num_sources} sources; give one ratio per source')
    for ratio in ratios:
        if isinstance(ratio, bool) or not isinstance(ratio, Real):
            raise TypeError(f'ratios must hold numbers, got {ratio!r} in {list(ratios)}')
        if not math.isfinite(ratio) or ratio <= 0:
            raise ValueError(f'every ratio must be finite and > 0, got {ratio!r} in {list(ratios)}; '
                             'leave a source out of the ConcatDataset instead of giving it ratio 0')
    return [float(ratio) for ratio in ratios]


def epoch_source_counts(ratios: Sequence[float], epoch_source: int,
                        epoch_source_batches: int) -> List[int]:
    """Number of steps each source gets in one epoch.

    The epoch source gets exactly ``epoch_source_batches`` steps (one pass over its shard). The
    epoch length is ``L = round(epoch_source_batches * sum(ratios) / ratios[epoch_source])`` (half
    up, at least ``epoch_source_batches``) and the other ``L - epoch_source_batches`` steps are split
    among the other sources in proportion to their ratios by the largest-remainder rule (ties go
    to the lower source index). So each source's share of an epoch is its ratio's share up to
    rounding of less than one step.

    Args:
        ratios: checked ratios (see :func:`check_ratios`), one per source.
        epoch_source: index of the source one pass of which makes an epoch.
        epoch_source_batches: batches one pass over the epoch source gives (>= 1).

    Raises:
        ValueError: if rounding leaves some source with no step in an epoch (its ratio is too
            small for an epoch this short).
    """
    total = sum(ratios)
    length = max(epoch_source_batches,
                 math.floor(epoch_source_batches * total / ratios[epoch_source] + 0.5))
    others = [source for source in range(len(ratios)) if source != epoch_source]
    remaining = length - epoch_source_batches
    other_total = total - ratios[epoch_source]
    shares = [remaining * ratios[source] / other_total for source in others]
    floors = [math.floor(share) for share in shares]
    by_remainder = sorted(range(len(others)), key=lambda i: (floors[i] - shares[i], i))
    for i in by_remainder[:remaining - sum(floors)]:
        floors[i] += 1
    counts = [0] * len(ratios)
    counts[epoch_source] = epoch_source_batches
    for source, count in zip(others, floors):
        counts[source] = count
    starved = [source for source, count in enumerate(counts) if count == 0]
    if starved:
        raise ValueError(
            f'with ratios {list(ratios)} and {epoch_source_batches} batches of the epoch source '
            f'{epoch_source} per epoch, source(s) {starved} get no step in an epoch of {length} '
            'steps; raise their ratios or choose a larger epoch source')
    return counts


def source_schedule(counts: Sequence[int], seed: int, epoch: int) -> np.ndarray:
    """The source of every step of ``epoch``: ``counts[s]`` copies of ``s``, shuffled.

    The shuffle is drawn from numpy's generator seeded by ``(SCHEDULE_TAG, seed, epoch)``, so it
    is the same on every rank and in every process for the same arguments.
    """
    rng = np.random.default_rng([SCHEDULE_TAG, seed, epoch])
    return rng.permutation(np.repeat(np.arange(len(counts)), counts))
