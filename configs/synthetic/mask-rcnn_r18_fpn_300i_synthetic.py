# Regime 1 (baseline) at CPU scale: Mask R-CNN R-18 FPN on the synthetic mask set alone.
_base_ = ['../_base_/models/mask-rcnn_r18_fpn_cpu.py', './_base_/synthetic_320px_300i.py']
