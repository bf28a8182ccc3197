"""N instance masks of one image, each kept as a bool crop of its own region (bounded memory).

A Mask R-CNN mask lives inside its box, so a 6000 x 6000 metaphase with 46 chromosomes needs a few
MiB of crops instead of 46 full-frame masks (1.6 GiB). :class:`MaskCrops` indexes like an (N, H, W)
bool array along its first axis: ``masks[i]`` is one dense (H, W) mask built on demand, a slice, an
index array or a bool array gives another :class:`MaskCrops`. It is also a valid mmengine
``InstanceData`` field (``__len__``, ``__getitem__`` and ``cat``), so it survives mmdet's
post-processing of predictions.
"""
from typing import List, Optional, Sequence, Tuple, Union

import numpy as np
import pycocotools.mask as mask_utils

Index = Union[int, slice, Sequence[int], np.ndarray]


class MaskCrops:
    """Instance masks of an (H, W) image as crops with their top-left corners.

    Args:
        crops: N 2-D bool arrays; crop ``i`` covers rows ``y0 .. y0 + h`` and columns ``x0 .. x0 + w``.
        offsets: (N, 2) integer (x0, y0) of each crop, inside the image with its crop.
        image_shape: (H, W) of the image; every pixel outside the crops is False.
    """

    def __init__(self, crops: Sequence[np.ndarray], offsets: Union[np.ndarray, Sequence[Sequence[int]]],
                 image_shape: Tuple[int, int]) -> None:
        height, width = (int(v) for v in image_shape)
        offsets = np.asarray(offsets, dtype=np.int64).reshape(-1, 2)
        if len(offsets) != len(crops):
            raise ValueError(f'MaskCrops: {len(crops)} crops but {len(offsets)} offsets')
        self.crops: List[np.ndarray] = []
        for i, crop in enumerate(crops):
            crop = np.asarray(crop)
            if crop.ndim != 2 or crop.dtype != bool:
                raise TypeError(f'MaskCrops: crop {i} must be a 2-D bool array, got {crop.dtype} {crop.shape}')
            x0, y0 = offsets[i]
            if x0 < 0 or y0 < 0 or x0 + crop.shape[1] > width or y0 + crop.shape[0] > height:
                raise ValueError(f'MaskCrops: crop {i} of shape {crop.shape} at (x0, y0) = ({x0}, {y0}) '
                                 f'leaves the {height} x {width} image')
            self.crops.append(crop)
        self.offsets = offsets
        self.image_shape = (height, width)

    @classmethod
    def from_dense(cls, masks: np.ndarray) -> 'MaskCrops':
        """Crop each (H, W) mask of an (N, H, W) array to its bounding box (empty masks: 0 x 0)."""
        masks = np.asarray(masks, dtype=bool)
        if masks.ndim != 3:
            raise ValueError(f'MaskCrops.from_dense needs (N, H, W) masks, got shape {masks.shape}')
        crops, offsets = [], []
        for mask in masks:
            box = _tight_box(mask)
            crops.append(mask[box[1]:box[3], box[0]:box[2]].copy() if box else np.zeros((0, 0), bool))
            offsets.append(box[:2] if box else (0, 0))
        return cls(crops, offsets, masks.shape[1:])

    @classmethod
    def empty(cls, num: int, image_shape: Tuple[int, int]) -> 'MaskCrops':
        """``num`` empty masks of an image of ``image_shape``."""
        return cls([np.zeros((0, 0), bool)] * num, np.zeros((num, 2), np.int64), image_shape)

    @staticmethod
    def cat(parts: Sequence['MaskCrops']) -> 'MaskCrops':
        """Concatenate the masks of several :class:`MaskCrops` of one image (mmengine's contract)."""
        if not parts:
            raise ValueError('MaskCrops.cat needs at least one MaskCrops')
        shapes = {p.image_shape for p in parts}
        if len(shapes) != 1:
            raise ValueError(f'MaskCrops.cat: masks of different images {sorted(shapes)}')
        return MaskCrops([c for p in parts for c in p.crops], np.concatenate([p.offsets for p in parts]),
                         parts[0].image_shape)

    def __len__(self) -> int:
        return len(self.crops)

    @property
    def shape(self) -> Tuple[int, int, int]:
        """(N, H, W), the shape of the dense array these masks stand for."""
        return (len(self), ) + self.image_shape

    def __getitem__(self, index: Index) -> Union[np.ndarray, 'MaskCrops']:
        """An int gives a dense (H, W) bool mask; a slice, int or bool array gives a MaskCrops."""
        if isinstance(index, (int, np.integer)):
            return self.full(int(index))
        if isinstance(index, slice):
            picks = range(len(self))[index]
        else:
            picks = np.asarray(index)
            if picks.dtype == bool:
                if picks.shape != (len(self), ):
                    raise IndexError(f'MaskCrops: bool index of shape {picks.shape} for {len(self)} masks')
                picks = np.flatnonzero(picks)
            elif picks.ndim != 1 or (picks.size and not np.issubdtype(picks.dtype, np.integer)):
                raise IndexError(f'MaskCrops: index must be 1-D integers or bools, got {picks.dtype} '
                                 f'{picks.shape}')
        picks = [int(i) for i in picks]
        return MaskCrops([self.crops[i] for i in picks], self.offsets[picks].reshape(-1, 2), self.image_shape)

    def region(self, i: int) -> Tuple[slice, slice]:
        """Row and column slices of the image covered by crop ``i``."""
        (x0, y0), (h, w) = self.offsets[i], self.crops[i].shape
        return slice(int(y0), int(y0) + h), slice(int(x0), int(x0) + w)

    def full(self, i: int) -> np.ndarray:
        """Mask ``i`` as a dense (H, W) bool array (one full-frame array; use it one mask at a time)."""
        mask = np.zeros(self.image_shape, dtype=bool)
        mask[self.region(i)] = self.crops[i]
        return mask

    def area(self, i: int) -> int:
        """Number of pixels of mask ``i``."""
        return int(np.count_nonzero(self.crops[i]))

    def tight(self, i: int) -> Optional[Tuple[np.ndarray, Tuple[int, int]]]:
        """(crop, (x0, y0)) of mask ``i`` cut to its bounding box, None if the mask is empty."""
        box = _tight_box(self.crops[i])
        if box is None:
            return None
        x0, y0 = (int(v) for v in self.offsets[i])
        return self.crops[i][box[1]:box[3], box[0]:box[2]], (box[0] + x0, box[1] + y0)

    def union(self) -> np.ndarray:
        """(H, W) bool union of all masks."""
        union = np.zeros(self.image_shape, dtype=bool)
        for i, crop in enumerate(self.crops):
            union[self.region(i)] |= crop
        return union

    def to_rle(self, i: int) -> dict:
        """COCO RLE (``size`` [H, W], ``counts`` bytes) of mask ``i``, equal to
        ``pycocotools.mask.encode`` of its dense mask, computed from the crop alone."""
        height, width = self.image_shape
        crop = self.crops[i]
        x0, y0 = (int(v) for v in self.offsets[i])
        # COCO RLE runs over the image in column-major order: alternate background/foreground lengths.
        padded = np.zeros((crop.shape[1], crop.shape[0] + 2), dtype=np.int8)
        padded[:, 1:-1] = crop.T
        cols, rows = np.nonzero(np.diff(padded, axis=1))  # starts and ends of runs, column by column
        changes = (cols + x0) * height + rows + y0
        # A run ending at the bottom of one column and starting at the top of the next is one run.
        touching = np.flatnonzero(changes[1:] == changes[:-1])
        changes = np.delete(changes, np.concatenate([touching, touching + 1]))
        changes = changes[changes < height * width]  # pycocotools ends on the last run, never on 0
        counts = np.diff(np.concatenate([[0], changes, [height * width]]))
        return mask_utils.frPyObjects(dict(counts=counts.tolist(), size=[height, width]), height, width)


def _tight_box(mask: np.ndarray) -> Optional[Tuple[int, int, int, int]]:
    """(x0, y0, x1, y1) bounding box of a 2-D bool mask (x1, y1 exclusive), None if empty."""
    rows = np.flatnonzero(mask.any(axis=1))
    if rows.size == 0:
        return None
    cols = np.flatnonzero(mask.any(axis=0))
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1
