"""AutoKary2022-style writer: ``{train_labelme,test_labelme}/<patientID>/<name>.json`` + ``<name>.png``.

LabelMe JSON: one ``polygon`` shape per chromosome with ``label`` "1".."24" (23 = X, 24 = Y) and
``points`` [[x, y], ...] (the same coordinates as the COCO polygons), ``imagePath`` (the PNG beside
it), ``imageHeight``, ``imageWidth`` and ``imageData`` (base64 of the PNG bytes, or null).
"""
import base64
import json
from pathlib import Path

from mmkaryo.datasets.synthetic.writers.record import SampleRecord, write_png


class LabelMeWriter:
    """Writes one LabelMe JSON and PNG per image into its patient's folder of its split."""

    def __init__(self, root: Path, embed_image_data: bool = False) -> None:
        self.root = Path(root)
        self.embed_image_data = embed_image_data

    def add(self, record: SampleRecord) -> None:
        folder = self.root / f'{record.split}_labelme' / record.patient_id
        sample = record.sample
        png = write_png(folder / f'{record.name}.png', sample.image)
        shapes = [dict(label=str(instance.label + 1),
                       points=[[round(float(x), 2), round(float(y), 2)] for x, y in instance.polygon],
                       group_id=None, shape_type='polygon', flags={})
                  for instance in sample.instances]
        height, width = sample.image.shape
        content = dict(version='5.0.1', flags={}, shapes=shapes, imagePath=f'{record.name}.png',
                       imageData=base64.b64encode(png).decode('ascii') if self.embed_image_data else None,
                       imageHeight=height, imageWidth=width)
        (folder / f'{record.name}.json').write_text(json.dumps(content, indent=1))

    def close(self) -> None:
        """Nothing is buffered."""
