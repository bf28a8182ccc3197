# Cascade Mask R-CNN on the baseline regime of the mask-scarce comparison: the light cascade
# (configs/_base_/models/cascade-mask-rcnn_r18_fpn-light_cpu.py) with the Mask R-CNN baseline's data,
# recipe and threshold.
_base_ = [
    '../_base_/models/cascade-mask-rcnn_r18_fpn-light_cpu.py', '../_base_/datasets/mask_scarce.py',
    '../_base_/schedules/sgd_scratch_1500i.py', '../_base_/scratch_cpu_runtime.py'
]

score_thr = 0.3
val_cfg = None
