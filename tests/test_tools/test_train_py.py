"""Smoke run of tools/train.py: a repo config trains 2 iterations on CPU with a finite loss."""
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / 'configs' / 'synthetic' / 'mask-rcnn_r18_fpn_300i_synthetic.py'


def tiny_mask_set(root: Path) -> str:
    """Two 256 px synthetic images in COCO form under ``root``; returns it as a data_root."""
    from mmkaryo.datasets.synthetic import write_synthetic_dataset
    write_synthetic_dataset(root, num_images=2, seed=0, image_size=256, formats=['coco'])
    return f'{root}/'


def train_losses(work_dir: Path) -> list:
    """The training-loss records of the run's scalars.json (mmengine's LocalVisBackend)."""
    logs = list(work_dir.rglob('vis_data/scalars.json'))
    assert len(logs) == 1, logs
    records = [json.loads(line) for line in logs[0].read_text().splitlines()]
    return [r['loss'] for r in records if 'loss' in r]


def train_options(data_root: str) -> list:
    """--cfg-options for a 2-iteration run on ``data_root`` that logs every iteration."""
    return ['--cfg-options', f'data_root={data_root}', 'train_cfg.max_iters=2',
            'default_hooks.logger.interval=1', 'log_processor.window_size=1',
            'default_hooks.checkpoint.interval=2', 'train_cfg.val_interval=1000']


@pytest.mark.slow
def test_train_py_two_iterations_finite_loss(tmp_path):
    data_root = tiny_mask_set(tmp_path / 'data')
    work_dir = tmp_path / 'work'
    proc = subprocess.run(
        [sys.executable, str(ROOT / 'tools' / 'train.py'), str(CONFIG), '--work-dir', str(work_dir),
         *train_options(data_root)],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,
        env={**os.environ, 'OMP_NUM_THREADS': '2'})
    assert proc.returncode == 0, proc.stderr[-4000:]
    losses = train_losses(work_dir)
    assert len(losses) == 2 and all(math.isfinite(v) and v > 0 for v in losses), losses
    assert (work_dir / 'iter_2.pth').is_file()
