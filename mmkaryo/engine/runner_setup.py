"""The set-up ``tools/train.py`` and ``tools/test.py`` share: the same runner options, the same config
loading, CPU distributed runs (``tools/dist_train.sh`` / ``tools/dist_test.sh``) and the Runner."""
import argparse
import os

from mmengine.config import Config, DictAction
from mmengine.registry import RUNNERS
from mmengine.runner import Runner

from mmkaryo.engine.cpu_distributed import setup_cpu_distributed
from mmkaryo.utils import load_config, register_all_modules


def add_runner_arguments(parser: argparse.ArgumentParser, cfg_options_example: str) -> None:
    """Add ``--work-dir``, ``--cfg-options``, ``--launcher`` and ``--local_rank`` to ``parser``."""
    parser.add_argument('--work-dir', help='the dir to save logs (and models)')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        help=f'override config settings, e.g. {cfg_options_example}')
    parser.add_argument('--launcher', choices=['none', 'pytorch', 'slurm', 'mpi'], default='none')
    parser.add_argument('--local_rank', '--local-rank', type=int, default=0)


def runner_config(args: argparse.Namespace) -> Config:
    """The config of a train or test run from the options of :func:`add_runner_arguments`.

    Sets ``LOCAL_RANK`` (unless torchrun did), registers every module with safe checkpoint loading,
    loads the config with :func:`mmkaryo.utils.load_config`, and, for ``--launcher pytorch`` on
    CPU-only torch, starts the gloo process group and the CPU DDP wrapper mmengine 0.10 cannot set up
    (:func:`mmkaryo.engine.setup_cpu_distributed`).
    """
    os.environ.setdefault('LOCAL_RANK', str(args.local_rank))
    register_all_modules(init_default_scope=False)
    cfg = load_config(args.config, args.cfg_options, args.work_dir, args.launcher)
    setup_cpu_distributed(cfg)
    return cfg


def build_runner(cfg: Config) -> Runner:
    """mmengine's Runner, or the config's ``runner_type``."""
    return Runner.from_cfg(cfg) if 'runner_type' not in cfg else RUNNERS.build(cfg)
