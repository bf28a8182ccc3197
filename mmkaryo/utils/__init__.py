from mmkaryo.utils.checkpoint_compat import allow_trusted_checkpoints
from mmkaryo.utils.config import load_config
from mmkaryo.utils.setup_env import register_all_modules

__all__ = ['allow_trusted_checkpoints', 'load_config', 'register_all_modules']
