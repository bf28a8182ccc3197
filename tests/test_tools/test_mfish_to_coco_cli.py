"""mfish_to_coco.py on the real M-FISH folder: both forms, and a slide-level split with no slide shared."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def convert(mfish_root: str, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run mfish_to_coco.py with the model zoo's test split (--test-ratio 0.25 --seed 0) and ``extra``."""
    return subprocess.run(
        [sys.executable, str(ROOT / 'tools' / 'dataset_converters' / 'mfish_to_coco.py'), mfish_root,
         str(out), '--test-ratio', '0.25', '--seed', '0', *extra],
        capture_output=True, text=True, timeout=600)


@pytest.fixture(scope='module')
def plain(tmp_path_factory, mfish_root):
    """(path of mfish.json, finished process) of one conversion without validation slides, shared."""
    out = tmp_path_factory.mktemp('plain') / 'mfish.json'
    proc = convert(mfish_root, out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out, proc


@pytest.mark.slow
def test_slide_split_keeps_slides_apart(plain):
    out, proc = plain
    load = lambda name: json.loads(out.with_name(name).read_text())  # noqa: E731
    full, train, test = load('mfish.json'), load('mfish_train.json'), load('mfish_test.json')
    assert len(train['images']) + len(test['images']) == len(full['images']) == 82
    assert len(train['annotations']) + len(test['annotations']) == len(full['annotations'])
    train_slides = {im['slide'] for im in train['images']}
    test_slides = {im['slide'] for im in test['images']}
    assert train_slides and test_slides and not train_slides & test_slides
    agnostic = load('mfish_test_agnostic.json')
    assert [c['name'] for c in agnostic['categories']] == ['chromosome']
    assert len(agnostic['annotations']) == len(test['annotations'])
    assert 'mfish_train.json' in proc.stdout and 'files written' in proc.stdout
    assert 'not read (written as null)         1' in proc.stdout
    assert "P08__29/case-info.txt: read '44,XY,-11,-22', cut '8,10,13 on edge of imagemage'" in proc.stdout
    assert [im['patient_id'] for im in full['images'] if im['karyotype'] is None] == ['A03__26']


@pytest.mark.slow
def test_validation_slides_come_from_the_training_slides(tmp_path, mfish_root, plain):
    plain, with_val = plain[0], tmp_path / 'val' / 'mfish.json'
    proc = convert(mfish_root, with_val, '--val-ratio', '0.15')
    assert proc.returncode == 0, proc.stderr[-3000:]
    slides = lambda path: {im['slide'] for im in json.loads(path.read_text())['images']}  # noqa: E731
    train, val = slides(with_val.with_name('mfish_train.json')), slides(with_val.with_name('mfish_val.json'))
    test = slides(with_val.with_name('mfish_test.json'))
    assert test == slides(plain.with_name('mfish_test.json'))  # the test slides do not move
    assert train | val == slides(plain.with_name('mfish_train.json'))
    assert val and train and not train & val
    bad = convert(mfish_root, tmp_path / 'bad' / 'mfish.json', '--val-ratio', '0.8')
    assert bad.returncode == 1 and '--val-ratio 0.8' in bad.stderr
