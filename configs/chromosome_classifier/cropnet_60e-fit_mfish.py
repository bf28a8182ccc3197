# The 60-epoch M-FISH chromosome classifier on length-normalised canvases: each chromosome is stretched
# to fit the 96 x 48 canvas before the backbone (`fit_hw`, mmkaryo/models/classifiers/canvas_fit.py), so
# its bands lie at the same relative positions whatever its size; the size vector still says how big it
# was. Same crops, augmentation and schedule as cropnet_60e_mfish.py, whose native-scale canvases it is
# compared with on the validation slides.
#   python tools/train.py configs/chromosome_classifier/cropnet_60e-fit_mfish.py
_base_ = ['./cropnet_60e_mfish.py']

model = dict(fit_hw=(96, 48))
