# Regime 3 without attention (ablation): one Mask R-CNN on CIL boxes + AutoKary2022 masks, every batch
# from one source (1:1); box-only batches train RPN + box heads only; 40 ep, lr 0.005.
_base_ = [
    '../_base_/models/mask-rcnn_r50_fpn.py', '../_base_/datasets/cil24_autokary2022_alternating.py',
    '../_base_/schedules/sgd_40e.py', '../_base_/default_runtime.py'
]
