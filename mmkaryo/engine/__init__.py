"""Training machinery registered in mmkaryo's registries: hooks."""
from .hooks import BatchRecordHook, IterationSeedHook

__all__ = ['BatchRecordHook', 'IterationSeedHook']
