# Hybrid Task Cascade (without the semantic branch), ResNet-50 FPN, 24 chromosome classes: the cascade
# of cascade-mask-rcnn_r50_fpn.py with the HTC RoI head of htc_roi_head.py.
_base_ = ['./cascade-mask-rcnn_r50_fpn.py', './htc_roi_head.py']

model = dict(type='HybridTaskCascade', roi_head=_base_.htc_roi_head)
