# Regime 2, stage 1 (Agnew et al. 2024): pre-train Mask R-CNN on the box-only Cell Image Library set,
# each box turned into a coarse polygon mask of its 4 corners (BoxToPolygonMask, which also marks the
# samples with_mask=True so the mask head trains on them); 20 ep, lr 0.005.
_base_ = [
    '../_base_/models/mask-rcnn_r50_fpn.py', '../_base_/datasets/cil24.py',
    '../_base_/schedules/sgd_20e.py', '../_base_/default_runtime.py'
]

box_mask_shape = 'box'  # or 'ellipse': the inscribed-ellipse polygon

# No rotation: a rotated box is no longer tight around its chromosome.
train_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale', backend_args=_base_.backend_args),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=False),
    dict(type='BoxToPolygonMask', shape=box_mask_shape),
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
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
