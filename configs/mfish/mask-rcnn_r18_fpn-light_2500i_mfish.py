# The 1500-iteration M-FISH model's recipe trained longer: 2500 iterations, the same warm-up, the lr drops
# at 75 % and 90 % of the run. Its validation curve was still rising at 1500 iterations (docs/model_zoo.md).
_base_ = './mask-rcnn_r18_fpn-light_1500i_mfish.py'

max_iters = 2500
train_cfg = dict(max_iters=max_iters)
param_scheduler = [
    _base_.warmup,
    dict(_base_.lr_steps, end=max_iters, milestones=[int(max_iters * 0.75), int(max_iters * 0.9)]),
]
