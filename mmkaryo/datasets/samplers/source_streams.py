"""Each rank's batches of every source, reshuffled pass after pass, as a function of (seed, epoch)."""
from __future__ import annotations

import itertools
from typing import Iterator, List, Sequence

import numpy as np

# First word of the entropy of every index permutation (see ``source_schedule.SCHEDULE_TAG``).
PERMUTATION_TAG = 2


def _check_int(name: str, value: int, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f'{name} must be an int, got {type(value).__name__} {value!r}')
    if value < minimum:
        raise ValueError(f'{name} must be >= {minimum}, got {value}')
    return int(value)


class SourceStreams:
    """This rank's index batches of each source of a concatenation of ``len(sizes)`` sources.

    Contract: source ``s`` holds the global indices ``offsets[s] .. offsets[s] + sizes[s] - 1``
    (the layout of ``torch.utils.data.ConcatDataset``). In epoch ``e``, pass ``p`` over source ``s``
    is a permutation of its indices drawn from numpy's generator seeded by
    ``(PERMUTATION_TAG, seed, e, s, p)``; its first ``world_size * (sizes[s] // world_size)``
    entries are dealt round-robin to the ranks, so the ranks' shards of one pass are disjoint and
    equally long, and each shard is cut into ``batches_per_pass[s]`` full batches (the tail shorter
    than ``batch_size`` is left out of that pass). :meth:`batches` chains pass 0, 1, 2, ... for
    ever: a source that runs out is reshuffled and continued. Nothing depends on what was drawn
    before, so a resumed run that sets the same epoch sees the same batches.

    ``epoch`` is the epoch the owning batch sampler iterates next; :meth:`set_epoch` is what
    mmengine's ``DistSamplerSeedHook`` reaches through ``dataloader.batch_sampler.sampler``.

    Args:
        sizes: number of samples of each source.
        batch_size: samples per batch on each rank.
        seed: non-negative seed shared by all ranks.
        rank: this process's rank, ``0 <= rank < world_size``.
        world_size: number of processes.

    Raises:
        TypeError: if a size, ``batch_size``, ``seed``, ``rank`` or ``world_size`` is not an int.
        ValueError: if a source is empty, or a rank's shard of a source is smaller than
            ``batch_size``, or ``seed``/``rank``/``world_size`` is out of range.
    """

    def __init__(self, sizes: Sequence[int], batch_size: int, seed: int, rank: int,
                 world_size: int) -> None:
        self.batch_size = _check_int('batch_size', batch_size, 1)
        self.seed = _check_int('seed', seed, 0)
        self.world_size = _check_int('world_size', world_size, 1)
        self.rank = _check_int('rank', rank, 0)
        if self.rank >= self.world_size:
            raise ValueError(f'rank must be < world_size={self.world_size}, got {self.rank}')
        self.sizes = [_check_int(f'size of source {source}', size, 0) for source, size in enumerate(sizes)]
        if not self.sizes:
            raise ValueError('SourceStreams needs at least one source, got none')
        for source, size in enumerate(self.sizes):
            if size == 0:
                raise ValueError(f'source {source} is empty (0 samples); every source needs samples')
            shard = size // self.world_size
            if shard < self.batch_size:
                raise ValueError(
                    f'source {source} has {size} samples, so each of the {self.world_size} ranks '
                    f'gets {shard} per pass, fewer than batch_size={self.batch_size}; lower the '
                    'batch size or the number of processes, or add samples to that source')
        self.offsets = [0, *itertools.accumulate(self.sizes)][:-1]
        self.batches_per_pass = [size // self.world_size // self.batch_size for size in self.sizes]
        self.epoch = 0

    def set_epoch(self, epoch: int) -> None:
        """Make ``epoch`` (>= 0) the epoch iterated next."""
        self.epoch = _check_int('epoch', epoch, 0)

    def pass_batches(self, source: int, epoch: int, pass_index: int) -> List[List[int]]:
        """This rank's batches (global indices) of pass ``pass_index`` over ``source`` in ``epoch``."""
        size = self.sizes[source]
        rng = np.random.default_rng([PERMUTATION_TAG, self.seed, epoch, source, pass_index])
        order = rng.permutation(size)[:self.world_size * (size // self.world_size)]
        shard = order[self.rank::self.world_size] + self.offsets[source]
        return [shard[start:start + self.batch_size].tolist()
                for start in range(0, self.batches_per_pass[source] * self.batch_size, self.batch_size)]

    def batches(self, source: int, epoch: int) -> Iterator[List[int]]:
        """This rank's batches of ``source`` in ``epoch``: pass 0, then 1, 2, ... without end."""
        for pass_index in itertools.count():
            yield from self.pass_batches(source, epoch, pass_index)
