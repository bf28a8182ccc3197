# CPU-scale Mask R-CNN for tests, the demo and synthetic runs: ResNet-18 FPN, no pretrained weights,
# 200 proposals per image and 64 sampled RoIs (instead of 1000 and 512).
_base_ = './mask-rcnn_r50_fpn.py'

model = dict(
    # From random weights every layer trains and BatchNorm keeps learning its statistics (mmdet's
    # frozen_stages=1 and norm_eval=True are for fine-tuning ImageNet weights).
    backbone=dict(depth=18, init_cfg=None, frozen_stages=-1, norm_eval=False),
    neck=dict(in_channels=[64, 128, 256, 512]),
    # Chromosomes at 320 px have boxes of ~13 x 14 px (median); mmdet's smallest anchor is 32 px and
    # reaches IoU >= 0.3 with only 26 % of them, scale 4 (16 px at stride 4) with 85 % (measured on
    # synthetic test images, docs/experiments.md).
    rpn_head=dict(anchor_generator=dict(scales=[4])),
    train_cfg=dict(
        rpn_proposal=dict(nms_pre=1000, max_per_img=200),
        rcnn=dict(sampler=dict(num=64))),
    test_cfg=dict(rpn=dict(nms_pre=500, max_per_img=200)))
