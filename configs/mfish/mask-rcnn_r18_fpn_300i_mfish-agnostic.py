# Class-agnostic Mask R-CNN R-18 FPN (one class, 'chromosome') on the M-FISH slide-level split: the
# segmentation problem alone, evaluated by class-agnostic mAP@50 and AJI. Same files as the 24-class
# config, in their _agnostic form (mfish_to_coco.py writes both).
_base_ = './mask-rcnn_r18_fpn_300i_mfish.py'

dataset_type = 'ChromosomeAgnosticDataset'
train_ann = 'annotations/mfish_train_agnostic.json'
test_ann = 'annotations/mfish_test_agnostic.json'

model = dict(roi_head=dict(bbox_head=dict(num_classes=1), mask_head=dict(num_classes=1)))
train_dataloader = dict(dataset=dict(type=dataset_type, ann_file=train_ann))
val_dataloader = dict(dataset=dict(type=dataset_type, ann_file=test_ann))
test_dataloader = val_dataloader

val_evaluator = [_base_.coco_metric, dict(type='AJIMetric')]
test_evaluator = val_evaluator
