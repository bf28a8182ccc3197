# Cell Image Library "24 chromosomes" (5,000 JPEGs, boxes only, 24 classes), converted once with
#   python tools/dataset_converters/cil24_to_coco.py data/cil24 data/cil24/coco [--test-ratio 0.1]
# which writes coco/{train,val[,test]}.json (0.9/0.1 by image) with boxes and no segmentation and
# file_name relative to data_root. The dataset sets with_mask=False on every sample, so mask losses
# are skipped for it; two-stage configs that turn boxes into coarse masks (BoxToPolygonMask) restate
# the train pipeline. Evaluation is box mAP@50 and class accuracy.
_base_ = './chromosome_instance.py'

data_root = 'data/cil24/'

train_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale', backend_args=_base_.backend_args),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=False),
    dict(type='Resize', scale=(_base_.image_size, _base_.image_size), keep_ratio=True),
    dict(type='Pad', size=(_base_.image_size, _base_.image_size), pad_val=dict(img=255)),
    dict(type='RandomFlip', prob=[0.25, 0.25, 0.25], direction=['horizontal', 'vertical', 'diagonal']),
    # Any angle in [-180, 180]; without masks a box becomes the box around its rotated corners.
    dict(type='Rotate', prob=0.5, min_mag=0.0, max_mag=180.0, img_border_value=255),
    dict(type='FilterAnnotations', min_gt_bbox_wh=(1, 1), keep_empty=False),
    dict(type='RandomBrightnessContrast', prob=0.5, brightness_delta=32.0, contrast_range=(0.75, 1.25)),
    dict(type='ImageToChannels', num_channels=_base_.num_channels),
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'flip',
                    'flip_direction', 'with_mask', 'karyotype'))
]
test_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale', backend_args=_base_.backend_args),
    dict(type='Resize', scale=(_base_.image_size, _base_.image_size), keep_ratio=True),
    # No Pad here: mmcv's Pad makes img_shape the padded size, so predictions would be clipped
    # to the padding (and CPU mask pasting fails on boxes inside it); the data preprocessor pads.
    dict(type='LoadAnnotations', with_bbox=True, with_mask=False),
    dict(type='ImageToChannels', num_channels=_base_.num_channels),
    dict(type='PackDetInputs',
         meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor', 'with_mask',
                    'karyotype', 'instances'))
]

train_dataloader = dict(
    dataset=dict(data_root=data_root, ann_file='coco/train.json', with_mask=False,
                 pipeline=train_pipeline))
val_dataloader = dict(
    dataset=dict(data_root=data_root, ann_file='coco/val.json', with_mask=False,
                 pipeline=test_pipeline))
test_dataloader = val_dataloader

val_evaluator = [
    dict(type='CocoMetric', metric=['bbox'], iou_thrs=[0.5], format_only=False),
    dict(type='ChromosomeClassMetric'),
]
test_evaluator = val_evaluator
