auto_scale_lr = dict(base_batch_size=2, enable=False)
backend_args = None
base_lr = 0.02
box_geometric_augs = [
    dict(
        direction=[
            'horizontal',
            'vertical',
            'diagonal',
        ],
        prob=[
            0.25,
            0.25,
            0.25,
        ],
        type='RandomFlip'),
    dict(keep_empty=False, min_gt_bbox_wh=(
        1,
        1,
    ), type='FilterAnnotations'),
]
box_proj_loss_weight = 0.0
channels = 64
chromosome_classifier = dict(
    checkpoint='classifier_weights.pth', config='classifier_config.py')
coco_metric = dict(
    backend_args=None,
    format_only=False,
    iou_thrs=[
        0.5,
    ],
    metric=[
        'bbox',
        'segm',
    ],
    type='CocoMetric')
custom_hooks = [
    dict(type='IterationSeedHook'),
]
data_root = 'data/mfish/'
dataset = dict(
    backend_args=None,
    data_prefix=dict(img=''),
    data_root='data/',
    type='ChromosomeDataset',
    with_mask=True)
dataset_type = 'ChromosomeDataset'
default_hooks = dict(
    checkpoint=dict(
        by_epoch=False,
        interval=250,
        max_keep_ckpts=2,
        rule='greater',
        save_best='aji/agnostic_aji',
        type='CheckpointHook'),
    logger=dict(interval=25, log_metric_by_epoch=False, type='LoggerHook'),
    param_scheduler=dict(type='ParamSchedulerHook'),
    sampler_seed=dict(type='DistSamplerSeedHook'),
    timer=dict(type='IterTimerHook'),
    visualization=dict(type='DetVisualizationHook'))
default_scope = 'mmkaryo'
drop_tiny_boxes = dict(
    keep_empty=False, min_gt_bbox_wh=(
        1,
        1,
    ), type='FilterAnnotations')
env_cfg = dict(
    cudnn_benchmark=False,
    dist_cfg=dict(backend='gloo'),
    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0))
flip = dict(
    direction=[
        'horizontal',
        'vertical',
        'diagonal',
    ],
    prob=[
        0.25,
        0.25,
        0.25,
    ],
    type='RandomFlip')
image_size = 640
images = dict(img='images/')
karyotype_evaluator = [
    dict(
        backend_args=None,
        format_only=False,
        iou_thrs=[
            0.5,
        ],
        metric=[
            'bbox',
            'segm',
        ],
        type='CocoMetric'),
    dict(
        backend_args=None,
        format_only=False,
        iou_thrs=[
            0.5,
        ],
        metric=[
            'bbox',
            'segm',
        ],
        type='ClassAgnosticCocoMetric'),
    dict(type='AJIMetric'),
    dict(type='ChromosomeClassMetric'),
    dict(type='KaryotypeMetric'),
]
light_bbox_head = dict(
    fc_out_channels=512,
    in_channels=64,
    reg_class_agnostic=True,
    type='ChromosomenessBBoxHead')
light_mask_head = dict(
    class_agnostic=True, conv_out_channels=128, in_channels=64, num_convs=2)
load_boxes = dict(type='LoadAnnotations', with_bbox=True, with_mask=False)
load_from = None
load_image = dict(
    backend_args=None, color_type='grayscale', type='LoadImageFromFile')
load_masks = dict(type='LoadAnnotations', with_bbox=True, with_mask=True)
log_level = 'INFO'
log_processor = dict(by_epoch=False, type='LogProcessor', window_size=25)
lr_steps = dict(
    begin=0,
    by_epoch=False,
    end=1500,
    gamma=0.1,
    milestones=[
        1125,
        1350,
    ],
    type='MultiStepLR')
mask_geometric_augs = [
    dict(
        direction=[
            'horizontal',
            'vertical',
            'diagonal',
        ],
        prob=[
            0.25,
            0.25,
            0.25,
        ],
        type='RandomFlip'),
    dict(
        img_border_value=255,
        max_mag=180.0,
        min_mag=0.0,
        prob=0.5,
        type='Rotate'),
    dict(type='BoxesFromMasks'),
    dict(keep_empty=False, min_gt_bbox_wh=(
        1,
        1,
    ), type='FilterAnnotations'),
]
max_iters = 2500
model = dict(
    _scope_='mmkaryo',
    backbone=dict(
        base_channels=32,
        depth=18,
        frozen_stages=-1,
        init_cfg=None,
        norm_cfg=dict(requires_grad=True, type='BN'),
        norm_eval=False,
        num_stages=4,
        out_indices=(
            0,
            1,
            2,
            3,
        ),
        style='pytorch',
        type='ResNet'),
    data_preprocessor=dict(
        bgr_to_rgb=True,
        mean=[
            123.675,
            116.28,
            103.53,
        ],
        pad_mask=True,
        pad_size_divisor=32,
        std=[
            58.395,
            57.12,
            57.375,
        ],
        type='DetDataPreprocessor'),
    neck=dict(
        in_channels=[
            32,
            64,
            128,
            256,
        ],
        num_outs=5,
        out_channels=64,
        type='FPN'),
    roi_head=dict(
        bbox_head=dict(
            bbox_coder=dict(
                target_means=[
                    0.0,
                    0.0,
                    0.0,
                    0.0,
                ],
                target_stds=[
                    0.1,
                    0.1,
                    0.2,
                    0.2,
                ],
                type='DeltaXYWHBBoxCoder'),
            fc_out_channels=512,
            in_channels=64,
            loss_bbox=dict(loss_weight=1.0, type='L1Loss'),
            loss_cls=dict(
                loss_weight=1.0, type='CrossEntropyLoss', use_sigmoid=False),
            num_classes=24,
            reg_class_agnostic=True,
            roi_feat_size=7,
            type='ChromosomenessBBoxHead'),
        bbox_roi_extractor=dict(
            featmap_strides=[
                4,
                8,
                16,
                32,
            ],
            out_channels=64,
            roi_layer=dict(output_size=7, sampling_ratio=0, type='RoIAlign'),
            type='SingleRoIExtractor'),
        loss_box_proj=dict(loss_weight=0.0, type='BoxProjectionLoss'),
        mask_head=dict(
            class_agnostic=True,
            conv_out_channels=128,
            in_channels=64,
            loss_mask=dict(
                loss_weight=1.0, type='CrossEntropyLoss', use_mask=True),
            num_classes=24,
            num_convs=2,
            type='FCNMaskHead'),
        mask_roi_extractor=dict(
            featmap_strides=[
                4,
                8,
                16,
                32,
            ],
            out_channels=64,
            roi_layer=dict(output_size=14, sampling_ratio=0, type='RoIAlign'),
            type='SingleRoIExtractor'),
        type='MaskingStandardRoIHead'),
    rpn_head=dict(
        anchor_generator=dict(
            ratios=[
                0.5,
                1.0,
                2.0,
            ],
            scales=[
                4,
            ],
            strides=[
                4,
                8,
                16,
                32,
                64,
            ],
            type='AnchorGenerator'),
        bbox_coder=dict(
            target_means=[
                0.0,
                0.0,
                0.0,
                0.0,
            ],
            target_stds=[
                1.0,
                1.0,
                1.0,
                1.0,
            ],
            type='DeltaXYWHBBoxCoder'),
        feat_channels=64,
        in_channels=64,
        loss_bbox=dict(loss_weight=1.0, type='L1Loss'),
        loss_cls=dict(
            loss_weight=1.0, type='CrossEntropyLoss', use_sigmoid=True),
        type='RPNHead'),
    test_cfg=dict(
        rcnn=dict(
            mask_thr_binary=0.5,
            max_per_img=100,
            nms=dict(iou_threshold=0.5, type='nms'),
            score_thr=0.05),
        rpn=dict(
            max_per_img=200,
            min_bbox_size=0,
            nms=dict(iou_threshold=0.7, type='nms'),
            nms_pre=500)),
    train_cfg=dict(
        rcnn=dict(
            assigner=dict(
                ignore_iof_thr=-1,
                match_low_quality=True,
                min_pos_iou=0.5,
                neg_iou_thr=0.5,
                pos_iou_thr=0.5,
                type='MaxIoUAssigner'),
            debug=False,
            mask_size=28,
            pos_weight=-1,
            sampler=dict(
                add_gt_as_proposals=True,
                neg_pos_ub=-1,
                num=64,
                pos_fraction=0.25,
                type='RandomSampler')),
        rpn=dict(
            allowed_border=-1,
            assigner=dict(
                ignore_iof_thr=-1,
                match_low_quality=True,
                min_pos_iou=0.3,
                neg_iou_thr=0.3,
                pos_iou_thr=0.7,
                type='MaxIoUAssigner'),
            debug=False,
            pos_weight=-1,
            sampler=dict(
                add_gt_as_proposals=False,
                neg_pos_ub=-1,
                num=256,
                pos_fraction=0.5,
                type='RandomSampler')),
        rpn_proposal=dict(
            max_per_img=200,
            min_bbox_size=0,
            nms=dict(iou_threshold=0.7, type='nms'),
            nms_pre=1000)),
    type='MaskRCNN')
num_channels = 3
num_classes = 24
optim_wrapper = dict(
    clip_grad=dict(max_norm=10.0, norm_type=2),
    optimizer=dict(lr=0.02, momentum=0.9, type='SGD', weight_decay=0.0001),
    paramwise_cfg=dict(bias_decay_mult=0.0, norm_decay_mult=0.0),
    type='OptimWrapper')
pack = [
    dict(num_channels=3, type='ImageToChannels'),
    dict(
        meta_keys=(
            'img_id',
            'img_path',
            'ori_shape',
            'img_shape',
            'scale_factor',
            'flip',
            'flip_direction',
            'with_mask',
            'karyotype',
        ),
        type='PackDetInputs'),
]
pack_test = [
    dict(num_channels=3, type='ImageToChannels'),
    dict(
        meta_keys=(
            'img_id',
            'img_path',
            'ori_shape',
            'img_shape',
            'scale_factor',
            'with_mask',
            'karyotype',
            'instances',
        ),
        type='PackDetInputs'),
]
pad = dict(
    pad_val=dict(img=255), size=(
        640,
        640,
    ), type='Pad')
param_scheduler = [
    dict(begin=0, by_epoch=False, end=150, start_factor=0.01, type='LinearLR'),
    dict(
        begin=0,
        by_epoch=False,
        end=2500,
        gamma=0.1,
        milestones=[
            1875,
            2250,
        ],
        type='MultiStepLR'),
]
photometric_augs = [
    dict(
        brightness_delta=32.0,
        contrast_range=(
            0.75,
            1.25,
        ),
        prob=0.5,
        type='RandomBrightnessContrast'),
]
r18_fpn_cpu = dict(
    backbone=dict(depth=18, frozen_stages=-1, init_cfg=None, norm_eval=False),
    neck=dict(in_channels=[
        64,
        128,
        256,
        512,
    ]),
    rpn_head=dict(anchor_generator=dict(scales=[
        4,
    ])),
    test_cfg=dict(rpn=dict(max_per_img=200, nms_pre=500)),
    train_cfg=dict(rpn_proposal=dict(max_per_img=200, nms_pre=1000)))
r18_fpn_light = dict(
    backbone=dict(base_channels=32),
    neck=dict(in_channels=[
        32,
        64,
        128,
        256,
    ], out_channels=64),
    rpn_head=dict(feat_channels=64, in_channels=64),
    test_cfg=dict(
        rcnn=dict(
            max_per_img=100,
            nms=dict(iou_threshold=0.5, type='nms'),
            score_thr=0.05)))
randomness = dict(deterministic=False, seed=0)
rcnn_sampled_rois = 64
resize = dict(
    keep_ratio=True, scale=(
        640,
        640,
    ), type='Resize')
resume = False
rotate = dict(
    img_border_value=255, max_mag=180.0, min_mag=0.0, prob=0.5, type='Rotate')
score_thr = 0.3
test_cfg = dict(type='TestLoop')
test_dataloader = dict(
    batch_size=1,
    dataset=dict(
        ann_file='annotations/mfish_test.json',
        backend_args=None,
        data_prefix=dict(img='images/'),
        data_root='data/mfish/',
        pipeline=[
            dict(
                backend_args=None,
                color_type='grayscale',
                type='LoadImageFromFile'),
            dict(keep_ratio=True, scale=(
                640,
                640,
            ), type='Resize'),
            dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
            dict(num_channels=3, type='ImageToChannels'),
            dict(
                meta_keys=(
                    'img_id',
                    'img_path',
                    'ori_shape',
                    'img_shape',
                    'scale_factor',
                    'with_mask',
                    'karyotype',
                    'instances',
                ),
                type='PackDetInputs'),
        ],
        test_mode=True,
        type='ChromosomeDataset',
        with_mask=True),
    drop_last=False,
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
test_evaluator = [
    dict(
        backend_args=None,
        format_only=False,
        iou_thrs=[
            0.5,
        ],
        metric=[
            'bbox',
            'segm',
        ],
        type='CocoMetric'),
    dict(
        backend_args=None,
        format_only=False,
        iou_thrs=[
            0.5,
        ],
        metric=[
            'bbox',
            'segm',
        ],
        type='ClassAgnosticCocoMetric'),
    dict(score_thr=0.3, type='AJIMetric'),
    dict(score_thr=0.3, type='ChromosomeClassMetric'),
    dict(score_thr=0.3, type='KaryotypeMetric'),
]
test_pipeline = [
    dict(backend_args=None, color_type='grayscale', type='LoadImageFromFile'),
    dict(keep_ratio=True, scale=(
        640,
        640,
    ), type='Resize'),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
    dict(num_channels=3, type='ImageToChannels'),
    dict(
        meta_keys=(
            'img_id',
            'img_path',
            'ori_shape',
            'img_shape',
            'scale_factor',
            'with_mask',
            'karyotype',
            'instances',
        ),
        type='PackDetInputs'),
]
to_channels = dict(num_channels=3, type='ImageToChannels')
train_cfg = dict(max_iters=2500, type='IterBasedTrainLoop', val_interval=250)
train_dataloader = dict(
    batch_sampler=dict(type='AspectRatioBatchSampler'),
    batch_size=2,
    dataset=dict(
        ann_file='annotations/mfish_train.json',
        backend_args=None,
        data_prefix=dict(img='images/'),
        data_root='data/mfish/',
        filter_cfg=dict(filter_empty_gt=True, min_size=1),
        pipeline=[
            dict(
                backend_args=None,
                color_type='grayscale',
                type='LoadImageFromFile'),
            dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
            dict(keep_ratio=True, scale=(
                640,
                640,
            ), type='Resize'),
            dict(
                direction=[
                    'horizontal',
                    'vertical',
                    'diagonal',
                ],
                prob=[
                    0.25,
                    0.25,
                    0.25,
                ],
                type='RandomFlip'),
            dict(
                img_border_value=255,
                max_mag=180.0,
                min_mag=0.0,
                prob=0.5,
                type='Rotate'),
            dict(type='BoxesFromMasks'),
            dict(
                keep_empty=False,
                min_gt_bbox_wh=(
                    1,
                    1,
                ),
                type='FilterAnnotations'),
            dict(
                brightness_delta=32.0,
                contrast_range=(
                    0.75,
                    1.25,
                ),
                prob=0.5,
                type='RandomBrightnessContrast'),
            dict(num_channels=3, type='ImageToChannels'),
            dict(
                meta_keys=(
                    'img_id',
                    'img_path',
                    'ori_shape',
                    'img_shape',
                    'scale_factor',
                    'flip',
                    'flip_direction',
                    'with_mask',
                    'karyotype',
                ),
                type='PackDetInputs'),
        ],
        type='ChromosomeDataset',
        with_mask=True),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=True, type='DefaultSampler'))
train_pipeline = [
    dict(backend_args=None, color_type='grayscale', type='LoadImageFromFile'),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
    dict(keep_ratio=True, scale=(
        640,
        640,
    ), type='Resize'),
    dict(
        direction=[
            'horizontal',
            'vertical',
            'diagonal',
        ],
        prob=[
            0.25,
            0.25,
            0.25,
        ],
        type='RandomFlip'),
    dict(
        img_border_value=255,
        max_mag=180.0,
        min_mag=0.0,
        prob=0.5,
        type='Rotate'),
    dict(type='BoxesFromMasks'),
    dict(keep_empty=False, min_gt_bbox_wh=(
        1,
        1,
    ), type='FilterAnnotations'),
    dict(
        brightness_delta=32.0,
        contrast_range=(
            0.75,
            1.25,
        ),
        prob=0.5,
        type='RandomBrightnessContrast'),
    dict(num_channels=3, type='ImageToChannels'),
    dict(
        meta_keys=(
            'img_id',
            'img_path',
            'ori_shape',
            'img_shape',
            'scale_factor',
            'flip',
            'flip_direction',
            'with_mask',
            'karyotype',
        ),
        type='PackDetInputs'),
]
val_cfg = dict(type='ValLoop')
val_dataloader = dict(
    batch_size=1,
    dataset=dict(
        ann_file='annotations/mfish_val.json',
        backend_args=None,
        data_prefix=dict(img='images/'),
        data_root='data/mfish/',
        pipeline=[
            dict(
                backend_args=None,
                color_type='grayscale',
                type='LoadImageFromFile'),
            dict(keep_ratio=True, scale=(
                640,
                640,
            ), type='Resize'),
            dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
            dict(num_channels=3, type='ImageToChannels'),
            dict(
                meta_keys=(
                    'img_id',
                    'img_path',
                    'ori_shape',
                    'img_shape',
                    'scale_factor',
                    'with_mask',
                    'karyotype',
                    'instances',
                ),
                type='PackDetInputs'),
        ],
        test_mode=True,
        type='ChromosomeDataset',
        with_mask=True),
    drop_last=False,
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
val_evaluator = [
    dict(
        backend_args=None,
        format_only=False,
        iou_thrs=[
            0.5,
        ],
        metric=[
            'bbox',
            'segm',
        ],
        type='CocoMetric'),
    dict(
        backend_args=None,
        format_only=False,
        iou_thrs=[
            0.5,
        ],
        metric=[
            'bbox',
            'segm',
        ],
        type='ClassAgnosticCocoMetric'),
    dict(score_thr=0.3, type='AJIMetric'),
    dict(score_thr=0.3, type='ChromosomeClassMetric'),
    dict(score_thr=0.3, type='KaryotypeMetric'),
]
val_interval = 250
vis_backends = [
    dict(type='LocalVisBackend'),
]
visualizer = dict(
    name='visualizer',
    type='DetLocalVisualizer',
    vis_backends=[
        dict(type='LocalVisBackend'),
    ])
warmup = dict(
    begin=0, by_epoch=False, end=150, start_factor=0.01, type='LinearLR')
