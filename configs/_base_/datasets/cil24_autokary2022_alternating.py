# Two sources for the alternating regime (DaTaSeg, Gu et al. 2023): source 0 = Cell Image Library
# "24 chromosomes" (box-only, with_mask=False), source 1 = AutoKary2022 (masks). Every batch comes from
# ONE source drawn by `source_ratios`; an epoch is one pass over AutoKary2022 (epoch_source=1).
# Validation and test: AutoKary2022. Convert both sets first (see cil24.py and autokary2022.py).
_base_ = './autokary2022.py'

cil24_data_root = 'data/cil24/'
source_ratios = [1, 1]  # [box-only CIL, AutoKary2022 masks]

# Box-only samples: no rotation (a rotated box is no longer tight around its chromosome).
box_train_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale', backend_args=_base_.backend_args),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=False),
    dict(type='Resize', scale=(_base_.image_size, _base_.image_size), keep_ratio=True),
    dict(type='Pad', size=(_base_.image_size, _base_.image_size), pad_val=dict(img=255)),
    dict(type='RandomFlip', prob=[0.25, 0.25, 0.25], direction=['horizontal', 'vertical', 'diagonal']),
    dict(type='FilterAnnotations', min_gt_bbox_wh=(1, 1), keep_empty=False),
    dict(type='RandomBrightnessContrast', prob=0.5, brightness_delta=32.0, contrast_range=(0.75, 1.25)),
    dict(type='ImageToChannels', num_channels=_base_.num_channels),
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'flip',
                    'flip_direction', 'with_mask', 'karyotype'))
]
box_dataset = dict(
    type='ChromosomeDataset',
    data_root=cil24_data_root,
    ann_file='coco/train.json',
    data_prefix=dict(img=''),
    with_mask=False,
    filter_cfg=dict(filter_empty_gt=True, min_size=1),
    pipeline=box_train_pipeline,
    backend_args=_base_.backend_args)
mask_dataset = _base_.train_dataloader.dataset

train_dataloader = dict(
    batch_sampler=dict(
        _delete_=True,
        type='AlternatingSourceBatchSampler',
        ratios=source_ratios,
        epoch_source=1),
    dataset=dict(_delete_=True, type='ConcatDataset', datasets=[box_dataset, mask_dataset]))
