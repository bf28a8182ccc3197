"""Bad inputs to the converters and their CLIs: a clear error naming the file, or a counted drop."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mmkaryo.datasets.converters import (ConversionError, check_coco, convert_autokary2022, convert_cil24,
                                         convert_instance_masks)
from .bad_files import (BAD_IMAGE_KINDS, labelme_shape, metaphase, variant_image, voc_object, write_bad_image,
                        write_image, write_labelme, write_voc)

REPO = Path(__file__).resolve().parents[2]
SQUARE = [(10, 10), (30, 10), (30, 40), (10, 40)]


def _autokary_tree(root: Path, shapes, image=None, image_name='m1.png') -> Path:
    """AutoKary2022 root with one patient holding one LabelMe file and its image."""
    folder = root / 'train_labelme' / 'P1'
    image = metaphase(64) if image is None else image
    write_image(folder / image_name, image)
    write_labelme(folder / 'm1.json', shapes, image.shape[0], image.shape[1], image_name)
    return root


def test_labelme_bad_labels_and_polygons_are_dropped_by_reason(tmp_path):
    shapes = [labelme_shape('1', SQUARE), labelme_shape('-1', SQUARE), labelme_shape('119', SQUARE),
              labelme_shape('abc', SQUARE), labelme_shape('2', [(5, 5), (20, 20)]),
              labelme_shape('3', [(10, 10), (40, 40), (40, 10), (10, 40)]),   # self-intersecting bow tie
              labelme_shape('4', [(-20, 5), (50, 5), (50, 90), (-20, 90)])]   # beyond the 64 px image
    splits, report = convert_autokary2022(str(_autokary_tree(tmp_path, shapes)), val_ratio=0.0)

    assert report.num_input_instances == 7
    assert report.dropped_by_reason() == {'bad_label': 3, 'degenerate_polygon': 1}
    assert sorted(d.detail for d in report.dropped if d.reason == 'bad_label') == [
        "label '-1'", "label '119'", "label 'abc'"]
    assert all(d.file.endswith('m1.json') for d in report.dropped)
    written = {ann['category_id']: ann for ann in splits['train']['annotations']}
    assert sorted(written) == [1, 3, 4]
    assert written[3]['area'] > 0  # the bow tie is kept with the area pycocotools rasterises
    x, y, w, h = written[4]['bbox']
    assert (x, y, x + w, y + h) == (0, 5, 50, 64)  # clipped to the image, and said so
    assert any('clipped' in note for note in report.notes)
    assert check_coco(splits['train'], require_masks=True) == []
    assert 'bad_label' in report.format_table() and "label '119'" in report.format_table()


@pytest.mark.parametrize('kind', BAD_IMAGE_KINDS)
def test_labelme_bad_image_is_a_conversion_error_naming_it(tmp_path, kind):
    folder = tmp_path / 'train_labelme' / 'P1'
    bad = write_bad_image(folder / 'm1', kind)
    write_labelme(folder / 'm1.json', [labelme_shape('1', SQUARE)], 120, 120, bad.name)
    with pytest.raises(ConversionError, match=f'{bad.name}: cannot read image'):
        convert_autokary2022(str(tmp_path), val_ratio=0.0)


def test_labelme_image_missing_on_disk_is_an_error(tmp_path):
    write_labelme(tmp_path / 'train_labelme' / 'P1' / 'm1.json', [labelme_shape('1', SQUARE)], 64, 64,
                  'absent.png')
    with pytest.raises(ConversionError, match=r'm1\.json: image not found'):
        convert_autokary2022(str(tmp_path), val_ratio=0.0)


def test_malformed_json_and_xml_are_errors_naming_the_file(tmp_path):
    (tmp_path / 'train_labelme' / 'P1').mkdir(parents=True)
    (tmp_path / 'train_labelme' / 'P1' / 'm1.json').write_text('{"shapes": [')
    with pytest.raises(ConversionError, match=r'm1\.json: cannot read JSON'):
        convert_autokary2022(str(tmp_path), val_ratio=0.0)
    cil = tmp_path / 'cil' / '24_chromosomes_object'
    write_image(cil / 'JEPG' / 'a.jpg', metaphase(64))
    (cil / 'annotations').mkdir()
    (cil / 'annotations' / 'a.xml').write_text('<annotation><object>')
    with pytest.raises(ConversionError, match=r'a\.xml: cannot read XML'):
        convert_cil24(str(tmp_path / 'cil'), val_ratio=0.0)


@pytest.mark.parametrize('kind', ['rgb', 'rgba', '16bit'])
def test_rgb_rgba_and_16_bit_images_convert_with_their_size(tmp_path, kind):
    image = variant_image(kind, size=64)
    splits, report = convert_autokary2022(
        str(_autokary_tree(tmp_path, [labelme_shape('1', SQUARE)], image=image)), val_ratio=0.0)
    assert (splits['train']['images'][0]['height'], splits['train']['images'][0]['width']) == (64, 64)
    assert report.num_written == 1


def test_a_10_by_10_image_converts_with_clipped_polygons(tmp_path):
    shapes = [labelme_shape('5', [(2, 2), (8, 2), (8, 30), (2, 30)])]
    splits, report = convert_autokary2022(
        str(_autokary_tree(tmp_path, shapes, image=metaphase(10))), val_ratio=0.0, min_area=1)
    (ann, ) = splits['train']['annotations']
    assert ann['bbox'] == [2.0, 2.0, 6.0, 8.0] and report.num_written == 1
    assert check_coco(splits['train'], require_masks=True) == []


def test_voc_unknown_class_inverted_box_and_missing_size(tmp_path):
    cil = tmp_path / '24_chromosomes_object'
    write_image(cil / 'JEPG' / 'a.jpg', metaphase(64))
    write_voc(cil / 'annotations' / 'a.xml',
              [voc_object('A1', (5, 5, 20, 30)), voc_object('Z9', (5, 5, 20, 30)),
               voc_object('B4', (30, 30, 10, 40)), voc_object('Y', (50, 50, 90, 90))],
              'a.jpg', size=None)
    splits, report = convert_cil24(str(tmp_path), val_ratio=0.0)
    assert report.dropped_by_reason() == {'unknown_name': 1, 'inverted_box': 1}
    assert [d.detail for d in report.dropped if d.reason == 'unknown_name'] == ["name 'Z9'"]
    assert any('XML size None missing' in note for note in report.notes)
    assert splits['train']['images'][0]['height'] == 64  # the size comes from the image
    boxes = sorted(ann['bbox'] for ann in splits['train']['annotations'])
    assert boxes == [[4.0, 4.0, 16.0, 26.0], [49.0, 49.0, 15.0, 15.0]]  # Y clipped to the image
    assert check_coco(splits['train'], require_masks=False) == []


@pytest.mark.parametrize('kind', ['truncated_jpeg', 'zero_byte', 'not_an_image'])
def test_voc_bad_image_is_an_error_naming_it(tmp_path, kind):
    cil = tmp_path / '24_chromosomes_object'
    bad = write_bad_image(cil / 'JEPG' / 'a', kind)
    write_voc(cil / 'annotations' / 'a.xml', [voc_object('A1', (5, 5, 20, 30))], bad.name, size=(120, 120))
    with pytest.raises(ConversionError, match=f'{bad.name}: cannot read image'):
        convert_cil24(str(tmp_path), val_ratio=0.0)


def test_custom_mask_of_the_wrong_size_is_an_error(tmp_path):
    write_image(tmp_path / 'images' / 'a.png', metaphase(64))
    mask = np.zeros((32, 32), np.uint8)
    mask[4:20, 4:10] = 255
    write_image(tmp_path / 'masks' / 'a' / '0.png', mask)
    with pytest.raises(ConversionError, match=r'0\.png: mask is 32x32, image .*a\.png is 64x64'):
        convert_instance_masks(str(tmp_path), val_ratio=0.0)


def _coco(images, annotations, category_ids=range(1, 25)):
    from mmkaryo.structures.classes import CHROMOSOME_CLASSES
    categories = [dict(id=k, name=CHROMOSOME_CLASSES[k - 1] if k <= 24 else 'extra', supercategory='chromosome')
                  for k in category_ids]
    return dict(images=images, annotations=annotations, categories=categories)


def _image(image_id):
    return dict(id=image_id, file_name=f'{image_id}.png', height=64, width=64)


def _ann(ann_id, image_id, category_id=1):
    return dict(id=ann_id, image_id=image_id, category_id=category_id, bbox=[1, 1, 10, 10], area=100,
                iscrowd=0, segmentation=[[1, 1, 11, 1, 11, 11, 1, 11]])


def test_check_coco_finds_repeated_ids_and_unknown_categories():
    problems = check_coco(_coco([_image(1), _image(1)], [_ann(1, 1), _ann(1, 1), _ann(2, 1, 25)]),
                          require_masks=True)
    assert 'image id 1 repeated' in problems
    assert 'annotation 1: id repeated' in problems
    assert 'annotation 2: unknown category_id 25' in problems
    extra = check_coco(_coco([_image(1)], [_ann(1, 1, 25)], range(1, 26)), require_masks=True)
    assert extra == ['categories are neither the 24 chromosome classes nor the single "chromosome"']


def test_check_coco_cli_exits_1_listing_the_problems(tmp_path):
    path = tmp_path / 'bad.json'
    path.write_text(json.dumps(_coco([_image(1), _image(1)], [_ann(1, 1)])))
    done = subprocess.run([sys.executable, str(REPO / 'tools' / 'dataset_converters' / 'check_coco.py'),
                           str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert f'{path}: image id 1 repeated' in done.stdout and 'Traceback' not in done.stderr


def _run_cli(script: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, OMP_NUM_THREADS='1')
    return subprocess.run([sys.executable, str(REPO / 'tools' / 'dataset_converters' / script), *args],
                          capture_output=True, text=True, timeout=120, env=env, cwd=REPO)


def test_converter_cli_handles_spaces_and_non_ascii_paths(tmp_path):
    root = tmp_path / 'lab data' / 'Käryotyp 染色体'
    _autokary_tree(root, [labelme_shape('1', SQUARE), labelme_shape('119', SQUARE)],
                   image_name='métaphase 1.png')
    out = tmp_path / 'sortie à écrire'
    done = _run_cli('autokary2022_to_coco.py', str(root), str(out), '--val-ratio', '0')
    assert done.returncode == 0, done.stderr
    coco = json.loads((out / 'train.json').read_text(encoding='utf-8'))
    assert coco['images'][0]['file_name'] == 'train_labelme/P1/métaphase 1.png'
    assert (root / coco['images'][0]['file_name']).is_file()
    assert 'bad_label' in done.stdout and 'm1.json' in done.stdout


def test_converter_cli_reports_a_bad_image_without_a_traceback(tmp_path):
    folder = tmp_path / 'répertoire avec espaces' / 'train_labelme' / 'P1'
    bad = write_bad_image(folder / 'm1', 'truncated_png')
    write_labelme(folder / 'm1.json', [labelme_shape('1', SQUARE)], 120, 120, bad.name)
    done = _run_cli('autokary2022_to_coco.py', str(folder.parents[1]), str(tmp_path / 'out'))
    assert done.returncode == 1
    assert done.stderr.startswith(f'error: {bad}: cannot read image') and 'Traceback' not in done.stderr
    assert not (tmp_path / 'out').exists()
