from mmkaryo.utils.config import load_config
from mmkaryo.utils.setup_env import register_all_modules

__all__ = ['load_config', 'register_all_modules']
