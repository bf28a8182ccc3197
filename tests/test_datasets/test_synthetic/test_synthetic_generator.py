from collections import Counter

import cv2
import numpy as np
import pytest
from skimage.draw import polygon as draw_polygon

from mmkaryo.datasets.synthetic import SyntheticConfig, generate_sample, patient_karyotype
from mmkaryo.karyotype import parse_karyotype


@pytest.fixture(scope='module')
def normal():
    return generate_sample(SyntheticConfig(), seed=3, index=0)


def rasterise(polygon, shape):
    """Pixels whose centres lie inside a COCO-convention polygon."""
    rows, cols = draw_polygon(polygon[:, 1] - 0.5, polygon[:, 0] - 0.5, shape)
    mask = np.zeros(shape, bool)
    mask[rows, cols] = True
    return mask


def overlap_pixels(sample):
    cover = np.zeros(sample.image.shape, np.int32)
    for instance in sample.instances:
        cover += instance.mask
    return int(np.count_nonzero(cover >= 2))


def test_same_seed_same_sample(normal):
    again = generate_sample(SyntheticConfig(), seed=3, index=0)
    np.testing.assert_array_equal(again.image, normal.image)
    np.testing.assert_array_equal(again.dapi, normal.dapi)
    assert again.karyotype == normal.karyotype
    assert [i.label for i in again.instances] == [i.label for i in normal.instances]
    for a, b in zip(again.instances, normal.instances):
        np.testing.assert_array_equal(a.polygon, b.polygon)
        np.testing.assert_array_equal(a.mask, b.mask)
        assert a.bbox == b.bbox


def test_other_index_or_seed_gives_another_image(normal):
    assert not np.array_equal(generate_sample(SyntheticConfig(), seed=3, index=1).image, normal.image)
    assert not np.array_equal(generate_sample(SyntheticConfig(), seed=4, index=0).image, normal.image)


def test_normal_sample_has_46_chromosomes_two_of_each_autosome(normal):
    assert normal.image.shape == normal.dapi.shape == (640, 640)
    assert normal.image.dtype == normal.dapi.dtype == np.uint8
    counts = Counter(i.label for i in normal.instances)
    assert len(normal.instances) == 46
    assert all(counts[k] == 2 for k in range(22))
    sex = 'X' * counts[22] + 'Y' * counts[23]
    assert sex in ('XX', 'XY')
    assert normal.karyotype == f'46,{sex}' and normal.karyotype_code == sex


def test_both_sexes_occur():
    assert {patient_karyotype(SyntheticConfig(), 0, p).iscn for p in range(20)} == {'46,XX', '46,XY'}


def test_aneuploid_samples_match_their_iscn_string():
    config = SyntheticConfig(aneuploidy_rate=1.0)
    seen = set()
    for patient in range(4):
        sample = generate_sample(config, seed=5, index=patient, patient=patient)
        assert sample.karyotype not in ('46,XX', '46,XY')
        counts = Counter(i.label for i in sample.instances)
        assert [counts[k] for k in range(24)] == list(parse_karyotype(sample.karyotype))
        seen.add(sample.karyotype)
    assert len(seen) > 1


def test_images_of_one_patient_share_the_karyotype():
    config = SyntheticConfig(aneuploidy_rate=0.5)
    karyotypes = {generate_sample(config, seed=2, index=i, patient=7).karyotype for i in range(3)}
    assert len(karyotypes) == 1


def test_instance_geometry_is_consistent(normal):
    for instance in normal.instances:
        mask = instance.mask
        rows, cols = np.nonzero(mask)
        assert instance.bbox == (cols.min(), rows.min(), cols.max() + 1, rows.max() + 1)
        assert instance.area == len(rows) > 20
        assert instance.polygon.ndim == 2 and instance.polygon.shape[1] == 2 and len(instance.polygon) >= 3
        drawn = rasterise(instance.polygon, mask.shape)
        assert np.count_nonzero(drawn & mask) / np.count_nonzero(drawn | mask) >= 0.9
        assert cv2.connectedComponents(mask.astype(np.uint8))[0] == 2  # one region


def test_g_band_look_and_dapi_twin(normal):
    chromosomes = np.zeros(normal.image.shape, bool)
    for instance in normal.instances:
        chromosomes |= instance.mask
    ground = ~cv2.dilate(chromosomes.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
    assert np.median(normal.image[chromosomes]) + 50 < np.median(normal.image[ground])
    assert np.median(normal.dapi[chromosomes]) > np.median(normal.dapi[ground]) + 50


def test_longest_class_is_larger_than_smallest(normal):
    areas = {k: [i.area for i in normal.instances if i.label == k] for k in (0, 20)}
    assert min(areas[0]) > 2 * max(areas[20])


def test_no_overlap_at_rate_zero_and_touching_without_sharing_pixels():
    config = SyntheticConfig(overlap_rate=0.0, touch_rate=0.5)
    touching = 0
    for index in range(3):
        sample = generate_sample(config, seed=1, index=index)
        assert overlap_pixels(sample) == 0
        cover = np.zeros(sample.image.shape, np.int32)
        for instance in sample.instances:
            cover += cv2.dilate(instance.mask.astype(np.uint8), np.ones((3, 3), np.uint8))
        touching += int(np.count_nonzero(cover >= 2))
    assert touching > 0


def test_overlap_grows_with_the_requested_rate():
    totals = {}
    for rate in (0.1, 0.5):
        config = SyntheticConfig(overlap_rate=rate, touch_rate=0.0)
        per_image = [overlap_pixels(generate_sample(config, seed=1, index=i)) for i in range(3)]
        assert all(p > 0 for p in per_image), (rate, per_image)
        totals[rate] = sum(per_image)
    assert totals[0.5] > 2 * totals[0.1]


def test_large_image_scales_chromosomes(normal):
    large = generate_sample(SyntheticConfig(image_size=1600), seed=3, index=0)
    assert large.image.shape == (1600, 1600) and len(large.instances) == 46
    ratio = np.mean([i.area for i in large.instances]) / np.mean([i.area for i in normal.instances])
    assert 4.0 < ratio < 9.0  # area grows with the square of the size (2.5 ** 2 = 6.25)


@pytest.mark.parametrize('options, message', [
    (dict(image_size=100), 'image_size'),
    (dict(overlap_rate=1.5), 'overlap_rate'),
    (dict(overlap_rate=0.6, touch_rate=0.6), 'touch_rate'),
    (dict(blur_sigma=(2.0, 1.0)), 'blur_sigma'),
])
def test_bad_config_is_rejected(options, message):
    with pytest.raises(ValueError, match=message):
        SyntheticConfig(**options)


def test_bad_seed_is_rejected():
    with pytest.raises(ValueError, match='seed'):
        generate_sample(SyntheticConfig(), seed=-1, index=0)
