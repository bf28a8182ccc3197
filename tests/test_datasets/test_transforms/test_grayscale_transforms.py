"""ImageToChannels, RandomBrightnessContrast and BoxesFromMasks."""
import numpy as np
import pytest
from mmdet.structures.bbox import HorizontalBoxes
from mmdet.structures.mask import BitmapMasks

from mmkaryo.datasets.transforms import BoxesFromMasks, ImageToChannels, RandomBrightnessContrast


def test_image_to_channels_replicates_grey():
    img = np.arange(12, dtype=np.uint8).reshape(3, 4)
    out = ImageToChannels(3)(dict(img=img))['img']
    assert out.shape == (3, 4, 3) and all(np.array_equal(out[..., c], img) for c in range(3))
    assert ImageToChannels(1)(dict(img=out))['img'].shape == (3, 4, 1)
    colour = np.stack([img, img, img + 1], axis=2)
    with pytest.raises(ValueError, match='grey image'):
        ImageToChannels(3)(dict(img=colour))
    with pytest.raises(ValueError, match='1 or 3'):
        ImageToChannels(2)


def test_brightness_contrast_changes_grey_images_within_range():
    np.random.seed(0)
    img = np.tile(np.arange(0, 250, 10, dtype=np.uint8), (5, 1))
    transform = RandomBrightnessContrast(prob=1.0, brightness_delta=20, contrast_range=(0.5, 0.5))
    out = transform(dict(img=img.copy()))['img']
    assert out.dtype == np.uint8 and out.shape == img.shape and not np.array_equal(out, img)
    spread = np.ptp(out.astype(float)) / np.ptp(img.astype(float))
    assert 0.45 < spread < 0.55
    assert np.array_equal(RandomBrightnessContrast(prob=0.0)(dict(img=img.copy()))['img'], img)


def test_boxes_from_masks_fit_the_masks():
    masks = np.zeros((2, 10, 10), np.uint8)
    masks[0, 2:5, 3:8] = 1
    boxes = HorizontalBoxes(np.array([[0, 0, 10, 10], [1, 1, 2, 2]], np.float32))
    out = BoxesFromMasks()(dict(gt_masks=BitmapMasks(masks, 10, 10), gt_bboxes=boxes))
    assert out['gt_bboxes'].tensor.tolist() == [[3, 2, 8, 5], [0, 0, 0, 0]]
