# Regime 3 with Cascade Mask R-CNN + AttentionFPN: alternating CIL box / AutoKary2022 mask batches;
# each stage's mask loss skips box-only batches.
_base_ = [
    '../_base_/models/cascade-mask-rcnn_r50_fpn.py',
    '../_base_/datasets/cil24_autokary2022_alternating.py', '../_base_/schedules/sgd_40e.py',
    '../_base_/default_runtime.py'
]

model = dict(neck=dict(type='AttentionFPN'))
