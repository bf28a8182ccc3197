# CPU-efficient Cascade Mask R-CNN R-18 FPN from random weights: the CPU-scale cascade with the light cuts
# of r18_fpn_light_scale.py, every stage's box head scoring by chromosome-ness (the cascade averages the
# stages' class logits, then the last head scores the average), class-agnostic masks.
_base_ = ['./cascade-mask-rcnn_r18_fpn_cpu.py', './r18_fpn_light_scale.py']

model = dict(
    _base_.r18_fpn_light,
    roi_head=dict(
        bbox_roi_extractor=dict(out_channels=_base_.channels),
        bbox_head=[dict(head, **_base_.light_bbox_head) for head in _base_.model.roi_head.bbox_head],
        mask_roi_extractor=dict(out_channels=_base_.channels),
        mask_head=_base_.light_mask_head))
