# From-scratch CPU schedule (batch 2): the iteration schedule of sgd_300i.py over 1500 iterations with SGD
# lr 0.02 (momentum 0.9, weight decay 1e-4, none on normalisation layers and biases, as in mmdet's
# configs/scratch/), linear warm-up over 150 iterations, lr x0.1 at 75 % and 90 %, gradients clipped at
# norm 10. Validation every 250 iterations, so the learning curve shows whether the model learns
# (configs checkpoint at the same interval).
_base_ = './sgd_300i.py'

max_iters = 1500
val_interval = 250
base_lr = 0.02

train_cfg = dict(max_iters=max_iters, val_interval=val_interval)
warmup = dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=150)
# A config with another max_iters restates `end` and `milestones` (mmengine fills them in here).
lr_steps = dict(type='MultiStepLR', begin=0, end=max_iters, by_epoch=False,
                milestones=[int(max_iters * 0.75), int(max_iters * 0.9)], gamma=0.1)
param_scheduler = [warmup, lr_steps]
optim_wrapper = dict(
    optimizer=dict(lr=base_lr),
    paramwise_cfg=dict(norm_decay_mult=0.0, bias_decay_mult=0.0),
    clip_grad=dict(max_norm=10.0, norm_type=2))
