# The 1500-iteration M-FISH model's recipe trained longer: 2500 iterations, the same warm-up, the lr drops
# at 75 % and 90 % of the run. Its validation curve was still rising at 1500 iterations (docs/model_zoo.md).
_base_ = './mask-rcnn_r18_fpn-light_1500i_mfish.py'

max_iters = 2500
train_cfg = dict(max_iters=max_iters)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=150),
    dict(type='MultiStepLR', begin=0, end=max_iters, by_epoch=False,
         milestones=[int(max_iters * 0.75), int(max_iters * 0.9)], gamma=0.1),
]
