"""homologue_support: a chromosome's look-alike in the metaphase tips an undecided class."""
import numpy as np
import pytest

from mmkaryo.karyotype.homologues import homologue_support


def test_lookalike_decides_between_two_classes():
    # Chromosome 0 is undecided between classes 0 and 1; chromosome 1 looks like it and is surely 1,
    # chromosome 2 looks different and is surely 0.
    probs = np.array([[0.5, 0.5, 0.0], [0.05, 0.9, 0.05], [0.9, 0.05, 0.05]])
    features = np.array([[1.0, 0.0], [0.95, 0.05], [0.0, 1.0]])
    out = homologue_support(probs, features, weight=1.0)
    assert out[0, 1] > 0.8 and out[0].argmax() == 1
    assert np.allclose(out.sum(1), 1.0)
    assert out[1].argmax() == 1 and out[2].argmax() == 0


def test_no_weight_or_one_chromosome_leaves_probabilities():
    probs = np.array([[0.3, 0.7], [0.6, 0.4]])
    assert np.array_equal(homologue_support(probs, np.eye(2), weight=0.0), probs)
    assert np.array_equal(homologue_support(probs[:1], np.eye(2)[:1], weight=2.0), probs[:1])


def test_bad_arguments():
    with pytest.raises(ValueError, match='same N'):
        homologue_support(np.ones((2, 3)) / 3, np.ones((3, 2)), 1.0)
    with pytest.raises(ValueError, match='weight'):
        homologue_support(np.ones((2, 3)) / 3, np.ones((2, 2)), -1.0)
