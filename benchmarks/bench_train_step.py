"""Seconds per training iteration: mmkaryo's alternating machinery vs plain mmdet Mask R-CNN.

Builds the CPU Mask R-CNN (ResNet-18 FPN) of ``configs/synthetic/mask-rcnn_r18_fpn_300i_synthetic.py``
twice with the same weights — once with mmkaryo's ``MaskingStandardRoIHead``, once with mmdet's
``StandardRoIHead`` — and times full SGD steps (forward, backward, update) on the same synthetic
batches, in one run, interleaving the models so that machine load affects both alike:

* plain mmdet on mask batches (the reference),
* the masking head on the same mask batches (the machinery's overhead; goal <= 3 %),
* the masking head on box-only batches of the same images (no mask forward: should be cheaper).

Usage: python benchmarks/bench_train_step.py [--iters 10] [--image-size 320] [--batch-size 2]
Run by hand (CPU, OMP_NUM_THREADS=1 for stable numbers); results go in benchmarks/README.md.
"""
import argparse
import copy
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List

import torch
from mmengine.config import Config
from mmengine.dataset import pseudo_collate

REPO = Path(__file__).resolve().parents[1]
CONFIG = REPO / 'configs/synthetic/mask-rcnn_r18_fpn_300i_synthetic.py'


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--iters', type=int, default=10, help='timed iterations per variant')
    parser.add_argument('--warmup', type=int, default=2, help='untimed iterations per variant')
    parser.add_argument('--image-size', type=int, default=320, help='synthetic image side (px)')
    parser.add_argument('--batch-size', type=int, default=2, help='images per batch')
    return parser.parse_args()


def make_batches(root: Path, image_size: int, batch_size: int, count: int) -> List[List[dict]]:
    """``count`` batches of packed synthetic samples (with masks) through the config's pipeline."""
    from mmkaryo.datasets.synthetic import write_synthetic_dataset
    from mmkaryo.registry import DATASETS

    write_synthetic_dataset(root, num_images=batch_size * count, seed=0, image_size=image_size,
                            formats=['coco'])
    cfg = Config.fromfile(str(CONFIG))
    dataset = DATASETS.build(dict(cfg.train_dataloader.dataset, data_root=f'{root}/'))
    torch.manual_seed(0)
    samples = [dataset[i] for i in range(batch_size * count)]
    return [samples[i:i + batch_size] for i in range(0, len(samples), batch_size)]


def box_only(batch: List[dict]) -> List[dict]:
    """The same samples as a box-only dataset yields them: with_mask=False and no gt masks."""
    out = copy.deepcopy(batch)
    for sample in out:
        sample['data_samples'].set_metainfo(dict(with_mask=False))
        del sample['data_samples'].gt_instances.masks
    return out


def build_models() -> Dict[str, torch.nn.Module]:
    """The masking model and a plain mmdet model with identical weights."""
    from mmkaryo.registry import MODELS

    cfg = Config.fromfile(str(CONFIG)).model
    torch.manual_seed(0)
    masking = MODELS.build(cfg)
    plain_cfg = copy.deepcopy(cfg)
    plain_cfg.roi_head.type = 'StandardRoIHead'
    plain_cfg.roi_head.pop('loss_box_proj')
    plain = MODELS.build(plain_cfg)
    plain.load_state_dict(masking.state_dict())
    return dict(masking=masking.train(), plain=plain.train())


def step_fn(model: torch.nn.Module) -> Callable[[List[dict]], float]:
    """One timed SGD step of ``model`` on a batch; returns seconds."""
    optimizer = torch.optim.SGD(model.parameters(), lr=0.005, momentum=0.9, weight_decay=1e-4)

    def step(batch: List[dict]) -> float:
        start = time.perf_counter()
        data = model.data_preprocessor(pseudo_collate(copy.deepcopy(batch)), True)
        losses = model(**data, mode='loss')
        loss, _ = model.parse_losses(losses)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        return time.perf_counter() - start

    return step


def main() -> None:
    from mmkaryo.utils.setup_env import register_all_modules

    args = parse_args()
    register_all_modules()
    torch.set_num_threads(1)
    with tempfile.TemporaryDirectory() as tmp:
        batches = make_batches(Path(tmp), args.image_size, args.batch_size, args.iters + args.warmup)
    models = build_models()
    variants = {
        'mmdet Mask R-CNN, mask batches': (step_fn(models['plain']), batches),
        'mmkaryo masking head, mask batches': (step_fn(models['masking']), batches),
        'mmkaryo masking head, box-only batches': (step_fn(models['masking']),
                                                   [box_only(b) for b in batches]),
    }
    times: Dict[str, List[float]] = {name: [] for name in variants}
    for i in range(args.warmup + args.iters):
        for name, (step, data) in variants.items():
            seconds = step(data[i])
            if i >= args.warmup:
                times[name].append(seconds)

    reference = statistics.median(times['mmdet Mask R-CNN, mask batches'])
    print(f'torch {torch.__version__}, {torch.get_num_threads()} thread(s), '
          f'{args.image_size} px, batch {args.batch_size}, {args.iters} timed iterations (median)')
    print(f'| variant | s/iter (median) | vs mmdet |\n|---|---|---|')
    for name, values in times.items():
        median = statistics.median(values)
        print(f'| {name} | {median:.3f} | {100 * (median / reference - 1):+.1f} % |')


if __name__ == '__main__':
    main()
