"""CBAM: Convolutional Block Attention Module (Woo et al., "CBAM: Convolutional Block Attention
Module", ECCV 2018).

The feature map is refined twice in sequence: channel attention (a shared MLP over the average- and
max-pooled channel descriptors, summed, sigmoid) and spatial attention (a k x k convolution over the
channel-wise mean and max maps, sigmoid). Shapes are preserved.
"""
import torch
from torch import Tensor, nn


class ChannelAttention(nn.Module):
    """CBAM's channel attention: ``x * sigmoid(MLP(avgpool(x)) + MLP(maxpool(x)))``."""

    def __init__(self, channels: int, reduction: int = 16) -> None:
        super().__init__()
        if channels < 1 or reduction < 1:
            raise ValueError(f'cbam.py: channels and reduction must be >= 1, got {channels}, {reduction}.')
        hidden = max(channels // reduction, 1)
        self.mlp = nn.Sequential(
            nn.Conv2d(channels, hidden, 1), nn.ReLU(inplace=True), nn.Conv2d(hidden, channels, 1))

    def forward(self, x: Tensor) -> Tensor:
        """Scale each channel of ``x`` (N, C, H, W) by its attention weight."""
        avg = self.mlp(x.mean(dim=(2, 3), keepdim=True))
        peak = self.mlp(x.amax(dim=(2, 3), keepdim=True))
        return x * torch.sigmoid(avg + peak)


class SpatialAttention(nn.Module):
    """CBAM's spatial attention: ``x * sigmoid(conv([mean_c(x), max_c(x)]))``."""

    def __init__(self, kernel_size: int = 7) -> None:
        super().__init__()
        if kernel_size < 1 or kernel_size % 2 == 0:
            raise ValueError(f'cbam.py: kernel_size must be a positive odd number, got {kernel_size}.')
        self.conv = nn.Conv2d(2, 1, kernel_size, padding=kernel_size // 2)

    def forward(self, x: Tensor) -> Tensor:
        """Scale each location of ``x`` (N, C, H, W) by its attention weight."""
        pooled = torch.cat([x.mean(dim=1, keepdim=True), x.amax(dim=1, keepdim=True)], dim=1)
        return x * torch.sigmoid(self.conv(pooled))


class CBAM(nn.Module):
    """Channel attention followed by spatial attention (the order Woo et al. found best)."""

    def __init__(self, channels: int, reduction: int = 16, spatial_kernel: int = 7) -> None:
        super().__init__()
        self.channel = ChannelAttention(channels, reduction)
        self.spatial = SpatialAttention(spatial_kernel)

    def forward(self, x: Tensor) -> Tensor:
        """Return the refined feature map, same shape as ``x``."""
        return self.spatial(self.channel(x))
