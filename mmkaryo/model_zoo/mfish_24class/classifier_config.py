axis_flip = dict(prob=0.5, type='RandomAxisFlip')
canvas_hw = (
    96,
    48,
)
canvas_shift = dict(max_shift=3, type='RandomCanvasShift')
custom_hooks = [
    dict(type='IterationSeedHook'),
]
data_root = 'data/mfish/'
dataset_type = 'ChromosomeCropDataset'
default_hooks = dict(
    checkpoint=dict(
        interval=5,
        max_keep_ckpts=2,
        rule='greater',
        save_best='crop/constrained_accuracy',
        type='CheckpointHook'),
    logger=dict(interval=20, type='LoggerHook'),
    param_scheduler=dict(type='ParamSchedulerHook'),
    sampler_seed=dict(type='DistSamplerSeedHook'),
    timer=dict(type='IterTimerHook'),
    visualization=dict(type='DetVisualizationHook'))
default_scope = 'mmkaryo'
env_cfg = dict(
    cudnn_benchmark=False,
    dist_cfg=dict(backend='gloo'),
    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0))
fit = dict(
    backbone=dict(
        in_channels=1,
        init_cfg=None,
        stage_channels=(
            24,
            48,
            96,
            192,
        ),
        stage_convs=(
            1,
            1,
            2,
            2,
        ),
        type='CropConvNet'),
    dropout=0.3,
    fit_hw=(
        96,
        48,
    ),
    hidden=256,
    label_smoothing=0.1,
    pool_rows=6,
    test_flips=True,
    type='ChromosomeCropClassifier')
images = dict(img='images/')
load_from = None
log_level = 'INFO'
log_processor = dict(by_epoch=True, type='LogProcessor', window_size=50)
max_epochs = 60
model = dict(
    members=[
        dict(
            backbone=dict(
                in_channels=1,
                init_cfg=None,
                stage_channels=(
                    24,
                    48,
                    96,
                    192,
                ),
                stage_convs=(
                    1,
                    1,
                    2,
                    2,
                ),
                type='CropConvNet'),
            dropout=0.3,
            hidden=256,
            label_smoothing=0.1,
            pool_rows=6,
            test_flips=True,
            type='ChromosomeCropClassifier'),
        dict(
            backbone=dict(
                in_channels=1,
                init_cfg=None,
                stage_channels=(
                    24,
                    48,
                    96,
                    192,
                ),
                stage_convs=(
                    1,
                    1,
                    2,
                    2,
                ),
                type='CropConvNet'),
            dropout=0.3,
            hidden=256,
            label_smoothing=0.1,
            pool_rows=6,
            test_flips=True,
            type='ChromosomeCropClassifier'),
        dict(
            backbone=dict(
                in_channels=1,
                init_cfg=None,
                stage_channels=(
                    24,
                    48,
                    96,
                    192,
                ),
                stage_convs=(
                    1,
                    1,
                    2,
                    2,
                ),
                type='CropConvNet'),
            dropout=0.3,
            fit_hw=(
                96,
                48,
            ),
            hidden=256,
            label_smoothing=0.1,
            pool_rows=6,
            test_flips=True,
            type='ChromosomeCropClassifier'),
    ],
    type='ChromosomeCropEnsemble')
native = dict(
    backbone=dict(
        in_channels=1,
        init_cfg=None,
        stage_channels=(
            24,
            48,
            96,
            192,
        ),
        stage_convs=(
            1,
            1,
            2,
            2,
        ),
        type='CropConvNet'),
    dropout=0.3,
    hidden=256,
    label_smoothing=0.1,
    pool_rows=6,
    test_flips=True,
    type='ChromosomeCropClassifier')
optim_wrapper = dict(
    optimizer=dict(lr=0.002, type='AdamW', weight_decay=0.05),
    paramwise_cfg=dict(bias_decay_mult=0.0, norm_decay_mult=0.0),
    type='OptimWrapper')
pack = dict(type='PackCropInputs')
param_scheduler = [
    dict(begin=0, by_epoch=False, end=100, start_factor=0.01, type='LinearLR'),
    dict(
        T_max=60,
        begin=0,
        by_epoch=True,
        end=60,
        eta_min=1e-05,
        type='CosineAnnealingLR'),
]
randomness = dict(deterministic=False, seed=0)
resume = False
stain_jitter = dict(
    blur_prob=0.3,
    blur_sigma=(
        0.3,
        0.8,
    ),
    gain=(
        0.85,
        1.15,
    ),
    gamma=(
        0.8,
        1.25,
    ),
    type='RandomStainJitter')
test_cfg = dict(type='TestLoop')
test_dataloader = dict(
    batch_size=128,
    dataset=dict(
        ann_file='annotations/mfish_test.json',
        canvas_hw=(
            96,
            48,
        ),
        data_prefix=dict(img='images/'),
        data_root='data/mfish/',
        pipeline=[
            dict(type='PackCropInputs'),
        ],
        test_mode=True,
        type='ChromosomeCropDataset'),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
test_evaluator = dict(type='ChromosomeCropMetric')
test_pipeline = [
    dict(type='PackCropInputs'),
]
train_cfg = dict(max_epochs=60, type='EpochBasedTrainLoop', val_interval=5)
train_dataloader = dict(
    batch_size=64,
    dataset=dict(
        ann_file='annotations/mfish_train.json',
        canvas_hw=(
            96,
            48,
        ),
        data_prefix=dict(img='images/'),
        data_root='data/mfish/',
        pipeline=[
            dict(prob=0.5, type='RandomAxisFlip'),
            dict(max_shift=3, type='RandomCanvasShift'),
            dict(
                blur_prob=0.3,
                blur_sigma=(
                    0.3,
                    0.8,
                ),
                gain=(
                    0.85,
                    1.15,
                ),
                gamma=(
                    0.8,
                    1.25,
                ),
                type='RandomStainJitter'),
            dict(type='PackCropInputs'),
        ],
        type='ChromosomeCropDataset'),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=True, type='DefaultSampler'))
train_pipeline = [
    dict(prob=0.5, type='RandomAxisFlip'),
    dict(max_shift=3, type='RandomCanvasShift'),
    dict(
        blur_prob=0.3,
        blur_sigma=(
            0.3,
            0.8,
        ),
        gain=(
            0.85,
            1.15,
        ),
        gamma=(
            0.8,
            1.25,
        ),
        type='RandomStainJitter'),
    dict(type='PackCropInputs'),
]
val_cfg = dict(type='ValLoop')
val_dataloader = dict(
    batch_size=128,
    dataset=dict(
        ann_file='annotations/mfish_val.json',
        canvas_hw=(
            96,
            48,
        ),
        data_prefix=dict(img='images/'),
        data_root='data/mfish/',
        pipeline=[
            dict(type='PackCropInputs'),
        ],
        test_mode=True,
        type='ChromosomeCropDataset'),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
val_evaluator = dict(type='ChromosomeCropMetric')
vis_backends = [
    dict(type='LocalVisBackend'),
]
visualizer = dict(
    name='visualizer',
    type='DetLocalVisualizer',
    vis_backends=[
        dict(type='LocalVisBackend'),
    ])
