# 24-class Mask R-CNN R-18 FPN at CPU scale (320 px, 300 iterations) on the real M-FISH DAPI set, with a
# slide-level train/test split (no slide in both). Convert once (never into ../shared):
#   python tools/dataset_converters/mfish_to_coco.py ../shared/data/mfish-dapi \
#       data/mfish/annotations/mfish.json --invert-to data/mfish/images --test-ratio 0.25
# Training inherits the synthetic CPU baseline; only the data and the evaluators change.
_base_ = '../synthetic/mask-rcnn_r18_fpn_300i_synthetic.py'

data_root = 'data/mfish/'
train_ann = 'annotations/mfish_train.json'
test_ann = 'annotations/mfish_test.json'
dataset_type = 'ChromosomeDataset'

train_dataloader = dict(
    dataset=dict(type=dataset_type, data_root=data_root, ann_file=train_ann,
                 data_prefix=dict(img='images/')))
val_dataloader = dict(
    dataset=dict(type=dataset_type, data_root=data_root, ann_file=test_ann,
                 data_prefix=dict(img='images/')))
test_dataloader = val_dataloader

val_evaluator = [
    dict(type='CocoMetric', metric=['bbox', 'segm'], iou_thrs=[0.5], format_only=False),
    dict(type='AJIMetric'),
    dict(type='ChromosomeClassMetric'),
    dict(type='KaryotypeMetric'),
]
test_evaluator = val_evaluator
