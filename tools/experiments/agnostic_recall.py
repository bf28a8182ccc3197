"""Class-agnostic recall of dumped predictions: can an undertrained model localise chromosomes at all?

    python tools/experiments/agnostic_recall.py RESULTS.pkl [RESULTS.pkl ...] [--iou 0.5]

RESULTS.pkl is what ``tools/test.py --out`` dumps (the test pipeline keeps the ground truth in the
meta key 'instances'). For each file prints one Markdown row: the highest prediction score, and the
share of ground-truth chromosomes whose box, and whose mask, some prediction (any class, any score)
overlaps with IoU >= --iou. Ranking-free, so it says nothing about precision. Exits 1 naming a file
without predicted masks or ground truth.
"""
import argparse
import pickle
import sys
from typing import List, Tuple

import numpy as np
from pycocotools import mask as mask_utils


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('results', nargs='+', help='pickles written by tools/test.py --out')
    parser.add_argument('--iou', type=float, default=0.5, help='IoU that counts as found')
    return parser.parse_args()


def image_hits(sample: dict, iou: float) -> Tuple[int, int, int]:
    """(ground-truth count, boxes found, masks found) of one dumped sample."""
    gt = sample['instances']
    pred = sample['pred_instances']
    height, width = sample['ori_shape']
    gt_boxes = [[x1, y1, x2 - x1, y2 - y1] for x1, y1, x2, y2 in (g['bbox'] for g in gt)]
    pred_boxes = [[x1, y1, x2 - x1, y2 - y1] for x1, y1, x2, y2 in pred['bboxes'].tolist()]
    if not pred_boxes or not gt:
        return len(gt), 0, 0
    gt_rles = [mask_utils.merge(mask_utils.frPyObjects(g['mask'], height, width)) for g in gt]
    crowd = [0] * len(gt)
    box_iou = np.asarray(mask_utils.iou(pred_boxes, gt_boxes, crowd)).reshape(len(pred_boxes), -1)
    mask_iou = np.asarray(mask_utils.iou(pred['masks'], gt_rles, crowd)).reshape(len(pred_boxes), -1)
    return len(gt), int((box_iou.max(axis=0) >= iou).sum()), int((mask_iou.max(axis=0) >= iou).sum())


def summarise(path: str, iou: float) -> List[str]:
    """One table row of ``path``; ValueError when it is not a usable tools/test.py dump."""
    try:
        with open(path, 'rb') as f:
            samples = pickle.load(f)
    except (OSError, EOFError, pickle.UnpicklingError) as err:
        raise ValueError(f'{path}: cannot read a tools/test.py --out pickle ({err})') from err
    if (not isinstance(samples, list) or not samples or 'instances' not in samples[0]
            or 'masks' not in samples[0]['pred_instances']):
        raise ValueError(f'{path}: needs predicted masks and ground truth in meta key "instances"')
    totals = np.sum([image_hits(sample, iou) for sample in samples], axis=0)
    if totals[0] == 0:
        raise ValueError(f'{path}: no ground-truth chromosome to recall')
    scores = [float(s['pred_instances']['scores'].max()) for s in samples
              if len(s['pred_instances']['scores'])]
    max_score = f'{max(scores):.3f}' if scores else '-'
    return [path, max_score, f'{100 * totals[1] / totals[0]:.1f}',
            f'{100 * totals[2] / totals[0]:.1f}']


def main() -> int:
    args = parse_args()
    try:
        rows = [summarise(path, args.iou) for path in args.results]
    except ValueError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    headers = ['results', 'max score', f'box recall @{args.iou}', f'mask recall @{args.iou}']
    for line in [headers, ['---'] * len(headers)] + rows:
        print('| ' + ' | '.join(line) + ' |')
    return 0


if __name__ == '__main__':
    sys.exit(main())
