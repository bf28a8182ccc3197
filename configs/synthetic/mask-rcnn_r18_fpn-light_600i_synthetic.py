# The demo's model: the light CPU Mask R-CNN (configs/_base_/models/mask-rcnn_r18_fpn-light_cpu.py)
# trained from random weights on 448 px synthetic metaphases whose chromosomes have the absolute size of
# the generator's 640 px defaults (chromosome 1 ~83 px long, ~9 px wide), 24 classes, batch 2, 600
# iterations of the from-scratch SGD recipe. Generate the sets with
#   python tools/dataset_converters/make_synthetic.py --out-dir data/synthetic --num-images 40 \
#       --seed 0 --image-size 448 --chromosome-length 0.185 --chromosome-width 0.02 \
#       --spread-radius 0.42 --formats coco
# (train, val and test all read data_root's coco/annotations.json: point test_dataloader's data_root at
# another generated set to measure anything, as tools/demo.sh does).
_base_ = [
    '../_base_/models/mask-rcnn_r18_fpn-light_cpu.py', '../_base_/datasets/synthetic.py',
    '../_base_/schedules/sgd_scratch_1500i.py', '../_base_/scratch_cpu_runtime.py'
]

max_iters = 600
image_size = 448
# Chromosome-ness threshold of the demo's evaluation and karyotype reading.
score_thr = 0.3

train_cfg = dict(max_iters=max_iters, val_interval=max_iters)
param_scheduler = [
    dict(_base_.warmup, end=100),
    dict(_base_.lr_steps, end=max_iters, milestones=[int(max_iters * 0.75), int(max_iters * 0.9)]),
]

# The base pipelines at 448 px, without the training pad to a square (the data preprocessor pads).
resize = dict(_base_.resize, scale=(image_size, image_size))
train_pipeline = ([_base_.load_image, _base_.load_masks, resize] + _base_.mask_geometric_augs +
                  _base_.photometric_augs + _base_.pack)
test_pipeline = [_base_.load_image, resize, _base_.load_masks] + _base_.pack_test
train_dataloader = dict(batch_size=2, num_workers=1, dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(num_workers=1, dataset=dict(pipeline=test_pipeline))
test_dataloader = dict(num_workers=1, dataset=dict(pipeline=test_pipeline))
