"""A detector's masks as a labelled COCO file: the crops a classifier meets at test time, for training.

A crop classifier trained on ground-truth masks meets the detector's masks in the analysis path, which
are rounder and larger (on the M-FISH validation slides the matched detected mask is 19 % larger than
its ground truth at the median, mask IoU 0.79). :func:`detections_coco` turns a detector's kept
detections on labelled images into a COCO file a :class:`~mmkaryo.datasets.ChromosomeCropDataset`
reads: each detection matched to a ground-truth chromosome (one to one at mask IoU >= 0.5, the zoo's
recall matching) becomes an annotation with the detected mask and the ground truth's category; the
unmatched detections (debris, nuclei, merged chromosomes) have no class and are left out, and counted.
"""
from typing import Dict, List, Sequence, Tuple

import pycocotools.mask as mask_util

from mmkaryo.evaluation.zoo.detections import Detections
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage, class_of_category
from mmkaryo.evaluation.zoo.image_scores import match_masks


def _annotation(ann_id: int, image_id: int, category_id: int, rle: dict, score: float) -> dict:
    counts = rle['counts']
    x, y, w, h = (float(v) for v in mask_util.toBbox(rle))
    return dict(id=ann_id, image_id=image_id, category_id=category_id, iscrowd=0,
                segmentation=dict(size=[int(v) for v in rle['size']],
                                  counts=counts.decode('ascii') if isinstance(counts, bytes) else counts),
                area=float(mask_util.area(rle)), bbox=[x, y, w, h], score=float(score))


def detections_coco(coco: dict, images: Sequence[GroundTruthImage], kept: Sequence[Detections],
                    source: str) -> Tuple[dict, Dict[str, int]]:
    """The COCO file of the detections matched to ``coco``'s chromosomes, and its counts.

    Args:
        coco: the labelled COCO dict the ground truth was read from (its ``images`` and ``categories``
            are copied, image fields such as ``karyotype`` included).
        images: ``ground_truth_images(coco)``, in its order.
        kept: each image's detections at the operating threshold, masks in original coordinates.
        source: the file name, for error messages.

    Returns:
        (coco dict, counts): one annotation per matched detection (RLE mask, the matched ground
        truth's category, the detection's ``score``); counts ``ground_truth``, ``matched`` and
        ``unmatched_detections`` (left out: no class to learn).

    Raises:
        ValueError naming ``source`` when ``images`` and ``kept`` differ in length.
    """
    if len(images) != len(kept):
        raise ValueError(f'{source}: {len(images)} images but detections of {len(kept)}')
    category_of = {index: category for category, index in class_of_category(coco, source).items()}
    annotations: List[dict] = []
    counts = dict(ground_truth=0, matched=0, unmatched_detections=0)
    for gt, detections in zip(images, kept):
        match = match_masks(gt.rles, detections.rles)
        gt_idx, det_idx = match.gt_idx, match.pred_idx
        for g, d in zip(gt_idx, det_idx):
            annotations.append(_annotation(len(annotations) + 1, gt.image_id, category_of[int(gt.labels[g])],
                                           detections.rles[d], detections.scores[d]))
        counts['ground_truth'] += len(gt.rles)
        counts['matched'] += len(gt_idx)
        counts['unmatched_detections'] += len(detections) - len(det_idx)
    return dict(images=list(coco['images']), categories=list(coco['categories']),
                annotations=annotations), counts
