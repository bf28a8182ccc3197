"""Cut a chromosome out by its mask and turn it upright along its principal axis."""
from typing import Tuple

import cv2
import numpy as np


def principal_axis(mask: np.ndarray) -> np.ndarray:
    """Return the unit (x, y) vector of the mask's major axis (largest second moment), y pointing down.

    The sign is fixed so that y >= 0 (an axis has no direction).
    """
    ys, xs = np.nonzero(mask)
    if len(xs) == 0:
        raise ValueError('cannot find the principal axis of an empty mask')
    coords = np.stack([xs, ys]).astype(np.float64)
    coords -= coords.mean(axis=1, keepdims=True)
    eigvals, eigvecs = np.linalg.eigh(coords @ coords.T)
    axis = eigvecs[:, np.argmax(eigvals)]
    return axis if axis[1] >= 0 else -axis


def upright_crop(gray: np.ndarray, mask: np.ndarray, background: int = 255,
                 pad: int = 2) -> Tuple[np.ndarray, np.ndarray]:
    """Return (crop, crop_mask): the masked pixels of ``gray`` rotated so the major axis is vertical.

    Args:
        gray: (H, W) image, uint8 or float (a float image keeps its values).
        mask: (H, W) bool mask of one chromosome, not empty.
        background: grey value outside the mask.
        pad: margin in pixels around the rotated chromosome.
    """
    if gray.shape != mask.shape:
        raise ValueError(f'image {gray.shape} and mask {mask.shape} differ in size')
    axis_v = principal_axis(mask)
    axis_u = np.array([axis_v[1], -axis_v[0]])  # [u; v] is a rotation (determinant +1)
    ys, xs = np.nonzero(mask)
    points = np.stack([xs, ys]).astype(np.float64)
    proj_u, proj_v = axis_u @ points, axis_v @ points
    width = int(np.ceil(proj_u.max() - proj_u.min())) + 1 + 2 * pad
    height = int(np.ceil(proj_v.max() - proj_v.min())) + 1 + 2 * pad
    matrix = np.array([[axis_u[0], axis_u[1], pad - proj_u.min()],
                       [axis_v[0], axis_v[1], pad - proj_v.min()]])
    crop = cv2.warpAffine(gray, matrix, (width, height), flags=cv2.INTER_LINEAR,
                          borderValue=int(background))
    crop_mask = cv2.warpAffine(mask.astype(np.uint8), matrix, (width, height),
                               flags=cv2.INTER_NEAREST, borderValue=0).astype(bool)
    crop[~crop_mask] = background
    return crop, crop_mask
