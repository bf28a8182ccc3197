import numpy as np
import pycocotools.mask as mask_utils
import pytest
import torch
from mmengine.structures import InstanceData

from mmkaryo.structures import MaskCrops


@pytest.fixture
def dense():
    """Five masks of a 9 x 7 image: blobs, one touching every border (runs joining across columns),
    one full frame, one empty, one single pixel."""
    rng = np.random.default_rng(3)
    masks = np.zeros((5, 9, 7), dtype=bool)
    masks[0, 2:6, 1:4] = rng.random((4, 3)) > 0.3
    masks[1] = rng.random((9, 7)) > 0.5
    masks[1, 0, 0] = masks[1, -1, -1] = True
    masks[2] = True
    masks[4, 8, 6] = True
    return masks


def test_from_dense_keeps_every_mask_in_its_box(dense):
    masks = MaskCrops.from_dense(dense)
    assert len(masks) == 5 and masks.shape == (5, 9, 7) and masks.image_shape == (9, 7)
    for i in range(5):
        np.testing.assert_array_equal(masks[i], dense[i])
        assert masks.area(i) == dense[i].sum()
    assert masks.crops[3].size == 0 and masks.tight(3) is None
    assert masks.crops[4].shape == (1, 1) and tuple(masks.offsets[4]) == (6, 8)
    np.testing.assert_array_equal(masks.union(), dense.any(0))


def test_rle_from_the_crop_equals_pycocotools_on_the_dense_mask(dense):
    rng = np.random.default_rng(0)
    extra = rng.random((20, 9, 7)) > rng.random((20, 1, 1))
    masks = MaskCrops.from_dense(np.concatenate([dense, extra]))
    for i in range(len(masks)):
        assert masks.to_rle(i) == mask_utils.encode(np.asfortranarray(masks[i].astype(np.uint8)))


def test_a_loose_crop_gives_the_same_mask_and_rle_as_a_tight_one():
    crop = np.zeros((5, 4), dtype=bool)
    crop[1:3, 2] = True
    loose = MaskCrops([crop], [(3, 1)], (8, 8))
    expected = np.zeros((8, 8), dtype=bool)
    expected[2:4, 5] = True
    np.testing.assert_array_equal(loose[0], expected)
    tight, offset = loose.tight(0)
    assert tight.shape == (2, 1) and offset == (5, 2)
    assert loose.to_rle(0) == mask_utils.encode(np.asfortranarray(expected.astype(np.uint8)))


def test_indexing_and_instance_data_keep_masks_aligned(dense):
    masks = MaskCrops.from_dense(dense)
    picked = masks[np.array([4, 0])]
    np.testing.assert_array_equal(np.stack([picked[0], picked[1]]), dense[[4, 0]])
    assert len(masks[1:3]) == 2 and len(masks[np.zeros(5, bool)]) == 0
    results = InstanceData(scores=torch.arange(5.0), masks=masks)
    for index in (torch.tensor([3, 1]), torch.tensor([True, False, False, True, True]), slice(1, 4)):
        subset = results[index]
        for k, score in enumerate(subset.scores.long().tolist()):
            np.testing.assert_array_equal(subset.masks[k], dense[score])
    joined = InstanceData.cat([results[:2], results[2:]])
    assert len(joined.masks) == 5 and joined.masks.to_rle(4) == masks.to_rle(4)


def test_bad_crops_are_refused():
    with pytest.raises(ValueError, match='leaves the 4 x 4 image'):
        MaskCrops([np.ones((2, 2), bool)], [(3, 0)], (4, 4))
    with pytest.raises(TypeError, match='2-D bool'):
        MaskCrops([np.ones((2, 2), np.uint8)], [(0, 0)], (4, 4))
    with pytest.raises(ValueError, match='2 crops but 1 offsets'):
        MaskCrops([np.ones((1, 1), bool)] * 2, [(0, 0)], (4, 4))
    with pytest.raises(IndexError, match='bool index'):
        MaskCrops.empty(3, (4, 4))[np.array([True, False])]
    with pytest.raises(ValueError, match='different images'):
        MaskCrops.cat([MaskCrops.empty(1, (4, 4)), MaskCrops.empty(1, (5, 4))])
