"""AlternatingSourceBatchSampler: one source per batch, same source on every rank, exact epochs."""
from __future__ import annotations

import bisect
import itertools
from collections import Counter
from typing import List, Sequence

import pytest
from mmengine.dataset import DefaultSampler
from torch.utils.data import ConcatDataset

from mmkaryo.datasets.samplers import AlternatingSourceBatchSampler


def make_sampler(sizes: Sequence[int], batch_size: int, ratios: Sequence[float], epoch_source: int,
                 rank: int = 0, world_size: int = 1, seed: int = 7,
                 infinite: bool = False) -> AlternatingSourceBatchSampler:
    """The sampler as mmengine builds it: over a DefaultSampler whose dataset is a ConcatDataset."""
    dataset = ConcatDataset([list(range(size)) for size in sizes])
    return AlternatingSourceBatchSampler(
        DefaultSampler(dataset, shuffle=True, seed=seed), batch_size, ratios, epoch_source,
        infinite=infinite, rank=rank, world_size=world_size)


def source_of(index: int, sizes: Sequence[int]) -> int:
    return bisect.bisect_right(list(itertools.accumulate(sizes)), index)


def batch_source(batch: List[int], sizes: Sequence[int]) -> int:
    sources = {source_of(index, sizes) for index in batch}
    assert len(sources) == 1, f'batch {batch} mixes sources {sources}'
    return sources.pop()


def rank_epochs(sizes, batch_size, ratios, epoch_source, world_size, epoch):
    """Every rank's batches of ``epoch``, each rank's sampler built on its own (as in DDP)."""
    samplers = [make_sampler(sizes, batch_size, ratios, epoch_source, rank, world_size)
                for rank in range(world_size)]
    for sampler in samplers:
        sampler.set_epoch(epoch)
    return samplers, [list(sampler) for sampler in samplers]


@pytest.mark.parametrize('epoch', [0, 1])
def test_three_ranks_draw_same_source_with_disjoint_shards(epoch):
    sizes, batch_size, world_size, epoch_source = (50, 23), 2, 3, 1
    samplers, per_rank = rank_epochs(sizes, batch_size, (3, 1), epoch_source, world_size, epoch)
    assert {len(batches) for batches in per_rank} == {len(samplers[0])}
    epoch_source_indices = []
    other_source_steps = []
    for step, batches in enumerate(zip(*per_rank)):
        sources = {batch_source(batch, sizes) for batch in batches}
        assert len(sources) == 1, f'step {step}: ranks drew {sources}'
        indices = [index for batch in batches for index in batch]
        assert len(indices) == len(set(indices)) == world_size * batch_size
        if sources == {epoch_source}:
            epoch_source_indices.extend(indices)
        else:
            other_source_steps.append(indices)
    # One pass over the epoch source's shards: 23 // 3 = 7 per rank -> 3 batches of 2 per rank.
    assert len(epoch_source_indices) == len(set(epoch_source_indices)) == 3 * 3 * 2
    assert all(50 <= index < 73 for index in epoch_source_indices)
    # Source 0 gets 9 steps; a pass over it is 50 // 3 // 2 = 8 steps, disjoint over ranks.
    assert len(other_source_steps) == 9
    first_pass = [index for indices in other_source_steps[:8] for index in indices]
    assert len(first_pass) == len(set(first_pass)) == 48


@pytest.mark.parametrize('ratios', [(1, 1), (3, 1), (1, 2, 5)])
def test_ratios_met_over_1000_steps(ratios):
    sizes = (40, 61, 57)[:len(ratios)]
    sampler = make_sampler(sizes, batch_size=2, ratios=ratios, epoch_source=1, world_size=3,
                           infinite=True)
    counts = Counter(batch_source(batch, sizes) for batch in itertools.islice(sampler, 1000))
    for source, ratio in enumerate(ratios):
        assert counts[source] / 1000 == pytest.approx(ratio / sum(ratios), abs=0.02)


@pytest.mark.parametrize('sizes,batch_size,world_size,ratios,epoch_source,expected_len', [
    ((10, 7), 1, 1, (1, 1), 1, 14),
    ((10, 7), 2, 1, (1, 1), 1, 6),
    ((100, 13), 2, 3, (3, 1), 1, 8),
    ((13, 100), 4, 3, (1, 3), 0, 4),
    ((31, 17, 29), 3, 2, (1, 2, 2), 2, 10),
])
def test_len_equals_batches_yielded(sizes, batch_size, world_size, ratios, epoch_source, expected_len):
    for rank in range(world_size):
        sampler = make_sampler(sizes, batch_size, ratios, epoch_source, rank, world_size)
        assert len(sampler) == expected_len
        for epoch in range(3):
            sampler.set_epoch(epoch)
            batches = list(sampler)
            assert len(batches) == expected_len
            assert all(len(batch) == batch_size for batch in batches)


def test_infinite_mode_chains_the_epochs():
    finite = make_sampler((30, 11), 2, (1, 1), 1)
    infinite = make_sampler((30, 11), 2, (1, 1), 1, infinite=True)
    infinite.set_epoch(4)
    expected = []
    for epoch in (4, 5, 6):
        finite.set_epoch(epoch)
        expected.extend(finite)
    assert list(itertools.islice(infinite, len(expected))) == expected


def test_resume_reproduces_the_remaining_sequence():
    args = ((41, 19), 2, (2, 1), 1)
    uninterrupted = make_sampler(*args, rank=1, world_size=3)
    history = []
    for epoch in range(3):
        uninterrupted.set_epoch(epoch)
        history.append(list(uninterrupted))
    # EpochBasedTrainLoop: a new process resumes at epoch 2 and calls set_epoch(2).
    resumed = make_sampler(*args, rank=1, world_size=3)
    resumed.set_epoch(2)
    assert list(resumed) == history[2]
    # Mid-epoch (IterBasedTrainLoop style): skip the batches already trained, then continue.
    resumed = make_sampler(*args, rank=1, world_size=3)
    resumed.set_epoch(2)
    remaining = itertools.islice(iter(resumed), 5, None)
    assert list(remaining) == history[2][5:]


def test_exhausted_source_is_reshuffled_and_continued():
    sizes = (4, 20)
    sampler = make_sampler(sizes, batch_size=2, ratios=(1, 1), epoch_source=1)
    small_batches = [batch for batch in sampler if batch_source(batch, sizes) == 0]
    assert len(small_batches) == 10  # 5 passes of 2 batches over a 4-sample source
    passes = [tuple(small_batches[i] + small_batches[i + 1]) for i in range(0, 10, 2)]
    assert all(sorted(order) == [0, 1, 2, 3] for order in passes)
    assert len(set(passes)) > 1, 'every pass used the same order: no reshuffle'


def test_set_epoch_changes_order_deterministically():
    sampler = make_sampler((30, 21), 2, (1, 1), 1)
    epoch0 = list(sampler)
    sampler.set_epoch(1)
    epoch1 = list(sampler)
    assert epoch0 != epoch1
    assert sorted(map(tuple, epoch0)) != sorted(map(tuple, epoch1))
    sampler.set_epoch(0)
    assert list(sampler) == epoch0
    other = make_sampler((30, 21), 2, (1, 1), 1)
    other.set_epoch(1)
    assert list(other) == epoch1
    assert list(make_sampler((30, 21), 2, (1, 1), 1, seed=8)) != epoch0


def test_seed_comes_from_argument_then_sampler():
    dataset = ConcatDataset([list(range(8)), list(range(8))])
    inner = DefaultSampler(dataset, seed=11)
    assert AlternatingSourceBatchSampler(inner, 2, (1, 1), 0, rank=0, world_size=1).seed == 11
    assert AlternatingSourceBatchSampler(inner, 2, (1, 1), 0, seed=5, rank=0, world_size=1).seed == 5


@pytest.mark.parametrize('kwargs,error,match', [
    (dict(ratios=(1, )), ValueError, 'has 1 entries but the ConcatDataset has 2 sources'),
    (dict(ratios=(1, 0)), ValueError, 'finite and > 0'),
    (dict(ratios=(1, -2)), ValueError, 'finite and > 0'),
    (dict(ratios=(1, float('nan'))), ValueError, 'finite and > 0'),
    (dict(ratios=(1, True)), TypeError, 'ratios must hold numbers'),
    (dict(ratios='11'), TypeError, 'ratios must be a list'),
    (dict(ratios=(1, 1000)), ValueError, r'source\(s\) \[0\] get no step'),
    (dict(epoch_source=2), ValueError, r'epoch_source must be in \[0, 2\)'),
    (dict(epoch_source=1.0), TypeError, 'epoch_source must be an int'),
    (dict(sizes=(10, 0)), ValueError, 'source 1 is empty'),
    (dict(batch_size=4), ValueError, 'gets 3 per pass, fewer than batch_size=4'),
    (dict(batch_size=0), ValueError, 'batch_size must be >= 1'),
    (dict(batch_size=2.0), TypeError, 'batch_size must be an int'),
    (dict(rank=3), ValueError, 'rank must be < world_size=3'),
    (dict(seed=-1), ValueError, 'seed must be >= 0'),
    (dict(infinite=1), TypeError, 'infinite must be a bool'),
])
def test_bad_arguments_raise_clear_errors(kwargs, error, match):
    args = dict(sizes=(30, 10), batch_size=2, ratios=(1, 1), epoch_source=1, rank=0, world_size=3)
    args.update(kwargs)
    with pytest.raises(error, match=match):
        make_sampler(**args)


def test_sampler_without_concat_dataset_is_refused():
    with pytest.raises(TypeError, match='sampler.dataset to be a ConcatDataset'):
        AlternatingSourceBatchSampler(DefaultSampler(list(range(10))), 2, (1, ), 0)
