# Cascade Mask R-CNN, ResNet-50 FPN, 24 chromosome classes, with mmkaryo's masking cascade RoI head
# (the mask loss of each stage skips box-only samples).
_base_ = 'mmdet::_base_/models/cascade-mask-rcnn_r50_fpn.py'

num_classes = 24
box_proj_loss_weight = 0.0


def _stage_bbox_head(target_stds):
    return dict(
        type='Shared2FCBBoxHead',
        in_channels=256,
        fc_out_channels=1024,
        roi_feat_size=7,
        num_classes=num_classes,
        bbox_coder=dict(
            type='DeltaXYWHBBoxCoder', target_means=[0., 0., 0., 0.], target_stds=target_stds),
        reg_class_agnostic=True,
        loss_cls=dict(type='CrossEntropyLoss', use_sigmoid=False, loss_weight=1.0),
        loss_bbox=dict(type='SmoothL1Loss', beta=1.0, loss_weight=1.0))


model = dict(
    _scope_='mmkaryo',
    roi_head=dict(
        type='MaskingCascadeRoIHead',
        loss_box_proj=dict(type='BoxProjectionLoss', loss_weight=box_proj_loss_weight),
        bbox_head=[
            _stage_bbox_head([0.1, 0.1, 0.2, 0.2]),
            _stage_bbox_head([0.05, 0.05, 0.1, 0.1]),
            _stage_bbox_head([0.033, 0.033, 0.067, 0.067]),
        ],
        mask_head=dict(num_classes=num_classes)))
