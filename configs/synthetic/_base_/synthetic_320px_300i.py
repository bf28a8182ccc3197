# CPU-scale data, schedule and runtime shared by configs/synthetic/ (no model: each config adds one).
# 320 px synthetic metaphases, batch 2, 300 iterations, gloo for CPU DDP. Two sets from the generator:
#   mask set (COCO polygons, with_mask=True):
#     python tools/dataset_converters/make_synthetic.py --out-dir data/synthetic --num-images 40 \
#         --seed 0 --image-size 320 --formats coco
#   box-only set (CIL-style VOC boxes, with_mask=False), another seed, converted to COCO:
#     python tools/dataset_converters/make_synthetic.py --out-dir data/synthetic-boxes \
#         --num-images 200 --seed 1 --image-size 320 --formats cil24
#     python tools/dataset_converters/cil24_to_coco.py data/synthetic-boxes/cil24 \
#         data/synthetic-boxes/cil24/coco
_base_ = [
    '../../_base_/datasets/synthetic.py', '../../_base_/schedules/sgd_300i.py',
    '../../_base_/default_runtime.py'
]

image_size = 320
batch_size = 2
mask_data_root = 'data/synthetic/'
box_data_root = 'data/synthetic-boxes/cil24/'

pack_inputs = dict(
    type='PackDetInputs',
    meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'flip',
               'flip_direction', 'with_mask', 'karyotype'))
mask_train_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale'),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
    dict(type='Resize', scale=(image_size, image_size), keep_ratio=True),
    dict(type='Pad', size=(image_size, image_size), pad_val=dict(img=255)),
    dict(type='RandomFlip', prob=[0.25, 0.25, 0.25], direction=['horizontal', 'vertical', 'diagonal']),
    dict(type='Rotate', prob=0.5, min_mag=0.0, max_mag=180.0, img_border_value=255),
    dict(type='BoxesFromMasks'),
    dict(type='FilterAnnotations', min_gt_bbox_wh=(1, 1), keep_empty=False),
    dict(type='RandomBrightnessContrast', prob=0.5, brightness_delta=32.0, contrast_range=(0.75, 1.25)),
    dict(type='ImageToChannels', num_channels=3),
    pack_inputs,
]
# Box-only samples: no rotation (a rotated box is no longer tight around its chromosome).
box_train_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale'),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=False),
    dict(type='Resize', scale=(image_size, image_size), keep_ratio=True),
    dict(type='Pad', size=(image_size, image_size), pad_val=dict(img=255)),
    dict(type='RandomFlip', prob=[0.25, 0.25, 0.25], direction=['horizontal', 'vertical', 'diagonal']),
    dict(type='FilterAnnotations', min_gt_bbox_wh=(1, 1), keep_empty=False),
    dict(type='RandomBrightnessContrast', prob=0.5, brightness_delta=32.0, contrast_range=(0.75, 1.25)),
    dict(type='ImageToChannels', num_channels=3),
    pack_inputs,
]
# Box-only samples with their boxes turned into coarse masks (stage 1 of the two-stage regime).
boxmask_train_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale'),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=False),
    dict(type='BoxToPolygonMask', shape='box'),
    dict(type='Resize', scale=(image_size, image_size), keep_ratio=True),
    dict(type='Pad', size=(image_size, image_size), pad_val=dict(img=255)),
    dict(type='RandomFlip', prob=[0.25, 0.25, 0.25], direction=['horizontal', 'vertical', 'diagonal']),
    dict(type='FilterAnnotations', min_gt_bbox_wh=(1, 1), keep_empty=False),
    dict(type='RandomBrightnessContrast', prob=0.5, brightness_delta=32.0, contrast_range=(0.75, 1.25)),
    dict(type='ImageToChannels', num_channels=3),
    pack_inputs,
]
test_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale'),
    dict(type='Resize', scale=(image_size, image_size), keep_ratio=True),
    # No Pad here: mmcv's Pad makes img_shape the padded size, so predictions would be clipped
    # to the padding (and CPU mask pasting fails on boxes inside it); the data preprocessor pads.
    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
    dict(type='ImageToChannels', num_channels=3),
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'with_mask',
                    'karyotype', 'instances')),
]

mask_dataset = dict(
    type='ChromosomeDataset',
    data_root=mask_data_root,
    ann_file='coco/annotations.json',
    data_prefix=dict(img='coco/'),
    with_mask=True,
    filter_cfg=dict(filter_empty_gt=True, min_size=1),
    pipeline=mask_train_pipeline)
box_dataset = dict(
    type='ChromosomeDataset',
    data_root=box_data_root,
    ann_file='coco/train.json',
    data_prefix=dict(img=''),
    with_mask=False,
    filter_cfg=dict(filter_empty_gt=True, min_size=1),
    pipeline=box_train_pipeline)

# Default: the mask set alone (the baseline regime); the other regimes replace the dataset.
train_dataloader = dict(
    batch_size=batch_size,
    num_workers=0,
    persistent_workers=False,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(_delete_=True, **mask_dataset))
val_dataloader = dict(
    num_workers=0,
    persistent_workers=False,
    dataset=dict(data_root=mask_data_root, pipeline=test_pipeline))
test_dataloader = val_dataloader

env_cfg = dict(dist_cfg=dict(backend='gloo'))
default_hooks = dict(
    logger=dict(interval=10),
    checkpoint=dict(by_epoch=False, interval=300, save_best=None))
log_processor = dict(by_epoch=False, window_size=10)
