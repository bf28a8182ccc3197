"""The naming-gap counts on a hand-made image whose three readings differ (worked out in the comments)."""
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.evaluation.zoo import Detections
from mmkaryo.evaluation.zoo.naming_gap import image_naming_gap, naming_gap_summary

from .zoo_cases import C, D, E, ground_truth, rect

# Chromosomes C (class 1), D (class 0) and E (class 0, missed by the detector). From their
# ground-truth crops the classifier says: C 0.6 class 0 / 0.4 class 1 (argmax wrong), D and E 0.9 class 0.
# Among all three, class 0 has two slots for three claimants; C moving to class 1 costs
# -log 0.4 = 0.92 nats, less than a surplus 0 (3 + 0.51): C reads 1, right. Among the found C and D only,
# class 0 has room for both: C reads 0, wrong.
TRUTH_PROBS = np.full((3, 24), 1e-6)
TRUTH_PROBS[0, :2] = (0.6, 0.4)
TRUTH_PROBS[1:, 0] = 0.9
WIDE_C = rect((12, 15), (1, 6))  # 24 px holding C's 20: area ratio 1.2, IoU 20 / 24


def detections(labels, argmax_labels):
    masks = np.stack([WIDE_C, D])
    return Detections(encode_masks(masks), np.zeros((2, 4)), np.ones(2), labels=np.asarray(labels),
                      argmax_labels=np.asarray(argmax_labels))


def test_three_readings_of_the_found_chromosomes():
    gt = ground_truth(1, np.stack([C, D, E]), [1, 0, 0])
    # the detector's masks read C as 1 (constrained) and both as 1 (argmax): D wrong by argmax
    gap = image_naming_gap(gt, detections([1, 0], [1, 1]), TRUTH_PROBS)
    assert (gap.num_truth, gap.matched) == (3, 2)
    assert gap.right == dict(detected=dict(constrained=2, argmax=1),
                             truth_found=dict(constrained=1, argmax=1),
                             truth_all=dict(constrained=2, argmax=1))
    assert sorted(gap.area_ratios.tolist()) == pytest.approx([1.0, 1.2])
    assert sorted(gap.ious.tolist()) == pytest.approx([20 / 24, 1.0])

    summary = naming_gap_summary([gap, gap])
    assert (summary['num_truth'], summary['matched']) == (6, 4)
    assert summary['accuracy']['truth_found'] == dict(constrained=0.5, argmax=0.5)
    assert summary['accuracy']['detected'] == dict(constrained=1.0, argmax=0.5)
    assert summary['area_ratio']['p50'] == pytest.approx(1.1) and summary['iou']['p90'] == pytest.approx(1.0)


def test_detections_without_read_classes_or_wrong_probabilities_are_errors():
    gt = ground_truth(1, np.stack([C, D, E]), [1, 0, 0])
    unread = Detections(encode_masks(np.stack([C])), np.zeros((1, 4)), np.ones(1))
    with pytest.raises(ValueError, match='needs detections with constrained and argmax labels'):
        image_naming_gap(gt, unread, TRUTH_PROBS)
    with pytest.raises(ValueError, match=r'one row per ground-truth chromosome \(3\)'):
        image_naming_gap(gt, detections([1, 0], [1, 1]), TRUTH_PROBS[:2])


def test_cli_names_a_missing_annotation_file(tmp_path):
    tool = Path(__file__).resolve().parents[2] / 'tools/analysis_tools/naming_gap.py'
    proc = subprocess.run([sys.executable, str(tool), str(tmp_path / 'none.json'), str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and f'{tmp_path / "none.json"}: no such annotation file' in proc.stderr
