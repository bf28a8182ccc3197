# Regime 1 (baseline) with Cascade Mask R-CNN R-50 FPN on AutoKary2022.
_base_ = [
    '../_base_/models/cascade-mask-rcnn_r50_fpn.py', '../_base_/datasets/autokary2022.py',
    '../_base_/schedules/sgd_40e.py', '../_base_/default_runtime.py'
]
