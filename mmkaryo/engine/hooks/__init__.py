"""Training hooks: ``BatchRecordHook`` (which samples each iteration used) and
``IterationSeedHook`` (per-iteration torch seeds, so that resumed runs repeat uninterrupted ones)."""
from .batch_record_hook import BatchRecordHook, batch_record, index_by_path, read_batch_records
from .iteration_seed_hook import IterationSeedHook, iteration_seed

__all__ = [
    'BatchRecordHook', 'IterationSeedHook', 'batch_record', 'index_by_path', 'iteration_seed',
    'read_batch_records'
]
