# M-FISH (82 real metaphases, masks + 24 classes + karyotypes; licence in README.TXT, which the
# converter copies beside the images). Convert once, never into ../shared:
#   python tools/dataset_converters/mfish_to_coco.py ../shared/data/mfish-dapi \
#       data/mfish/annotations/mfish.json --invert-to data/mfish/images \
#       --test-ratio 0.25 --val-ratio 0.15
# The DAPI images are bright on dark; --invert-to writes inverted PNG copies (dark on light, like the
# G-banded sets) and those are what this config reads. Chromosome masks overlap where the label image
# marks overlap (255). --test-ratio and --val-ratio split by slide (56 / 14 / 12 images, the split of
# the model zoo and docs/experiments.md): train on mfish_train.json, test on mfish_test.json.
_base_ = './chromosome_instance.py'

data_root = 'data/mfish/'
images = dict(img='images/')

train_dataloader = dict(
    dataset=dict(data_root=data_root, ann_file='annotations/mfish_train.json', data_prefix=images))
val_dataloader = dict(
    dataset=dict(data_root=data_root, ann_file='annotations/mfish_test.json', data_prefix=images))
test_dataloader = val_dataloader

val_evaluator = _base_.karyotype_evaluator
test_evaluator = val_evaluator
