"""Custom class-agnostic masks -> COCO: instance PNGs from the generator, label images, LabelMe."""
import json

import numpy as np
import pytest
from coco_test_utils import annotations_by_stem, decode, generator_coco
from PIL import Image

from mmkaryo.datasets.converters import ConversionError, check_coco, convert_instance_masks


def test_instance_pngs_match_generator_masks(synthetic_root):
    splits, report = convert_instance_masks(str(synthetic_root / 'custom'), min_area=1)
    expected_coco = generator_coco(synthetic_root)
    expected = annotations_by_stem(expected_coco)
    sizes = {im['file_name'].split('/')[-1][:-4]: (im['height'], im['width'])
             for im in expected_coco['images']}
    got = {}
    for coco in splits.values():
        assert check_coco(coco, require_masks=True) == []
        assert coco['categories'] == [dict(id=1, name='chromosome', supercategory='chromosome')]
        got.update(annotations_by_stem(coco))
    assert set(got) == set(expected)
    for stem, anns in expected.items():
        assert sorted(a['area'] for a in got[stem]) == sorted(a['area'] for a in anns), stem
    stem = sorted(expected)[0]
    union_expected = np.any([decode(a['segmentation'], *sizes[stem]) for a in expected[stem]], axis=0)
    union_got = np.any([decode(a['segmentation'], *sizes[stem]) for a in got[stem]], axis=0)
    assert np.array_equal(union_expected, union_got)
    assert report.dropped == [] and report.class_counts == {'chromosome': report.num_written}


def _write(path, array):
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(array).save(path)


def test_label_images_give_one_instance_per_id(tmp_path):
    labels = np.zeros((40, 50), np.uint8)
    labels[2:12, 3:9] = 7
    labels[20:30, 20:45] = 3
    labels[35, 35] = 9
    _write(tmp_path / 'images' / 'a.png', np.full((40, 50), 200, np.uint8))
    _write(tmp_path / 'labels' / 'a.png', labels)
    splits, report = convert_instance_masks(str(tmp_path), layout='label_images', val_ratio=0.0)
    anns = splits['train']['annotations']
    assert sorted(a['area'] for a in anns) == [60, 250]
    assert sorted(tuple(a['bbox']) for a in anns) == [(3, 2, 6, 10), (20, 20, 25, 10)]
    assert report.dropped_by_reason() == {'below_min_area': 1}
    assert report.dropped[0].file.endswith('labels/a.png')


def test_labelme_with_any_label(tmp_path):
    _write(tmp_path / 'x.png', np.zeros((30, 30), np.uint8))
    shapes = [dict(label='chromosome', points=[[1, 1], [20, 1], [20, 10]], shape_type='polygon'),
              dict(label='whatever', points=[[1, 1], [2, 2]], shape_type='polygon')]
    (tmp_path / 'x.json').write_text(json.dumps(dict(shapes=shapes, imagePath='x.png')))
    splits, report = convert_instance_masks(str(tmp_path), layout='labelme', val_ratio=0.0)
    assert len(splits['train']['annotations']) == 1
    assert report.dropped_by_reason() == {'degenerate_polygon': 1}


def test_mask_of_wrong_size_is_fatal(tmp_path):
    _write(tmp_path / 'images' / 'a.png', np.zeros((20, 20), np.uint8))
    _write(tmp_path / 'masks' / 'a' / '0.png', np.full((10, 20), 255, np.uint8))
    with pytest.raises(ConversionError, match='0.png: mask is 10x20'):
        convert_instance_masks(str(tmp_path))
