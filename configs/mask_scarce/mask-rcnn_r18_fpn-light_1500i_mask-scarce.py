# Regime "baseline" of the mask-scarce comparison (issue #12): the light CPU Mask R-CNN of the model zoo
# (configs/mfish/mask-rcnn_r18_fpn-light_1500i_mfish.py) trained from random weights on the mask part
# alone, batch 2, the from-scratch SGD recipe over 1500 iterations (the M-FISH budget;
# tools/experiments/compare_regimes.sh rescales it for the synthetic setting). Data: a folder of
# split_mask_scarce.py (configs/_base_/datasets/mask_scarce.py), given as data_root.
_base_ = [
    '../_base_/models/mask-rcnn_r18_fpn-light_cpu.py', '../_base_/datasets/mask_scarce.py',
    '../_base_/schedules/sgd_scratch_1500i.py', '../_base_/scratch_cpu_runtime.py'
]

# Chromosome-ness threshold of AJI and the class metric (the model zoo's).
score_thr = 0.3
val_cfg = None  # no validation split; compare_regimes.sh tests the last checkpoint on test.json
