# Regime 3 at CPU scale (the seed's final model): Mask R-CNN R-18 with AttentionFPN, every batch drawn
# from ONE source, box-only or mask, by ratio 1:1 (DaTaSeg); box-only batches train RPN + box heads
# only (with_mask=False skips the mask loss).
_base_ = ['../_base_/models/mask-rcnn_r18_fpn_cpu.py', './_base_/synthetic_320px_300i.py']

source_ratios = [1, 1]  # [box-only, mask]

model = dict(neck=dict(type='AttentionFPN'))
train_dataloader = dict(
    batch_sampler=dict(
        _delete_=True,
        type='AlternatingSourceBatchSampler',
        ratios=source_ratios,
        epoch_source=1,
        infinite=True),
    dataset=dict(
        _delete_=True, type='ConcatDataset', datasets=[_base_.box_dataset, _base_.mask_dataset]))
