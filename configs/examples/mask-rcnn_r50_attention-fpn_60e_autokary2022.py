# A new experiment by inheritance (README "A new experiment"): the AutoKary2022 baseline with
# AttentionFPN, 60 epochs and lr 0.01. Only what changes is written here; the rest comes from _base_.
#   python tools/train.py configs/examples/mask-rcnn_r50_attention-fpn_60e_autokary2022.py
_base_ = '../mask_rcnn/mask-rcnn_r50_fpn_40e_autokary2022.py'

max_epochs = 60
base_lr = 0.01

model = dict(neck=dict(type='AttentionFPN'))
train_cfg = dict(max_epochs=max_epochs)
# Lists are replaced, not merged: restate the schedule with milestones at 75 % and 90 %.
param_scheduler = [
    dict(type='LinearLR', start_factor=0.001, by_epoch=False, begin=0, end=500),
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True, milestones=[45, 54], gamma=0.1),
]
optim_wrapper = dict(optimizer=dict(lr=base_lr))
