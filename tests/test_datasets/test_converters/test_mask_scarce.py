"""Mask-scarce splits: sized, disjoint, deterministic, nested; box-only parts read as with_mask=False."""
import json
import os.path as osp
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from mmkaryo.datasets import ChromosomeDataset
from mmkaryo.datasets.converters import (boxes_of_images, chromosome_categories, rebase_file_names,
                                         split_mask_scarce)

ROOT = osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__)))))


def tiny_coco(num_images: int, ext: str = 'png', first_id: int = 1) -> dict:
    """``num_images`` 32 x 32 images ``img_<k>.<ext>`` with two square chromosomes each, as polygons."""
    images, anns = [], []
    for k in range(num_images):
        image_id = first_id + k
        images.append(dict(id=image_id, file_name=f'sub/img_{k}.{ext}', height=32, width=32))
        for j, (x, y) in enumerate(((2, 2), (15, 10))):
            anns.append(dict(id=10 * image_id + j, image_id=image_id, category_id=j + 1, iscrowd=0,
                             bbox=[x, y, 8, 12], area=80.0,
                             segmentation=[[x, y, x + 8, y, x + 8, y + 12, x, y + 12]]))
    return dict(images=images, annotations=anns, categories=chromosome_categories())


def test_split_sizes_are_disjoint_and_box_part_has_no_masks():
    coco = tiny_coco(20)
    masks, boxes = split_mask_scarce(coco, 0.25, seed=3)
    mask_ids = {im['id'] for im in masks['images']}
    box_ids = {im['id'] for im in boxes['images']}
    assert len(mask_ids) == 5 and len(box_ids) == 15 and not mask_ids & box_ids
    assert {a['image_id'] for a in masks['annotations']} == mask_ids
    assert {a['image_id'] for a in boxes['annotations']} == box_ids
    assert all('segmentation' in a and a['area'] == 80.0 for a in masks['annotations'])
    assert all('segmentation' not in a and a['area'] == 96.0 for a in boxes['annotations'])
    assert 'segmentation' in coco['annotations'][0], 'the input must not be modified'


def test_split_is_deterministic_and_nested_over_fractions():
    coco = tiny_coco(40)
    chosen = [{im['id'] for im in split_mask_scarce(coco, f, seed=1)[0]['images']}
              for f in (0.05, 0.1, 0.25, 0.5, 1.0)]
    assert [len(c) for c in chosen] == [2, 4, 10, 20, 40]
    assert all(small < large for small, large in zip(chosen, chosen[1:]))
    assert chosen[2] == {im['id'] for im in split_mask_scarce(coco, 0.25, seed=1)[0]['images']}
    assert chosen[2] != {im['id'] for im in split_mask_scarce(coco, 0.25, seed=2)[0]['images']}
    assert split_mask_scarce(coco, 1.0, seed=1)[1]['images'] == []
    assert len(split_mask_scarce(tiny_coco(3), 0.05, seed=0)[0]['images']) == 1


@pytest.mark.parametrize('fraction', [0.0, -0.1, 1.5])
def test_split_rejects_fractions_outside_0_1(fraction):
    with pytest.raises(ValueError, match='mask_fraction'):
        split_mask_scarce(tiny_coco(4), fraction, seed=0)


def test_boxes_of_images_matches_file_stems_and_names_missing_ones():
    masks, boxes = split_mask_scarce(tiny_coco(6), 0.5, seed=0)
    voc = tiny_coco(6, ext='jpg', first_id=101)
    picked = boxes_of_images(voc, boxes['images'])
    stems = lambda c: sorted(osp.splitext(osp.basename(im['file_name']))[0] for im in c['images'])  # noqa: E731
    assert stems(picked) == stems(boxes) and all(im['id'] > 100 for im in picked['images'])
    assert len(picked['annotations']) == 6 and all('segmentation' not in a for a in picked['annotations'])
    with pytest.raises(ValueError, match='missing or repeated'):
        boxes_of_images(tiny_coco(2, ext='jpg'), boxes['images'])


def test_rebase_file_names_points_at_the_same_files(tmp_path):
    coco = tiny_coco(1)
    out = rebase_file_names(coco, str(tmp_path / 'images'), str(tmp_path / 'runs' / 'a'))
    assert out['images'][0]['file_name'] == osp.join('..', '..', 'images', 'sub', 'img_0.png')
    assert coco['images'][0]['file_name'] == 'sub/img_0.png'


def test_cli_writes_files_chromosome_dataset_reads_with_their_mask_flags(tmp_path):
    images = tmp_path / 'pool'
    (images / 'sub').mkdir(parents=True)
    for k in range(8):
        Image.fromarray(np.full((32, 32), 200, np.uint8)).save(images / 'sub' / f'img_{k}.png')
    with open(tmp_path / 'pool.json', 'w') as f:
        json.dump(tiny_coco(8), f)
    out = tmp_path / 'setting'
    cmd = [sys.executable, osp.join(ROOT, 'tools/dataset_converters/split_mask_scarce.py'), str(out),
           '--masks', str(tmp_path / 'pool.json'), str(images), '--mask-fraction', '0.25', '--seed', '0',
           '--test', str(tmp_path / 'pool.json'), str(images)]
    subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    read = {name: ChromosomeDataset(data_root=str(out), ann_file=f'{name}.json', data_prefix=dict(img=''),
                                    pipeline=[], lazy_init=False)
            for name in ('mask', 'box', 'test')}
    assert [len(read[n]) for n in ('mask', 'box', 'test')] == [2, 6, 8]
    assert {info['with_mask'] for info in read['mask'].load_data_list()} == {True}
    assert {info['with_mask'] for info in read['box'].load_data_list()} == {False}
    bad = subprocess.run(cmd[:3] + ['--masks', str(tmp_path / 'missing.json'), str(images)] + cmd[6:],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and 'missing.json' in bad.stderr
