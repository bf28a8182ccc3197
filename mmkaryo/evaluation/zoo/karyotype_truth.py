"""The true per-class counts of an image from its ISCN string, or the reason it cannot be scored."""
from typing import NamedTuple, Optional

import numpy as np

from mmkaryo.karyotype.iscn import parse_karyotype

NO_KARYOTYPE, UNPARSABLE = 'no_karyotype', 'unparsable'


class KaryotypeTruth(NamedTuple):
    """``counts`` (24,) when the string parses; else ``skip`` (NO_KARYOTYPE or UNPARSABLE) and
    ``reason`` (the parser's message)."""
    counts: Optional[np.ndarray]
    skip: Optional[str] = None
    reason: str = ''


def karyotype_truth(text: Optional[str]) -> KaryotypeTruth:
    """Parse ``text`` as :class:`mmkaryo.evaluation.metrics.KaryotypeMetric` does: a missing string
    and one :func:`mmkaryo.karyotype.iscn.parse_karyotype` rejects (structural terms) are skips."""
    if not text:
        return KaryotypeTruth(None, NO_KARYOTYPE, 'no karyotype string')
    try:
        return KaryotypeTruth(parse_karyotype(text))
    except ValueError as error:
        return KaryotypeTruth(None, UNPARSABLE, str(error))
