# Three M-FISH crop classifiers that name each chromosome together (mean probabilities): the two native-
# scale members of cropnet-ensemble2_mfish.py and cropnet_60e-fit_mfish.py (length-normalised canvases,
# same recipe otherwise). Not trained itself; join the members' checkpoints, then test:
#   python tools/model_zoo/join_crop_ensemble.py configs/chromosome_classifier/cropnet-ensemble3_mfish.py \
#       CKPT_60E CKPT_60E_TRAINVAL CKPT_60E_FIT --out work_dirs/classifier/ensemble3.pth
#   python tools/test.py configs/chromosome_classifier/cropnet-ensemble3_mfish.py work_dirs/classifier/ensemble3.pth
_base_ = ['./cropnet_60e_mfish.py']

native = {{_base_.model}}
fit = dict(type='ChromosomeCropClassifier', backbone={{_base_.model.backbone}}, pool_rows={{_base_.model.pool_rows}},
           hidden={{_base_.model.hidden}}, dropout={{_base_.model.dropout}},
           label_smoothing={{_base_.model.label_smoothing}}, test_flips={{_base_.model.test_flips}}, fit_hw=(96, 48))
model = dict(_delete_=True, type='ChromosomeCropEnsemble', members=[native, native, fit])
