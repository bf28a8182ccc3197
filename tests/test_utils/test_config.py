"""load_config applies the shared command-line settings, and data_root reaches the dataloaders."""
from pathlib import Path

import pytest

from mmkaryo.utils import load_config

ROOT = Path(__file__).resolve().parents[2]
SYNTHETIC = ROOT / 'configs' / 'synthetic' / 'mask-rcnn_r18_fpn_300i_synthetic.py'


def test_data_root_option_moves_every_dataloader():
    cfg = load_config(str(SYNTHETIC), {'data_root': '/elsewhere/'})
    assert cfg.data_root == '/elsewhere/'
    for loader in ('train_dataloader', 'val_dataloader', 'test_dataloader'):
        assert cfg[loader].dataset.data_root == '/elsewhere/', loader


def test_other_options_and_work_dir():
    cfg = load_config(str(SYNTHETIC), {'train_cfg.max_iters': 3}, work_dir='/tmp/wd')
    assert cfg.train_cfg.max_iters == 3
    assert cfg.work_dir == '/tmp/wd'
    assert load_config(str(SYNTHETIC)).work_dir.endswith(SYNTHETIC.stem)


def test_missing_config_names_the_file():
    with pytest.raises(FileNotFoundError, match='no_such.py'):
        load_config('no_such.py')


def test_the_models_score_thr_reaches_the_thresholded_metrics():
    path = str(ROOT / 'configs/mfish/mask-rcnn_r18_fpn-light_1500i_mfish.py')
    for options, expected in ((None, load_config(path).score_thr), ({'score_thr': 0.35}, 0.35)):
        cfg = load_config(path, options)
        for evaluators in (cfg.val_evaluator, cfg.test_evaluator):
            thresholds = {e['type']: e.get('score_thr') for e in evaluators}
            assert thresholds['AJIMetric'] == thresholds['ChromosomeClassMetric'] == expected
            assert thresholds['KaryotypeMetric'] == expected
            assert thresholds['CocoMetric'] is None  # mAP ranks every detection
    plain = load_config(str(ROOT / 'configs/mfish/mask-rcnn_r18_fpn_300i_mfish.py'))
    assert 'score_thr' not in plain
    assert {e.get('score_thr') for e in plain.val_evaluator} == {None}  # the metrics' own defaults
