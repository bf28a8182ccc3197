# Not a model: the CPU scale that mask-rcnn_r18_fpn_cpu.py, cascade-mask-rcnn_r18_fpn_cpu.py and, through
# the latter, htc_r18_fpn_cpu.py give their R-50 model: ResNet-18 FPN, no pretrained weights, 200
# proposals per image and `rcnn_sampled_rois` sampled RoIs (per stage) instead of 1000 and 512. Each
# inherits this file beside its R-50 model and merges `r18_fpn_cpu` into its model, with its RoI sampler.
rcnn_sampled_rois = 64
r18_fpn_cpu = dict(
    # From random weights every layer trains and BatchNorm keeps learning its statistics (mmdet's
    # frozen_stages=1 and norm_eval=True are for fine-tuning ImageNet weights).
    backbone=dict(depth=18, init_cfg=None, frozen_stages=-1, norm_eval=False),
    neck=dict(in_channels=[64, 128, 256, 512]),
    # Chromosomes at 320 px have boxes of ~13 x 14 px (median); mmdet's smallest anchor is 32 px and
    # reaches IoU >= 0.3 with only 26 % of them, scale 4 (16 px at stride 4) with 85 % (measured on
    # synthetic test images, docs/experiments.md).
    rpn_head=dict(anchor_generator=dict(scales=[4])),
    train_cfg=dict(rpn_proposal=dict(nms_pre=1000, max_per_img=200)),
    test_cfg=dict(rpn=dict(nms_pre=500, max_per_img=200)))
