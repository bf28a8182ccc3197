"""Polarity detection on real M-FISH DAPI images and synthetic metaphases; the inversion for the model."""
import glob
import os.path as osp

import mmcv
import numpy as np
import pytest

from mmkaryo.apis import detect_polarity, read_gray_image, to_polarity
from mmkaryo.apis.polarity import BRIGHT_ON_DARK, DARK_ON_LIGHT, check_polarity


@pytest.fixture(scope='module')
def dapi_images(mfish_root):
    paths = sorted(glob.glob(osp.join(mfish_root, '*', '*D.tif')))
    assert len(paths) == 82, f'{mfish_root}: expected the 82 M-FISH DAPI images, found {len(paths)}'
    return {osp.basename(p): read_gray_image(p) for p in paths}


def test_every_real_dapi_image_is_bright_on_dark_and_its_inversion_dark_on_light(dapi_images):
    assert [name for name, gray in dapi_images.items() if detect_polarity(gray) != BRIGHT_ON_DARK] == []
    assert [name for name, gray in dapi_images.items() if detect_polarity(255 - gray) != DARK_ON_LIGHT] == []


def test_synthetic_g_banded_images_are_dark_on_light_and_their_dapi_twins_bright_on_dark():
    from mmkaryo.datasets.synthetic import SyntheticConfig, generate_sample
    config = SyntheticConfig(image_size=256)
    for index in range(8):
        sample = generate_sample(config, seed=3, index=index)
        assert detect_polarity(sample.image) == DARK_ON_LIGHT, index
        assert detect_polarity(sample.dapi) == BRIGHT_ON_DARK, index
        assert detect_polarity(255 - sample.image) == BRIGHT_ON_DARK, index


def test_the_rule_follows_the_ground_not_the_amount_of_object():
    ground = np.full((100, 100), 30, np.uint8)
    ground[:45] = 200  # bright objects on 45 % of the image: the ground (55 %) is still dark
    assert detect_polarity(ground) == BRIGHT_ON_DARK
    assert detect_polarity(255 - ground) == DARK_ON_LIGHT
    assert detect_polarity(np.full((8, 8), 128, np.uint8)) == DARK_ON_LIGHT  # no contrast
    with pytest.raises(ValueError, match='uint8'):
        detect_polarity(np.zeros((4, 4), np.float32))


def test_inference_inverts_exactly_as_the_training_copies_were_written(mfish_root, tmp_path):
    """The PNG that ``mfish_to_coco.py --invert-to`` writes, read as the training pipeline reads it
    (mmcv, grayscale), equals what the inferencer gives a dark-on-light model from the raw TIFF."""
    from mmkaryo.datasets.converters import write_inverted_images
    names = ['A01__XY/A0101XYD.tif', 'P08__30/P080930D.tif']
    coco = dict(images=[dict(id=i, file_name=name) for i, name in enumerate(names)])
    written = write_inverted_images(coco, mfish_root, str(tmp_path))
    for name, record in zip(names, written['images']):
        raw = read_gray_image(osp.join(mfish_root, name))
        seen, inverted = to_polarity(raw, detect_polarity(raw), DARK_ON_LIGHT)
        trained_on = mmcv.imread(str(tmp_path / record['file_name']), flag='grayscale')
        assert inverted and seen.dtype == np.uint8
        np.testing.assert_array_equal(seen, trained_on)


def test_to_polarity_inverts_only_when_the_polarities_differ():
    gray = np.arange(256, dtype=np.uint8).reshape(16, 16)
    same, inverted = to_polarity(gray, DARK_ON_LIGHT, DARK_ON_LIGHT)
    assert same is gray and not inverted
    flipped, inverted = to_polarity(gray, BRIGHT_ON_DARK, DARK_ON_LIGHT)
    assert inverted and np.array_equal(flipped.astype(int), 255 - gray.astype(int))
    with pytest.raises(ValueError, match="model: image polarity 'negative'"):
        to_polarity(gray, DARK_ON_LIGHT, 'negative')
    with pytest.raises(ValueError, match='cfg.py: image polarity'):
        check_polarity('light', 'cfg.py')
