# CPU-efficient HTC (without semantic branch) R-18 FPN from random weights: the light cascade of
# cascade-mask-rcnn_r18_fpn-light_cpu.py with the HTC RoI head of htc_roi_head.py, its interleaved mask
# heads cut like the light Mask R-CNN's (2 convs, class-agnostic) but of 64 channels: the mask information
# flow adds the previous stage's mask features to the RoI features, so both must have the same width.
_base_ = ['./cascade-mask-rcnn_r18_fpn-light_cpu.py', './htc_roi_head.py']

model = dict(
    type='HybridTaskCascade',
    roi_head=dict(
        _base_.htc_roi_head,
        bbox_roi_extractor=dict(out_channels=_base_.channels),
        bbox_head=_base_.model.roi_head.bbox_head,
        mask_roi_extractor=dict(out_channels=_base_.channels),
        mask_head=[dict(dict(head, **_base_.light_mask_head), conv_out_channels=_base_.channels)
                   for head in _base_.htc_roi_head.mask_head]))
