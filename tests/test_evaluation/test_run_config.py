"""Test-time config helpers used by tools/test.py."""
import pytest
from mmengine.config import Config

from mmkaryo.evaluation.run_config import dataset_display_name, enable_visualization


def test_enable_visualization_sets_hook_in_place():
    cfg = Config(dict(default_hooks=dict(visualization=dict(type='DetVisualizationHook'))))
    enable_visualization(cfg, show_dir='overlays')
    hook = cfg.default_hooks.visualization
    assert hook.draw is True and hook.test_out_dir == 'overlays' and 'show' not in hook


def test_enable_visualization_without_hook_is_an_error():
    with pytest.raises(ValueError, match='visualization'):
        enable_visualization(Config(dict(default_hooks=dict())), show_dir='x')


def test_display_name_unwraps_dataset_wrappers():
    cfg = Config(dict(test_dataloader=dict(dataset=dict(
        type='RepeatDataset', times=2, dataset=dict(type='ChromosomeDataset', data_root='data/syn/')))))
    assert dataset_display_name(cfg) == 'ChromosomeDataset data/syn/'
