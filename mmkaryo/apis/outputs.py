"""What a KaryotypeResult becomes in JSON: COCO results and a per-image record (its overlay PNG is
:func:`mmkaryo.visualization.render_overlay`)."""
from typing import List

from mmkaryo.apis.inferencer import KaryotypeResult
from mmkaryo.karyotype import group_of_class, karyotype_string
from mmkaryo.structures.classes import CHROMOSOME_CLASSES


def coco_results(result: KaryotypeResult, image_id: int) -> List[dict]:
    """Return COCO results entries (``image_id``, ``category_id`` = read class + 1, xywh ``bbox``,
    ``score``, RLE ``segmentation``) for the result's instances."""
    entries = []
    for i, label in enumerate(result.labels):
        x0, y0, x1, y1 = (float(v) for v in result.boxes[i])
        rle = result.masks.to_rle(i)
        entries.append(dict(
            image_id=int(image_id), category_id=int(label) + 1, bbox=[x0, y0, x1 - x0, y1 - y0],
            score=float(result.scores[i]),
            segmentation=dict(size=[int(s) for s in rle['size']], counts=rle['counts'].decode('ascii'))))
    return entries


def result_record(result: KaryotypeResult, image_id: int) -> dict:
    """Return the per-image JSON record: COCO instances extended with the detector's score
    (``detection_score``; the COCO ``score`` is the read class's probability), class scores and the
    reading, plus the image's ``polarity``, whether it was ``inverted`` for the model, and what named the
    chromosomes (``class_source``: ``'detector'`` or ``'classifier'``)."""
    instances = coco_results(result, image_id)
    for i, entry in enumerate(instances):
        entry.update(
            class_name=CHROMOSOME_CLASSES[result.labels[i]],
            detection_score=float(result.detection_scores[i]),
            detector_category_id=int(result.detector_labels[i]) + 1,
            argmax_category_id=int(result.argmax_labels[i]) + 1, pair_group=group_of_class(result.labels[i]),
            class_probs=[round(float(p), 6) for p in result.class_probs[i]])
    return dict(
        image_id=int(image_id), file_name=result.name, height=int(result.image.shape[0]),
        width=int(result.image.shape[1]), polarity=result.polarity, inverted=result.inverted,
        class_source=result.class_source, karyotype=result.karyotype,
        argmax_karyotype=karyotype_string(result.argmax_labels),
        sanity=result.sanity, normal=result.normal, num_instances=len(result.labels), instances=instances,
        pairs=[[int(i), int(j), int(g)] for i, j, g in result.pairing.pairs],
        unpaired=[int(i) for i in result.pairing.unpaired])
