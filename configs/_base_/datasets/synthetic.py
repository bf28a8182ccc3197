# Synthetic metaphases written by tools/dataset_converters/make_synthetic.py (COCO, 24 classes, masks).
#   python tools/dataset_converters/make_synthetic.py --out-dir data/synthetic --num-images 200 --seed 0 \
#       --image-size 640 --formats coco
# The generator writes one file, coco/annotations.json; train, val and test all read it (a smoke-test
# set, not a benchmark: point val/test at another generated set to measure anything).
_base_ = './chromosome_instance.py'

data_root = 'data/synthetic/'
generated = dict(data_root=data_root, ann_file='coco/annotations.json', data_prefix=dict(img='coco/'))

train_dataloader = dict(dataset=generated)
val_dataloader = dict(dataset=generated)
test_dataloader = dict(dataset=generated)

# The generator records each image's karyotype (ISCN) in the COCO image record.
val_evaluator = _base_.karyotype_evaluator
test_evaluator = val_evaluator
