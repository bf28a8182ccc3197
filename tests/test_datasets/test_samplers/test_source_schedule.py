"""Per-epoch source counts (largest remainder) and the seeded schedule of sources."""
import numpy as np
import pytest

from mmkaryo.datasets.samplers import epoch_source_counts, source_schedule


@pytest.mark.parametrize('ratios,epoch_source,batches,expected', [
    ([1.0, 1.0], 1, 7, [7, 7]),
    ([3.0, 1.0], 1, 5, [15, 5]),
    ([1.0, 3.0], 1, 5, [2, 5]),  # 5 * 4 / 3 = 6.67 -> 7 steps
    ([1.0, 2.0, 5.0], 1, 5, [3, 5, 12]),  # 15 others split 2.5 / 12.5, tie to the lower index
    ([2.0], 0, 4, [4]),
])
def test_epoch_source_counts_follow_the_documented_rounding(ratios, epoch_source, batches, expected):
    assert epoch_source_counts(ratios, epoch_source, batches) == expected


def test_source_schedule_is_a_seeded_shuffle_of_the_counts():
    schedule = source_schedule([6, 2, 3], seed=4, epoch=0)
    assert np.bincount(schedule).tolist() == [6, 2, 3]
    assert np.array_equal(schedule, source_schedule([6, 2, 3], seed=4, epoch=0))
    others = [source_schedule([6, 2, 3], seed, epoch) for seed, epoch in [(4, 1), (5, 0)]]
    assert all(not np.array_equal(schedule, other) for other in others)
