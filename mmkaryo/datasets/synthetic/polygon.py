"""Outline polygons of instance masks in COCO pixel convention (pixel (i, j) covers [j, j+1] x [i, i+1]).

The contour is traced (cv2.findContours) on the mask upsampled twice, so its vertices lie a quarter
pixel inside the outer edges of the boundary pixels: every mask pixel centre is inside the polygon
and every other pixel centre is at least a quarter pixel outside. Rasterising the polygon by pixel
centres (pycocotools, skimage.draw.polygon on ``polygon - 0.5``) therefore gives back the mask.
"""
import cv2
import numpy as np


def mask_to_polygon(mask: np.ndarray) -> np.ndarray:
    """The outline (N >= 3, 2) float32 x, y of a mask's largest connected region, in mask coordinates."""
    if mask.ndim != 2 or not mask.any():
        raise ValueError(f'synthetic/polygon.py: need a non-empty 2-D mask, got shape {mask.shape} '
                         f'with {int(np.count_nonzero(mask))} pixels')
    padded = np.pad(mask.astype(np.uint8), 1)
    upsampled = cv2.resize(padded, None, fx=2, fy=2, interpolation=cv2.INTER_NEAREST)
    contours, _ = cv2.findContours(upsampled, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    contour = max(contours, key=cv2.contourArea)[:, 0, :].astype(np.float32)
    # Upsampled pixel u has its centre at (u + 0.5) / 2 in padded coordinates; remove the pad.
    return (contour + 0.5) / 2.0 - 1.0
