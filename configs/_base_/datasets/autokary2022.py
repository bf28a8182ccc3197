# AutoKary2022 (612 images, 1600x1600, masks + 24 classes), converted once with
#   python tools/dataset_converters/autokary2022_to_coco.py data/autokary2022 data/autokary2022/coco
# which writes coco/{train,val,test}.json (train/val split 0.9/0.1 by patient) with file_name relative
# to data_root.
_base_ = './chromosome_instance.py'

data_root = 'data/autokary2022/'

train_dataloader = dict(dataset=dict(data_root=data_root, ann_file='coco/train.json'))
val_dataloader = dict(dataset=dict(data_root=data_root, ann_file='coco/val.json'))
test_dataloader = dict(dataset=dict(data_root=data_root, ann_file='coco/test.json'))
