"""Length-normalised canvases: every chromosome stretched to fill the canvas, whatever its size.

A native-scale canvas (:mod:`mmkaryo.structures.chromosome_crop`) shows a short chromosome as a few
dozen pixels and a long one as a hundred, so the band pattern a classifier learns lies at a different
scale for each class. :func:`fit_canvases` resamples each canvas's chromosome (its non-zero bounding
box) to the largest size that fits ``out_hw`` with its aspect ratio kept, centred: bands then sit at
the same relative positions for every class, as on a karyogram drawn to one height. The size a fit
throws away is what the classifier's size vector carries.
"""
from typing import Tuple

import torch
import torch.nn.functional as F


def fit_canvases(images: torch.Tensor, out_hw: Tuple[int, int]) -> torch.Tensor:
    """(B, C, H', W') canvases whose non-zero content is scaled to fit ``out_hw`` and centred.

    Args:
        images: (B, C, H, W) canvases, zero outside the chromosome.
        out_hw: (H', W') of the result.

    Returns:
        (B, C, H', W') canvases; an all-zero canvas stays all zero. The scale is
        ``min(H' / h, W' / w)`` for a content box of h x w pixels (bilinear, antialiased when shrinking).
    """
    if images.dim() != 4:
        raise ValueError(f'fit_canvases needs (B, C, H, W) canvases, got shape {tuple(images.shape)}')
    out_h, out_w = (int(v) for v in out_hw)
    if out_h < 1 or out_w < 1:
        raise ValueError(f'out_hw must be positive, got {out_hw}')
    result = images.new_zeros(images.shape[:2] + (out_h, out_w))
    occupied = images.detach().abs().sum(dim=1) > 0
    for i in range(images.shape[0]):
        rows = occupied[i].any(dim=1).nonzero()
        cols = occupied[i].any(dim=0).nonzero()
        if not len(rows):
            continue
        top, bottom = int(rows[0]), int(rows[-1]) + 1
        left, right = int(cols[0]), int(cols[-1]) + 1
        scale = min(out_h / (bottom - top), out_w / (right - left))
        height = min(out_h, max(1, round((bottom - top) * scale)))
        width = min(out_w, max(1, round((right - left) * scale)))
        content = images[i:i + 1, :, top:bottom, left:right]
        resized = F.interpolate(content, size=(height, width), mode='bilinear', align_corners=False,
                                antialias=scale < 1)
        y0, x0 = (out_h - height) // 2, (out_w - width) // 2
        result[i, :, y0:y0 + height, x0:x0 + width] = resized[0]
    return result
