# CPU-scale Cascade Mask R-CNN: ResNet-18 FPN, no pretrained weights, 200 proposals per image and
# 64 sampled RoIs per stage.
_base_ = './cascade-mask-rcnn_r50_fpn.py'

model = dict(
    backbone=dict(depth=18, init_cfg=None),
    neck=dict(in_channels=[64, 128, 256, 512]),
    # Anchors sized for 320 px chromosomes: see mask-rcnn_r18_fpn_cpu.py.
    rpn_head=dict(anchor_generator=dict(scales=[4])),
    train_cfg=dict(
        rpn_proposal=dict(nms_pre=1000, max_per_img=200),
        rcnn=[dict(stage, sampler=dict(stage.sampler, num=64)) for stage in _base_.model.train_cfg.rcnn]),
    test_cfg=dict(rpn=dict(nms_pre=500, max_per_img=200)))
