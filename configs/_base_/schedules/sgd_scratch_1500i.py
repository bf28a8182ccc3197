# From-scratch CPU schedule (batch 2): 1500 iterations of SGD lr 0.02, momentum 0.9, weight decay 1e-4
# (none on normalisation layers and biases, as in mmdet's configs/scratch/), linear warm-up over 150
# iterations, lr x0.1 at 75 % and 90 %, gradients clipped at norm 10. Validation every 250 iterations,
# so the learning curve shows whether the model learns (configs checkpoint at the same interval).
max_iters = 1500
val_interval = 250
base_lr = 0.02

train_cfg = dict(type='IterBasedTrainLoop', max_iters=max_iters, val_interval=val_interval)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')

param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=150),
    dict(type='MultiStepLR', begin=0, end=max_iters, by_epoch=False,
         milestones=[int(max_iters * 0.75), int(max_iters * 0.9)], gamma=0.1),
]

optim_wrapper = dict(
    type='OptimWrapper',
    optimizer=dict(type='SGD', lr=base_lr, momentum=0.9, weight_decay=0.0001),
    paramwise_cfg=dict(norm_decay_mult=0.0, bias_decay_mult=0.0),
    clip_grad=dict(max_norm=10.0, norm_type=2))

auto_scale_lr = dict(enable=False, base_batch_size=2)
