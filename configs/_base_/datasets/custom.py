# Custom instance masks without classes (class-agnostic, one class 'chromosome'), converted once with
#   python tools/dataset_converters/masks_to_coco.py data/custom data/custom/coco [--layout ...]
# which writes coco/{train,val}.json (0.9/0.1 by image) with file_name relative to data_root.
# Evaluation is class-agnostic: mAP@50 over the one class and AJI.
_base_ = './chromosome_instance.py'

dataset_type = 'ChromosomeAgnosticDataset'
data_root = 'data/custom/'

train_dataloader = dict(
    dataset=dict(type=dataset_type, data_root=data_root, ann_file='coco/train.json'))
val_dataloader = dict(dataset=dict(type=dataset_type, data_root=data_root, ann_file='coco/val.json'))
test_dataloader = val_dataloader

val_evaluator = [_base_.coco_metric, dict(type='AJIMetric')]
test_evaluator = val_evaluator
