# Regime "two-stage", stage 1 (Agnew et al. 2024): the baseline's model and recipe on the box-only part,
# each box turned into a box-corner polygon mask (BoxToPolygonMask). Stage 2 is
# mask-rcnn_r18_fpn-light_1500i_mask-scarce-finetune.py from this stage's last checkpoint.
_base_ = './mask-rcnn_r18_fpn-light_1500i_mask-scarce.py'

train_dataloader = dict(dataset=dict(_delete_=True, **_base_.boxmask_dataset))
