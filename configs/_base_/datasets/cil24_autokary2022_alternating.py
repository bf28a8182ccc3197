# Two sources for the alternating regime (DaTaSeg, Gu et al. 2023): source 0 = Cell Image Library
# "24 chromosomes" (box-only, with_mask=False), source 1 = AutoKary2022 (masks). Every batch comes from
# ONE source drawn by `source_ratios`; an epoch is one pass over AutoKary2022 (epoch_source=1).
# Validation and test: AutoKary2022. Convert both sets first (see cil24.py and autokary2022.py).
_base_ = './autokary2022.py'

cil24_data_root = 'data/cil24/'
source_ratios = [1, 1]  # [box-only CIL, AutoKary2022 masks]

# Box-only samples: no rotation (a rotated box is no longer tight around its chromosome).
box_train_pipeline = ([_base_.load_image, _base_.load_boxes, _base_.resize, _base_.pad] +
                      _base_.box_geometric_augs + _base_.photometric_augs + _base_.pack)
mask_dataset = _base_.train_dataloader.dataset
box_dataset = dict(mask_dataset, data_root=cil24_data_root, ann_file='coco/train.json', with_mask=False,
                   pipeline=box_train_pipeline)

train_dataloader = dict(
    batch_sampler=dict(
        _delete_=True,
        type='AlternatingSourceBatchSampler',
        ratios=source_ratios,
        epoch_source=1),
    dataset=dict(_delete_=True, type='ConcatDataset', datasets=[box_dataset, mask_dataset]))
