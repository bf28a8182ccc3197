"""Constrained assignment on the real M-FISH metaphases, from ground-truth instances and noisy scores.

Instances come from the expert label images (``*K.tif``: class 1..24, 0 background, 255 overlap): for
each class, connected components of its pixels joined through the overlap regions they touch (a
chromosome crossing another is split by the 255 region), at least 30 pixels of the class. Scores are
``softmax(4 * one_hot + N(0, 1))`` (about 4 % of argmax labels wrong). Numerical cases only: folders
whose ``case-info.txt`` holds a structural term (``der(5)``) are skipped and counted.
"""
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from scipy import ndimage

from mmkaryo.karyotype import (argmax_classes, assign_classes, counts_to_karyotype, karyotype_string,
                               parse_karyotype)

REPO = Path(__file__).resolve().parents[2]
MFISH_ROOT = Path(os.environ.get('MMKARYO_MFISH_ROOT', REPO.parent / 'shared' / 'data' / 'mfish-dapi'))


def ground_truth_labels(label_image: np.ndarray, min_area: int = 30) -> np.ndarray:
    """0-based class of each ground-truth instance of an M-FISH label image."""
    overlap = label_image == 255
    labels = []
    for value in range(1, 25):
        pixels = label_image == value
        if not pixels.any():
            continue
        components, num = ndimage.label(pixels | overlap)
        areas = ndimage.sum(pixels, components, index=range(1, num + 1))
        labels += [value - 1] * int(np.sum(areas >= min_area))
    return np.array(labels, dtype=np.int64)


def read_case(folder: Path) -> str:
    """The first line of a folder's case-info.txt (some files carry NUL padding or a remark line)."""
    return (folder / 'case-info.txt').read_bytes().replace(b'\0', b'').decode('ascii').splitlines()[0]


@pytest.fixture(scope='module')
def mfish_cases():
    if not MFISH_ROOT.is_dir():
        if os.environ.get('CI') == 'true':
            pytest.fail(f'M-FISH data missing at {MFISH_ROOT} (set MMKARYO_MFISH_ROOT)')
        pytest.skip(f'M-FISH data not found at {MFISH_ROOT}; set MMKARYO_MFISH_ROOT to run this test')
    cases, structural = [], []
    for folder in sorted(p for p in MFISH_ROOT.iterdir() if p.is_dir()):
        try:
            truth = counts_to_karyotype(parse_karyotype(read_case(folder)))
        except ValueError:
            structural.append(folder.name)
            continue
        for path in sorted(folder.glob('*K.tif')):
            cases.append((path.name, truth, ground_truth_labels(np.array(Image.open(path)))))
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
