# 40 epochs, SGD lr 0.005 (batch 4), momentum 0.9, weight decay 1e-4: the seed's baseline and final
# runs. Linear warm-up over 500 iterations, lr x0.1 at epochs 30 and 36.
max_epochs = 40
base_lr = 0.005

train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=max_epochs, val_interval=1)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')

param_scheduler = [
    dict(type='LinearLR', start_factor=0.001, by_epoch=False, begin=0, end=500),
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True, milestones=[30, 36], gamma=0.1),
]

optim_wrapper = dict(
    type='OptimWrapper', optimizer=dict(type='SGD', lr=base_lr, momentum=0.9, weight_decay=0.0001))

# The learning rates above are for a total batch of 4 images.
auto_scale_lr = dict(enable=False, base_batch_size=4)
