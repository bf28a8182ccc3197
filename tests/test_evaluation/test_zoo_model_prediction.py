"""A KaryotypeResult read at a low floor becomes ranked detections plus the kept ones, whose classes
are read again over the kept instances only; the operating threshold comes from the flag or config."""
import numpy as np
import pytest
from mmengine.config import Config

from mmkaryo.apis import read_karyotype
from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.evaluation.zoo import operating_score_thr, prediction_from_result
from mmkaryo.structures import NUM_CLASSES

from .zoo_cases import A, C, E


def class_scores(chr1, chr2, background):
    """A (25,) softmax row: given mass on chromosomes 1 and 2 and background, the rest spread evenly."""
    row = np.full(NUM_CLASSES + 1, (1.0 - chr1 - chr2 - background) / (NUM_CLASSES - 2))
    row[0], row[1], row[-1] = chr1, chr2, background
    return row


def result():
    # Three chromosome-1 candidates, detected with chromosome-ness 1 - p(background) = 0.5, 0.98,
    # 0.995. i0 is sure of its class (0.45 of 0.5 foreground); i1 scores 0.9; i2 hesitates (chr1 0.52,
    # chr2 0.47). Read together, i0 and i1 take the two chromosome-1 slots and i2 becomes a 2.
    # Above 0.9 only i1 and i2 are kept, and read alone i2 is a 1.
    masks = np.stack([A, C, E])
    scores = np.stack([class_scores(0.45, 0.005, 0.5), class_scores(0.9, 0.05, 0.02),
                       class_scores(0.52, 0.47, 0.005)])
    boxes = np.array([[2, 2, 10, 6], [2, 12, 7, 16], [17, 21, 28, 28]], np.float64)
    return read_karyotype('img', np.zeros(A.shape, np.uint8), boxes, masks, np.zeros(3, np.int64), scores,
                          detection_scores=1.0 - scores[:, -1])


def test_kept_instances_are_read_again():
    full = result()
    assert full.labels.tolist() == [0, 0, 1]
    assert full.scores == pytest.approx([0.45, 0.9, 0.47])
    prediction = prediction_from_result(full, score_thr=0.9)
    ranked, kept = prediction
    assert len(ranked) == 3 and ranked.scores == pytest.approx([0.5, 0.98, 0.995])
    assert ranked.rles == encode_masks(np.stack([A, C, E]))
    assert ranked.detector_labels.tolist() == [0, 0, 0] and ranked.labels is None
    assert kept.rles == ranked.rles[1:] and kept.boxes.tolist() == full.boxes[1:].tolist()
    assert kept.labels.tolist() == [0, 0]
    assert kept.argmax_labels.tolist() == [0, 0]


def test_classifier_named_results_rank_by_the_classifier_argmax():
    full = result()
    named = read_karyotype('img', full.image, full.boxes, full.masks, np.zeros(3, np.int64), full.class_scores,
                           detection_scores=full.detection_scores, class_source='classifier')
    assert named.argmax_labels.tolist() == [0, 0, 0]
    named.class_scores[2, 0], named.class_scores[2, 1] = 0.1, 0.8  # the classifier calls i2 a 2
    named = read_karyotype('img', full.image, full.boxes, full.masks, np.zeros(3, np.int64), named.class_scores,
                           detection_scores=full.detection_scores, class_source='classifier')
    ranked, _ = prediction_from_result(named, score_thr=0.9)
    assert ranked.detector_labels.tolist() == [0, 0, 1]
    assert prediction_from_result(full, score_thr=0.9).ranked.detector_labels.tolist() == [0, 0, 0]


def test_threshold_above_every_score_keeps_nothing():
    _, kept = prediction_from_result(result(), score_thr=0.999)
    assert len(kept) == 0 and kept.labels.shape == (0, )


def test_operating_threshold_from_flag_or_config():
    assert operating_score_thr(Config(dict(score_thr=0.5)), None, 'cfg.py') == 0.5
    assert operating_score_thr(Config(dict(score_thr=0.5)), 0.3, 'cfg.py') == 0.3
    with pytest.raises(ValueError, match='cfg.py: the config sets no top-level score_thr'):
        operating_score_thr(Config(dict()), None, 'cfg.py')
    with pytest.raises(ValueError, match=r'cfg.py: score_thr must lie in \[0, 1\]'):
        operating_score_thr(Config(dict()), 1.5, 'cfg.py')
