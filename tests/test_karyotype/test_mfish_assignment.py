"""Constrained assignment on the real M-FISH metaphases, from ground-truth instances and noisy scores.

Instances come from the expert label images (``*K.tif``: class 1..24, 0 background, 255 overlap) by
the M-FISH converter's rule (``instances_from_label_map``: components of a class joined through the
overlap regions they touch, at least 30 pixels of the class). Scores are
``softmax(4 * one_hot + N(0, 1))`` (about 4 % of argmax labels wrong). Numerical cases only: folders
whose ``case-info.txt`` holds a structural term (``der(5)``) are skipped and counted.
"""
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mmkaryo.datasets.converters import instances_from_label_map, read_case_info
from mmkaryo.karyotype import (argmax_classes, assign_classes, counts_to_karyotype, karyotype_string,
                               parse_karyotype)


@pytest.fixture(scope='module')
def mfish_cases(mfish_root):
    """(image name, case karyotype, 0-based ground-truth classes) per numerical-case image."""
    cases, structural = [], []
    for folder in sorted(p for p in Path(mfish_root).iterdir() if p.is_dir()):
        case = read_case_info(str(folder)).karyotype
        if case is None:  # the converter reads no karyotype from a structural one
            structural.append(folder.name)
            continue
        truth = counts_to_karyotype(parse_karyotype(case))
        for path in sorted(folder.glob('*K.tif')):
            classes = instances_from_label_map(np.array(Image.open(path))).classes
            cases.append((path.name, truth, np.array(classes, dtype=np.int64) - 1))
    return cases, structural


def test_assignment_recovers_the_case_karyotypes(mfish_cases, capsys):
    cases, structural = mfish_cases
    rng = np.random.default_rng(0)
    extracted = recovered = recovered_argmax = 0
    for name, truth, labels in cases:
        logits = 4.0 * np.eye(24)[labels] + rng.standard_normal((len(labels), 24))
        scores = np.exp(logits - logits.max(axis=1, keepdims=True))
        scores /= scores.sum(axis=1, keepdims=True)
        extracted += karyotype_string(labels) == truth
        recovered += karyotype_string(assign_classes(scores)) == truth
        recovered_argmax += karyotype_string(argmax_classes(scores)) == truth
    with capsys.disabled():
        print(f'\nM-FISH numerical cases: {len(cases)} images ({len(structural)} structural folders '
              f'skipped: {", ".join(structural)}); ground-truth instances give the case karyotype in '
              f'{extracted}; from noisy scores the assignment recovers {recovered} '
              f'({recovered / len(cases):.0%}), argmax {recovered_argmax}')
    assert len(cases) >= 80 and structural == ['A03__26']
    assert extracted >= 0.6 * len(cases), 'ground-truth instance extraction got worse'
    assert recovered >= 0.9 * extracted
    assert recovered > 3 * recovered_argmax
