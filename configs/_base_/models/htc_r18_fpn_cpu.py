# CPU-scale HTC (without semantic branch): ResNet-18 FPN, no pretrained weights, 200 proposals per
# image and 64 sampled RoIs per stage.
_base_ = './htc_r50_fpn.py'

model = dict(
    # From random weights every layer trains and BatchNorm keeps learning its statistics (mmdet's
    # frozen_stages=1 and norm_eval=True are for fine-tuning ImageNet weights).
    backbone=dict(depth=18, init_cfg=None, frozen_stages=-1, norm_eval=False),
    neck=dict(in_channels=[64, 128, 256, 512]),
    # Anchors sized for 320 px chromosomes: see mask-rcnn_r18_fpn_cpu.py.
    rpn_head=dict(anchor_generator=dict(scales=[4])),
    train_cfg=dict(
        rpn_proposal=dict(nms_pre=1000, max_per_img=200),
        rcnn=[dict(stage, sampler=dict(stage.sampler, num=64)) for stage in _base_.model.train_cfg.rcnn]),
    test_cfg=dict(rpn=dict(nms_pre=500, max_per_img=200)))
