# CPU-scale Cascade Mask R-CNN: ResNet-18 FPN, no pretrained weights, 200 proposals per image and
# 64 sampled RoIs per stage; see r18_fpn_cpu_scale.py.
_base_ = ['./cascade-mask-rcnn_r50_fpn.py', './r18_fpn_cpu_scale.py']

model = dict(
    _base_.r18_fpn_cpu,
    train_cfg=dict(
        _base_.r18_fpn_cpu.train_cfg,
        rcnn=[dict(stage, sampler=dict(stage.sampler, num=_base_.rcnn_sampled_rois))
              for stage in _base_.model.train_cfg.rcnn]))
