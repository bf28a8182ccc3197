"""CIL "24 chromosomes" VOC -> box-only COCO: on generator output, and on broken copies of it."""
import glob
import os.path as osp
import shutil
import xml.etree.ElementTree as ET

import pytest
from coco_test_utils import annotations_by_stem, generator_coco

from mmkaryo.datasets.converters import ConversionError, check_coco, convert_cil24


@pytest.fixture(scope='module')
def converted(synthetic_root):
    return convert_cil24(str(synthetic_root / 'cil24'), test_ratio=0.2)


def test_boxes_and_classes_match_generator(synthetic_root, converted):
    splits, report = converted
    expected = annotations_by_stem(generator_coco(synthetic_root))
    got = {}
    for coco in splits.values():
        assert check_coco(coco, require_masks=False) == []
        assert all('segmentation' not in a for a in coco['annotations'])
        got.update(annotations_by_stem(coco))
    assert set(got) == set(expected)
    for stem, anns in expected.items():
        want = sorted((a['category_id'], *a['bbox']) for a in anns)
        have = sorted((a['category_id'], *a['bbox']) for a in got[stem])
        assert len(have) == len(want), stem
        for w, h in zip(want, have):
            assert w[0] == h[0] and w[1:] == h[1:], (stem, w, h)
    assert report.dropped == [] and report.num_images == 12


def test_split_is_per_image_deterministic_and_disjoint(synthetic_root, converted):
    splits, _ = converted
    names = {k: {im['file_name'] for im in c['images']} for k, c in splits.items()}
    assert sorted(names) == ['test', 'train', 'val'] and all(names.values())
    assert sum(map(len, names.values())) == len(set().union(*names.values())) == 12
    assert convert_cil24(str(synthetic_root / 'cil24'), test_ratio=0.2)[0] == splits


def _edit_first_xml(synthetic_root, tmp_path, edit):
    root = tmp_path / 'cil24'
    shutil.copytree(synthetic_root / 'cil24', root)
    path = sorted(glob.glob(str(root / '24_chromosomes_object' / 'annotations' / '*.xml')))[0]
    tree = ET.parse(path)
    edit(tree.getroot())
    tree.write(path)
    return root, path


def test_unknown_names_and_bad_boxes_are_reported(synthetic_root, converted, tmp_path):
    def edit(root):
        objects = root.findall('object')
        objects[0].find('name').text = 'Z9'
        width = int(root.find('size/width').text)
        box = objects[1].find('bndbox')
        box.find('xmin').text, box.find('xmax').text = str(width + 5), str(width + 20)
        box = objects[2].find('bndbox')
        box.find('xmin').text, box.find('xmax').text = '30', '10'
        box = objects[3].find('bndbox')
        box.find('xmax').text = str(width + 40)
        root.remove(root.find('size'))

    root, path = _edit_first_xml(synthetic_root, tmp_path, edit)
    splits, report = convert_cil24(str(root), test_ratio=0.2)
    assert report.dropped_by_reason() == {'unknown_name': 1, 'out_of_image_box': 1, 'inverted_box': 1}
    assert {item.file for item in report.dropped} == {path}
    assert any('clipped' in note and path in note for note in report.notes)
    assert any('size' in note and path in note for note in report.notes)
    assert report.num_input_instances == converted[1].num_input_instances
    assert report.num_written == converted[1].num_written - 3
    assert all(check_coco(coco, require_masks=False) == [] for coco in splits.values())


def test_denver_and_plain_names_both_map_to_classes(synthetic_root, tmp_path):
    root, path = _edit_first_xml(synthetic_root, tmp_path, lambda r: None)
    names = [o.find('name').text for o in ET.parse(path).getroot().findall('object')]
    assert any(n[0] in 'ABCDEFG' for n in names)

    def rename(root):
        for obj in root.findall('object'):
            name = obj.find('name').text
            obj.find('name').text = name.lstrip('ABCDEFG')
    root2, _ = _edit_first_xml(synthetic_root, tmp_path / 'plain', rename)
    denver = convert_cil24(str(root), test_ratio=0.2)[0]
    plain = convert_cil24(str(root2), test_ratio=0.2)[0]
    assert plain == denver


def test_malformed_xml_and_missing_image_are_fatal(synthetic_root, tmp_path):
    root, path = _edit_first_xml(synthetic_root, tmp_path, lambda r: None)
    with open(path, 'a') as f:
        f.write('<unclosed>')
    with pytest.raises(ConversionError, match=osp.basename(path)):
        convert_cil24(str(root))
    root2, path2 = _edit_first_xml(synthetic_root, tmp_path / 'b', lambda r: None)
    stem = osp.splitext(osp.basename(path2))[0]
    for image in glob.glob(str(root2 / '24_chromosomes_object' / 'JEPG' / f'{stem}.*')):
        shutil.move(image, str(tmp_path / 'moved.jpg'))
    with pytest.raises(ConversionError, match=f'{stem}.jpg: image file not found'):
        convert_cil24(str(root2))
