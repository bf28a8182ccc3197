# Cell Image Library "24 chromosomes" (5,000 JPEGs, boxes only, 24 classes), converted once with
#   python tools/dataset_converters/cil24_to_coco.py data/cil24 data/cil24/coco [--test-ratio 0.1]
# which writes coco/{train,val[,test]}.json (0.9/0.1 by image) with boxes and no segmentation and
# file_name relative to data_root. The dataset sets with_mask=False on every sample, so mask losses
# are skipped for it; two-stage configs that turn boxes into coarse masks (BoxToPolygonMask) compose
# their own train pipeline from the fragments of chromosome_instance.py. Evaluation is box mAP@50 and
# class accuracy.
_base_ = './chromosome_instance.py'

data_root = 'data/cil24/'

# Boxes alone, rotated like masks (a box becomes the box around its rotated corners); box-as-mask and
# alternating configs use _base_.box_geometric_augs, without rotation.
geometric_augs = [_base_.flip, _base_.rotate, _base_.drop_tiny_boxes]
train_pipeline = ([_base_.load_image, _base_.load_boxes, _base_.resize, _base_.pad] + geometric_augs +
                  _base_.photometric_augs + _base_.pack)
test_pipeline = [_base_.load_image, _base_.resize, _base_.load_boxes] + _base_.pack_test

train_dataloader = dict(
    dataset=dict(data_root=data_root, ann_file='coco/train.json', with_mask=False,
                 pipeline=train_pipeline))
val_dataloader = dict(
    dataset=dict(data_root=data_root, ann_file='coco/val.json', with_mask=False,
                 pipeline=test_pipeline))
test_dataloader = val_dataloader

val_evaluator = [dict(_base_.coco_metric, metric=['bbox']), dict(type='ChromosomeClassMetric')]
test_evaluator = val_evaluator
