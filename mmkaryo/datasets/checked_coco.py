"""mmdet's COCO API that refuses files whose ids would make pycocotools drop or mix up records.

pycocotools indexes images and annotations in dicts keyed by id: a repeated image id silently keeps
one of the images, a repeated annotation id makes ``load_anns`` return one annotation twice, and an
annotation whose ``image_id`` names no image is never loaded. :class:`CheckedCOCO` raises ValueError
naming the file instead.
"""
from collections import Counter
from typing import Any, Dict, List, Optional

from mmdet.datasets.api_wrappers import COCO


def id_problems(coco: Dict[str, Any]) -> List[str]:
    """Repeated image or annotation ids and annotations of unknown images in a COCO dict."""
    problems = []
    image_ids = [im.get('id') for im in coco.get('images', [])]
    ann_ids = [ann.get('id') for ann in coco.get('annotations', [])]
    for name, ids in (('image', image_ids), ('annotation', ann_ids)):
        repeated = sorted((i for i, n in Counter(ids).items() if n > 1), key=str)
        if repeated:
            problems.append(f'{name} ids {repeated[:5]} repeated')
    known = set(image_ids)
    orphans = [a.get('id') for a in coco.get('annotations', []) if a.get('image_id') not in known]
    if orphans:
        problems.append(f'{len(orphans)} annotations name an unknown image_id, '
                        f'e.g. annotation {orphans[0]}')
    return problems


class CheckedCOCO(COCO):
    """mmdet's ``COCO`` wrapper raising ValueError on the problems of :func:`id_problems`."""

    def __init__(self, annotation_file: Optional[str] = None) -> None:
        self.annotation_file = annotation_file
        super().__init__(annotation_file)

    def createIndex(self) -> None:  # noqa: N802 (pycocotools' name)
        problems = id_problems(self.dataset)
        if problems:
            raise ValueError(f'{self.annotation_file}: ' + '; '.join(problems))
        super().createIndex()
