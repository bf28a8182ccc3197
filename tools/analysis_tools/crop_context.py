"""Measure the metaphase context (homologue support) of a crop classifier on one split, by weight.

    python tools/analysis_tools/crop_context.py CONFIG CHECKPOINT [--ann-file annotations/mfish_val.json] \
        [--weights 0 0.5 1 2] [--temperature 0.1] [--out sweep.json]

Runs the classifier once over the labelled crops of ANN_FILE (relative to the config's data_root; default
the config's validation file), then reads the classes for every weight of
:func:`mmkaryo.karyotype.homologues.homologue_support` (0 = no context), by argmax and under the
karyotype prior, and prints one row per weight. Choose the weight on validation slides, never on test.
"""
import argparse
import copy
import json
import sys
from pathlib import Path

import numpy as np
import torch
from mmengine.config import Config

from mmkaryo.apis.crop_namer import CropNamer
from mmkaryo.evaluation.functional.crop_classification import constrained_labels
from mmkaryo.karyotype import DEFAULT_EXTRA_PENALTY
from mmkaryo.karyotype.homologues import homologue_support
from mmkaryo.registry import DATASETS
from mmkaryo.utils import register_all_modules


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('--ann-file', help="COCO file relative to data_root (default: the config's val file)")
    parser.add_argument('--weights', type=float, nargs='+', default=[0.0, 0.25, 0.5, 1.0, 2.0])
    parser.add_argument('--temperature', type=float, default=0.1)
    parser.add_argument('--out', help='write the rows as JSON here')
    return parser.parse_args()


@torch.no_grad()
def predict_split(cfg: Config, checkpoint: str, ann_file: str) -> dict:
    """probs (N, 24), features (N, D), gt (N,), img_ids (N,) of every labelled crop of ``ann_file``."""
    dataset_cfg = copy.deepcopy(cfg.val_dataloader.dataset)
    dataset_cfg.ann_file = ann_file
    dataset = DATASETS.build(dataset_cfg)
    model = CropNamer(cfg, checkpoint).model
    probs, features, gt, img_ids = [], [], [], []
    for start in range(0, len(dataset), 256):
        items = [dataset[i] for i in range(start, min(start + 256, len(dataset)))]
        samples = [item['data_samples'] for item in items]
        p, f = model.predict_with_features(torch.stack([item['inputs'] for item in items]),
                                           torch.stack([s.sizes for s in samples]))
        probs.append(p.numpy())
        features.append(f.numpy())
        gt += [int(s.gt_label) for s in samples]
        img_ids += [s.img_id for s in samples]
    return dict(probs=np.concatenate(probs), features=np.concatenate(features), gt=np.array(gt),
                img_ids=np.array(img_ids))


def context_row(split: dict, weight: float, temperature: float) -> dict:
    """Argmax and constrained accuracy of the classes read with homologue support of ``weight``."""
    probs = np.zeros_like(split['probs'], dtype=np.float64)
    for img_id in np.unique(split['img_ids']):
        rows = split['img_ids'] == img_id
        probs[rows] = homologue_support(split['probs'][rows], split['features'][rows], weight, temperature)
    constrained = constrained_labels(probs, split['img_ids'], DEFAULT_EXTRA_PENALTY)
    return dict(weight=weight, temperature=temperature,
                accuracy=float(np.mean(probs.argmax(1) == split['gt'])),
                constrained_accuracy=float(np.mean(constrained == split['gt'])))


def main() -> int:
    args = parse_args()
    register_all_modules(init_default_scope=True)
    cfg = Config.fromfile(args.config)
    split = predict_split(cfg, args.checkpoint, args.ann_file or cfg.val_dataloader.dataset.ann_file)
    print(f'{len(split["gt"])} crops in {len(np.unique(split["img_ids"]))} images')
    print('| weight | argmax acc | constrained acc |\n|---|---|---|')
    rows = []
    for weight in args.weights:
        rows.append(context_row(split, weight, args.temperature))
        print(f'| {weight:g} | {rows[-1]["accuracy"]:.3f} | {rows[-1]["constrained_accuracy"]:.3f} |')
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=2) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
