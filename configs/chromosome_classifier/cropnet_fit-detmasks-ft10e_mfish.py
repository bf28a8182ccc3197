# cropnet_detmasks-ft10e_mfish.py for the length-normalised classifier (cropnet_60e-fit_mfish.py, best
# epoch 55): 10 epochs on the training slides' ground-truth crops and detector-mask crops, validated on the
# detector's masks of the validation slides.
#   python tools/train.py configs/chromosome_classifier/cropnet_fit-detmasks-ft10e_mfish.py
_base_ = ['./cropnet_detmasks-ft10e_mfish.py']

load_from = 'work_dirs/classifier/cropnet_60e-fit/best_crop_constrained_accuracy_epoch_55.pth'
model = dict(fit_hw=(96, 48))
