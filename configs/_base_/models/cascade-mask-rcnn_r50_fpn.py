# Cascade Mask R-CNN, ResNet-50 FPN, 24 chromosome classes, with mmkaryo's masking cascade RoI head
# (the mask loss of each stage skips box-only samples).
_base_ = 'mmdet::_base_/models/cascade-mask-rcnn_r50_fpn.py'

num_classes = 24
box_proj_loss_weight = 0.0

model = dict(
    _scope_='mmkaryo',
    roi_head=dict(
        type='MaskingCascadeRoIHead',
        loss_box_proj=dict(type='BoxProjectionLoss', loss_weight=box_proj_loss_weight),
        bbox_head=[dict(head, num_classes=num_classes) for head in _base_.model.roi_head.bbox_head],
        mask_head=dict(num_classes=num_classes)))
