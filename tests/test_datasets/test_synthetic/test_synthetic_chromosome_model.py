import numpy as np
import pytest

from mmkaryo.datasets.synthetic.chromosome_model import (ACROCENTRIC, CENTROMERE_INDICES, RELATIVE_LENGTHS,
                                                         class_band_pattern)

X, Y = 22, 23


def test_relative_lengths_follow_iscn_order():
    assert len(RELATIVE_LENGTHS) == 24
    assert int(np.argmax(RELATIVE_LENGTHS)) == 0
    assert set(np.argsort(RELATIVE_LENGTHS)[:3]) == {20, 21, Y}  # 21, 22 and Y are the shortest
    assert RELATIVE_LENGTHS[7] < RELATIVE_LENGTHS[X] < RELATIVE_LENGTHS[6]  # X between 7 and 8


def test_acrocentric_classes_have_short_p_arms():
    assert ACROCENTRIC == {12, 13, 14, 20, 21, Y}
    for k, index in enumerate(CENTROMERE_INDICES):
        assert (index < 0.25) == (k in ACROCENTRIC), k
        assert 0.1 < index <= 0.5


def test_band_patterns_are_valid_and_distinct_per_class():
    positions = np.linspace(0, 1, 400)
    profiles = []
    for k in range(24):
        pattern = class_band_pattern(k)
        assert pattern.edges[0] == 0.0 and pattern.edges[-1] == 1.0
        assert np.all(np.diff(pattern.edges) > 0)
        assert len(pattern.darkness) == len(pattern.edges) - 1
        assert pattern.darkness.min() >= 0 and pattern.darkness.max() <= 1
        assert pattern.darkness.max() > 0.5  # at least one dark band
        profiles.append(pattern.sample(positions))
    for a in range(24):
        for b in range(a + 1, 24):
            assert np.mean(np.abs(profiles[a] - profiles[b])) > 0.05, (a, b)


def test_longer_chromosomes_have_more_bands():
    assert len(class_band_pattern(0).darkness) > 2 * len(class_band_pattern(20).darkness)


def test_jitter_keeps_the_pattern_recognisable():
    pattern = class_band_pattern(4)
    positions = np.linspace(0, 1, 400)
    jittered = pattern.jittered(np.random.default_rng(0))
    assert np.all(np.diff(jittered.edges) >= 0) and jittered.edges[0] == 0 and jittered.edges[-1] == 1
    diff = np.mean(np.abs(jittered.sample(positions) - pattern.sample(positions)))
    other = np.mean(np.abs(class_band_pattern(5).sample(positions) - pattern.sample(positions)))
    assert 0 < diff < other


@pytest.mark.parametrize('label', [-1, 24, 1.5])
def test_bad_class_index_is_rejected(label):
    with pytest.raises(ValueError, match='class index'):
        class_band_pattern(label)
