import numpy as np
import pytest

from mmkaryo.datasets.synthetic import normal_karyotype, sample_karyotype
from mmkaryo.karyotype import parse_karyotype


def test_normal_karyotypes():
    assert normal_karyotype('XX').iscn == '46,XX' and normal_karyotype('XX').code == 'XX'
    assert normal_karyotype('XY').labels().count(23) == 1
    with pytest.raises(ValueError, match='sex'):
        normal_karyotype('XXY')


def test_rate_zero_gives_only_normal_karyotypes_of_both_sexes():
    rng = np.random.default_rng(0)
    drawn = {sample_karyotype(rng, 0.0).iscn for _ in range(60)}
    assert drawn == {'46,XX', '46,XY'}


def test_rate_one_gives_only_aberrations_with_consistent_codes():
    rng = np.random.default_rng(1)
    code_to_iscn = {}
    for _ in range(300):
        karyotype = sample_karyotype(rng, 1.0)
        assert karyotype.iscn not in ('46,XX', '46,XY')
        assert list(parse_karyotype(karyotype.iscn)) == list(karyotype.counts)
        assert len(karyotype.labels()) == sum(karyotype.counts) == int(karyotype.iscn.split(',')[0])
        assert len(karyotype.code) == 2 and karyotype.code.isdigit()
        assert code_to_iscn.setdefault(karyotype.code, karyotype.iscn) == karyotype.iscn
    assert len(code_to_iscn) > 10
    assert '47,XX,+21' in code_to_iscn.values() or '47,XY,+21' in code_to_iscn.values()


@pytest.mark.parametrize('rate', [-0.1, 1.5])
def test_bad_rate_is_rejected(rate):
    with pytest.raises(ValueError, match='aneuploidy_rate'):
        sample_karyotype(np.random.default_rng(0), rate)
