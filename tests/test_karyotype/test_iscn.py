import numpy as np
import pytest

from mmkaryo.karyotype import (counts_from_labels, counts_to_karyotype, is_normal_karyotype,
                               karyotype_sanity, karyotype_string, parse_karyotype)


def counts(changes=None, x=1, y=1):
    vector = np.full(24, 2)
    vector[22], vector[23] = x, y
    for chromosome, change in (changes or {}).items():
        vector[chromosome - 1] += change
    return vector


@pytest.mark.parametrize('vector, expected', [
    (counts(), '46,XY'),
    (counts(x=2, y=0), '46,XX'),
    (counts({21: +1}, x=2, y=0), '47,XX,+21'),
    (counts(x=1, y=0), '45,X'),
    (counts(x=2, y=1), '47,XXY'),
    (counts({8: -1}), '45,XY,-8'),
    (counts({8: -1, 13: -1}), '44,XY,-8,-13'),
    (counts({19: -2, 22: -1}), '43,XY,-19,-19,-22'),
    (counts({20: -1, 3: +1}), '46,XY,+3,-20'),
    (counts(x=0, y=0), '44'),
])
def test_counts_to_string_and_back(vector, expected):
    assert counts_to_karyotype(vector) == expected
    np.testing.assert_array_equal(parse_karyotype(expected), vector)
    labels = np.repeat(np.arange(24), vector)
    assert karyotype_string(np.random.default_rng(0).permutation(labels)) == expected
    np.testing.assert_array_equal(counts_from_labels(labels), vector)


def test_parser_ignores_white_space():
    np.testing.assert_array_equal(parse_karyotype(' 43, XY, -19, -19, -22 '), counts({19: -2, 22: -1}))


@pytest.mark.parametrize('text, message', [
    ('45,XX,-13,-18,+der(5)', 'der'),
    ('46,XY,-8', 'give 45'),
    ('XY,46', 'count'),
    ('45,X,-Y', "'-Y'"),
    ('46,XY,+23', "'\\+23'"),
    ('44,XY,-8,-8,-8', 'loses more'),
])
def test_parser_rejects_what_it_cannot_count(text, message):
    with pytest.raises(ValueError, match=message):
        parse_karyotype(text)


def test_labels_out_of_range():
    with pytest.raises(ValueError, match='0..23'):
        karyotype_string(np.array([0, 24]))


@pytest.mark.parametrize('text, expected', [
    ('46,XY', 1.0), ('46,XX', 1.0), ('47,XX,+21', 22 / 23), ('45,X', 22 / 23),
    ('43,XY,-19,-19,-22', 21 / 23), ('47,XXY', 22 / 23)])
def test_sanity_score(text, expected):
    assert karyotype_sanity(parse_karyotype(text)) == pytest.approx(expected)
    assert is_normal_karyotype(parse_karyotype(text)) == (expected == 1.0)
    assert karyotype_sanity(np.zeros(24, dtype=int)) == 0.0
