# Regime "alternating + box projection" (DaTaSeg): the alternating regime with the box-projection loss on
# the box-only batches' positives (the mask's x and y projections must match the box's), weight 1 as in
# DaTaSeg and BoxInst, reported as loss_mask_proj.
_base_ = './mask-rcnn_r18_fpn-light_1500i_mask-scarce-alternating.py'

model = dict(roi_head=dict(loss_box_proj=dict(loss_weight=1.0)))
