"""ISCN numerical karyotype strings: count vectors to strings and back.

A count vector has one entry per class (24: chromosomes 1..22, X, Y). Its ISCN string is the total
count, the sex chromosomes as letters, then the autosomal gains and losses in chromosome-number order,
one entry per copy: ``46,XY``, ``47,XX,+21``, ``45,X``, ``47,XXY``, ``44,XY,-8,-13``,
``43,XY,-19,-19,-22``. When no sex chromosome is present the sex field is left out (``44``): ISCN has
no letter for it. Only numerical karyotypes are handled; structural terms (``der(5)``, ``t(5;16)``,
``mar``) make :func:`parse_karyotype` raise ``ValueError``.
"""
import re

import numpy as np

from mmkaryo.structures.classes import NUM_CLASSES

_X, _Y = NUM_CLASSES - 2, NUM_CLASSES - 1
_NUM_AUTOSOMES = NUM_CLASSES - 2
_SEX_FIELD = re.compile(r'^[XY]+$')
_AUTOSOME_TERM = re.compile(r'^([+-])(\d{1,2})$')


def counts_from_labels(labels: np.ndarray) -> np.ndarray:
    """Return the (24,) count vector of (N,) class indices in 0..23."""
    labels = np.asarray(labels)
    if labels.ndim != 1 or (labels.size and not np.issubdtype(labels.dtype, np.integer)):
        raise ValueError(f'labels must be a 1-D integer array, got shape {labels.shape} {labels.dtype}')
    if labels.size and (labels.min() < 0 or labels.max() >= NUM_CLASSES):
        raise ValueError(f'labels must lie in 0..{NUM_CLASSES - 1}, got {labels.min()}..{labels.max()}')
    return np.bincount(labels.astype(np.int64), minlength=NUM_CLASSES)


def counts_to_karyotype(counts: np.ndarray) -> str:
    """Return the ISCN numerical string of a (24,) count vector."""
    counts = np.asarray(counts)
    if counts.shape != (NUM_CLASSES, ) or np.any(counts < 0):
        raise ValueError(f'counts must be {NUM_CLASSES} non-negative integers, got {counts!r}')
    fields = [str(int(counts.sum()))]
    sex = 'X' * int(counts[_X]) + 'Y' * int(counts[_Y])
    if sex:
        fields.append(sex)
    for k in range(_NUM_AUTOSOMES):
        change = int(counts[k]) - 2
        fields += [f'{"+" if change > 0 else "-"}{k + 1}'] * abs(change)
    return ','.join(fields)


def karyotype_string(labels: np.ndarray) -> str:
    """Return the ISCN numerical string of (N,) class indices, e.g. ``47,XX,+21``."""
    return counts_to_karyotype(counts_from_labels(labels))


def parse_karyotype(text: str) -> np.ndarray:
    """Parse an ISCN numerical karyotype into a (24,) count vector.

    White space around fields is ignored (``43, XY, -19, -19, -22``). Raises ``ValueError`` naming the
    offending term for structural or unknown terms, sex-chromosome terms such as ``-Y`` (write the
    sex field instead: ``45,X``), and a total that disagrees with the terms.
    """
    fields = [field.strip() for field in str(text).strip().split(',')]
    if not fields[0].isdigit():
        raise ValueError(f'karyotype {text!r} must start with the chromosome count')
    counts = np.full(NUM_CLASSES, 2, dtype=np.int64)
    counts[_X] = counts[_Y] = 0
    terms = fields[1:]
    if terms and _SEX_FIELD.match(terms[0]):
        counts[_X], counts[_Y] = terms[0].count('X'), terms[0].count('Y')
        terms = terms[1:]
    for term in terms:
        match = _AUTOSOME_TERM.match(term)
        if match is None or not 1 <= int(match.group(2)) <= _NUM_AUTOSOMES:
            raise ValueError(f'karyotype {text!r}: {term!r} is not a numerical autosome gain or loss')
        counts[int(match.group(2)) - 1] += 1 if match.group(1) == '+' else -1
    if np.any(counts < 0):
        raise ValueError(f'karyotype {text!r} loses more copies than a chromosome has')
    if counts.sum() != int(fields[0]):
        raise ValueError(f'karyotype {text!r}: its terms give {counts.sum()} chromosomes, not {fields[0]}')
    return counts
