# CPU smoke-scale schedule: 300 iterations, SGD lr 0.005, momentum 0.9, weight decay 1e-4, warm-up over
# 50 iterations, lr x0.1 at iteration 250; validation and checkpoint at the end only.
max_iters = 300
base_lr = 0.005

train_cfg = dict(type='IterBasedTrainLoop', max_iters=max_iters, val_interval=max_iters)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')

param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=50),
    dict(type='MultiStepLR', begin=0, end=max_iters, by_epoch=False, milestones=[250], gamma=0.1),
]

optim_wrapper = dict(
    type='OptimWrapper', optimizer=dict(type='SGD', lr=base_lr, momentum=0.9, weight_decay=0.0001))

auto_scale_lr = dict(enable=False, base_batch_size=2)
