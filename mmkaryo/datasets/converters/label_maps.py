"""Overlapping instances from a class label map with an overlap value (M-FISH ``*K.tif`` style).

Rule (8-connectivity throughout): an instance of class c is a connected component of the pixels
labelled c or ``overlap_value`` that contains at least one c pixel; its mask is the whole component.
So an overlap region belongs to every chromosome it touches (the masks overlap there), and the two
halves of a chromosome cut by another one crossing it are joined through their shared overlap region.
A component with fewer than ``min_area`` pixels of class c is a fragment: not an instance, returned
for the caller to report. An overlap region touching pieces of one class only (a chromosome crossing
its homologue, or a label slip) joins them into one instance, and its pixels are covered once; such
regions are returned too, so that the caller can report them.
"""
from typing import List, NamedTuple

import numpy as np
from scipy import ndimage

_EIGHT = np.ones((3, 3), dtype=bool)


class LabelMapInstances(NamedTuple):
    """Result of :func:`instances_from_label_map`.

    Attributes:
        classes: label value (1-based class) of each instance.
        masks: boolean HxW mask of each instance.
        fragments: ``(label value, class pixels)`` of each component below ``min_area``.
        single_class_overlaps: pixel count of each overlap region touching only one label value.
    """
    classes: List[int]
    masks: List[np.ndarray]
    fragments: List[tuple]
    single_class_overlaps: List[int]


def instances_from_label_map(labels: np.ndarray, class_values: range = range(1, 25),
                             overlap_value: int = 255, min_area: int = 30) -> LabelMapInstances:
    """Split ``labels`` (HxW ints) into overlapping instance masks by the rule of this module."""
    if labels.ndim != 2:
        raise ValueError(f'labels must be HxW, got shape {labels.shape}')
    overlap = labels == overlap_value
    classes, masks, fragments = [], [], []
    for value in class_values:
        own = labels == value
        if not own.any():
            continue
        components, num = ndimage.label(own | overlap, structure=_EIGHT)
        own_pixels = np.bincount(components[own], minlength=num + 1)
        for index in np.flatnonzero(own_pixels):
            if own_pixels[index] < min_area:
                fragments.append((int(value), int(own_pixels[index])))
            else:
                classes.append(int(value))
                masks.append(components == index)
    return LabelMapInstances(classes, masks, fragments, _single_class_overlaps(labels, overlap_value))


def _single_class_overlaps(labels: np.ndarray, overlap_value: int) -> List[int]:
    """Pixel counts of the overlap regions whose 8-neighbours carry fewer than two label values."""
    regions, _ = ndimage.label(labels == overlap_value, structure=_EIGHT)
    sizes = []
    for index, region_slice in enumerate(ndimage.find_objects(regions), start=1):
        grown = tuple(slice(max(s.start - 1, 0), s.stop + 1) for s in region_slice)
        region = regions[grown] == index
        ring = ndimage.binary_dilation(region, structure=_EIGHT) & ~region
        touching = set(np.unique(labels[grown][ring]).tolist()) - {0, overlap_value}
        if len(touching) < 2:
            sizes.append(int(region.sum()))
    return sizes
