"""Time mmkaryo's AJI against a dense NumPy implementation and HoVer-Net's get_fast_aji semantics.

    OMP_NUM_THREADS=1 python benchmarks/bench_aji.py [--num-images 65] [--instances 46] [--size 1600]

Two comparisons, each asserting identical values:

1. Overlapping instance masks (what chromosomes need): ``aggregated_jaccard_index`` on RLE (the
   metric's path: predictions are encoded once per image) and on ``(N, H, W)`` arrays (encoding
   included) against a dense NumPy implementation of the same definition, which counts every
   ground-truth/prediction intersection over the full image.
2. Non-overlapping label maps (HoVer-Net's kind of input): ``aggregated_jaccard_index_label_maps``
   (sparse overlap counts) against a re-implementation of HoVer-Net's ``get_fast_aji`` (written here
   from its published definition: one full-image mask per id, pairs restricted to ids that touch).

Synthetic chromosome-like capsules (random length, width and angle, free to overlap); predictions
are the truths shifted and thickened a little, with some missed and some spurious.
"""
import argparse
import time
from typing import Callable, Dict, List, Tuple

import cv2
import numpy as np
from scipy.optimize import linear_sum_assignment

from mmkaryo.evaluation.functional import (aggregated_jaccard_index,
                                           aggregated_jaccard_index_label_maps, encode_masks)


def capsule(shape: Tuple[int, int], rng: np.random.Generator, scale: float,
            shift: Tuple[int, int] = (0, 0), extra_width: int = 0, params=None):
    """One chromosome-like capsule mask; returns ``(mask, params)`` so it can be redrawn perturbed."""
    if params is None:
        centre = rng.uniform(0.08, 0.92, 2) * np.array(shape[::-1])
        length, width = rng.uniform(60, 220) * scale, rng.uniform(18, 34) * scale
        params = (centre, length, width, rng.uniform(0, np.pi))
    centre, length, width, angle = params
    direction = np.array([np.cos(angle), np.sin(angle)]) * length / 2
    p0 = tuple(int(v) for v in centre - direction + shift)
    p1 = tuple(int(v) for v in centre + direction + shift)
    canvas = np.zeros(shape, np.uint8)
    cv2.line(canvas, p0, p1, 1, thickness=max(1, int(width) + extra_width))
    return canvas.astype(bool), params


def make_image(rng: np.random.Generator, size: int, count: int):
    """``(gt, pred)`` mask stacks of one image: ``count`` truths, ~count predictions."""
    shape, scale = (size, size), size / 1600
    gt, pred = [], []
    for _ in range(count):
        mask, params = capsule(shape, rng, scale)
        gt.append(mask)
        if rng.random() < 0.06:
            continue  # missed
        shift = tuple(int(v) for v in rng.integers(-4, 5, 2))
        pred.append(capsule(shape, rng, scale, shift, int(rng.integers(-3, 4)), params)[0])
    for _ in range(max(1, count // 15)):
        pred.append(capsule(shape, rng, scale)[0])  # spurious
    return np.stack(gt), np.stack(pred)


def dense_aji(gt: np.ndarray, pred: np.ndarray, variant: str) -> float:
    """The same AJI definition over dense (N, H, W) masks, every pair over the full image."""
    gt_area = gt.reshape(len(gt), -1).sum(1)
    pred_area = pred.reshape(len(pred), -1).sum(1)
    inter = np.array([[np.count_nonzero(g & p) for p in pred] for g in gt], np.int64)
    union = gt_area[:, None] + pred_area[None] - inter
    iou = inter / union
    if variant == 'aji':
        pairs = [(i, int(np.argmax(iou[i]))) for i in range(len(gt)) if iou[i].max() > 0]
    else:
        rows, cols = linear_sum_assignment(-iou)
        pairs = [(i, j) for i, j in zip(rows, cols) if iou[i, j] > 0]
    used_gt, used_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    c = sum(inter[i, j] for i, j in pairs)
    u = sum(union[i, j] for i, j in pairs)
    u += sum(gt_area[i] for i in range(len(gt)) if i not in used_gt)
    u += sum(pred_area[j] for j in range(len(pred)) if j not in used_pred)
    return c / u


def hovernet_fast_aji(true: np.ndarray, pred: np.ndarray) -> float:
    """HoVer-Net's get_fast_aji semantics on label maps with contiguous ids 1..N (0 background)."""
    true_ids = [i for i in np.unique(true) if i != 0]
    pred_ids = [j for j in np.unique(pred) if j != 0]
    true_masks = {i: (true == i).astype(np.uint8) for i in true_ids}
    pred_masks = {j: (pred == j).astype(np.uint8) for j in pred_ids}
    inter = np.zeros((len(true_ids), len(pred_ids)))
    union = np.zeros((len(true_ids), len(pred_ids)))
    pred_pos = {j: k for k, j in enumerate(pred_ids)}
    for row, i in enumerate(true_ids):
        t_mask = true_masks[i]
        for j in np.unique(pred[t_mask > 0]):
            if j == 0:
                continue
            p_mask = pred_masks[j]
            total = (t_mask + p_mask).sum()
            both = (t_mask * p_mask).sum()
            inter[row, pred_pos[j]], union[row, pred_pos[j]] = both, total - both
    iou = inter / (union + 1.0e-6)
    paired_pred = np.argmax(iou, axis=1)
    paired_true = np.nonzero(iou.max(axis=1) > 0.0)[0]
    paired_pred = paired_pred[paired_true]
    c = inter[paired_true, paired_pred].sum()
    u = union[paired_true, paired_pred].sum()
    u += sum(true_masks[true_ids[r]].sum() for r in range(len(true_ids)) if r not in set(paired_true))
    u += sum(pred_masks[pred_ids[k]].sum() for k in range(len(pred_ids)) if k not in set(paired_pred))
    return c / u


def label_map(masks: np.ndarray) -> np.ndarray:
    """Paint masks into one label map, later ids on top, with contiguous ids of the survivors."""
    painted = np.zeros(masks.shape[1:], np.int32)
    for k, mask in enumerate(masks, start=1):
        painted[mask] = k
    ids = np.unique(painted)
    lookup = np.zeros(len(masks) + 1, np.int32)
    lookup[ids] = np.arange(len(ids))
    return lookup[painted]


def timed(fn: Callable, *args) -> Tuple[float, object]:
    start = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--num-images', type=int, default=65)
    parser.add_argument('--instances', type=int, default=46)
    parser.add_argument('--size', type=int, default=1600)
    parser.add_argument('--seed', type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    times: Dict[str, List[float]] = {}
    worst = 0.0
    for index in range(args.num_images):
        gt, pred = make_image(rng, args.size, args.instances)
        t_encode, (gt_rles, pred_rles) = timed(lambda: (encode_masks(gt), encode_masks(pred)))
        times.setdefault('encode gt+pred to RLE', []).append(t_encode)
        for variant in ('aji', 'aji+'):
            t_rle, ours = timed(aggregated_jaccard_index, gt_rles, pred_rles, None, None, variant)
            t_arr, ours_arr = timed(aggregated_jaccard_index, gt, pred, None, None, variant)
            t_dense, ref = timed(dense_aji, gt, pred, variant)
            worst = max(worst, abs(ours['aji'] - ref), abs(ours_arr['aji'] - ref))
            times.setdefault(f'{variant}: mmkaryo on RLE', []).append(t_rle)
            times.setdefault(f'{variant}: mmkaryo on (N,H,W) arrays', []).append(t_arr)
            times.setdefault(f'{variant}: dense NumPy', []).append(t_dense)
        gt_map, pred_map = label_map(gt), label_map(pred)
        t_hover, ref = timed(hovernet_fast_aji, gt_map, pred_map)
        t_maps, ours = timed(aggregated_jaccard_index_label_maps, gt_map, pred_map, 'aji')
        worst = max(worst, abs(ours['aji'] - ref))
        times.setdefault('label maps: HoVer-Net get_fast_aji', []).append(t_hover)
        times.setdefault('label maps: mmkaryo sparse counts', []).append(t_maps)
        print(f'image {index + 1}/{args.num_images}: AJI {ref:.4f}', flush=True)
    if worst > 1e-9:
        raise SystemExit(f'values differ: max |difference| {worst}')
    print(f'\n{args.num_images} images x {args.instances} instances at {args.size}x{args.size}; '
          f'all values identical (max |difference| {worst:.1e})')
    print(f'{"method":42s} {"total s":>9s} {"ms/image":>9s}')
    for name, values in times.items():
        print(f'{name:42s} {sum(values):9.2f} {1000 * np.mean(values):9.1f}')
    for variant in ('aji', 'aji+'):
        dense = sum(times[f'{variant}: dense NumPy'])
        print(f'{variant}: speed-up on RLE {dense / sum(times[f"{variant}: mmkaryo on RLE"]):.0f}x, '
              f'on arrays {dense / sum(times[f"{variant}: mmkaryo on (N,H,W) arrays"]):.0f}x')
    hover = sum(times['label maps: HoVer-Net get_fast_aji'])
    print(f'label maps: speed-up over get_fast_aji '
          f'{hover / sum(times["label maps: mmkaryo sparse counts"]):.0f}x')


if __name__ == '__main__':
    main()
