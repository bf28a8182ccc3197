# CPU-scale Mask R-CNN for tests, the demo and synthetic runs: ResNet-18 FPN, no pretrained weights,
# 200 proposals per image and 64 sampled RoIs (instead of 1000 and 512); see r18_fpn_cpu_scale.py.
_base_ = ['./mask-rcnn_r50_fpn.py', './r18_fpn_cpu_scale.py']

model = dict(
    _base_.r18_fpn_cpu,
    train_cfg=dict(_base_.r18_fpn_cpu.train_cfg, rcnn=dict(sampler=dict(num=_base_.rcnn_sampled_rois))))
