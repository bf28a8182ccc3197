# Mask-scarce settings (issue #12): masks on a share of the training images, boxes only on the rest, a
# held-out test set with masks. One folder per (setting, mask fraction, seed), written by
# tools/dataset_converters/split_mask_scarce.py: mask.json (training images with masks), box.json (the
# other training images, boxes only: with_mask=False) and test.json, file names relative to the folder;
# `--cfg-options data_root=FOLDER` moves every dataset (tools/experiments/compare_regimes.sh does).
# Images at their own size (synthetic 448 px, M-FISH 645 x 517), padded by the data preprocessor. The
# regimes' training data, named here: `train_dataloader` (the mask part alone), `boxmask_dataset` (the box
# part with box-corner masks, stage 1 of two-stage) and `alternating_dataloader` (one-source batches).
# No validation split (configs using this base set val_cfg = None): each run is tested once, on test.json.
_base_ = './chromosome_instance.py'

data_root = 'data/mask_scarce/'
source_ratios = [1, 1]  # [box-only, mask] batches of the alternating regime

resize = dict(type='Resize', scale_factor=1.0, keep_ratio=True)
mask_train_pipeline = ([_base_.load_image, _base_.load_masks, resize] + _base_.mask_geometric_augs +
                       _base_.photometric_augs + _base_.pack)
box_train_pipeline = ([_base_.load_image, _base_.load_boxes, resize] + _base_.box_geometric_augs +
                      _base_.photometric_augs + _base_.pack)
box_to_mask = dict(type='BoxToPolygonMask', shape='box')
boxmask_train_pipeline = ([_base_.load_image, _base_.load_boxes, box_to_mask, resize] +
                          _base_.box_geometric_augs + _base_.photometric_augs + _base_.pack)
test_pipeline = [_base_.load_image, resize, _base_.load_masks] + _base_.pack_test

part = dict(_base_.train_dataloader.dataset, data_root=data_root)
mask_dataset = dict(part, ann_file='mask.json', pipeline=mask_train_pipeline)
box_dataset = dict(part, ann_file='box.json', with_mask=False, pipeline=box_train_pipeline)
boxmask_dataset = dict(box_dataset, pipeline=boxmask_train_pipeline)

train_dataloader = dict(batch_size=2, num_workers=1, dataset=mask_dataset)
alternating_dataloader = dict(
    batch_sampler=dict(
        _delete_=True, type='AlternatingSourceBatchSampler', ratios=source_ratios, epoch_source=1,
        infinite=True),
    dataset=dict(_delete_=True, type='ConcatDataset', datasets=[box_dataset, mask_dataset]))
test_dataloader = dict(
    num_workers=1,
    dataset=dict(_base_.test_dataloader.dataset, data_root=data_root, ann_file='test.json',
                 pipeline=test_pipeline))
val_dataloader = None
val_evaluator = None
# The table's metrics (24-class and class-agnostic mAP@50, AJI); not every test set carries karyotypes.
test_evaluator = [_base_.coco_metric, dict(_base_.coco_metric, type='ClassAgnosticCocoMetric'),
                  dict(type='AJIMetric'), dict(type='ChromosomeClassMetric')]
