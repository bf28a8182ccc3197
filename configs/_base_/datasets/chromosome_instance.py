# Shared by the instance-mask dataset bases (autokary2022, synthetic, mfish, custom, cil24): 640 px
# grayscale pipelines with the seed's augmentations, the three dataloaders and the evaluators. Each
# dataset base inherits this file and sets its data_root, annotation files and, where it differs, its
# dataset type, pipelines or evaluators. Paths are relative to each dataset's data_root; evaluators
# take the ground truth from the samples (meta key 'instances'), so the dataloaders' data_root is all
# that must move (`--cfg-options data_root=...` moves it).
# Images are read as one grey channel and presented as `num_channels` channels by ImageToChannels
# (3 for ImageNet-style backbones; 1 with a 1-channel stem). To change the size, restate the pipelines.
dataset_type = 'ChromosomeDataset'
data_root = 'data/'
image_size = 640
num_channels = 3
backend_args = None

train_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale', backend_args=backend_args),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
    dict(type='Resize', scale=(image_size, image_size), keep_ratio=True),
    dict(type='Pad', size=(image_size, image_size), pad_val=dict(img=255)),
    dict(type='RandomFlip', prob=[0.25, 0.25, 0.25], direction=['horizontal', 'vertical', 'diagonal']),
    # Any angle in [-180, 180]; masks rotate with the image, then boxes are re-fitted to the masks.
    dict(type='Rotate', prob=0.5, min_mag=0.0, max_mag=180.0, img_border_value=255),
    dict(type='BoxesFromMasks'),
    dict(type='FilterAnnotations', min_gt_bbox_wh=(1, 1), keep_empty=False),
    dict(type='RandomBrightnessContrast', prob=0.5, brightness_delta=32.0, contrast_range=(0.75, 1.25)),
    dict(type='ImageToChannels', num_channels=num_channels),
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'flip',
                    'flip_direction', 'with_mask', 'karyotype'))
]
test_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale', backend_args=backend_args),
    dict(type='Resize', scale=(image_size, image_size), keep_ratio=True),
    # No Pad here: mmcv's Pad makes img_shape the padded size, so predictions would be clipped
    # to the padding (and CPU mask pasting fails on boxes inside it); the data preprocessor pads.
    # After Resize, so the ground truth stays in original-image coordinates (mmdet's convention).
    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
    dict(type='ImageToChannels', num_channels=num_channels),
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'with_mask',
                    'karyotype', 'instances'))
]

train_dataloader = dict(
    batch_size=4,
    num_workers=2,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    batch_sampler=dict(type='AspectRatioBatchSampler'),
    dataset=dict(
        type=dataset_type,
        data_root=data_root,
        ann_file='coco/train.json',
        data_prefix=dict(img=''),
        with_mask=True,
        filter_cfg=dict(filter_empty_gt=True, min_size=1),
        pipeline=train_pipeline,
        backend_args=backend_args))
val_dataloader = dict(
    batch_size=1,
    num_workers=2,
    persistent_workers=True,
    drop_last=False,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type,
        data_root=data_root,
        ann_file='coco/val.json',
        data_prefix=dict(img=''),
        with_mask=True,
        test_mode=True,
        pipeline=test_pipeline,
        backend_args=backend_args))
test_dataloader = dict(
    batch_size=1,
    num_workers=2,
    persistent_workers=True,
    drop_last=False,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type,
        data_root=data_root,
        ann_file='coco/test.json',
        data_prefix=dict(img=''),
        with_mask=True,
        test_mode=True,
        pipeline=test_pipeline,
        backend_args=backend_args))

val_evaluator = [
    dict(type='CocoMetric', metric=['bbox', 'segm'], iou_thrs=[0.5], format_only=False,
         backend_args=backend_args),
    dict(type='AJIMetric'),
    dict(type='ChromosomeClassMetric'),
]
test_evaluator = val_evaluator
