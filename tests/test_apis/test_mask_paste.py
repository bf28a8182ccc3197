import numpy as np
import pytest
import torch

from mmkaryo.apis.mask_paste import attach_mask_crops, final_mask_head
from mmkaryo.structures import MaskCrops


def _metaphase(height, width, seed):
    rng = np.random.default_rng(seed)
    image = np.full((height, width), 220, dtype=np.uint8)
    for _ in range(8):
        y, x = rng.integers(5, height - 25), rng.integers(5, width - 10)
        image[y:y + 18, x:x + 5] = 40
    return image


@pytest.mark.parametrize('shape', [(160, 160), (150, 230)])
def test_crops_equal_mmdets_dense_masks(tiny_model_files, shape):
    from mmdet.apis import inference_detector, init_detector

    plain = init_detector(*tiny_model_files, device='cpu')
    cropped = attach_mask_crops(init_detector(*tiny_model_files, device='cpu'))
    assert attach_mask_crops(cropped) is cropped  # idempotent
    image = _metaphase(*shape, seed=shape[1])
    with torch.no_grad():
        expected = inference_detector(plain, image).pred_instances
        got = inference_detector(cropped, image).pred_instances
    assert len(got) == len(expected) > 20
    torch.testing.assert_close(got.bboxes, expected.bboxes)  # rescaled in place, as mmdet does
    assert isinstance(got.masks, MaskCrops) and got.masks.shape == tuple(expected.masks.shape)
    dense = expected.masks.numpy()
    assert dense.any()
    for i in range(len(got)):
        np.testing.assert_array_equal(got.masks[i], dense[i])
    box_pixels = sum(crop.size for crop in got.masks.crops)
    assert box_pixels < dense.size / 2  # the crops are the boxes, not the frame


def test_a_negative_mask_threshold_and_a_model_without_masks_are_refused(tiny_model_files):
    from mmdet.apis import inference_detector, init_detector

    model = attach_mask_crops(init_detector(
        *tiny_model_files, device='cpu', cfg_options={'model.test_cfg.rcnn.mask_thr_binary': -1}))
    with pytest.raises(ValueError, match='mask_thr_binary = -1'):
        inference_detector(model, _metaphase(64, 64, seed=0))
    del model.roi_head.mask_head
    with pytest.raises(TypeError, match='no FCNMaskHead'):
        final_mask_head(model)
