"""Turn a :class:`mmkaryo.apis.KaryotypeResult` read at a low score floor into a zoo Prediction.

The inferencer is run with ``score_thr=0.0`` so that every detection the model's own rcnn score
floor lets through reaches mAP@50 with the detector's own score (``result.detection_scores``:
chromosome-ness for a ``ChromosomenessBBoxHead``), the score the operating threshold applies to.
The operating threshold is applied here: the kept instances' constrained and argmax classes are
read again over exactly those instances with :func:`mmkaryo.apis.read_karyotype` (the
inferencer's model-free half), since a constrained reading depends on which instances take part.
"""
import numpy as np

from mmkaryo.apis.inferencer import KaryotypeResult, read_karyotype
from mmkaryo.evaluation.zoo.detections import Detections, Prediction
from mmkaryo.karyotype import DEFAULT_EXTRA_PENALTY


def prediction_from_result(result: KaryotypeResult, score_thr: float,
                           extra_penalty: float = DEFAULT_EXTRA_PENALTY) -> Prediction:
    """Split a KaryotypeResult into its ranked detections and those with ``scores >= score_thr``.

    Args:
        result: the inferencer's reading of one image (masks as MaskCrops).
        score_thr: the operating threshold.
        extra_penalty: the inferencer's, for the constrained reading of the kept instances.
    """
    scores = np.asarray(result.detection_scores, np.float64)
    rles = [result.masks.to_rle(i) for i in range(len(result.masks))]
    # Class-aware mAP ranks every detection with one class each: the detector's own, or the crop
    # classifier's argmax when a classifier names the chromosomes.
    ranked_labels = result.argmax_labels if result.class_source == 'classifier' else result.detector_labels
    ranked = Detections(rles, result.boxes, scores, detector_labels=ranked_labels)
    keep = np.flatnonzero(scores >= score_thr)
    reading = read_karyotype(result.name, result.image, result.boxes[keep], result.masks[keep],
                             result.detector_labels[keep], result.class_scores[keep],
                             extra_penalty=extra_penalty, constrained=True)
    kept = ranked.subset(keep)
    return Prediction(ranked, Detections(kept.rles, kept.boxes, kept.scores, kept.detector_labels,
                                         labels=reading.labels, argmax_labels=reading.argmax_labels))
