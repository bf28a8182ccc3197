"""The make_synthetic CLI as other tools call it (a subprocess, like tools/demo.sh)."""
import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from mmkaryo.karyotype import parse_karyotype

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / 'tools' / 'dataset_converters' / 'make_synthetic.py'


def run(*args):
    env = dict(os.environ, OMP_NUM_THREADS='1')
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)


def test_cli_writes_coco_with_24_categories_and_karyotypes(tmp_path):
    preview = tmp_path / 'preview.png'
    result = run('--out-dir', str(tmp_path / 'out'), '--num-images', '3', '--seed', '7',
                 '--image-size', '256', '--aneuploidy-rate', '1.0', '--formats', 'coco',
                 '--preview', str(preview))
    assert result.returncode == 0, result.stderr
    assert str(tmp_path / 'out' / 'coco') in result.stdout
    assert sorted(p.name for p in (tmp_path / 'out').iterdir()) == ['coco']
    coco = json.loads((tmp_path / 'out' / 'coco' / 'annotations.json').read_text())
    assert [c['id'] for c in coco['categories']] == list(range(1, 25))
    assert [c['name'] for c in coco['categories']] == [str(i) for i in range(1, 23)] + ['X', 'Y']
    assert len(coco['images']) == 3
    for image in coco['images']:
        assert (tmp_path / 'out' / 'coco' / image['file_name']).is_file()
        assert image['patient_id'].startswith('patient_')
        counts = list(parse_karyotype(image["karyotype"]))
        assert image['karyotype'] not in ('46,XX', '46,XY')
        labels = [a['category_id'] - 1 for a in coco['annotations'] if a['image_id'] == image['id']]
        assert [labels.count(k) for k in range(24)] == counts
    assert Image.open(preview).size == (2 * 256 + 8, 256)


def test_cli_reports_bad_input_without_a_traceback(tmp_path):
    result = run('--out-dir', str(tmp_path), '--num-images', '1', '--image-size', '100')
    assert result.returncode == 1
    assert 'image_size' in result.stderr and 'Traceback' not in result.stderr
