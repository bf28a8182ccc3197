# Regime "two-stage", stage 2: fine-tune the stage-1 model (…-boxmask.py; pass its checkpoint as
# load_from) on the mask part at the seed's low rate: the seed fine-tuned at 0.0004 after training at
# 0.005, i.e. at 0.08 times its base rate; here 0.08 x the recipe's 0.02.
_base_ = './mask-rcnn_r18_fpn-light_1500i_mask-scarce.py'

optim_wrapper = dict(optimizer=dict(lr=_base_.base_lr * 0.08))
