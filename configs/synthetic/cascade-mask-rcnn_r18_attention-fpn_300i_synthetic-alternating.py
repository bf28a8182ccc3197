# Regime 3 at CPU scale with Cascade Mask R-CNN: the alternating data of the Mask R-CNN config, with
# the masking cascade head (every stage's mask loss skips box-only batches).
_base_ = ['../_base_/models/cascade-mask-rcnn_r18_fpn_cpu.py', './_base_/synthetic_320px_300i.py']

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
