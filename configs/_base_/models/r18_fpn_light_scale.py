# Not a model: the cuts that make the CPU-scale R-18 FPN models light, for mask-rcnn_r18_fpn-light_cpu.py,
# cascade-mask-rcnn_r18_fpn-light_cpu.py and, through the latter, htc_r18_fpn-light_cpu.py. What the step
# profile (benchmarks/bench_step_profile.py, benchmarks/README.md) showed dominating is cut: a half-width
# ResNet-18 (32 stem channels), `channels` = 64 instead of 256 in the FPN, RPN and RoI features, 512-d box
# FCs and a 2-conv mask head of 128 channels. Boxes are scored by chromosome-ness (1 - p(background)) with
# class-agnostic NMS, one per RoI, and named by their best class afterwards (ChromosomenessBBoxHead); masks
# are class-agnostic. Each model merges `r18_fpn_light` into its model and gives its heads the settings.
channels = 64
light_bbox_head = dict(type='ChromosomenessBBoxHead', in_channels=channels, fc_out_channels=512,
                       reg_class_agnostic=True)
light_mask_head = dict(num_convs=2, in_channels=channels, conv_out_channels=128, class_agnostic=True)
r18_fpn_light = dict(
    backbone=dict(base_channels=32),
    neck=dict(in_channels=[32, 64, 128, 256], out_channels=channels),
    rpn_head=dict(in_channels=channels, feat_channels=channels),
    # 46 chromosomes per image: up to 100 detections, NMS across classes (in the head) at IoU 0.5.
    test_cfg=dict(rcnn=dict(score_thr=0.05, nms=dict(type='nms', iou_threshold=0.5), max_per_img=100)))
