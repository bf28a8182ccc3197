# CPU-scale data, schedule and runtime shared by configs/synthetic/ (no model: each config adds one).
# 320 px synthetic metaphases, batch 2, 300 iterations, gloo for CPU DDP. Two sets from the generator:
#   mask set (COCO polygons, with_mask=True):
#     python tools/dataset_converters/make_synthetic.py --out-dir data/synthetic --num-images 40 \
#         --seed 0 --image-size 320 --formats coco
#   box-only set (CIL-style VOC boxes, with_mask=False), another seed, converted to COCO:
#     python tools/dataset_converters/make_synthetic.py --out-dir data/synthetic-boxes \
#         --num-images 200 --seed 1 --image-size 320 --formats cil24
#     python tools/dataset_converters/cil24_to_coco.py data/synthetic-boxes/cil24 \
#         data/synthetic-boxes/cil24/coco
_base_ = [
    '../../_base_/datasets/synthetic.py', '../../_base_/schedules/sgd_300i.py',
    '../../_base_/cpu_300i_runtime.py'
]

image_size = 320
batch_size = 2
box_data_root = 'data/synthetic-boxes/cil24/'

# The pipelines of the dataset base at 320 px.
resize = dict(_base_.resize, scale=(image_size, image_size))
pad = dict(_base_.pad, size=(image_size, image_size))
mask_train_pipeline = ([_base_.load_image, _base_.load_masks, resize, pad] + _base_.mask_geometric_augs +
                       _base_.photometric_augs + _base_.pack)
box_train_pipeline = ([_base_.load_image, _base_.load_boxes, resize, pad] + _base_.box_geometric_augs +
                      _base_.photometric_augs + _base_.pack)
# Box-only samples with their boxes turned into coarse masks (stage 1 of the two-stage regime).
box_to_mask = dict(type='BoxToPolygonMask', shape='box')
boxmask_train_pipeline = ([_base_.load_image, _base_.load_boxes, box_to_mask, resize, pad] +
                          _base_.box_geometric_augs + _base_.photometric_augs + _base_.pack)
test_pipeline = [_base_.load_image, resize, _base_.load_masks] + _base_.pack_test

mask_dataset = dict(_base_.train_dataloader.dataset, pipeline=mask_train_pipeline)
box_dataset = dict(mask_dataset, data_root=box_data_root, ann_file='coco/train.json',
                   data_prefix=dict(img=''), with_mask=False, pipeline=box_train_pipeline)

# Default: the mask set alone (the baseline regime); the other regimes replace the dataset.
train_dataloader = dict(batch_size=batch_size, num_workers=0, persistent_workers=False, dataset=mask_dataset)
val_dataloader = dict(num_workers=0, persistent_workers=False, dataset=dict(pipeline=test_pipeline))
test_dataloader = val_dataloader
