"""render_preview / save_preview: a synthetic image, a white gap, the image with its masks blended."""
import cv2
import numpy as np
from PIL import Image

from mmkaryo.datasets.synthetic import SyntheticConfig, generate_sample
from mmkaryo.structures import MaskCrops
from mmkaryo.visualization import PALETTE, blend_masks, render_preview, save_preview


def test_panels_and_blended_mask_interiors(tmp_path):
    sample = generate_sample(SyntheticConfig(image_size=640), seed=0, index=0, patient=0)
    height, width = sample.image.shape
    preview = render_preview(sample)
    assert preview.shape == (height, 2 * width + 8, 3) and preview.dtype == np.uint8
    grey = np.repeat(sample.image[..., None], 3, axis=2)
    assert np.array_equal(preview[:, :width], grey)
    assert (preview[:, width:width + 8] == 255).all()
    # Away from every polygon outline, the right panel under one mask only is that mask blended.
    instance = max(sample.instances, key=lambda inst: inst.area)
    margin = np.ones((5, 5), np.uint8)
    others = np.any([inst.mask for inst in sample.instances if inst is not instance], axis=0)
    interior = (cv2.erode(instance.mask.astype(np.uint8), margin).astype(bool)
                & ~cv2.dilate(others.astype(np.uint8), margin).astype(bool))
    assert interior.sum() > 50
    alone = blend_masks(grey, MaskCrops.from_dense(instance.mask[None]), [PALETTE[instance.label]])
    assert np.array_equal(preview[:, width + 8:][interior], alone[interior])
    path = save_preview(sample, tmp_path / 'sub' / 'preview.png')
    assert np.array_equal(np.asarray(Image.open(path)), preview)

