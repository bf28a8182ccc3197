"""mfish_to_coco.py on the real M-FISH folder: both forms, and a slide-level split with no slide shared."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_slide_split_keeps_slides_apart(tmp_path, mfish_root):
    out = tmp_path / 'ann' / 'mfish.json'
    proc = subprocess.run(
        [sys.executable, str(ROOT / 'tools' / 'dataset_converters' / 'mfish_to_coco.py'), mfish_root,
         str(out), '--test-ratio', '0.25', '--seed', '0'],
        capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    load = lambda name: json.loads((tmp_path / 'ann' / name).read_text())  # noqa: E731
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
