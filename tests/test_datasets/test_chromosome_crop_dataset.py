"""ChromosomeCropDataset cuts one upright canvas per labelled chromosome; crop transforms keep banding."""
import json
from unittest.mock import patch

import numpy as np
import pytest
import torch
from mmengine.logging import MMLogger
from PIL import Image

from mmkaryo.datasets import ChromosomeCropDataset
from mmkaryo.datasets.converters import CocoBuilder, chromosome_categories, dump_coco, to_class_agnostic
from mmkaryo.datasets.transforms import (PackCropInputs, RandomAxisFlip, RandomCanvasRotate, RandomCanvasShift,
                                        RandomStainJitter)


def _write(tmp_path, segmentations):
    """One 60 x 60 light image with dark rectangles; category 5 (chromosome 5) for each segmentation."""
    gray = np.full((60, 60), 250, np.uint8)
    builder = CocoBuilder(chromosome_categories())
    image_id = builder.add_image('a.png', 60, 60)
    for polygon in segmentations:
        xs, ys = polygon[0::2], polygon[1::2]
        if polygon:
            gray[min(ys):max(ys), min(xs):max(xs)] = 50
        builder.add_annotation(image_id, 5, [0, 0, 1, 1], 1, segmentation=[polygon] if polygon else None)
    Image.fromarray(gray).save(tmp_path / 'a.png')
    coco = builder.to_dict()
    dump_coco(coco, str(tmp_path / 'ann.json'))
    return coco


def _dataset(tmp_path, **kwargs):
    return ChromosomeCropDataset(ann_file=str(tmp_path / 'ann.json'), data_prefix=dict(img=str(tmp_path)),
                                 pipeline=[PackCropInputs()], **kwargs)


def test_one_sample_per_chromosome_with_label_and_metaphase(tmp_path):
    _write(tmp_path, [[5, 5, 13, 5, 13, 45, 5, 45], [30, 10, 40, 10, 40, 30, 30, 30]])
    dataset = _dataset(tmp_path)
    assert len(dataset) == 2
    info = dataset.get_data_info(0)
    assert info['gt_label'] == 4 and info['img'].shape == (96, 48)
    assert info['sizes'][0] > 0 > dataset.get_data_info(1)['sizes'][0]  # the long one is above the median
    packed = dataset[0]
    assert packed['inputs'].shape == (1, 96, 48) and packed['inputs'].dtype == torch.float32
    assert int(packed['data_samples'].gt_label) == 4 and packed['data_samples'].img_id == info['img_id']


def test_refuses_class_agnostic_file_and_missing_segmentation(tmp_path):
    coco = _write(tmp_path, [[5, 5, 13, 5, 13, 45, 5, 45]])
    dump_coco(to_class_agnostic(coco), str(tmp_path / 'ann.json'))
    with pytest.raises(ValueError, match='not one of the 24 chromosome classes'):
        _dataset(tmp_path)
    _write(tmp_path, [[]])
    with pytest.raises(ValueError, match='has no segmentation'):
        _dataset(tmp_path)


def test_empty_mask_is_skipped_and_counted(tmp_path):
    _write(tmp_path, [[5, 5, 13, 5, 13, 45, 5, 45], [30, 10, 40, 10, 40, 30, 30, 30]])
    coco = json.loads((tmp_path / 'ann.json').read_text())
    coco['annotations'][1]['segmentation'] = [[70, 70, 71, 70, 71, 71]]  # outside the image: empty mask
    (tmp_path / 'ann.json').write_text(json.dumps(coco))
    with patch.object(MMLogger, 'warning') as warning:
        dataset = _dataset(tmp_path)
    assert len(dataset) == 1
    assert 'skipped 1 annotations with empty masks' in warning.call_args[0][0]


def test_axis_flip_and_shift_move_pixels_and_keep_them():
    img = np.zeros((6, 4), np.float32)
    img[0, 0] = 1.0
    np.random.seed(0)
    seen = set()
    for _ in range(40):
        out = RandomAxisFlip(prob=0.5)(dict(img=img.copy()))['img']
        seen.add(tuple(np.argwhere(out == 1.0)[0]))
        assert out.sum() == 1.0
    assert seen == {(0, 0), (5, 0), (0, 3), (5, 3)}
    shifted = RandomCanvasShift(max_shift=0)(dict(img=img.copy()))['img']
    assert np.array_equal(shifted, img)
    moved = [RandomCanvasShift(max_shift=2)(dict(img=np.pad(img, 2)))['img'] for _ in range(20)]
    assert all(m.sum() == 1.0 for m in moved) and len({tuple(np.argwhere(m)[0]) for m in moved}) > 1


def test_canvas_rotate_tilts_a_vertical_bar_within_the_angle():
    img = np.zeros((41, 21), np.float32)
    img[5:36, 9:12] = 1.0
    assert np.array_equal(RandomCanvasRotate(max_degrees=0)(dict(img=img.copy()))['img'], img)
    np.random.seed(0)
    tilts = []
    for _ in range(10):
        out = RandomCanvasRotate(max_degrees=10)(dict(img=img.copy()))['img']
        assert out.shape == img.shape and out.dtype == np.float32 and abs(out.sum() - img.sum()) < 0.05 * img.sum()
        rows, cols = np.nonzero(out > 0.5)
        tilts.append(np.degrees(np.arctan(np.polyfit(rows, cols, 1)[0])))
    assert max(np.abs(tilts)) <= 10.5 and max(np.abs(tilts)) > 3.0
    with pytest.raises(ValueError, match='max_degrees'):
        RandomCanvasRotate(max_degrees=120)


def test_stain_jitter_keeps_the_ground_zero():
    img = np.zeros((20, 10), np.float32)
    img[5:15, 3:7] = 1.0
    for _ in range(10):
        out = RandomStainJitter(blur_prob=1.0)(dict(img=img.copy()))['img']
        assert np.all(out[img == 0] == 0) and out.dtype == np.float32
        assert 0.5 < out[img > 0].mean() < 1.5
    with pytest.raises(ValueError, match='gain'):
        RandomStainJitter(gain=(1.2, 0.8))


def test_pack_without_label_for_inference():
    packed = PackCropInputs()(dict(img=np.ones((4, 2), np.float32), sizes=np.zeros(2), img_id=3))
    assert 'gt_label' not in packed['data_samples'] and packed['data_samples'].img_id == 3
