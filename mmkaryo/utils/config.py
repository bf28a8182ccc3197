"""Loading a config the way every mmkaryo tool does."""
import os.path as osp
from typing import Any, Optional

from mmengine.config import Config

#: metrics that keep only predictions scoring at least their ``score_thr``
THRESHOLDED_METRICS = ('AJIMetric', 'ChromosomeClassMetric', 'KaryotypeMetric')


def load_config(path: str,
                cfg_options: Optional[dict] = None,
                work_dir: Optional[str] = None,
                launcher: str = 'none') -> Config:
    """Read ``path`` and apply the command-line settings shared by train and test tools.

    ``cfg_options`` are merged last-wins into the config. A ``data_root`` option also moves every
    dataset whose ``data_root`` was the config's own ``data_root`` (mmengine substitutes base-config
    variables when it parses them, so a plain merge would change only the top-level key).
    ``work_dir`` beats the config's own, which beats ``./work_dirs/<config name>``. The caller's dict
    is not modified. A top-level ``score_thr`` (the model's operating threshold on its detection score)
    becomes the ``score_thr`` of every val/test evaluator of :data:`THRESHOLDED_METRICS`, after the
    options are merged (so ``score_thr=0.4`` moves them all).

    Raises:
        FileNotFoundError: ``path`` does not exist.
    """
    if not osp.isfile(path):
        raise FileNotFoundError(f'config file not found: {path}')
    cfg = Config.fromfile(path)
    cfg.launcher = launcher
    if cfg_options:
        old_root = cfg.get('data_root')
        cfg.merge_from_dict(dict(cfg_options))
        if 'data_root' in cfg_options and old_root is not None:
            _replace_data_root(cfg._cfg_dict, old_root, cfg_options['data_root'])
    apply_score_thr(cfg)
    if work_dir is not None:
        cfg.work_dir = work_dir
    elif cfg.get('work_dir') is None:
        cfg.work_dir = osp.join('./work_dirs', osp.splitext(osp.basename(path))[0])
    return cfg


def apply_score_thr(cfg: Config) -> None:
    """Give the config's top-level ``score_thr`` (if any) to its thresholded val/test evaluators."""
    score_thr = cfg.get('score_thr')
    if score_thr is None:
        return
    for key in ('val_evaluator', 'test_evaluator'):
        evaluators = cfg.get(key)
        for evaluator in evaluators if isinstance(evaluators, (list, tuple)) else [evaluators]:
            if isinstance(evaluator, dict) and evaluator.get('type') in THRESHOLDED_METRICS:
                evaluator['score_thr'] = score_thr


def _replace_data_root(node: Any, old: str, new: str) -> None:
    """Set ``data_root = new`` in every mapping below ``node`` whose ``data_root`` equals ``old``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'data_root' and value == old:
                node[key] = new
            else:
                _replace_data_root(value, old, new)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _replace_data_root(item, old, new)
