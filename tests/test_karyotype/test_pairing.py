import numpy as np

from mmkaryo.karyotype import pair_chromosomes


def test_pairs_within_groups_and_leftovers_unpaired():
    labels = np.array([20, 20, 20, 7, 22, 23, 0, 0])
    confidences = np.array([0.9, 0.5, 0.8, 0.7, 0.6, 0.6, 0.9, 0.8])
    pairing = pair_chromosomes(labels, confidences)
    assert len(pairing.groups) == 23
    assert pairing.groups[20] == [0, 2, 1]
    assert sorted(pairing.pairs) == [(0, 2, 20), (4, 5, 22), (6, 7, 0)]
    assert pairing.unpaired == [1, 3]
    grouped = sorted(i for group in pairing.groups for i in group)
    assert grouped == list(range(len(labels)))
