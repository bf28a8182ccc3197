"""aji_by_threshold / best_threshold: the operating threshold that maximises class-agnostic AJI."""
import numpy as np
import pytest

from mmkaryo.evaluation.functional.masks import encode_masks
from mmkaryo.evaluation.zoo import Detections, GroundTruthImage, Prediction
from mmkaryo.evaluation.zoo.threshold import aji_by_threshold, best_threshold


def masks(*boxes):
    out = np.zeros((len(boxes), 20, 20), bool)
    for k, (y0, y1, x0, x1) in enumerate(boxes):
        out[k, y0:y1, x0:x1] = True
    return encode_masks(out)


def test_threshold_that_drops_the_false_positive_and_keeps_the_truths_wins():
    truth = masks((0, 5, 0, 5), (10, 15, 10, 15))
    gt = GroundTruthImage(image_id=1, file_name='a.png', height=20, width=20, rles=truth, labels=np.array([0, 1]),
                          karyotype='46,XX')
    # Scores: the two true chromosomes 0.9 and 0.4, a spurious blob 0.2.
    pred_rles = truth + masks((0, 5, 12, 20))
    ranked = Detections(pred_rles, np.zeros((3, 4)), np.array([0.9, 0.4, 0.2]))
    aji = aji_by_threshold([gt], [Prediction(ranked, ranked)], candidates=(0.1, 0.3, 0.5))
    assert aji[0.3] == pytest.approx(1.0)
    assert aji[0.1] == pytest.approx(50 / (50 + 40))  # the blob's 40 pixels join the union
    assert aji[0.5] == pytest.approx(25 / 50)  # the second chromosome is missed
    assert best_threshold(aji) == 0.3
    assert best_threshold({0.2: 0.5, 0.4: 0.5, 0.1: 0.4}) == 0.2


def test_lengths_must_agree():
    with pytest.raises(ValueError, match='1 images but 0 predictions'):
        aji_by_threshold([object()], [])
