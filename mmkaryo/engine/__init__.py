"""Training machinery: hooks, CPU distributed runs and the set-up tools/train.py and tools/test.py share."""
from .cpu_distributed import CPUDistributedDataParallel, setup_cpu_distributed
from .hooks import BatchRecordHook, IterationSeedHook
from .runner_setup import add_runner_arguments, build_runner, runner_config

__all__ = [
    'BatchRecordHook', 'CPUDistributedDataParallel', 'IterationSeedHook', 'add_runner_arguments', 'build_runner',
    'runner_config', 'setup_cpu_distributed'
]
