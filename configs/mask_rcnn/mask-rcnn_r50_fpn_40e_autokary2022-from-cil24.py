# Regime 2, stage 2: fine-tune the stage-1 model on AutoKary2022 masks; 40 ep, lr 0.0004.
# Train mask-rcnn_r50_fpn_20e_cil24-boxmask.py first (or point load_from at its checkpoint).
_base_ = './mask-rcnn_r50_fpn_40e_autokary2022.py'

load_from = 'work_dirs/mask-rcnn_r50_fpn_20e_cil24-boxmask/epoch_20.pth'
optim_wrapper = dict(optimizer=dict(lr=0.0004))
