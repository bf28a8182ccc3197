"""A detector's masks as a labelled COCO file: matching to the truth by hand-drawn masks, and the CLI."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pycocotools.mask as mask_util
import pytest

from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.evaluation.zoo import Detections, detections_coco, ground_truth_images
from mmkaryo.structures import CHROMOSOME_CLASSES
from tests.conftest import mfish_subset

from .zoo_cases import C, D, E, SHAPE, rect

REPO = Path(__file__).resolve().parents[2]
# category ids run backwards, so a class index written as a category id would show
CATEGORIES = [dict(id=100 - k, name=name) for k, name in enumerate(CHROMOSOME_CLASSES)]


def labelled_coco(masks, labels):
    annotations = [dict(id=k + 1, image_id=7, category_id=100 - label, iscrowd=0,
                        segmentation=dict(rle, counts=rle['counts'].decode()))
                   for k, (rle, label) in enumerate(zip(encode_masks(np.stack(masks)), labels))]
    image = dict(id=7, file_name='a.png', height=SHAPE[0], width=SHAPE[1], karyotype='46,XX')
    return dict(images=[image], annotations=annotations, categories=CATEGORIES)


def detections(masks, scores):
    rles = encode_masks(np.stack(masks)) if masks else []
    return Detections(rles, np.zeros((len(masks), 4)), np.asarray(scores, float))


def test_matched_detections_take_their_chromosomes_class_and_keep_their_mask():
    coco = labelled_coco([C, D, E], [2, 3, 5])
    wide_c = rect((12, 15), (1, 6))  # C grown by a column: IoU 20/24 with C
    far = rect((25, 0), (28, 3))  # matches nothing
    kept = detections([E, far, wide_c], [0.9, 0.8, 0.7])
    out, counts = detections_coco(coco, ground_truth_images(coco, 'gt.json'), [kept], 'gt.json')

    assert counts == dict(ground_truth=3, matched=2, unmatched_detections=1)
    assert out['images'] == coco['images'] and out['categories'] == CATEGORIES
    by_category = {ann['category_id']: ann for ann in out['annotations']}
    assert sorted(by_category) == [100 - 5, 100 - 2]
    for category, mask, score in ((100 - 5, E, 0.9), (100 - 2, wide_c, 0.7)):
        ann = by_category[category]
        rle = dict(ann['segmentation'], counts=ann['segmentation']['counts'].encode())
        assert np.array_equal(mask_util.decode(rle).astype(bool), mask)
        assert ann['area'] == mask.sum() and ann['score'] == pytest.approx(score)
        assert ann['image_id'] == 7 and ann['iscrowd'] == 0
    # the written file reads back as labelled ground truth: json-safe, classes 5 and 2
    [read] = ground_truth_images(json.loads(json.dumps(out)), 'out.json')
    assert sorted(read.labels.tolist()) == [2, 5]


def test_an_image_without_detections_contributes_its_chromosomes_to_the_count_only():
    coco = labelled_coco([C, D], [0, 1])
    out, counts = detections_coco(coco, ground_truth_images(coco, 'gt.json'), [detections([], [])], 'gt.json')
    assert out['annotations'] == [] and counts == dict(ground_truth=2, matched=0, unmatched_detections=0)


def test_detections_of_another_number_of_images_is_an_error_naming_the_file():
    coco = labelled_coco([C], [0])
    with pytest.raises(ValueError, match='gt.json: 1 images but detections of 2'):
        detections_coco(coco, ground_truth_images(coco, 'gt.json'), [detections([C], [1.0])] * 2, 'gt.json')


def test_cli_names_a_missing_checkpoint(tmp_path):
    (tmp_path / 'ann.json').write_text(json.dumps(labelled_coco([C], [0])))
    proc = subprocess.run([sys.executable, str(REPO / 'tools/dataset_converters/detections_to_coco.py'),
                           str(REPO / 'mmkaryo/model_zoo/mfish_24class/config.py'), str(tmp_path / 'none.pth'),
                           str(tmp_path / 'ann.json'), str(tmp_path), str(tmp_path / 'out.json')],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and f'{tmp_path / "none.pth"}: no such file' in proc.stderr
    assert not (tmp_path / 'out.json').exists()


@pytest.mark.slow
def test_cli_writes_the_packaged_detectors_masks_of_a_real_image_with_their_classes(mfish_root, tmp_path):
    from mmkaryo.evaluation.zoo import score_image

    coco = mfish_subset(mfish_root, 'A01__XY', 1, tmp_path)
    model = REPO / 'mmkaryo/model_zoo/mfish_24class'
    out = tmp_path / 'detected.json'
    proc = subprocess.run([sys.executable, str(REPO / 'tools/dataset_converters/detections_to_coco.py'),
                           str(model / 'config.py'), str(model / 'weights.pth'), str(tmp_path / 'coco.json'),
                           str(tmp_path / 'images'), str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    [truth] = ground_truth_images(coco, 'coco.json')
    [written] = ground_truth_images(json.loads(out.read_text()), 'detected.json')
    # measured: 45 of 45 matched; a detector that finds little, or a wrong matching, falls far below
    assert len(written.rles) >= 0.7 * len(truth.rles)
    assert f'{len(written.rles)} of {len(truth.rles)} chromosomes matched' in proc.stdout
    # every written mask is found by the truth at IoU >= 0.5 and carries that chromosome's class
    scores = score_image(truth, Detections(written.rles, np.zeros((len(written.rles), 4)),
                                           np.ones(len(written.rles)), labels=written.labels))
    assert scores.matched == len(written.rles) and scores.correct == len(written.rles)
