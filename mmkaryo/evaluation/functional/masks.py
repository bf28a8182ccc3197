"""Instance masks as COCO run-length encodings, and their pairwise overlaps.

Every evaluation in mmkaryo works on RLE (pycocotools): an ``(N, H, W)`` mask stack of 1600 x 1600
images costs ~2.5 MB per instance dense, a few hundred bytes as RLE, and the pairwise intersections
of RLEs cost time proportional to their runs, not to the image area.
"""
from typing import Dict, List, Sequence, Tuple, Union

import numpy as np
import pycocotools.mask as mask_util

RLE = Dict[str, object]
Masks = Union[np.ndarray, Sequence[RLE]]


def encode_masks(masks: np.ndarray) -> List[RLE]:
    """Encode an ``(N, H, W)`` boolean (or 0/1) array as N compressed COCO RLE dicts."""
    masks = np.asarray(masks)
    if masks.ndim != 3:
        raise ValueError(f'masks must be an (N, H, W) array, got shape {masks.shape}')
    masks = masks.view(np.uint8) if masks.dtype == bool else masks.astype(np.uint8)
    # One (H, W, 1) Fortran copy per mask: ~4x faster than transposing the whole stack.
    return [mask_util.encode(np.asfortranarray(mask)[:, :, None])[0] for mask in masks]


def polygons_to_rle(polygons: Sequence[Sequence[float]], height: int, width: int) -> RLE:
    """Rasterise one instance given as COCO polygons (a list of flat ``[x0, y0, x1, y1, ...]``).

    Polygons with fewer than three points enclose no area and are left out (pycocotools would
    read a 4-number list as a box). An instance whose polygons are all degenerate is an empty mask.
    """
    rings = [np.asarray(p, dtype=np.float64).ravel().tolist() for p in polygons]
    rings = [ring for ring in rings if len(ring) >= 6]
    if not rings:
        return mask_util.encode(np.zeros((height, width, 1), dtype=np.uint8, order='F'))[0]
    return mask_util.merge(mask_util.frPyObjects(rings, height, width))


def to_rles(masks: Masks) -> List[RLE]:
    """Return masks as a list of compressed RLE dicts.

    Accepts an ``(N, H, W)`` array or a list of RLE dicts (compressed, or uncompressed with a
    list of counts as in COCO json ``iscrowd`` annotations).
    """
    if isinstance(masks, np.ndarray):
        return encode_masks(masks)
    if not isinstance(masks, (list, tuple)):
        raise TypeError(f'masks must be an (N, H, W) array or a list of RLE dicts, got {type(masks)}')
    rles = []
    for rle in masks:
        if not isinstance(rle, dict) or 'counts' not in rle or 'size' not in rle:
            raise TypeError(f'each RLE must be a dict with "size" and "counts", got {rle!r:.80}')
        if isinstance(rle['counts'], list):
            height, width = rle['size']
            rle = mask_util.frPyObjects(rle, height, width)
        rles.append(rle)
    return rles


def boxes_and_areas(masks: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """``(N, 4)`` boxes ``(y0, x0, y1, x1)`` (end-exclusive) and ``(N,)`` areas of an ``(N, H, W)``
    bool stack, in one pass over each mask plus its row band; an empty mask gets a zero box."""
    boxes = np.zeros((len(masks), 4), np.int64)
    areas = np.zeros(len(masks), np.int64)
    for k, (mask, rows) in enumerate(zip(masks, masks.any(axis=2))):
        r_idx = np.flatnonzero(rows)
        if len(r_idx) == 0:
            continue
        band = mask[r_idx[0]:r_idx[-1] + 1]
        c_idx = np.flatnonzero(band.any(axis=0))
        boxes[k] = r_idx[0], c_idx[0], r_idx[-1] + 1, c_idx[-1] + 1
        areas[k] = np.count_nonzero(band[:, c_idx[0]:c_idx[-1] + 1])
    return boxes, areas


def array_overlaps(gt_masks: np.ndarray, pred_masks: np.ndarray) -> Tuple[np.ndarray, ...]:
    """:func:`mask_overlaps` for two ``(N, H, W)`` bool stacks, by sparse overlap counts.

    Only pairs whose bounding boxes meet are intersected, each on the boxes' common crop, so the
    cost is one pass per mask (areas, boxes) plus the overlapping crops, not pairs x image area.
    """
    gt_masks, pred_masks = np.asarray(gt_masks, bool), np.asarray(pred_masks, bool)
    if gt_masks.ndim != 3 or pred_masks.ndim != 3:
        raise ValueError(f'masks must be (N, H, W) arrays, got {gt_masks.shape} and {pred_masks.shape}')
    if len(gt_masks) and len(pred_masks) and gt_masks.shape[1:] != pred_masks.shape[1:]:
        raise ValueError(f'all masks must have the same image size, got sizes '
                         f'{[gt_masks.shape[1:], pred_masks.shape[1:]]}')
    gt_boxes, gt_areas = boxes_and_areas(gt_masks)
    pred_boxes, pred_areas = boxes_and_areas(pred_masks)
    intersection = np.zeros((len(gt_masks), len(pred_masks)), np.int64)
    if len(gt_masks) == 0 or len(pred_masks) == 0:
        return intersection, gt_areas, pred_areas
    top_left = np.maximum(gt_boxes[:, None, :2], pred_boxes[None, :, :2])
    bottom_right = np.minimum(gt_boxes[:, None, 2:], pred_boxes[None, :, 2:])
    meets = np.all(bottom_right > top_left, axis=2)
    for i, j in zip(*np.nonzero(meets)):
        (y0, x0), (y1, x1) = top_left[i, j], bottom_right[i, j]
        intersection[i, j] = np.count_nonzero(gt_masks[i, y0:y1, x0:x1] & pred_masks[j, y0:y1, x0:x1])
    return intersection, gt_areas, pred_areas


def mask_overlaps(gt_rles: Sequence[RLE], pred_rles: Sequence[RLE]) -> Tuple[np.ndarray, ...]:
    """Return ``(intersection, gt_areas, pred_areas)`` of two RLE lists as int64 arrays.

    ``intersection`` has shape ``(len(gt_rles), len(pred_rles))``. pycocotools gives the IoU in
    float64; the exact integer intersection is recovered as ``iou * (a + b) / (1 + iou)``.
    """
    gt_areas = np.asarray(mask_util.area(list(gt_rles)) if gt_rles else [], dtype=np.int64)
    pred_areas = np.asarray(mask_util.area(list(pred_rles)) if pred_rles else [], dtype=np.int64)
    if len(gt_rles) == 0 or len(pred_rles) == 0:
        return np.zeros((len(gt_rles), len(pred_rles)), np.int64), gt_areas, pred_areas
    sizes = {tuple(r['size']) for r in gt_rles} | {tuple(r['size']) for r in pred_rles}
    if len(sizes) != 1:
        raise ValueError(f'all masks must have the same image size, got sizes {sorted(sizes)}')
    iou = np.asarray(mask_util.iou(list(gt_rles), list(pred_rles), [0] * len(pred_rles)), np.float64)
    area_sum = gt_areas[:, None] + pred_areas[None, :]
    intersection = np.rint(iou * area_sum / (1.0 + iou)).astype(np.int64)
    return intersection, gt_areas, pred_areas
