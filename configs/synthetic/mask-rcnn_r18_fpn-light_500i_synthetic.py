# The demo's model: the light CPU Mask R-CNN (configs/_base_/models/mask-rcnn_r18_fpn-light_cpu.py)
# trained from random weights on 640 px synthetic metaphases (median chromosome box ~27 px), 24 classes,
# batch 2, 500 iterations of the from-scratch SGD recipe. Generate the sets with
#   python tools/dataset_converters/make_synthetic.py --out-dir data/synthetic --num-images 40 \
#       --seed 0 --image-size 640 --formats coco
# (train, val and test all read data_root's coco/annotations.json: point test_dataloader's data_root at
# another generated set to measure anything, as tools/demo.sh does).
_base_ = [
    '../_base_/models/mask-rcnn_r18_fpn-light_cpu.py', '../_base_/datasets/synthetic.py',
    '../_base_/schedules/sgd_scratch_1500i.py', '../_base_/scratch_cpu_runtime.py'
]

max_iters = 500
# Chromosome-ness threshold of the demo's evaluation and karyotype reading.
score_thr = 0.3

train_cfg = dict(max_iters=max_iters, val_interval=max_iters)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=100),
    dict(type='MultiStepLR', begin=0, end=max_iters, by_epoch=False,
         milestones=[int(max_iters * 0.75), int(max_iters * 0.9)], gamma=0.1),
]

train_pipeline = [step for step in _base_.train_pipeline if step['type'] != 'Pad']
train_dataloader = dict(batch_size=2, num_workers=1, dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(num_workers=1)
test_dataloader = dict(num_workers=1)
