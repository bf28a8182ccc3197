# Regime 2, stage 1 at CPU scale: pre-train on the synthetic box-only set with box-corner polygon masks
# (BoxToPolygonMask, Agnew et al. 2024). Stage 2 loads work_dirs/<this config>/iter_300.pth.
_base_ = ['../_base_/models/mask-rcnn_r18_fpn_cpu.py', './_base_/synthetic_320px_300i.py']

train_dataloader = dict(
    dataset=dict(_delete_=True, **dict(_base_.box_dataset, pipeline=_base_.boxmask_train_pipeline)))
