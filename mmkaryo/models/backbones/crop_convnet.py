"""CropConvNet: a small VGG-style backbone for single-chromosome canvases at native scale.

A chromosome at 640 px is 8-15 px wide, so the backbone keeps full resolution in its first stage and
halves it only between stages (no strided stem that would blur the bands away).
"""
from typing import Sequence, Tuple

import torch
from mmcv.cnn import ConvModule
from mmengine.model import BaseModule
from torch import nn

from mmkaryo.registry import MODELS


@MODELS.register_module()
class CropConvNet(BaseModule):
    """Stages of 3x3 conv-norm-ReLU blocks with a 2x2 max-pool before every stage but the first.

    Args:
        in_channels: input channels (1 for a stain canvas).
        stage_channels: output channels of each stage.
        stage_convs: number of convs of each stage (same length as ``stage_channels``).
        norm_cfg: normalisation after each conv.
        init_cfg: mmengine init config; Kaiming for convs by default.

    Returns from ``forward``: the (B, C_last, H / 2^(S-1), W / 2^(S-1)) feature map of the last stage.
    """

    def __init__(self, in_channels: int = 1, stage_channels: Sequence[int] = (32, 64, 128, 256),
                 stage_convs: Sequence[int] = (1, 2, 2, 2), norm_cfg: dict = dict(type='BN'),
                 init_cfg: dict = dict(type='Kaiming', layer='Conv2d')) -> None:
        super().__init__(init_cfg=init_cfg)
        if len(stage_channels) != len(stage_convs) or not stage_channels:
            raise ValueError(f'stage_channels {tuple(stage_channels)} and stage_convs {tuple(stage_convs)} '
                             'must be non-empty and of the same length')
        layers = []
        channels = in_channels
        for stage, (out_channels, num_convs) in enumerate(zip(stage_channels, stage_convs)):
            if stage > 0:
                layers.append(nn.MaxPool2d(2))
            for _ in range(num_convs):
                layers.append(ConvModule(channels, out_channels, 3, padding=1, norm_cfg=norm_cfg))
                channels = out_channels
        self.layers = nn.Sequential(*layers)
        self.out_channels = channels

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor]:
        return (self.layers(x), )
