# Regime 2, stage 2 at CPU scale: fine-tune the stage-1 model on the synthetic mask set with the seed's
# stage-2 learning rate (0.0004). Run the stage-1 config first.
_base_ = './mask-rcnn_r18_fpn_300i_synthetic.py'

load_from = 'work_dirs/mask-rcnn_r18_fpn_300i_synthetic-boxmask/iter_300.pth'
optim_wrapper = dict(optimizer=dict(lr=0.0004))
