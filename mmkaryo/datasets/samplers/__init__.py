"""Samplers: one-source batches drawn by ratio from a ConcatDataset (``AlternatingSourceBatchSampler``)."""
from .alternating_source_batch_sampler import AlternatingSourceBatchSampler
from .source_schedule import check_ratios, epoch_source_counts, source_schedule
from .source_streams import SourceStreams

__all__ = [
    'AlternatingSourceBatchSampler', 'SourceStreams', 'check_ratios', 'epoch_source_counts',
    'source_schedule'
]
