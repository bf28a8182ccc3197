"""AlternatingSourceBatchSampler inside mmengine: built from a config, trained, resumed."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import SimpleNamespace
from typing import List, Optional, Tuple

import pytest
import torch
from mmengine.hooks import DistSamplerSeedHook
from mmengine.model import BaseModel
from mmengine.registry import DefaultScope
from mmengine.runner import Runner
from torch import nn

from mmkaryo.datasets.samplers import AlternatingSourceBatchSampler

WORKER_PATH = Path(__file__).with_name('ddp_alternating_sampler_worker.py')
SIZES, BATCH_SIZE, RATIOS = (23, 13), 2, (2, 1)


def load_worker():
    """The DDP worker module, which also holds the tiny datasets and the loader config."""
    spec = importlib.util.spec_from_file_location('ddp_alternating_sampler_worker', WORKER_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


worker = load_worker()


class RecordingModel(BaseModel):
    """A one-parameter model that records the (source, local indices) of every batch it trains on."""

    def __init__(self) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(1))
        self.seen: List[Tuple[str, Tuple[int, ...]]] = []

    def forward(self, source: List[str], local_index: List[int], mode: str = 'loss', **kwargs) -> dict:
        names = set(source)
        if len(names) != 1:
            raise AssertionError(f'a batch mixes sources {names}')
        self.seen.append((names.pop(), tuple(local_index)))
        return dict(loss=(self.weight * 0).sum())


def train(work_dir: Path, name: str, train_cfg: dict, infinite: bool,
          resume_from: Optional[Path] = None) -> List:
    """Train a RecordingModel with mmengine's Runner over our sampler; return the batches it saw."""
    model = RecordingModel()
    checkpoint = dict(type='CheckpointHook', interval=1 if train_cfg['by_epoch'] else 5,
                      by_epoch=train_cfg['by_epoch'])
    runner = Runner(
        model=model,
        work_dir=str(work_dir),
        experiment_name=name,
        train_dataloader=worker.loader_config(SIZES, BATCH_SIZE, RATIOS, infinite=infinite),
        train_cfg=train_cfg,
        optim_wrapper=dict(optimizer=dict(type='SGD', lr=0.01)),
        default_hooks=dict(checkpoint=checkpoint, logger=dict(type='LoggerHook', interval=100)),
        log_processor=dict(by_epoch=train_cfg['by_epoch']),
        randomness=dict(seed=3),
        default_scope='mmkaryo',
        load_from=None if resume_from is None else str(resume_from),
        resume=resume_from is not None)
    runner.train()
    return model.seen


def test_build_dataloader_from_config_gives_one_source_batches():
    with DefaultScope.overwrite_default_scope('mmkaryo'):
        loader = Runner.build_dataloader(worker.loader_config(SIZES, BATCH_SIZE, RATIOS), seed=5)
    assert isinstance(loader.batch_sampler, AlternatingSourceBatchSampler)
    assert loader.batch_sampler.seed == 5
    # 13 // 2 = 6 batches of the epoch source; ratio 2:1 gives 12 more of source 0.
    assert len(loader) == 18
    batches = list(loader)
    assert len(batches) == 18
    sources = [set(batch['source']) for batch in batches]
    assert all(len(names) == 1 for names in sources)
    assert sum(names == {'source1'} for names in sources) == 6
    assert all(len(batch['local_index']) == BATCH_SIZE for batch in batches)
    # DistSamplerSeedHook reaches set_epoch through dataloader.batch_sampler.sampler.
    runner = SimpleNamespace(epoch=4, train_loop=SimpleNamespace(dataloader=loader))
    DistSamplerSeedHook().before_train_epoch(runner)
    assert loader.batch_sampler.epoch == 4
    assert [batch['local_index'] for batch in loader] != [batch['local_index'] for batch in batches]


def test_epoch_based_resume_continues_the_same_sequence(tmp_path):
    train_cfg = dict(by_epoch=True, max_epochs=3)
    uninterrupted = train(tmp_path / 'full', 'sampler-epoch-full', train_cfg, infinite=False)
    assert len(uninterrupted) == 3 * 18
    epochs = [uninterrupted[i:i + 18] for i in range(0, 54, 18)]
    assert epochs[0] != epochs[1] != epochs[2]
    resumed = train(tmp_path / 'resumed', 'sampler-epoch-resumed', train_cfg, infinite=False,
                    resume_from=tmp_path / 'full' / 'epoch_2.pth')
    assert resumed == epochs[2]


@pytest.mark.parametrize('infinite', [True, False])
def test_iter_based_resume_continues_the_same_sequence(tmp_path, infinite):
    # 25 iterations cross the 18-step epoch once; without `infinite` mmengine restarts the loader.
    train_cfg = dict(by_epoch=False, max_iters=25)
    uninterrupted = train(tmp_path / 'full', f'sampler-iter-full-{infinite}', train_cfg, infinite)
    assert len(uninterrupted) == 25
    resumed = train(tmp_path / 'resumed', f'sampler-iter-resumed-{infinite}', train_cfg, infinite,
                    resume_from=tmp_path / 'full' / 'iter_10.pth')
    assert resumed == uninterrupted[10:]
