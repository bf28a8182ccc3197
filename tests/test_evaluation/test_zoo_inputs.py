"""Reading the zoo's inputs: the COCO file's checks, and the CLI end to end on a drawn image (Otsu)."""
import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.evaluation.zoo import load_ground_truth
from mmkaryo.structures import CHROMOSOME_CLASSES

from .test_zoo_otsu import BLOBS, SPECK, drawn

ROOT = Path(__file__).resolve().parents[2]
CATEGORIES = [dict(id=k + 1, name=name) for k, name in enumerate(CHROMOSOME_CLASSES)]


def coco_file(path: Path, masks, categories=CATEGORIES) -> Path:
    annotations = []
    for k, rle in enumerate(encode_masks(np.stack(masks))):
        rle = dict(rle, counts=rle['counts'].decode())
        annotations.append(dict(id=k + 1, image_id=1, category_id=k + 1, segmentation=rle, iscrowd=0))
    image = dict(id=1, file_name='slide/a.png', height=masks[0].shape[0], width=masks[0].shape[1],
                 karyotype='46,XY', slide='s1')
    path.write_text(json.dumps(dict(images=[image], annotations=annotations, categories=categories)))
    return path


def test_reads_rle_records(tmp_path):
    [image] = load_ground_truth(coco_file(tmp_path / 'ann.json', BLOBS))
    assert (image.file_name, image.height, image.width, image.karyotype) == ('slide/a.png', 60, 80, '46,XY')
    assert image.labels.tolist() == [0, 1, 2] and len(image.rles) == 3


@pytest.mark.parametrize('case, message', [
    ('missing', 'no such annotation file'),
    ('not_json', 'not a json file'),
    ('agnostic', 'names no chromosome class'),
    ('classes_missing', 'needs the 24 chromosome categories once each'),
    ('crowd', 'is a crowd region'),
])
def test_bad_annotation_files_name_the_file(tmp_path, case, message):
    path = tmp_path / 'ann.json'
    if case == 'not_json':
        path.write_text('{')
    elif case == 'agnostic':
        coco_file(path, BLOBS, categories=[dict(id=1, name='chromosome')])
    elif case == 'classes_missing':
        coco_file(path, BLOBS, categories=CATEGORIES[:23])
    elif case == 'crowd':
        coco_file(path, BLOBS)
        data = json.loads(path.read_text())
        data['annotations'][0]['iscrowd'] = 1
        path.write_text(json.dumps(data))
    with pytest.raises(ValueError, match=f'{path}: .*{message}'):
        load_ground_truth(path)


def run_cli(*args):
    return subprocess.run([sys.executable, str(ROOT / 'tools' / 'analysis_tools' / 'zoo_row.py'), *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_cli_otsu_row(tmp_path):
    # Ground truth: the three blobs and the speck; Otsu finds the blobs and drops the 29 px speck.
    ann = coco_file(tmp_path / 'ann.json', BLOBS + [SPECK])
    (tmp_path / 'images' / 'slide').mkdir(parents=True)
    cv2.imwrite(str(tmp_path / 'images' / 'slide' / 'a.png'), drawn(dark_on_light=True))
    out = tmp_path / 'rows' / 'otsu.json'
    proc = run_cli(ann, tmp_path / 'images', '--otsu', '--out', out)
    assert proc.returncode == 0, proc.stderr[-2000:]
    row = json.loads(out.read_text())
    assert row['name'] == 'Otsu' and row['num_images'] == 1 and row['score_thr'] is None
    assert row['recall'] == pytest.approx(3 / 4) and row['recall_isolated'] == pytest.approx(3 / 4)
    assert row['class_acc'] is None and row['segm_mAP50'] is None
    # 3 of 4 found at precision 1: COCO's 101 recall points 0.00..0.75 have precision 1, the rest 0.
    assert row['agnostic_segm_mAP50'] == pytest.approx(76 / 101)
    assert '| Otsu | n/a | n/a |' in proc.stdout and 'recall overlapping' in proc.stdout


def test_cli_missing_image_exits_1_naming_it(tmp_path):
    ann = coco_file(tmp_path / 'ann.json', BLOBS)
    proc = run_cli(ann, tmp_path / 'nowhere', '--otsu')
    assert proc.returncode == 1
    assert f'{tmp_path / "nowhere" / "slide" / "a.png"}: image' in proc.stderr
