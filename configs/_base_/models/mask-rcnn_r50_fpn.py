# Mask R-CNN, ResNet-50 FPN, for the 24 chromosome classes (1-22, X, Y), with mmkaryo's RoI head
# that skips the mask loss of box-only samples (metainfo with_mask=False).
_base_ = 'mmdet::_base_/models/mask-rcnn_r50_fpn.py'

num_classes = 24
# Box-projection loss on box-only samples (BoxInst/DaTaSeg); 0 turns it off.
box_proj_loss_weight = 0.0

model = dict(
    # mmdet's base tags this dict with _scope_='mmdet'; mmkaryo's scope finds our types and mmdet's.
    _scope_='mmkaryo',
    roi_head=dict(
        type='MaskingStandardRoIHead',
        loss_box_proj=dict(type='BoxProjectionLoss', loss_weight=box_proj_loss_weight),
        bbox_head=dict(num_classes=num_classes),
        mask_head=dict(num_classes=num_classes)))
