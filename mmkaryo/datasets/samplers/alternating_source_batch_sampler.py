"""Batches that each come from ONE source of a ConcatDataset, the source drawn by ratio per step.

The DaTaSeg regime (Gu et al. 2023): every iteration trains on one source (e.g. a box-only set or a
mask set), chosen by a ratio, so that a batch's losses are all of one kind. Unlike mmdet's
``MultiSourceSampler`` (which mixes sources inside a batch and never ends), batches here never mix
sources, every rank draws the same source at every step, and an epoch has an exact length.

Plugging it into an mmengine config (``Runner.build_dataloader`` builds ``sampler`` first and passes
it, with ``batch_size``, to the batch sampler; only the sampler's ``dataset`` and ``seed`` are used)::

    train_dataloader = dict(
        batch_size=4,
        num_workers=2,
        persistent_workers=True,
        sampler=dict(type='DefaultSampler', shuffle=True),
        batch_sampler=dict(type='AlternatingSourceBatchSampler', ratios=[1, 1], epoch_source=1),
        dataset=dict(type='ConcatDataset', datasets=[box_only_dataset, mask_dataset]))
    train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=40)

For iteration-based training add ``infinite=True`` to the batch sampler and use
``train_cfg = dict(type='IterBasedTrainLoop', max_iters=...)``. Keep ``sampler_seed=
dict(type='DistSamplerSeedHook')`` in ``default_hooks`` (mmkaryo's runtime has it): it calls
``dataloader.batch_sampler.sampler.set_epoch(epoch)``, which reaches this sampler's
:class:`SourceStreams`.
"""
from __future__ import annotations

import itertools
from numbers import Real
from typing import Iterator, List, Optional, Sequence

from mmengine.dist import get_dist_info, sync_random_seed
from torch.utils.data import ConcatDataset, Sampler

from mmkaryo.registry import DATA_SAMPLERS
from .source_schedule import check_ratios, epoch_source_counts, source_schedule
from .source_streams import SourceStreams


@DATA_SAMPLERS.register_module()
class AlternatingSourceBatchSampler(Sampler):
    """Yield batches of ConcatDataset indices, each batch from one source chosen by ratio.

    Contract:

    * **One source per batch.** Every yielded batch is ``batch_size`` indices of one source of
      ``sampler.dataset`` (a ``ConcatDataset``; source ``s`` is ``dataset.datasets[s]``).
    * **Epoch.** One epoch is one pass over the shard of source ``epoch_source`` on each rank:
      ``(len(source) // world_size) // batch_size`` batches of it (the remainder, different each
      epoch, is left out). The other sources get steps in proportion to ``ratios`` (see
      :func:`epoch_source_counts`), so ``len(self)`` is the same every epoch and equals the number
      of batches one epoch yields.
    * **Same source on every rank.** The order of the sources within an epoch is a shuffle of those
      counts drawn from a generator seeded by ``(seed, epoch)`` only.
    * **Own shard per rank.** At each step every rank takes the next batch of its own shard of the
      chosen source (see :class:`SourceStreams`): shards of one pass are disjoint across ranks, so
      within an epoch the epoch source's samples are used at most once over all ranks.
    * **Exhaustion.** A source (other than the epoch source) that runs out within an epoch is
      reshuffled with a permutation seeded by ``(seed, epoch, source, pass)`` and continued.
    * **Resume.** An epoch depends only on ``(seed, epoch)``. mmengine's ``EpochBasedTrainLoop``
      resumes at the next epoch and calls ``set_epoch`` (via ``DistSamplerSeedHook``), its
      ``IterBasedTrainLoop`` skips the done iterations by iterating the dataloader; both then see
      the batches an uninterrupted run sees.
    * **Infinite mode** (``infinite=True``, for ``IterBasedTrainLoop``): one iteration yields
      epoch ``e, e + 1, e + 2, ...`` without end, starting at the current epoch ``e``, and
      ``len(self)`` is the length of one epoch (as for mmengine's ``InfiniteSampler``).

    Args:
        sampler: the sampler mmengine builds from the config's ``sampler``; its ``dataset`` must be
            a ``ConcatDataset``, its ``seed`` (if any) is used when ``seed`` is None. Its own order
            is not used.
        batch_size: samples per batch on each rank (mmengine passes the dataloader's).
        ratios: one positive number per source, e.g. ``[1, 1]`` or ``[3, 1]``.
        epoch_source: index of the source one pass over which makes an epoch.
        infinite: iterate epochs without end (for iteration-based training).
        seed: shared seed; if None, ``sampler.seed``, else mmengine's ``sync_random_seed()``.
        rank: this process's rank; if None, from ``mmengine.dist.get_dist_info()``.
        world_size: number of processes; if None, from ``mmengine.dist.get_dist_info()``.

    Raises:
        TypeError: if ``sampler.dataset`` is not a ``ConcatDataset`` or an argument has the wrong type.
        ValueError: for ratios that are not one positive number per source, an ``epoch_source``
            out of range, an empty source, a batch size larger than a rank's shard of a source, or
            ratios that leave a source with no step in an epoch.
    """

    def __init__(self,
                 sampler: Sampler,
                 batch_size: int,
                 ratios: Sequence[Real],
                 epoch_source: int,
                 infinite: bool = False,
                 seed: Optional[int] = None,
                 rank: Optional[int] = None,
                 world_size: Optional[int] = None) -> None:
        dataset = getattr(sampler, 'dataset', None)
        if not isinstance(dataset, ConcatDataset):
            raise TypeError('AlternatingSourceBatchSampler needs sampler.dataset to be a ConcatDataset '
                            f'(one dataset per source), got {type(dataset).__name__}')
        if hasattr(dataset, 'full_init'):
            dataset.full_init()
        sizes = [len(source) for source in dataset.datasets]
        self.ratios = check_ratios(ratios, len(sizes))
        if isinstance(epoch_source, bool) or not isinstance(epoch_source, int):
            raise TypeError(f'epoch_source must be an int source index, got {epoch_source!r}')
        if not 0 <= epoch_source < len(sizes):
            raise ValueError(f'epoch_source must be in [0, {len(sizes)}), got {epoch_source}')
        if not isinstance(infinite, bool):
            raise TypeError(f'infinite must be a bool, got {infinite!r}')
        if seed is None:
            seed = getattr(sampler, 'seed', None)
        if seed is None:
            seed = sync_random_seed()
        dist_rank, dist_world_size = get_dist_info()
        # ``sampler`` is the attribute DistSamplerSeedHook and mmengine's _InfiniteDataloaderIterator
        # call ``set_epoch`` on; it holds the epoch and the per-rank shards.
        self.sampler = SourceStreams(sizes, batch_size, seed,
                                     dist_rank if rank is None else rank,
                                     dist_world_size if world_size is None else world_size)
        self.batch_size = self.sampler.batch_size
        self.epoch_source = epoch_source
        self.infinite = infinite
        self.counts = epoch_source_counts(self.ratios, epoch_source,
                                          self.sampler.batches_per_pass[epoch_source])

    @property
    def seed(self) -> int:
        """The seed shared by all ranks."""
        return self.sampler.seed

    @property
    def epoch(self) -> int:
        """The epoch the next iteration starts at."""
        return self.sampler.epoch

    def set_epoch(self, epoch: int) -> None:
        """Make ``epoch`` (>= 0) the epoch the next iteration starts at."""
        self.sampler.set_epoch(epoch)

    def epoch_batches(self, epoch: int) -> Iterator[List[int]]:
        """This rank's batches of ``epoch``, in order (``len(self)`` of them)."""
        streams = [self.sampler.batches(source, epoch) for source in range(len(self.counts))]
        for source in source_schedule(self.counts, self.seed, epoch):
            yield next(streams[source])

    def __iter__(self) -> Iterator[List[int]]:
        first = self.sampler.epoch
        epochs = itertools.count(first) if self.infinite else (first, )
        return (batch for epoch in epochs for batch in self.epoch_batches(epoch))

    def __len__(self) -> int:
        """Batches per epoch: all batches in finite mode, one epoch's worth in infinite mode."""
        return sum(self.counts)
