"""The packaged M-FISH pair reads raw DAPI images of held-out slides through tools/analyze.py.

No model arguments: the CLI takes the model in mmkaryo/model_zoo/mfish_24class/. The images are the
``*D.tif`` files as the set ships them (bright on dark); the CLI must detect that and invert them.
Recall (ground truth matched one-to-one at mask IoU >= 0.5) is checked against the label images with
a threshold that a broken or untrained model cannot meet (measured: docs/model_zoo.md); so is the
packaged crop classifier's accuracy on the ground-truth chromosomes (chance: 1/24).
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import mfish_subset

REPO = Path(__file__).resolve().parents[2]
HELD_OUT_SLIDE = 'A01__XY'  # a test slide of the zoo's split (mfish_to_coco.py --test-ratio 0.25 --seed 0)
MIN_RECALL = 0.5
MIN_CROP_ACCURACY = 0.6


@pytest.mark.slow
def test_packaged_model_finds_chromosomes_of_raw_held_out_images(mfish_root, tmp_path):
    from mmkaryo.evaluation.zoo import Detections, ground_truth_images, score_image

    coco = mfish_subset(mfish_root, HELD_OUT_SLIDE, 2, tmp_path / 'gt')
    inputs = [image['dapi'] for image in coco['images']]
    proc = subprocess.run([sys.executable, str(REPO / 'tools/analyze.py'), *inputs, '--out-dir',
                           str(tmp_path / 'out')], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.count('bright_on_dark image, inverted for the model') == len(inputs)

    results = json.loads((tmp_path / 'out' / 'results.coco.json').read_text())
    found = []
    for image_id, truth in enumerate(ground_truth_images(coco, 'subset'), start=1):
        mine = [r for r in results if r['image_id'] == image_id]
        rles = [dict(r['segmentation'], counts=r['segmentation']['counts'].encode()) for r in mine]
        detections = Detections(rles, np.zeros((len(mine), 4)), np.array([r['score'] for r in mine]))
        found.append(score_image(truth, detections).found)
    found = np.concatenate(found)
    assert found.mean() >= MIN_RECALL, f'{found.sum()} of {len(found)} chromosomes found at mask IoU >= 0.5'



@pytest.mark.slow
def test_packaged_classifier_names_ground_truth_chromosomes_of_held_out_images(mfish_root, tmp_path):
    import pycocotools.mask as mask_utils
    from mmengine.config import Config

    from mmkaryo.apis import default_model_files
    from mmkaryo.apis.crop_namer import CropNamer, classifier_files
    from mmkaryo.apis.image_io import read_gray_image
    from mmkaryo.evaluation.zoo import ground_truth_images
    from mmkaryo.structures import MaskCrops

    files = classifier_files(Config.fromfile(default_model_files()[0]))
    assert files is not None, 'the packaged model names no crop classifier'
    namer = CropNamer(*files)
    coco = mfish_subset(mfish_root, HELD_OUT_SLIDE, 2, tmp_path / 'gt')
    correct = []
    for image, truth in zip(coco['images'], ground_truth_images(coco, 'subset')):
        masks = MaskCrops.from_dense(np.stack([mask_utils.decode(rle) for rle in truth.rles]).astype(bool))
        probs, named = namer.class_probs(read_gray_image(image['dapi']), masks, dark_on_light=False)
        assert named.all()
        correct.append(probs.argmax(1) == truth.labels)
    correct = np.concatenate(correct)
    named_right = f'{correct.sum()} of {len(correct)} chromosomes named right (argmax)'
    print(named_right)
    assert correct.mean() >= MIN_CROP_ACCURACY, named_right
