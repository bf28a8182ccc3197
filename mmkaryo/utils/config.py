"""Loading a config the way every mmkaryo tool does."""
import os.path as osp
from typing import Any, Optional

from mmengine.config import Config


def load_config(path: str,
                cfg_options: Optional[dict] = None,
                work_dir: Optional[str] = None,
                launcher: str = 'none') -> Config:
    """Read ``path`` and apply the command-line settings shared by train and test tools.

    ``cfg_options`` are merged last-wins into the config. A ``data_root`` option also moves every
    dataset whose ``data_root`` was the config's own ``data_root`` (mmengine substitutes base-config
    variables when it parses them, so a plain merge would change only the top-level key).
    ``work_dir`` beats the config's own, which beats ``./work_dirs/<config name>``. The caller's dict
    is not modified.

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
    if work_dir is not None:
        cfg.work_dir = work_dir
    elif cfg.get('work_dir') is None:
        cfg.work_dir = osp.join('./work_dirs', osp.splitext(osp.basename(path))[0])
    return cfg


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
