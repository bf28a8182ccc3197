# Regime 3, the seed's final model: alternating CIL box / AutoKary2022 mask batches, Mask R-CNN with
# AttentionFPN (CBAM on every pyramid level).
_base_ = './mask-rcnn_r50_fpn_40e_cil24-autokary2022-alternating.py'

model = dict(neck=dict(type='AttentionFPN'))
