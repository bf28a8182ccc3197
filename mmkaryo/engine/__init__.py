"""Training machinery registered in mmkaryo's registries: hooks and CPU distributed training."""
from .cpu_distributed import CPUDistributedDataParallel, setup_cpu_distributed
from .hooks import BatchRecordHook, IterationSeedHook

__all__ = ['BatchRecordHook', 'CPUDistributedDataParallel', 'IterationSeedHook', 'setup_cpu_distributed']
