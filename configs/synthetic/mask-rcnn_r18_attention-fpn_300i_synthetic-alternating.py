# Regime 3 at CPU scale (the seed's final model): Mask R-CNN R-18 with AttentionFPN, every batch drawn
# from ONE source, box-only or mask, by ratio 1:1 (DaTaSeg); box-only batches train RPN + box heads
# only (with_mask=False skips the mask loss).
_base_ = ['../_base_/models/mask-rcnn_r18_fpn_cpu.py', './_base_/synthetic_alternating_320px_300i.py']

model = dict(neck=dict(type='AttentionFPN'))
