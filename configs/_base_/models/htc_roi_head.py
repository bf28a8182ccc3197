# Not a model: the RoI head that makes a cascade a Hybrid Task Cascade (without the semantic branch):
# interleaved mask heads and mask information flow (as mmdet's htc/htc-without-semantic_r50_fpn_1x_coco.py),
# with mmkaryo's masking HTC RoI head. htc_r50_fpn.py and htc_r18_fpn_cpu.py inherit it beside their
# cascade and set model = dict(type='HybridTaskCascade', roi_head=_base_.htc_roi_head).
htc_mask_head = dict(
    type='HTCMaskHead',
    num_convs=4,
    in_channels=256,
    conv_out_channels=256,
    num_classes=24,
    loss_mask=dict(type='CrossEntropyLoss', use_mask=True, loss_weight=1.0))
htc_roi_head = dict(
    type='MaskingHybridTaskCascadeRoIHead',
    interleaved=True,
    mask_info_flow=True,
    # The first stage has no preceding mask features to fuse.
    mask_head=[dict(htc_mask_head, with_conv_res=False), htc_mask_head, htc_mask_head])
