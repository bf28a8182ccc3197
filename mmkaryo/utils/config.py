"""Loading a config the way every mmkaryo tool does."""
import os.path as osp
from typing import Optional

from mmengine.config import Config


def load_config(path: str,
                cfg_options: Optional[dict] = None,
                work_dir: Optional[str] = None,
                launcher: str = 'none') -> Config:
    """Read ``path`` and apply the command-line settings shared by train and test tools.

    ``cfg_options`` are merged last-wins into the config; ``work_dir`` beats the config's own, which
    beats ``./work_dirs/<config name>``. The caller's dict is not modified.

    Raises:
        FileNotFoundError: ``path`` does not exist.
    """
    if not osp.isfile(path):
        raise FileNotFoundError(f'config file not found: {path}')
    cfg = Config.fromfile(path)
    cfg.launcher = launcher
    if cfg_options:
        cfg.merge_from_dict(dict(cfg_options))
    if work_dir is not None:
        cfg.work_dir = work_dir
    elif cfg.get('work_dir') is None:
        cfg.work_dir = osp.join('./work_dirs', osp.splitext(osp.basename(path))[0])
    return cfg
