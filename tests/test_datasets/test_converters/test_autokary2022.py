"""AutoKary2022 LabelMe -> COCO: on generator output, and on broken copies of it."""
import glob
import json
import os.path as osp
import shutil
import subprocess
import sys

import pytest
from coco_test_utils import annotations_by_stem, generator_coco

from mmkaryo.datasets.converters import ConversionError, check_coco, convert_autokary2022

REPO = osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__)))))


@pytest.fixture(scope='module')
def converted(synthetic_root):
    return convert_autokary2022(str(synthetic_root / 'autokary2022'), min_area=1)


def test_instances_classes_and_areas_match_generator(synthetic_root, converted):
    splits, report = converted
    expected = annotations_by_stem(generator_coco(synthetic_root))
    got = {}
    for coco in splits.values():
        assert check_coco(coco, require_masks=True) == []
        got.update(annotations_by_stem(coco))
    assert set(got) == set(expected) and report.num_images == 12
    for stem, anns in expected.items():
        assert sorted((a['category_id'], a['area']) for a in got[stem]) == \
            sorted((a['category_id'], a['area']) for a in anns), stem
    assert report.dropped == [] and report.num_written == sum(map(len, expected.values()))


def test_patient_split_has_no_overlap_and_is_deterministic(synthetic_root, converted):
    splits, _ = converted
    patients = {name: {im['patient_id'] for im in coco['images']} for name, coco in splits.items()}
    assert all(patients.values()), patients
    assert not patients['train'] & patients['val']
    assert not (patients['train'] | patients['val']) & patients['test']
    again, _ = convert_autokary2022(str(synthetic_root / 'autokary2022'), min_area=1)
    assert again == splits
    other, _ = convert_autokary2022(str(synthetic_root / 'autokary2022'), min_area=1, seed=1)
    assert {im['patient_id'] for im in other['val']['images']} != patients['val']


def _broken_copy(synthetic_root, tmp_path):
    """A copy of the AutoKary2022 tree; returns (root, the first train JSON path, its record)."""
    root = tmp_path / 'autokary2022'
    shutil.copytree(synthetic_root / 'autokary2022', root)
    path = sorted(glob.glob(str(root / 'train_labelme' / '*' / '*.json')))[0]
    with open(path) as f:
        return root, path, json.load(f)


def test_bad_labels_and_degenerate_polygons_are_reported(synthetic_root, converted, tmp_path):
    root, path, record = _broken_copy(synthetic_root, tmp_path)
    shapes = record['shapes']
    shapes[0]['label'] = '-1'
    shapes[1]['label'] = '119'
    shapes[2]['points'] = shapes[2]['points'][:2]
    shapes[3]['points'] = [[5, 5], [10, 10], [15, 15]]
    with open(path, 'w') as f:
        json.dump(record, f)
    splits, report = convert_autokary2022(str(root), min_area=1)
    assert report.dropped_by_reason() == {'bad_label': 2, 'degenerate_polygon': 1, 'zero_area': 1}
    assert {item.file for item in report.dropped} == {path}
    assert {item.detail for item in report.dropped if item.reason == 'bad_label'} == \
        {"label '-1'", "label '119'"}
    _, clean = converted
    assert report.num_input_instances == clean.num_input_instances
    assert report.num_written == clean.num_written - 4
    table = report.format_table()
    assert 'bad_label' in table and path in table and 'degenerate_polygon' in table


def test_min_area_drops_are_reported(synthetic_root, converted):
    _, report = convert_autokary2022(str(synthetic_root / 'autokary2022'), min_area=200)
    small = [a for a in generator_coco(synthetic_root)['annotations'] if a['area'] < 200]
    assert report.dropped_by_reason() == {'below_min_area': len(small)} and small
    assert report.num_written + len(small) == converted[1].num_written


def test_missing_image_and_malformed_json_are_fatal(synthetic_root, tmp_path):
    root, path, _ = _broken_copy(synthetic_root, tmp_path)
    image = osp.splitext(path)[0] + '.png'
    shutil.move(image, image + '.bak')
    with pytest.raises(ConversionError, match=osp.basename(path)):
        convert_autokary2022(str(root))
    shutil.move(image + '.bak', image)
    with open(path, 'w') as f:
        f.write('{"shapes": [')
    with pytest.raises(ConversionError, match=osp.basename(path)):
        convert_autokary2022(str(root))


def test_cli_writes_splits_and_fails_naming_the_file(synthetic_root, tmp_path):
    script = osp.join(REPO, 'tools', 'dataset_converters', 'autokary2022_to_coco.py')
    out = tmp_path / 'coco'
    done = subprocess.run([sys.executable, script, str(synthetic_root / 'autokary2022'), str(out)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ['test.json', 'train.json', 'val.json']
    assert 'instances written' in done.stdout
    root, path, _ = _broken_copy(synthetic_root, tmp_path)
    with open(path, 'w') as f:
        f.write('not json')
    failed = subprocess.run([sys.executable, script, str(root), str(tmp_path / 'x')],
                            capture_output=True, text=True)
    assert failed.returncode == 1 and osp.basename(path) in failed.stderr
