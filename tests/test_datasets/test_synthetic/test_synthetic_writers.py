"""Every format written by write_synthetic_dataset parses back to the in-memory truth."""
import base64
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
import tifffile
from PIL import Image
from skimage.draw import polygon as draw_polygon

from mmkaryo.datasets.synthetic import (SyntheticConfig, dataset_layout, generate_sample,
                                        write_synthetic_dataset)
from mmkaryo.structures import CHROMOSOME_CLASSES, DENVER_NAMES

SEED, SIZE, NUM_IMAGES, PER_PATIENT = 11, 384, 5, 2
OPTIONS = dict(aneuploidy_rate=0.5, overlap_rate=0.3)


@pytest.fixture(scope='module')
def written(tmp_path_factory):
    out_dir = tmp_path_factory.mktemp('synthetic')
    folders = write_synthetic_dataset(out_dir, NUM_IMAGES, SEED, SIZE, images_per_patient=PER_PATIENT,
                                      embed_image_data=True, **OPTIONS)
    return out_dir, folders


@pytest.fixture(scope='module')
def truth():
    config = SyntheticConfig(image_size=SIZE, **OPTIONS)
    return [(entry, generate_sample(config, SEED, entry['index'], entry['patient']))
            for entry in dataset_layout(NUM_IMAGES, SEED, PER_PATIENT)]


def rasterise(points, shape):
    points = np.asarray(points, float)
    rows, cols = draw_polygon(points[:, 1] - 0.5, points[:, 0] - 0.5, shape)
    mask = np.zeros(shape, bool)
    mask[rows, cols] = True
    return mask


def assert_same_mask(mask, expected):
    assert np.count_nonzero(mask & expected) / np.count_nonzero(mask | expected) >= 0.9


def relative_files(root):
    return sorted(p.relative_to(root) for p in root.rglob('*') if p.is_file())


def read_grey(path):
    return np.asarray(Image.open(path).convert('L'))


def test_returns_one_folder_per_format(written):
    out_dir, folders = written
    assert folders == {name: out_dir / name for name in ('coco', 'autokary2022', 'cil24', 'custom', 'mfish')}
    assert all(folder.is_dir() for folder in folders.values())


def test_coco_round_trip(written, truth):
    coco = json.loads((written[0] / 'coco' / 'annotations.json').read_text())
    expected = [(k + 1, name) for k, name in enumerate(CHROMOSOME_CLASSES)]
    assert [(c['id'], c['name']) for c in coco['categories']] == expected
    assert len(coco['images']) == NUM_IMAGES
    for record, (entry, sample) in zip(coco['images'], truth):
        assert record['file_name'] == f'images/{entry["name"]}.png'
        assert (record['height'], record['width']) == (SIZE, SIZE)
        assert record['karyotype'] == sample.karyotype and record['patient_id'] == entry['patient_id']
        np.testing.assert_array_equal(read_grey(written[0] / 'coco' / record['file_name']), sample.image)
        annotations = [a for a in coco['annotations'] if a['image_id'] == record['id']]
        assert len(annotations) == len(sample.instances)
        for ann, instance in zip(annotations, sample.instances):
            x1, y1, x2, y2 = instance.bbox
            assert ann['category_id'] == instance.label + 1 and ann['iscrowd'] == 0
            assert ann['bbox'] == [x1, y1, x2 - x1, y2 - y1] and ann['area'] == instance.area
            assert len(ann['segmentation']) == 1 and len(ann['segmentation'][0]) >= 6
            points = np.reshape(ann['segmentation'][0], (-1, 2))
            assert_same_mask(rasterise(points, (SIZE, SIZE)), instance.mask)
    assert len({a['id'] for a in coco['annotations']}) == len(coco['annotations'])


def test_labelme_round_trip_with_patient_split(written, truth):
    root = written[0] / 'autokary2022'
    splits = {}
    for entry, sample in truth:
        folder = root / f'{entry["split"]}_labelme' / entry['patient_id']
        record = json.loads((folder / f'{entry["name"]}.json').read_text())
        splits.setdefault(entry['split'], set()).add(entry['patient_id'])
        assert (record['imageHeight'], record['imageWidth']) == (SIZE, SIZE)
        np.testing.assert_array_equal(read_grey(folder / record['imagePath']), sample.image)
        embedded = Image.open(io.BytesIO(base64.b64decode(record['imageData']))).convert('L')
        np.testing.assert_array_equal(np.asarray(embedded), sample.image)
        assert len(record['shapes']) == len(sample.instances)
        for shape, instance in zip(record['shapes'], sample.instances):
            assert shape['shape_type'] == 'polygon' and shape['label'] == str(instance.label + 1)
            assert_same_mask(rasterise(shape['points'], (SIZE, SIZE)), instance.mask)
    assert splits['test'] and splits['train'] and not splits['test'] & splits['train']
    found = {p.name for p in root.glob('*_labelme/*')}
    assert found == splits['test'] | splits['train']


def test_voc_round_trip(written, truth):
    root = written[0] / 'cil24' / '24_chromosomes_object'
    for entry, sample in truth:
        tree = ET.parse(root / 'annotations' / f'{entry["name"]}.xml').getroot()
        assert tree.findtext('filename') == f'{entry["name"]}.jpg'
        assert [int(tree.findtext(f'size/{t}')) for t in ('width', 'height', 'depth')] == [SIZE, SIZE, 1]
        image = read_grey(root / 'JEPG' / f'{entry["name"]}.jpg')
        assert image.shape == (SIZE, SIZE)
        assert np.abs(image.astype(int) - sample.image).mean() < 3  # lossy JPEG
        objects = tree.findall('object')
        assert len(objects) == len(sample.instances)
        for obj, instance in zip(objects, sample.instances):
            assert obj.findtext('name') == DENVER_NAMES[instance.label]
            box = [int(obj.findtext(f'bndbox/{t}')) for t in ('xmin', 'ymin', 'xmax', 'ymax')]
            x1, y1, x2, y2 = instance.bbox
            assert box == [x1 + 1, y1 + 1, x2, y2]  # VOC: 1-based, inclusive


def test_custom_masks_round_trip(written, truth):
    root = written[0] / 'custom'
    for entry, sample in truth:
        np.testing.assert_array_equal(read_grey(root / 'images' / f'{entry["name"]}.png'), sample.image)
        paths = sorted((root / 'masks' / entry['name']).glob('*.png'), key=lambda p: int(p.stem))
        assert [int(p.stem) for p in paths] == list(range(len(sample.instances)))
        for path, instance in zip(paths, sample.instances):
            mask = read_grey(path)
            assert set(np.unique(mask)) == {0, 255}
            np.testing.assert_array_equal(mask == 255, instance.mask)


def test_mfish_round_trip(written, truth):
    root = written[0] / 'mfish'
    for entry, sample in truth:
        folder = root / f'P{entry["patient"] + 1:02d}__{sample.karyotype_code}'
        stem = f'P{entry["patient"] + 1:02d}{entry["image_in_patient"] + 1:02d}{sample.karyotype_code}'
        assert (folder / 'case-info.txt').read_text() == sample.karyotype
        dapi = tifffile.imread(folder / f'{stem}D.tif')
        np.testing.assert_array_equal(dapi, sample.dapi)
        labels = tifffile.imread(folder / f'{stem}K.tif')
        assert labels.dtype == np.uint8 and labels.shape == (SIZE, SIZE)
        cover = sum(instance.mask.astype(int) for instance in sample.instances)
        assert np.all(labels[cover >= 2] == 255) and np.all(labels[cover == 0] == 0)
        assert np.count_nonzero(cover >= 2) > 0  # overlap_rate 0.3 leaves overlaps to mark
        for instance in sample.instances:
            alone = instance.mask & (cover == 1)
            assert np.all(labels[alone] == instance.label + 1)
        assert dapi[cover > 0].mean() > dapi[cover == 0].mean() + 40  # bright on dark
    assert len(list(root.glob('*/*D.tif'))) == NUM_IMAGES


def test_same_seed_writes_identical_files_whatever_the_dataset_size(tmp_path, written):
    first = write_synthetic_dataset(tmp_path / 'a', 2, SEED, SIZE, formats=['coco', 'mfish'],
                                    images_per_patient=PER_PATIENT, **OPTIONS)
    again = write_synthetic_dataset(tmp_path / 'b', 2, SEED, SIZE, formats=['coco', 'mfish'],
                                    images_per_patient=PER_PATIENT, **OPTIONS)
    for name in ('coco', 'mfish'):
        files = relative_files(first[name])
        assert files and files == relative_files(again[name])
        for rel in files:
            assert (first[name] / rel).read_bytes() == (again[name] / rel).read_bytes(), rel
    bigger = written[0] / 'coco' / 'images'
    for path in (first['coco'] / 'images').iterdir():
        assert path.read_bytes() == (bigger / path.name).read_bytes()


@pytest.mark.parametrize('kwargs, message', [
    (dict(formats=['coco', 'pascal']), 'formats'),
    (dict(formats=[]), 'formats'),
    (dict(images_per_patient=0), 'images_per_patient'),
    (dict(test_fraction=1.0), 'test_fraction'),
])
def test_bad_arguments_are_rejected(tmp_path, kwargs, message):
    with pytest.raises(ValueError, match=message):
        write_synthetic_dataset(tmp_path, 1, 0, 256, **kwargs)
    assert not any(Path(tmp_path).iterdir())
