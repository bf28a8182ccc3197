# Regime 1 (baseline): Mask R-CNN R-50 FPN on AutoKary2022 alone; 640 px, batch 4, SGD lr 0.005, 40 ep.
_base_ = [
    '../_base_/models/mask-rcnn_r50_fpn.py', '../_base_/datasets/autokary2022.py',
    '../_base_/schedules/sgd_40e.py', '../_base_/default_runtime.py'
]
