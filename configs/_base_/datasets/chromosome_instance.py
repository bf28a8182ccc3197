# Shared by the instance-mask dataset bases (autokary2022, synthetic, mfish, custom, cil24): 640 px
# grayscale pipelines with the seed's augmentations, the three dataloaders and the evaluators. Each
# dataset base inherits this file and sets its data_root, annotation files and, where it differs, its
# dataset type, pipelines or evaluators. Paths are relative to each dataset's data_root; evaluators
# take the ground truth from the samples (meta key 'instances'), so the dataloaders' data_root is all
# that must move (`--cfg-options data_root=...` moves it).
# Images are read as one grey channel and presented as `num_channels` channels by ImageToChannels
# (3 for ImageNet-style backbones; 1 with a 1-channel stem).
dataset_type = 'ChromosomeDataset'
data_root = 'data/'
image_size = 640
num_channels = 3
backend_args = None

# Pipeline fragments, named once: every pipeline under configs/ is composed from them (box-only,
# box-as-mask, no pad, other sizes). mmengine fills in a base's variables when it reads the base, so a
# config at another image size restates `resize` (and `pad`) and composes its pipelines again, e.g.
#   resize = dict(_base_.resize, scale=(320, 320))
#   test_pipeline = [_base_.load_image, resize, _base_.load_masks] + _base_.pack_test
load_image = dict(type='LoadImageFromFile', color_type='grayscale', backend_args=backend_args)
load_masks = dict(type='LoadAnnotations', with_bbox=True, with_mask=True)
load_boxes = dict(type='LoadAnnotations', with_bbox=True, with_mask=False)
resize = dict(type='Resize', scale=(image_size, image_size), keep_ratio=True)
pad = dict(type='Pad', size=(image_size, image_size), pad_val=dict(img=255))
flip = dict(type='RandomFlip', prob=[0.25, 0.25, 0.25], direction=['horizontal', 'vertical', 'diagonal'])
# Any angle in [-180, 180]. Masks rotate with the image (BoxesFromMasks then re-fits the boxes to them);
# a box without a mask becomes the box around its rotated corners.
rotate = dict(type='Rotate', prob=0.5, min_mag=0.0, max_mag=180.0, img_border_value=255)
drop_tiny_boxes = dict(type='FilterAnnotations', min_gt_bbox_wh=(1, 1), keep_empty=False)
mask_geometric_augs = [flip, rotate, dict(type='BoxesFromMasks'), drop_tiny_boxes]
# Box-only samples: no rotation (a rotated box is no longer tight around its chromosome).
box_geometric_augs = [flip, drop_tiny_boxes]
photometric_augs = [
    dict(type='RandomBrightnessContrast', prob=0.5, brightness_delta=32.0, contrast_range=(0.75, 1.25))
]
to_channels = dict(type='ImageToChannels', num_channels=num_channels)
pack = [
    to_channels,
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'flip',
                    'flip_direction', 'with_mask', 'karyotype'))
]
pack_test = [
    to_channels,
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'with_mask',
                    'karyotype', 'instances'))
]

train_pipeline = [load_image, load_masks, resize, pad] + mask_geometric_augs + photometric_augs + pack
# No Pad here: mmcv's Pad makes img_shape the padded size, so predictions would be clipped to the
# padding (and CPU mask pasting fails on boxes inside it); the data preprocessor pads. Annotations are
# loaded after Resize, so the ground truth stays in original-image coordinates (mmdet's convention).
test_pipeline = [load_image, resize, load_masks] + pack_test

# What the datasets of the three dataloaders share.
dataset = dict(
    type=dataset_type, data_root=data_root, data_prefix=dict(img=''), with_mask=True, backend_args=backend_args)
train_dataloader = dict(
    batch_size=4,
    num_workers=2,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    batch_sampler=dict(type='AspectRatioBatchSampler'),
    dataset=dict(dataset, ann_file='coco/train.json', filter_cfg=dict(filter_empty_gt=True, min_size=1),
                 pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=1,
    num_workers=2,
    persistent_workers=True,
    drop_last=False,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(dataset, ann_file='coco/val.json', test_mode=True, pipeline=test_pipeline))
test_dataloader = dict(val_dataloader, dataset=dict(val_dataloader['dataset'], ann_file='coco/test.json'))

# Metrics, named once; each dataset base lists those its annotations support.
coco_metric = dict(
    type='CocoMetric', metric=['bbox', 'segm'], iou_thrs=[0.5], format_only=False, backend_args=backend_args)
val_evaluator = [coco_metric, dict(type='AJIMetric'), dict(type='ChromosomeClassMetric')]
test_evaluator = val_evaluator
# Sets whose images carry their karyotype (mfish, synthetic) add class-agnostic mAP and karyotype accuracy.
karyotype_evaluator = [
    coco_metric,
    dict(coco_metric, type='ClassAgnosticCocoMetric'),
    dict(type='AJIMetric'),
    dict(type='ChromosomeClassMetric'),
    dict(type='KaryotypeMetric'),
]
