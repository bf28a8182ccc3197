# The M-FISH model zoo's 24-class model: light Mask R-CNN R-18 FPN from random weights at native
# resolution (640 px; the images are 645 x 517), batch 2, 1500 iterations on the training slides,
# validated every 250 iterations on the validation slides, tested on the held-out slides.
# Detections are kept by chromosome-ness (1 - p(background)), named by their best class.
# Convert once (never into ../shared):
#   python tools/dataset_converters/mfish_to_coco.py ../shared/data/mfish-dapi \
#       data/mfish/annotations/mfish.json --invert-to data/mfish/images --test-ratio 0.25 --val-ratio 0.15
_base_ = [
    '../_base_/models/mask-rcnn_r18_fpn-light_cpu.py', '../_base_/datasets/mfish.py',
    '../_base_/schedules/sgd_scratch_1500i.py', '../_base_/scratch_cpu_runtime.py'
]

# The model's operating threshold on chromosome-ness: detections below it are not chromosomes for AJI,
# the class and karyotype metrics and the analysis CLI. Chosen on the validation slides
# (tools/analysis_tools/choose_score_thr.py), never on the test slides.
score_thr = 0.3
val_interval = 250

# No Pad to 640 x 640 in training: the images are 640 x 513 after Resize, the data preprocessor pads
# them to a multiple of 32 as it does at test time (15 % fewer pixels than a 640 x 640 square).
train_pipeline = ([_base_.load_image, _base_.load_masks, _base_.resize] + _base_.mask_geometric_augs +
                  _base_.photometric_augs + _base_.pack)
train_dataloader = dict(batch_size=2, num_workers=1, dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(num_workers=1, dataset=dict(ann_file='annotations/mfish_val.json'))
test_dataloader = dict(num_workers=1, dataset=dict(ann_file='annotations/mfish_test.json'))
