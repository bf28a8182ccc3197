# The M-FISH crop classifier trained twice as long: 60 epochs, the same cosine schedule stretched (the
# 30-epoch run's validation accuracy was still rising at its end; docs/model_zoo.md).
_base_ = './cropnet_30e_mfish.py'

max_epochs = 60
train_cfg = dict(max_epochs=max_epochs, val_interval=10)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=100),
    dict(type='CosineAnnealingLR', by_epoch=True, begin=0, end=max_epochs, T_max=max_epochs, eta_min=1e-5),
]
default_hooks = dict(checkpoint=dict(interval=10))
