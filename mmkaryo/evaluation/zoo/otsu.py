"""The classical baseline: one Otsu threshold, connected components as instances.

The foreground side of the threshold is chosen per image as the side with fewer pixels, since
chromosomes cover a minority of a metaphase image: the darker pixels of the inverted PNGs the
models see (dark chromosomes on light ground), the brighter ones of raw DAPI (bright on dark).
Components are 8-connected; those under ``min_area`` pixels are dropped as noise. Every instance
has score 1.0 and no class.
"""
import numpy as np
from scipy import ndimage
from skimage.filters import threshold_otsu
from skimage.measure import label

from mmkaryo.evaluation.zoo.detections import Detections
from mmkaryo.structures import MaskCrops

OTSU_MIN_AREA = 30


def otsu_foreground(gray: np.ndarray) -> np.ndarray:
    """(H, W) bool foreground of a 2-D grayscale image: the minority side of its Otsu threshold."""
    gray = np.asarray(gray)
    if gray.ndim != 2:
        raise ValueError(f'otsu_foreground needs an (H, W) grayscale image, got shape {gray.shape}')
    bright = gray > threshold_otsu(gray)
    return bright if np.count_nonzero(bright) <= bright.size - np.count_nonzero(bright) else ~bright


def otsu_instances(gray: np.ndarray, min_area: int = OTSU_MIN_AREA) -> Detections:
    """Instances of :func:`otsu_foreground`: 8-connected components of at least ``min_area`` px."""
    components = label(otsu_foreground(gray), connectivity=2)
    sizes = np.bincount(components.ravel())
    crops, offsets, boxes = [], [], []
    for index, region in enumerate(ndimage.find_objects(components), start=1):
        if region is None or sizes[index] < min_area:
            continue
        rows, cols = region
        crops.append(components[region] == index)
        offsets.append((cols.start, rows.start))
        boxes.append((cols.start, rows.start, cols.stop, rows.stop))
    masks = MaskCrops(crops, np.asarray(offsets, np.int64).reshape(-1, 2), components.shape)
    return Detections([masks.to_rle(i) for i in range(len(masks))], np.asarray(boxes, np.float64),
                      np.ones(len(crops)))
