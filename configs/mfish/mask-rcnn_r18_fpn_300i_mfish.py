# 24-class Mask R-CNN R-18 FPN at CPU scale (320 px, 300 iterations) on the real M-FISH DAPI set, with a
# slide-level train/test split (no slide in both). Convert once (never into ../shared):
#   python tools/dataset_converters/mfish_to_coco.py ../shared/data/mfish-dapi \
#       data/mfish/annotations/mfish.json --invert-to data/mfish/images --test-ratio 0.25
# The M-FISH data base trained as the synthetic CPU baseline (mask-rcnn_r18_fpn_300i_synthetic.py:
# 320 px, batch 2, 300 iterations); validated on the test slides, without class-agnostic mAP.
_base_ = [
    '../_base_/models/mask-rcnn_r18_fpn_cpu.py', '../_base_/datasets/mfish.py',
    '../_base_/schedules/sgd_300i.py', '../_base_/cpu_300i_runtime.py'
]

image_size = 320

resize = dict(_base_.resize, scale=(image_size, image_size))
pad = dict(_base_.pad, size=(image_size, image_size))
train_pipeline = ([_base_.load_image, _base_.load_masks, resize, pad] + _base_.mask_geometric_augs +
                  _base_.photometric_augs + _base_.pack)
test_pipeline = [_base_.load_image, resize, _base_.load_masks] + _base_.pack_test

train_dataloader = dict(batch_size=2, num_workers=0, persistent_workers=False,
                        dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(num_workers=0, persistent_workers=False, dataset=dict(pipeline=test_pipeline))
test_dataloader = val_dataloader

val_evaluator = [
    _base_.coco_metric, dict(type='AJIMetric'), dict(type='ChromosomeClassMetric'), dict(type='KaryotypeMetric')
]
test_evaluator = val_evaluator
