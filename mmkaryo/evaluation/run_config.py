"""Test-time config changes shared by ``tools/test.py`` and scripts (kept out of the tool)."""
from typing import Optional

from mmengine.config import Config


def enable_visualization(cfg: Config, show_dir: Optional[str] = None, show: bool = False,
                         wait_time: float = 2.0) -> None:
    """Turn on the config's ``default_hooks.visualization`` (mmdet's DetVisualizationHook) in place.

    ``show_dir`` is relative to the run's timestamped work dir, as in mmdet. Raises ``ValueError``
    when the config has no visualization hook.
    """
    hooks = cfg.get('default_hooks', {})
    if 'visualization' not in hooks:
        raise ValueError('the config has no default_hooks.visualization; add '
                         "visualization=dict(type='DetVisualizationHook') to default_hooks")
    hook = hooks['visualization']
    hook['draw'] = True
    if show:
        hook['show'] = True
        hook['wait_time'] = wait_time
    if show_dir:
        hook['test_out_dir'] = show_dir


def dataset_display_name(cfg: Config) -> str:
    """A readable name of the config's test set: dataset type and data root."""
    dataset = cfg.test_dataloader.dataset
    while 'dataset' in dataset:  # wrappers such as ClassBalancedDataset
        dataset = dataset['dataset']
    root = dataset.get('data_root') or ''
    return f'{dataset.get("type", "dataset")} {root}'.strip()
