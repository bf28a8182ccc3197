# cropnet_60e-fit_mfish.py (length-normalised canvases) trained on the training AND validation slides, as
# cropnet_60e-trainval_mfish.py does for the native-scale classifier: no validation set, last epoch kept.
# The held-out test slides stay unseen.
#   python tools/train.py configs/chromosome_classifier/cropnet_60e-fit-trainval_mfish.py
_base_ = ['./cropnet_60e-trainval_mfish.py']

model = dict(fit_hw=(96, 48))
