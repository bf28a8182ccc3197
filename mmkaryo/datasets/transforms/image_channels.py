"""Present a grayscale image with the number of channels the model's stem expects."""
import numpy as np
from mmcv.transforms import BaseTransform

from mmkaryo.registry import TRANSFORMS


@TRANSFORMS.register_module()
class ImageToChannels(BaseTransform):
    """Turn a grayscale ``img`` (HxW or HxWx1) into HxWxC with the grey level in every channel.

    ``num_channels=3`` for ImageNet-style backbones (mean/std of 3 values), 1 for a 1-channel stem.
    A 3-channel input must already be grey (equal channels); the first channel is used.

    Required keys: img. Modified keys: img.
    """

    def __init__(self, num_channels: int = 3) -> None:
        if num_channels not in (1, 3):
            raise ValueError(f'num_channels must be 1 or 3, got {num_channels}')
        self.num_channels = num_channels

    def transform(self, results: dict) -> dict:
        img = results['img']
        if img.ndim == 3 and img.shape[2] == 3:
            if not (np.array_equal(img[..., 0], img[..., 1]) and np.array_equal(img[..., 0], img[..., 2])):
                raise ValueError(f'{results.get("img_path")}: ImageToChannels expects a grey image, got '
                                 'a colour one; load it with color_type="grayscale"')
            img = img[..., 0]
        elif img.ndim == 3 and img.shape[2] == 1:
            img = img[..., 0]
        elif img.ndim != 2:
            raise ValueError(f'{results.get("img_path")}: expected an HxW or HxWx1 image, got shape '
                             f'{img.shape}')
        results['img'] = np.repeat(img[..., None], self.num_channels, axis=2)
        return results

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}(num_channels={self.num_channels})'
