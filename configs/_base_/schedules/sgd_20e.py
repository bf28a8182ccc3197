# 20 epochs, SGD lr 0.005 (batch 4), momentum 0.9, weight decay 1e-4: the seed's stage-1 (box-only)
# pre-training. The 40-epoch schedule with lr x0.1 at epochs 16 and 19.
_base_ = './sgd_40e.py'

max_epochs = 20

train_cfg = dict(max_epochs=max_epochs)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.001, by_epoch=False, begin=0, end=500),
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True, milestones=[16, 19], gamma=0.1),
]
