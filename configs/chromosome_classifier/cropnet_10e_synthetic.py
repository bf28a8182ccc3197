# The crop classifier on synthetic G-banded metaphases (tools/dataset_converters/make_synthetic.py, COCO
# format): the M-FISH recipe for 10 epochs, validated once at the end. The generator gives every class its
# own band pattern, length and centromere index, so the crops carry what a real classifier reads.
#   python tools/train.py configs/chromosome_classifier/cropnet_10e_synthetic.py \
#       --cfg-options data_root=data/synthetic/
_base_ = './cropnet_30e_mfish.py'

data_root = 'data/synthetic/'
generated = dict(data_root=data_root, ann_file='coco/annotations.json', data_prefix=dict(img='coco/'))
train_dataloader = dict(dataset=generated)
val_dataloader = dict(dataset=generated)
test_dataloader = dict(dataset=generated)

max_epochs = 10
train_cfg = dict(max_epochs=max_epochs, val_interval=max_epochs)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.01, by_epoch=False, begin=0, end=50),
    dict(type='CosineAnnealingLR', by_epoch=True, begin=0, end=max_epochs, T_max=max_epochs, eta_min=1e-5),
]
default_hooks = dict(checkpoint=dict(interval=max_epochs))
