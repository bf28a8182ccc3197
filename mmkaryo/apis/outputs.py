"""What a KaryotypeResult becomes on disk: COCO results, a per-image JSON record, an overlay PNG."""
from typing import List

import cv2
import numpy as np
import pycocotools.mask as mask_utils

from mmkaryo.apis.inferencer import KaryotypeResult
from mmkaryo.karyotype import group_of_class, karyotype_string
from mmkaryo.structures.classes import CHROMOSOME_CLASSES, PALETTE


def coco_results(result: KaryotypeResult, image_id: int) -> List[dict]:
    """Return COCO results entries (``image_id``, ``category_id`` = read class + 1, xywh ``bbox``,
    ``score``, RLE ``segmentation``) for the result's instances."""
    entries = []
    for i, label in enumerate(result.labels):
        x0, y0, x1, y1 = (float(v) for v in result.boxes[i])
        rle = mask_utils.encode(np.asfortranarray(result.masks[i].astype(np.uint8)))
        entries.append(dict(
            image_id=int(image_id), category_id=int(label) + 1, bbox=[x0, y0, x1 - x0, y1 - y0],
            score=float(result.scores[i]),
            segmentation=dict(size=[int(s) for s in rle['size']], counts=rle['counts'].decode('ascii'))))
    return entries


def result_record(result: KaryotypeResult, image_id: int) -> dict:
    """Return the per-image JSON record: COCO instances extended with class scores and the reading."""
    instances = coco_results(result, image_id)
    for i, entry in enumerate(instances):
        entry.update(
            class_name=CHROMOSOME_CLASSES[result.labels[i]],
            detector_category_id=int(result.detector_labels[i]) + 1,
            argmax_category_id=int(result.argmax_labels[i]) + 1, pair_group=group_of_class(result.labels[i]),
            class_probs=[round(float(p), 6) for p in result.class_probs[i]])
    return dict(
        image_id=int(image_id), file_name=result.name, height=int(result.image.shape[0]),
        width=int(result.image.shape[1]), karyotype=result.karyotype,
        argmax_karyotype=karyotype_string(result.argmax_labels), sanity=result.sanity,
        normal=result.normal, num_instances=len(result.labels), instances=instances,
        pairs=[[int(i), int(j), int(g)] for i, j, g in result.pairing.pairs],
        unpaired=[int(i) for i in result.pairing.unpaired])


def render_overlay(result: KaryotypeResult, alpha: float = 0.45) -> np.ndarray:
    """Return an RGB image: masks coloured by homologous pair, outlined, class name at each centre."""
    canvas = np.repeat(result.image[..., None], 3, axis=2).astype(np.float64)
    for mask, label in zip(result.masks, result.labels):
        canvas[mask] = (1 - alpha) * canvas[mask] + alpha * np.asarray(PALETTE[label], dtype=np.float64)
    canvas = canvas.round().astype(np.uint8)
    for mask, label in zip(result.masks, result.labels):
        if not mask.any():
            continue
        contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        cv2.drawContours(canvas, contours, -1, PALETTE[label], 1)
        ys, xs = np.nonzero(mask)
        cv2.putText(canvas, CHROMOSOME_CLASSES[label], (int(xs.mean()) - 6, int(ys.mean()) + 4),
                    cv2.FONT_HERSHEY_SIMPLEX, 0.4, (0, 0, 0), 1, cv2.LINE_AA)
    return canvas
