"""GrayscaleResNet: mmdet's ResNet with a 1-channel stem that accepts RGB-pretrained weights.

A 1-channel image replicated to RGB gives ``conv(W, [g, g, g]) = conv(W_r + W_g + W_b, g)``, so an
RGB-pretrained first convolution summed over its input-channel axis computes exactly what the RGB
network computes on the replicated image, at a third of the stem's input cost. The summation happens
whenever a state dict with a 3-channel stem is loaded into this backbone (``init_cfg=Pretrained``,
``load_from`` of an RGB checkpoint, or ``load_state_dict``).

Use it with a grayscale pipeline: ``LoadImageFromFile(color_type='grayscale')`` and a data
preprocessor with one ``mean``/``std`` value and ``bgr_to_rgb=False``. The alternative, replicating
the gray image to 3 channels, needs no special backbone (``color_type='color'``, plain ``ResNet``).
"""
from mmdet.models.backbones import ResNet

from mmkaryo.registry import MODELS


@MODELS.register_module()
class GrayscaleResNet(ResNet):
    """ResNet with ``in_channels=1``; loading a 3-channel stem sums its weights over input channels.

    Args:
        in_channels: must be 1 (use mmdet's ``ResNet`` for RGB input).
        **kwargs: mmdet ``ResNet`` arguments.
    """

    def __init__(self, in_channels: int = 1, **kwargs) -> None:
        if in_channels != 1:
            raise ValueError(f'grayscale_resnet.py: in_channels must be 1, got {in_channels}; '
                             'use type="ResNet" for multi-channel input.')
        super().__init__(in_channels=in_channels, **kwargs)

    @property
    def stem_weight_key(self) -> str:
        """Name of the first convolution's weight in this backbone's state dict."""
        return 'stem.0.weight' if self.deep_stem else 'conv1.weight'

    def _load_from_state_dict(self, state_dict: dict, prefix: str, *args, **kwargs) -> None:
        """Sum a 3-channel stem weight over its input-channel axis, then load as usual."""
        key = prefix + self.stem_weight_key
        weight = state_dict.get(key)
        if weight is not None and weight.dim() == 4 and weight.size(1) == 3:
            state_dict[key] = weight.sum(dim=1, keepdim=True)
        super()._load_from_state_dict(state_dict, prefix, *args, **kwargs)
