"""Seconds of one Mask R-CNN training step, by part, for several configs side by side in one run.

Each config's model is built from random weights and trained with SGD on batches cut from that config's
own training set through its own pipeline (so each config sees its own image size). The configs take
turns step by step, so machine load affects all alike. Parts (seconds per step, median over the timed
steps):

* ``data``: the training pipeline for the batch's images, collation and the data preprocessor;
* ``backbone``, ``neck``: forward; ``rpn``: RPN head forward, loss and proposals;
* ``box branch``: RoI features, box head forward and loss; ``mask targets``: the mask head's targets
  (cropping and resizing the ground-truth masks); ``mask head``: RoI features, mask head and loss;
* ``roi other``: the rest of the RoI head's loss (assigning and sampling RoIs);
* ``backward``, ``optimiser``: ``loss.backward()`` and ``optimizer.step()``;
* ``step``: everything above, timed as a whole (``forward`` = step - data - backward - optimiser).

Usage:
    OMP_NUM_THREADS=2 python benchmarks/bench_step_profile.py CONFIG [CONFIG ...] [--iters 8]
        [--warmup 2] [--batch-size 2] [--cfg-options KEY=VALUE ...]
Run by hand; results go in benchmarks/README.md with the command and the machine's state.
"""
import argparse
import statistics
import time
from collections import defaultdict
from functools import wraps
from typing import Callable, Dict, List

import torch
from mmengine.config import Config, DictAction
from mmengine.dataset import pseudo_collate

PARTS = ('data', 'backbone', 'neck', 'rpn', 'box branch', 'mask targets', 'mask head', 'roi other',
         'backward', 'optimiser', 'forward', 'step')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('configs', nargs='+', help='config files to profile side by side')
    parser.add_argument('--iters', type=int, default=8, help='timed steps per config')
    parser.add_argument('--warmup', type=int, default=2, help='untimed steps per config')
    parser.add_argument('--batch-size', type=int, default=2, help='images per step')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction, default={},
                        help='overrides merged into every config')
    return parser.parse_args()


class PartTimer:
    """Wraps bound methods so that each call adds its wall time to ``seconds[part]``."""

    def __init__(self) -> None:
        self.seconds: Dict[str, float] = defaultdict(float)

    def wrap(self, owner: object, method: str, part: str) -> None:
        original: Callable = getattr(owner, method)

        @wraps(original)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[part] += time.perf_counter() - start

        setattr(owner, method, timed)


class Profiled:
    """One config: its model, optimiser, training set and a timer on the model's parts."""

    def __init__(self, config: str, options: dict, batch_size: int) -> None:
        from mmkaryo.registry import DATASETS, MODELS

        cfg = Config.fromfile(config)
        cfg.merge_from_dict(options)
        torch.manual_seed(0)
        self.model = MODELS.build(cfg.model).train()
        self.optimizer = torch.optim.SGD(self.model.parameters(), lr=1e-4, momentum=0.9)
        self.dataset = DATASETS.build(cfg.train_dataloader.dataset)
        self.batch_size = batch_size
        self.timer = PartTimer()
        roi = self.model.roi_head
        for owner, method, part in ((self.model.backbone, 'forward', 'backbone'),
                                    (self.model.neck, 'forward', 'neck'),
                                    (self.model.rpn_head, 'loss_and_predict', 'rpn'),
                                    (roi, 'loss', 'roi head'), (roi, 'bbox_loss', 'box branch'),
                                    (roi, 'mask_loss', 'mask loss'),
                                    (roi.mask_head, 'get_targets', 'mask targets')):
            self.timer.wrap(owner, method, part)

    def step(self, index: int) -> Dict[str, float]:
        """One training step on batch ``index``; returns seconds by part."""
        self.timer.seconds.clear()
        start = time.perf_counter()
        count = len(self.dataset)
        samples = [self.dataset[(index * self.batch_size + k) % count] for k in range(self.batch_size)]
        data = self.model.data_preprocessor(pseudo_collate(samples), True)
        data_end = time.perf_counter()
        losses = self.model(**data, mode='loss')
        loss, _ = self.model.parse_losses(losses)
        self.optimizer.zero_grad()
        backward_start = time.perf_counter()
        loss.backward()
        step_start = time.perf_counter()
        self.optimizer.step()
        end = time.perf_counter()
        seconds = dict(self.timer.seconds)
        mask_loss, roi_total = seconds.pop('mask loss', 0.0), seconds.pop('roi head')
        seconds['mask head'] = mask_loss - seconds.get('mask targets', 0.0)
        seconds['roi other'] = roi_total - seconds.get('box branch', 0.0) - mask_loss
        seconds.update(data=data_end - start, backward=step_start - backward_start,
                       optimiser=end - step_start, step=end - start)
        seconds['forward'] = seconds['step'] - seconds['data'] - seconds['backward'] - seconds['optimiser']
        return seconds


def main() -> None:
    from mmkaryo.utils.setup_env import register_all_modules

    args = parse_args()
    register_all_modules()
    runs = [Profiled(config, args.cfg_options, args.batch_size) for config in args.configs]
    times: List[Dict[str, List[float]]] = [defaultdict(list) for _ in runs]
    for i in range(args.warmup + args.iters):
        for run, record in zip(runs, times):
            seconds = run.step(i)
            if i >= args.warmup:
                for part in PARTS:
                    record[part].append(seconds.get(part, 0.0))
    print(f'torch {torch.__version__}, {torch.get_num_threads()} thread(s), batch {args.batch_size}, '
          f'median of {args.iters} steps after {args.warmup} warm-up steps; seconds per step')
    print('| part | ' + ' | '.join(f'({k + 1})' for k in range(len(runs))) + ' |')
    print('|---|' + '---:|' * len(runs))
    for part in PARTS:
        print(f'| {part} | ' + ' | '.join(f'{statistics.median(t[part]):.3f}' for t in times) + ' |')
    for k, config in enumerate(args.configs):
        params = sum(p.numel() for p in runs[k].model.parameters()) / 1e6
        print(f'({k + 1}) {config}: {params:.1f} M parameters')


if __name__ == '__main__':
    main()
