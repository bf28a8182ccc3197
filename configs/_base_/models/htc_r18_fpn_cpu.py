# CPU-scale HTC (without semantic branch): the CPU-scale cascade of cascade-mask-rcnn_r18_fpn_cpu.py
# (ResNet-18 FPN, no pretrained weights, 200 proposals per image, 64 sampled RoIs per stage) with the HTC
# RoI head of htc_roi_head.py.
_base_ = ['./cascade-mask-rcnn_r18_fpn_cpu.py', './htc_roi_head.py']

model = dict(type='HybridTaskCascade', roi_head=_base_.htc_roi_head)
