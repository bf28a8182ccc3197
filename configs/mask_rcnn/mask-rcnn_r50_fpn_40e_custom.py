# Baseline on the small custom mask set: class-agnostic Mask R-CNN (one class, "chromosome").
_base_ = [
    '../_base_/models/mask-rcnn_r50_fpn.py', '../_base_/datasets/custom.py',
    '../_base_/schedules/sgd_40e.py', '../_base_/default_runtime.py'
]

model = dict(roi_head=dict(bbox_head=dict(num_classes=1), mask_head=dict(num_classes=1)))
