# The M-FISH chromosome classifier of cropnet_30e_mfish.py trained twice as long (60 epochs, cosine
# over 60): the 30-epoch validation curve was still rising at its end. Its epoch-50 checkpoint (best on the
# validation slides) is one member of the packaged ensemble (cropnet-ensemble3_mfish.py); alone it reads
# test-slide crops at 70.6 % argmax, 76.7 % constrained.
#   python tools/train.py configs/chromosome_classifier/cropnet_60e_mfish.py
_base_ = ['./cropnet_30e_mfish.py']

max_epochs = 60
train_cfg = dict(max_epochs=max_epochs)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=100),
    dict(type='CosineAnnealingLR', by_epoch=True, begin=0, end=max_epochs, T_max=max_epochs, eta_min=1e-5),
]
