# Two M-FISH crop classifiers that name each chromosome together (mean probabilities; packaged in session
# 5, now two of the three members of cropnet-ensemble3_mfish.py): cropnet_60e_mfish.py (training slides,
# epoch 50) and cropnet_60e-trainval_mfish.py (training and validation slides, epoch 60). Not trained
# itself; join the members' checkpoints, then test:
#   python tools/model_zoo/join_crop_ensemble.py configs/chromosome_classifier/cropnet-ensemble2_mfish.py \
#       CKPT_60E CKPT_60E_TRAINVAL --out work_dirs/classifier/ensemble2.pth
#   python tools/test.py configs/chromosome_classifier/cropnet-ensemble2_mfish.py work_dirs/classifier/ensemble2.pth
_base_ = ['./cropnet_60e_mfish.py']

member = {{_base_.model}}
model = dict(_delete_=True, type='ChromosomeCropEnsemble', members=[member, member])
