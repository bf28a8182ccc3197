# Regime 2, stage 1 (Agnew et al. 2024): pre-train Mask R-CNN on the box-only Cell Image Library set,
# each box turned into a coarse polygon mask of its 4 corners (BoxToPolygonMask, which also marks the
# samples with_mask=True so the mask head trains on them); 20 ep, lr 0.005.
_base_ = [
    '../_base_/models/mask-rcnn_r50_fpn.py', '../_base_/datasets/cil24.py',
    '../_base_/schedules/sgd_20e.py', '../_base_/default_runtime.py'
]

box_mask_shape = 'box'  # or 'ellipse': the inscribed-ellipse polygon

# No rotation: a rotated box is no longer tight around its chromosome.
box_to_mask = dict(type='BoxToPolygonMask', shape=box_mask_shape)
train_pipeline = ([_base_.load_image, _base_.load_boxes, box_to_mask, _base_.resize, _base_.pad] +
                  _base_.box_geometric_augs + _base_.photometric_augs + _base_.pack)
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
