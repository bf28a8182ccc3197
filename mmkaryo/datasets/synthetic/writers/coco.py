"""COCO writer: ``coco/annotations.json`` + ``coco/images/<name>.png``.

24 categories, id 1..24 named ``1``..``22``, ``X``, ``Y``. ``file_name`` is relative to the ``coco``
folder (``images/<name>.png``). Each annotation has the full outline polygon of its instance
(overlapping instances keep their full shapes), ``bbox`` [x, y, w, h], ``area`` = mask pixel count.
Each image record carries ``karyotype`` (ISCN) and ``patient_id``.
"""
import json
from pathlib import Path
from typing import List

from mmkaryo.datasets.synthetic.writers.record import SampleRecord, write_png
from mmkaryo.structures import CHROMOSOME_CLASSES

CATEGORIES = [dict(id=k + 1, name=name, supercategory='chromosome')
              for k, name in enumerate(CHROMOSOME_CLASSES)]


class CocoWriter:
    """Collects images and annotations; ``close()`` writes ``annotations.json``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.images: List[dict] = []
        self.annotations: List[dict] = []

    def add(self, record: SampleRecord) -> None:
        sample = record.sample
        file_name = f'images/{record.name}.png'
        write_png(self.root / file_name, sample.image)
        image_id = len(self.images) + 1
        height, width = sample.image.shape
        self.images.append(dict(id=image_id, file_name=file_name, height=height, width=width,
                                karyotype=sample.karyotype, patient_id=record.patient_id))
        for instance in sample.instances:
            x1, y1, x2, y2 = instance.bbox
            self.annotations.append(dict(
                id=len(self.annotations) + 1, image_id=image_id, category_id=instance.label + 1,
                segmentation=[[round(float(v), 2) for v in instance.polygon.reshape(-1)]],
                area=float(instance.area), bbox=[x1, y1, x2 - x1, y2 - y1], iscrowd=0))

    def close(self) -> None:
        content = dict(info=dict(description='mmkaryo synthetic G-banded metaphases'),
                       images=self.images, annotations=self.annotations, categories=CATEGORIES)
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / 'annotations.json').write_text(json.dumps(content))
