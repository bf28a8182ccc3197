"""Nothing lost: every converter's summary balances (input instances = written + dropped by reason),
its counts match the files it read and wrote, and each injected bad instance shows up as one drop."""
import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from mmkaryo.datasets.converters import (convert_autokary2022, convert_cil24, convert_instance_masks,
                                         convert_mfish)
from .bad_files import labelme_shape, voc_object

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope='module')
def clean_root(tmp_path_factory) -> Path:
    """Four 256 px synthetic metaphases, two per patient, in every source format."""
    from mmkaryo.datasets.synthetic import write_synthetic_dataset
    root = tmp_path_factory.mktemp('clean')
    write_synthetic_dataset(root, num_images=4, seed=5, image_size=256, images_per_patient=2,
                            formats=['autokary2022', 'cil24', 'custom', 'mfish'])
    return root


@pytest.fixture
def root(clean_root, tmp_path) -> Path:
    """A private copy of the synthetic set, to inject bad instances into."""
    shutil.copytree(clean_root, tmp_path / 'data')
    return tmp_path / 'data'


def _written(splits) -> int:
    return sum(len(coco['annotations']) for coco in splits.values())


def _assert_balanced(report, splits) -> None:
    report.check_balance()
    assert report.num_input_instances == report.num_written + sum(report.dropped_by_reason().values())
    assert report.num_written == _written(splits) == sum(report.class_counts.values())


def _new_drops(report, baseline) -> dict:
    """Drops by reason in ``report`` beyond those of the clean set's ``baseline`` report."""
    return dict(Counter(report.dropped_by_reason()) - Counter(baseline.dropped_by_reason()))


def _labelme_files(root: Path):
    return sorted((root / 'autokary2022').rglob('*.json'))


def test_autokary2022_counts_every_shape(clean_root, root):
    _, baseline = convert_autokary2022(str(clean_root / 'autokary2022'), val_ratio=0.25)
    bad = [labelme_shape('-1', [(5, 5), (40, 5), (40, 40)]), labelme_shape('119', [(5, 5), (40, 5), (40, 40)]),
           labelme_shape('abc', [(5, 5), (40, 5), (40, 40)]), labelme_shape('7', [(5, 5), (40, 40)]),
           labelme_shape('8', [(5, 5), (7, 5), (7, 7)])]  # 2 points; area below min_area
    target = _labelme_files(root)[0]
    record = json.loads(target.read_text())
    record['shapes'] += bad
    target.write_text(json.dumps(record))
    shapes = sum(len(json.loads(p.read_text())['shapes']) for p in _labelme_files(root))

    splits, report = convert_autokary2022(str(root / 'autokary2022'), val_ratio=0.25)

    _assert_balanced(report, splits)
    assert report.num_input_instances == shapes
    assert _new_drops(report, baseline) == {'bad_label': 3, 'degenerate_polygon': 1, 'below_min_area': 1}
    assert report.num_written == baseline.num_written


def test_cil24_counts_every_object(clean_root, root):
    _, baseline = convert_cil24(str(clean_root / 'cil24'), val_ratio=0.25)
    xml = sorted((root / 'cil24' / '24_chromosomes_object' / 'annotations').glob('*.xml'))[0]
    injected = ''.join([voc_object('Q7', (5, 5, 30, 30)), voc_object('C6', (40, 40, 10, 60)),
                        voc_object('D13', (300, 300, 320, 320)), voc_object('E16', ('a', 5, 30, 30))])
    xml.write_text(xml.read_text().replace('</annotation>', injected + '</annotation>'))
    objects = sum(p.read_text().count('<object>')
                  for p in xml.parent.glob('*.xml'))

    splits, report = convert_cil24(str(root / 'cil24'), val_ratio=0.25)

    _assert_balanced(report, splits)
    assert report.num_input_instances == objects
    assert _new_drops(report, baseline) == {'unknown_name': 1, 'inverted_box': 1, 'out_of_image_box': 1,
                                            'malformed_box': 1}
    assert report.num_written == baseline.num_written


@pytest.mark.parametrize('layout', ['instance_pngs', 'labelme'])
def test_custom_masks_count_every_mask(clean_root, root, layout):
    custom = root / 'custom'
    clean_src = clean_root / ('custom' if layout == 'instance_pngs' else 'autokary2022')
    _, baseline = convert_instance_masks(str(clean_src), layout=layout, val_ratio=0.25)
    if layout == 'instance_pngs':
        mask_dir = sorted((custom / 'masks').iterdir())[0]
        size = np.asarray(Image.open(next(mask_dir.glob('*.png')))).shape
        empty, tiny = np.zeros(size, np.uint8), np.zeros(size, np.uint8)
        tiny[:3, :3] = 255
        Image.fromarray(empty).save(mask_dir / '900.png')
        Image.fromarray(tiny).save(mask_dir / '901.png')
        inputs, expected = len(list((custom / 'masks').rglob('*.png'))), {'empty_mask': 1, 'below_min_area': 1}
        src = custom
    else:
        src = root / 'autokary2022'
        target = _labelme_files(root)[0]
        record = json.loads(target.read_text())
        record['shapes'] += [labelme_shape('x', [(5, 5), (40, 40)]), dict(label='y', shape_type='circle',
                                                                         points=[[5, 5], [9, 9]])]
        target.write_text(json.dumps(record))
        inputs = sum(len(json.loads(p.read_text())['shapes']) for p in _labelme_files(root))
        expected = {'degenerate_polygon': 1, 'not_polygon': 1}

    splits, report = convert_instance_masks(str(src), layout=layout, val_ratio=0.25)

    _assert_balanced(report, splits)
    assert report.num_input_instances == inputs
    assert _new_drops(report, baseline) == expected
    assert report.num_written == baseline.num_written


def test_mfish_reports_each_fragment(clean_root, root):
    _, baseline = convert_mfish(str(clean_root / 'mfish'))
    k_path = sorted((root / 'mfish').rglob('*K.tif'))[0]
    labels = np.array(Image.open(k_path))
    labels[:4, :4] = 5  # a 16 px piece of chromosome 5 in a corner: a fragment below min_area
    Image.fromarray(labels).save(k_path)

    coco, report = convert_mfish(str(root / 'mfish'))

    report.check_balance()
    assert report.num_written == len(coco['annotations']) == baseline.num_written
    fragments = baseline.dropped_by_reason().get('fragment_below_min_area', 0) + 1
    assert report.dropped_by_reason() == {'fragment_below_min_area': fragments}
    assert report.num_input_instances == baseline.num_input_instances + 1
    assert any(d.file == str(k_path) and d.detail == 'class 5, 16 px' for d in report.dropped)


def _summary_numbers(stdout: str) -> dict:
    return {name: int(re.search(rf'^{name}\s+(\d+)$', stdout, re.M).group(1))
            for name in ('input instances', 'instances written', 'instances dropped')}


def test_cli_summary_balances_and_matches_the_written_files(root, tmp_path):
    record = json.loads(_labelme_files(root)[0].read_text())
    record['shapes'].append(labelme_shape('119', [(5, 5), (40, 5), (40, 40)]))
    _labelme_files(root)[0].write_text(json.dumps(record))
    out = tmp_path / 'coco'
    done = subprocess.run([sys.executable, str(REPO / 'tools' / 'dataset_converters' / 'autokary2022_to_coco.py'),
                           str(root / 'autokary2022'), str(out), '--val-ratio', '0.25'],
                          capture_output=True, text=True, timeout=120, env=dict(os.environ, OMP_NUM_THREADS='1'))
    assert done.returncode == 0, done.stderr
    numbers = _summary_numbers(done.stdout)
    written = sum(len(json.loads(p.read_text())['annotations']) for p in out.glob('*.json'))
    assert numbers['instances written'] == written
    assert numbers['input instances'] == written + numbers['instances dropped']
    assert re.search(r'^bad_label\s+1$', done.stdout, re.M)
