# Regime "final" (the seed's final model): alternating one-source batches with the AttentionFPN neck
# (FPN + CBAM attention on every output level) instead of the plain FPN.
_base_ = './mask-rcnn_r18_fpn-light_1500i_mask-scarce-alternating.py'

model = dict(neck=dict(type='AttentionFPN'))
