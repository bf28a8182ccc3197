"""M-FISH label maps -> COCO: the real 82 shared images, and the generator's M-FISH output."""
import glob
import os.path as osp
from collections import defaultdict

import numpy as np
import pytest
from coco_test_utils import decode, generator_coco
from PIL import Image
from scipy import ndimage

from mmkaryo.datasets.converters import check_coco, convert_mfish, read_case_info, write_inverted_images
from mmkaryo.karyotype.iscn import parse_karyotype


@pytest.fixture(scope='module')
def real(mfish_root):
    return convert_mfish(mfish_root)


def test_real_set_counts_and_karyotypes(mfish_root, real):
    coco, report = real
    assert len(coco['images']) == 82 and report.num_images == 82
    counts = defaultdict(int)
    for ann in coco['annotations']:
        counts[ann['image_id']] += 1
    assert all(32 <= counts[im['id']] <= 75 for im in coco['images'])
    karyotypes = {im['patient_id']: im['karyotype'] for im in coco['images']}
    for folder, karyotype in karyotypes.items():
        with open(osp.join(mfish_root, folder, 'case-info.txt'), 'rb') as f:
            first_line = f.read().replace(b'\x00', b'').decode().splitlines()[0]
        if folder != 'A03__26':
            assert karyotype == first_line.replace(' ', '')
            parse_karyotype(karyotype)
    assert karyotypes['A01__XY'] == '46,XY' and karyotypes['P08__30'] == '43,XY,-19,-19,-22'
    assert karyotypes['V14__XX'] == '46,XX' and karyotypes['P08__29'] == '44,XY,-11,-22'
    # 45,XX,-13,-18,+der(5) is structural: not read, written as null, not cut to 45,XX,-13
    assert karyotypes['A03__26'] is None and report.images_without_karyotype == 1
    noted = {osp.basename(osp.dirname(path)): read.note for path, read in report.case_info.items()
             if read.note}
    assert noted == {'A03__26': "no karyotype read: karyotype '45,XX,-13,-18,+der(5)': '+der(5)' is "
                                'not a numerical autosome gain or loss',
                     'P08__29': "read '44,XY,-11,-22', cut '8,10,13 on edge of imagemage'"}
    assert len(report.case_info) == 25
    assert all(im['slide'] == im['patient_id'][:3] for im in coco['images'])
    assert check_coco(coco, require_masks=True) == []
    assert report.num_input_instances == report.num_written + len(report.dropped)


def test_real_masks_overlap_exactly_on_the_overlap_label(mfish_root, real):
    """Masks overlap only on 255 pixels, and a 255 region lies in every mask that touches it."""
    coco, report = real
    by_image = defaultdict(list)
    for ann in coco['annotations']:
        by_image[ann['image_id']].append(ann)
    eight = np.ones((3, 3), bool)
    covered_twice = overlap_pixels = 0
    for im in coco['images'][::4]:
        labels = np.asarray(Image.open(osp.join(mfish_root, im['file_name'][:-5] + 'K.tif')))
        masks = np.array([decode(a['segmentation'], im['height'], im['width']) for a in by_image[im['id']]])
        coverage = masks.sum(axis=0)
        overlap = labels == 255
        assert not (coverage[~overlap] > 1).any(), im['file_name']
        regions, num = ndimage.label(overlap, structure=eight)
        for index in range(1, num + 1):
            region = regions == index
            ring = ndimage.binary_dilation(region, structure=eight) & ~region & ~overlap
            touching = masks[:, ring].any(axis=1)
            assert masks[touching][:, region].all(), (im['file_name'], index)
        covered_twice += int((coverage[overlap] >= 2).sum())
        overlap_pixels += int(overlap.sum())
    assert covered_twice >= 0.95 * overlap_pixels
    assert any('touches one class only' in note for note in report.notes)


def test_inverted_copies_carry_the_licence(mfish_root, real, tmp_path):
    coco, _ = real
    subset = dict(coco, images=coco['images'][:2])
    out = write_inverted_images(subset, mfish_root, str(tmp_path / 'images'))
    assert (tmp_path / 'images' / 'README.TXT').read_bytes() == \
        open(osp.join(mfish_root, 'README.TXT'), 'rb').read()
    original = np.asarray(Image.open(osp.join(mfish_root, coco['images'][0]['file_name'])).convert('L'))
    copy = np.asarray(Image.open(tmp_path / 'images' / out['images'][0]['file_name']))
    assert out['images'][0]['file_name'].endswith('D.png') and np.array_equal(copy, 255 - original)
    with pytest.raises(ValueError, match='refusing'):
        write_inverted_images(subset, mfish_root, osp.join(mfish_root, 'converted'))


def test_synthetic_mfish_karyotypes_and_classes(synthetic_root):
    root = str(synthetic_root / 'mfish')
    coco, report = convert_mfish(root, min_area=1)
    expected = generator_coco(synthetic_root)
    assert len(coco['images']) == len(expected['images']) == 12
    assert {im['karyotype'] for im in coco['images']} == {im['karyotype'] for im in expected['images']}
    for folder in glob.glob(osp.join(root, '*')):
        assert {im['karyotype'] for im in coco['images'] if im['patient_id'] == osp.basename(folder)} == \
            {read_case_info(folder).karyotype}
    assert set(report.class_counts) <= {str(i) for i in range(1, 23)} | {'X', 'Y'}
    assert report.num_written <= len(expected['annotations'])
    assert all(read.note == '' for read in report.case_info.values())


def _write_folder(root, folder: str, case_info: bytes) -> None:
    """One M-FISH folder: a 20x20 DAPI image, a label image with one class-1 chromosome, case-info."""
    path = root / folder
    path.mkdir(parents=True)
    labels = np.zeros((20, 20), np.uint8)
    labels[4:16, 8:12] = 1
    Image.fromarray(labels * 200).save(path / f'{folder[:3]}01D.tif')
    Image.fromarray(labels).save(path / f'{folder[:3]}01K.tif')
    (path / 'case-info.txt').write_bytes(case_info)


def test_case_info_as_labs_write_it(tmp_path):
    """NUL padding, a lab's name run into the last term, Patient Name lines, a typo, a structural case."""
    _write_folder(tmp_path, 'A01__XY', b'46,XY\x00\x00\x00\x00')
    _write_folder(tmp_path, 'A02__08', b'47,XY,+8Lab of X\x00\x00')
    _write_folder(tmp_path, 'A03__13', b'Patient Name:\r\n45,XX,-13\r\nPatient Name: J. Doe\r\n')
    _write_folder(tmp_path, 'A04__XY', b'46,xy Lab of X')
    _write_folder(tmp_path, 'A05__26', b'45,XX,-13,-18,+der(5)')
    coco, report = convert_mfish(str(tmp_path), min_area=1)
    karyotypes = {im['patient_id']: im['karyotype'] for im in coco['images']}
    assert karyotypes == {'A01__XY': '46,XY', 'A02__08': '47,XY,+8', 'A03__13': '45,XX,-13',
                          'A04__XY': None, 'A05__26': None}
    for karyotype in filter(None, karyotypes.values()):
        parse_karyotype(karyotype)
    notes = {osp.basename(osp.dirname(path)): read.note for path, read in report.case_info.items()}
    assert notes['A01__XY'] == '' and notes['A02__08'] == "read '47,XY,+8', cut 'Lab of X'"
    assert notes['A03__13'] == "read '45,XX,-13', cut 'Patient Name:', 'Patient Name: J. Doe'"
    assert notes['A04__XY'].startswith("no karyotype read: karyotype '46,xy Lab of X'")
    assert notes['A05__26'].startswith("no karyotype read: karyotype '45,XX,-13,-18,+der(5)'")
    assert report.images_without_karyotype == 2
    table = report.format_table()
    for line in ('read as written                    1', 'read, text cut                     2',
                 'not read (written as null)         2', 'images with karyotype null         2'):
        assert line in table
    for folder, note in notes.items():
        assert (note == '') != (f'{tmp_path / folder / "case-info.txt"}: {note}' in table)
