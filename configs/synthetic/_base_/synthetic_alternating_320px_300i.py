# The alternating regime's data at CPU scale: every batch from ONE source, box-only (source 0, CIL-style,
# with_mask=False) or mask (source 1), drawn by `source_ratios` (DaTaSeg); iteration-based, so the
# sampler runs in its infinite mode; an epoch is one pass over the mask set (epoch_source=1).
_base_ = './synthetic_320px_300i.py'

source_ratios = [1, 1]  # [box-only, mask]

train_dataloader = dict(
    batch_sampler=dict(
        _delete_=True,
        type='AlternatingSourceBatchSampler',
        ratios=source_ratios,
        epoch_source=1,
        infinite=True),
    dataset=dict(
        _delete_=True, type='ConcatDataset', datasets=[_base_.box_dataset, _base_.mask_dataset]))
