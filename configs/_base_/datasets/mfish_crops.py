# M-FISH chromosome crops for a classifier: every labelled chromosome of the slide-split COCO files
# (tools/dataset_converters/mfish_to_coco.py ... --test-ratio 0.25 --val-ratio 0.15), cut from its
# ground-truth mask on the fly: upright, native scale on a 96 x 48 canvas, stain normalised by its
# metaphase, with its size relative to the metaphase (mmkaryo/structures/chromosome_crop.py).
dataset_type = 'ChromosomeCropDataset'
data_root = 'data/mfish/'
images = dict(img='images/')
canvas_hw = (96, 48)

axis_flip = dict(type='RandomAxisFlip', prob=0.5)
canvas_shift = dict(type='RandomCanvasShift', max_shift=3)
stain_jitter = dict(type='RandomStainJitter', gain=(0.85, 1.15), gamma=(0.8, 1.25), blur_sigma=(0.3, 0.8),
                    blur_prob=0.3)
pack = dict(type='PackCropInputs')
train_pipeline = [axis_flip, canvas_shift, stain_jitter, pack]
test_pipeline = [pack]

train_dataloader = dict(
    batch_size=64, num_workers=1, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type=dataset_type, data_root=data_root, ann_file='annotations/mfish_train.json',
                 data_prefix=images, canvas_hw=canvas_hw, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=128, num_workers=1, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type=dataset_type, data_root=data_root, ann_file='annotations/mfish_val.json',
                 data_prefix=images, canvas_hw=canvas_hw, pipeline=test_pipeline, test_mode=True))
test_dataloader = dict(
    batch_size=128, num_workers=1, persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type=dataset_type, data_root=data_root, ann_file='annotations/mfish_test.json',
                 data_prefix=images, canvas_hw=canvas_hw, pipeline=test_pipeline, test_mode=True))

val_evaluator = dict(type='ChromosomeCropMetric')
test_evaluator = val_evaluator
