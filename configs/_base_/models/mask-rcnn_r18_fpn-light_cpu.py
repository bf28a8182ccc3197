# CPU-efficient Mask R-CNN R-18 FPN, trained from random weights at M-FISH's native resolution (640 px):
# the CPU-scale Mask R-CNN with the light cuts of r18_fpn_light_scale.py (half-width ResNet-18, 64-channel
# FPN/RPN/RoI features, 512-d box FCs, 2-conv mask head, chromosome-ness scoring, class-agnostic masks).
_base_ = ['./mask-rcnn_r18_fpn_cpu.py', './r18_fpn_light_scale.py']

model = dict(
    _base_.r18_fpn_light,
    roi_head=dict(
        bbox_roi_extractor=dict(out_channels=_base_.channels),
        bbox_head=_base_.light_bbox_head,
        mask_roi_extractor=dict(out_channels=_base_.channels),
        mask_head=_base_.light_mask_head))
