# The M-FISH chromosome classifier: CropConvNet on upright native-scale crops with their relative size,
# AdamW, cosine schedule, 30 epochs of the training slides' ~2,500 chromosomes, validated every 5 epochs
# on the validation slides (argmax and karyotype-constrained accuracy), tested on the held-out slides.
#   python tools/train.py configs/chromosome_classifier/cropnet_30e_mfish.py
#   python tools/test.py configs/chromosome_classifier/cropnet_30e_mfish.py CKPT
_base_ = ['../_base_/datasets/mfish_crops.py', '../_base_/default_runtime.py']

model = dict(
    type='ChromosomeCropClassifier',
    backbone=dict(type='CropConvNet', in_channels=1, stage_channels=(24, 48, 96, 192), stage_convs=(1, 1, 2, 2)),
    pool_rows=6, hidden=256, dropout=0.3, label_smoothing=0.1, test_flips=True)

max_epochs = 30
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=max_epochs, val_interval=5)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')

optim_wrapper = dict(
    type='OptimWrapper', optimizer=dict(type='AdamW', lr=2e-3, weight_decay=0.05),
    paramwise_cfg=dict(norm_decay_mult=0.0, bias_decay_mult=0.0))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=100),
    dict(type='CosineAnnealingLR', by_epoch=True, begin=0, end=max_epochs, T_max=max_epochs, eta_min=1e-5),
]

default_hooks = dict(
    logger=dict(type='LoggerHook', interval=20),
    checkpoint=dict(type='CheckpointHook', interval=5, max_keep_ckpts=2,
                    save_best='crop/constrained_accuracy', rule='greater'))
env_cfg = dict(dist_cfg=dict(backend='gloo'))
