"""The Cascade and HTC alternating synthetic configs train for 2 iterations on CPU."""
import json
from pathlib import Path

import pytest
from mmengine.config import Config

REPO = Path(__file__).resolve().parents[2]
ALTERNATING = [
    'configs/synthetic/cascade-mask-rcnn_r18_attention-fpn_300i_synthetic-alternating.py',
    'configs/synthetic/htc_r18_attention-fpn_300i_synthetic-alternating.py',
]


@pytest.mark.slow
@pytest.mark.parametrize('config', ALTERNATING, ids=lambda c: Path(c).stem.split('_')[0])
def test_alternating_config_trains_two_iterations(config, synthetic_sets, tmp_path):
    from mmengine.runner import Runner

    from mmkaryo.utils.setup_env import register_all_modules

    register_all_modules(init_default_scope=False)
    cfg = Config.fromfile(str(REPO / config))
    box_set, mask_set = cfg.train_dataloader.dataset.datasets
    box_set.data_root = synthetic_sets['boxes']
    mask_set.data_root = synthetic_sets['mask']
    cfg.train_dataloader.batch_size = 1
    cfg.train_cfg = dict(type='IterBasedTrainLoop', max_iters=2, val_interval=100)
    cfg.val_dataloader = cfg.val_evaluator = cfg.val_cfg = None
    cfg.test_dataloader = cfg.test_evaluator = cfg.test_cfg = None
    cfg.default_hooks.checkpoint = dict(type='CheckpointHook', interval=2, by_epoch=False)
    cfg.default_hooks.logger = dict(type='LoggerHook', interval=1)
    cfg.default_hooks.visualization = dict(type='DetVisualizationHook', draw=False)
    cfg.work_dir = str(tmp_path)
    cfg.visualizer.name = f'visualizer-{tmp_path.name}'  # a fresh instance writing to this work_dir

    runner = Runner.from_cfg(cfg)
    runner.train()

    assert runner.iter == 2
    assert (tmp_path / 'iter_2.pth').is_file()
    logs = [json.loads(line) for line in next(tmp_path.rglob('vis_data/scalars.json')).read_text().splitlines()]
    losses = [log for log in logs if 'loss' in log]
    assert len(losses) == 2
    mask_keys = [key for key in losses[0] if key.endswith('loss_mask')]
    assert len(mask_keys) == 3, f'expected one mask loss per cascade stage, got {mask_keys}'
