# Regime 3 at CPU scale with Cascade Mask R-CNN: the alternating data of the Mask R-CNN config, with
# the masking cascade head (every stage's mask loss skips box-only batches).
_base_ = [
    '../_base_/models/cascade-mask-rcnn_r18_fpn_cpu.py', './_base_/synthetic_alternating_320px_300i.py'
]

model = dict(neck=dict(type='AttentionFPN'))
