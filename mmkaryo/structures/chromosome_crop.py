"""Chromosome crops for a classifier: masked, upright, at native scale, normalised by their metaphase.

A chromosome is named by its banding, its size and its centromere position *relative to the other
chromosomes of its cell*. :func:`metaphase_crops` turns the N chromosome masks of one metaphase into N
fixed-size canvases and N size vectors:

* **stain**: the image as dye density, 255 - grey for dark-on-light images (inverted M-FISH DAPI,
  G-banding), the grey level itself for bright-on-dark ones, divided by the mean stain of all
  chromosome pixels of the metaphase (so a bright and a dim metaphase give the same canvas);
* **upright**: each chromosome rotated so its principal axis is vertical
  (:func:`mmkaryo.karyotype.upright.upright_crop`), zero outside its mask;
* **native scale**: centred on a ``canvas_hw`` canvas pixel for pixel; a chromosome larger than the
  canvas (less its margin) is shrunk to fit, keeping its aspect ratio, and only then;
* **size**: ``log(area / median area)`` and ``log(length / median length)`` over the metaphase's
  chromosomes, length being the extent along the principal axis.

The canvas is what a classifier sees; the size vector carries what shrinking or cropping loses.
"""
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

import cv2
import numpy as np

from mmkaryo.karyotype.upright import principal_axis, upright_crop
from mmkaryo.structures.mask_crops import MaskCrops

#: default canvas (height, width): the longest M-FISH chromosome at 640 px is 123 px, 99 % are <= 84
CANVAS_HW: Tuple[int, int] = (96, 48)
#: blank pixels kept around a chromosome that had to be shrunk to fit the canvas
CANVAS_MARGIN = 2
#: number of size features of :func:`metaphase_crops`
NUM_SIZE_FEATURES = 2

# One chromosome mask as (bool crop, (x0, y0) of its top-left corner in the image).
RegionMask = Tuple[np.ndarray, Tuple[int, int]]


@dataclass(frozen=True)
class MetaphaseCrops:
    """The classifier inputs of one metaphase's N chromosomes.

    Attributes:
        canvases: (N, H, W) float32 normalised stain, 0 outside each chromosome.
        sizes: (N, NUM_SIZE_FEATURES) float32, log area and log length relative to the metaphase medians.
        scales: (N,) float32 factor each chromosome was resized by (1.0 unless it had to shrink).
    """
    canvases: np.ndarray
    sizes: np.ndarray
    scales: np.ndarray


def stain_image(gray: np.ndarray, dark_on_light: bool = True) -> np.ndarray:
    """(H, W) float32 dye density of a uint8 grey image: 255 - grey when the chromosomes are dark."""
    if gray.dtype != np.uint8 or gray.ndim != 2:
        raise ValueError(f'stain_image needs an (H, W) uint8 image, got {gray.dtype} {gray.shape}')
    gray = gray.astype(np.float32)
    return 255.0 - gray if dark_on_light else gray


def axis_length(mask: np.ndarray) -> float:
    """Extent of a non-empty bool mask along its principal axis, in pixels (a 1-pixel mask has 1)."""
    ys, xs = np.nonzero(mask)
    projection = principal_axis(mask) @ np.stack([xs, ys]).astype(np.float64)
    return float(projection.max() - projection.min()) + 1.0


def to_canvas(crop: np.ndarray, canvas_hw: Tuple[int, int] = CANVAS_HW) -> Tuple[np.ndarray, float]:
    """Centre an (h, w) float32 crop on a zero canvas, shrinking it only if it does not fit.

    Returns:
        (canvas, scale): the (H, W) float32 canvas and the factor the crop was resized by (<= 1).
    """
    height, width = canvas_hw
    scale = min(1.0, (height - 2 * CANVAS_MARGIN) / crop.shape[0], (width - 2 * CANVAS_MARGIN) / crop.shape[1])
    if scale < 1.0:
        size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
        crop = cv2.resize(crop, size, interpolation=cv2.INTER_AREA)
    canvas = np.zeros((height, width), dtype=np.float32)
    top, left = (height - crop.shape[0]) // 2, (width - crop.shape[1]) // 2
    canvas[top:top + crop.shape[0], left:left + crop.shape[1]] = crop
    return canvas, scale


def metaphase_crops(stain: np.ndarray, masks: Sequence[RegionMask], canvas_hw: Tuple[int, int] = CANVAS_HW,
                    reference: Optional[np.ndarray] = None) -> MetaphaseCrops:
    """Cut every chromosome of one metaphase into a normalised upright canvas (module docstring).

    Args:
        stain: (H, W) float32 dye density of the metaphase (:func:`stain_image`).
        masks: the N chromosome masks, each a non-empty bool crop with its (x0, y0) in ``stain``.
        canvas_hw: (height, width) of the canvases.
        reference: (N,) bool, the masks the metaphase's mean stain and median sizes are taken over
            (e.g. the detections sure enough to be chromosomes); None, or none selected, takes all.

    Raises:
        ValueError: an empty mask, or one leaving the image.
    """
    if not masks:
        return MetaphaseCrops(np.zeros((0, ) + tuple(canvas_hw), np.float32),
                              np.zeros((0, NUM_SIZE_FEATURES), np.float32), np.zeros(0, np.float32))
    regions = []
    for i, (mask, (x0, y0)) in enumerate(masks):
        if not mask.any():
            raise ValueError(f'chromosome mask {i} is empty')
        if x0 < 0 or y0 < 0 or y0 + mask.shape[0] > stain.shape[0] or x0 + mask.shape[1] > stain.shape[1]:
            raise ValueError(f'chromosome mask {i} of shape {mask.shape} at ({x0}, {y0}) leaves the '
                             f'{stain.shape} image')
        regions.append(stain[y0:y0 + mask.shape[0], x0:x0 + mask.shape[1]])
    reference = np.ones(len(masks), bool) if reference is None else np.asarray(reference, bool)
    if reference.shape != (len(masks), ):
        raise ValueError(f'reference must be ({len(masks)},) bool, got shape {reference.shape}')
    if not reference.any():
        reference = np.ones(len(masks), bool)
    stain_mean = float(np.mean(np.concatenate(
        [region[mask] for region, (mask, _), ref in zip(regions, masks, reference) if ref])))
    areas = np.array([np.count_nonzero(mask) for mask, _ in masks], dtype=np.float64)
    lengths = np.array([axis_length(mask) for mask, _ in masks])
    canvases: List[np.ndarray] = []
    scales: List[float] = []
    for region, (mask, _) in zip(regions, masks):
        upright, _ = upright_crop(region / max(stain_mean, 1e-6), mask, background=0, pad=0)
        canvas, scale = to_canvas(upright.astype(np.float32), canvas_hw)
        canvases.append(canvas)
        scales.append(scale)
    sizes = np.stack([np.log(areas / np.median(areas[reference])),
                      np.log(lengths / np.median(lengths[reference]))], axis=1)
    return MetaphaseCrops(np.stack(canvases), sizes.astype(np.float32), np.asarray(scales, np.float32))


def mask_crops_canvases(stain: np.ndarray, masks: MaskCrops, canvas_hw: Tuple[int, int] = CANVAS_HW,
                        reference: Optional[np.ndarray] = None) -> Tuple[MetaphaseCrops, np.ndarray]:
    """:func:`metaphase_crops` of the non-empty ones of a metaphase's N masks (an empty mask has no crop).

    Args:
        stain, canvas_hw: as for :func:`metaphase_crops`.
        masks: the N chromosome masks of the metaphase.
        reference: (N,) bool over all N masks, or None (see :func:`metaphase_crops`).

    Returns:
        (crops, cut): the crops of the non-empty masks in their order, and the (N,) bool of which masks
        those are.
    """
    tight = [masks.tight(i) for i in range(len(masks))]
    cut = np.array([region is not None for region in tight], dtype=bool)
    if reference is not None:
        reference = np.asarray(reference, dtype=bool)
        if reference.shape != (len(masks), ):
            raise ValueError(f'reference must be ({len(masks)},) bool, got shape {reference.shape}')
        reference = reference[cut]
    regions = [region for region in tight if region is not None]
    return metaphase_crops(stain, regions, canvas_hw, reference), cut
