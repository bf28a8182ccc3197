# A trained M-FISH crop classifier fine-tuned for 10 epochs on the crops it meets behind the detector as
# well as on ground-truth crops. Behind the detector it names crops of the detector's masks, which are larger
# (19 % at the median on the validation slides) and rounder than the ground truth it was trained on.
# Here it trains on the training slides' ground-truth crops and on their crops cut from the 2500-iteration
# detector's matched masks (tools/dataset_converters/detections_to_coco.py), and validates on the
# detector's masks of the validation slides: the crops the analysis path names. This file fine-tunes the
# 60-epoch classifier (cropnet_60e_mfish.py, best epoch 50); cropnet_fit-detmasks-ft10e_mfish.py fine-tunes
# the length-normalised one.
#   for split in train val; do python tools/dataset_converters/detections_to_coco.py \
#       mmkaryo/model_zoo/mfish_24class/config.py mmkaryo/model_zoo/mfish_24class/weights.pth \
#       data/mfish/annotations/mfish_$split.json data/mfish/images \
#       data/mfish/annotations/mfish_${split}_detected.json; done
#   python tools/train.py configs/chromosome_classifier/cropnet_detmasks-ft10e_mfish.py
_base_ = ['./cropnet_60e_mfish.py']

load_from = 'work_dirs/classifier/cropnet_60e/best_crop_constrained_accuracy_epoch_50.pth'

crops = dict(type='ChromosomeCropDataset', data_root={{_base_.data_root}}, data_prefix={{_base_.images}},
             canvas_hw={{_base_.canvas_hw}}, pipeline={{_base_.train_pipeline}})
train_dataloader = dict(dataset=dict(
    _delete_=True, type='ConcatDataset',
    datasets=[dict(crops, ann_file='annotations/mfish_train.json'),
              dict(crops, ann_file='annotations/mfish_train_detected.json')]))
val_dataloader = dict(dataset=dict(ann_file='annotations/mfish_val_detected.json'))

max_epochs = 10
train_cfg = dict(max_epochs=max_epochs, val_interval=2)
optim_wrapper = dict(optimizer=dict(lr=5e-4))
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=False, begin=0, end=50),
    dict(type='CosineAnnealingLR', by_epoch=True, begin=0, end=max_epochs, T_max=max_epochs, eta_min=1e-5),
]
default_hooks = dict(checkpoint=dict(interval=2))
