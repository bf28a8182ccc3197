"""CIL-style writer: ``24_chromosomes_object/{JEPG/<name>.jpg, annotations/<name>.xml}``.

Pascal VOC XML with ``<size>`` (depth 1: grey JPEG) and one ``<object>`` per chromosome named with
its Denver-group name (``A1``..``G22``, ``X``, ``Y``). Boxes use VOC's 1-based inclusive pixel
coordinates: ``xmin`` = first column + 1, ``xmax`` = last column + 1 (mmdet subtracts 1 on reading).
"""
import xml.etree.ElementTree as ET
from pathlib import Path

import cv2

from mmkaryo.datasets.synthetic.writers.record import SampleRecord
from mmkaryo.structures import DENVER_NAMES

IMAGE_DIR, ANNOTATION_DIR = '24_chromosomes_object/JEPG', '24_chromosomes_object/annotations'
JPEG_QUALITY = 92


def _child(parent: ET.Element, tag: str, text: object) -> None:
    ET.SubElement(parent, tag).text = str(text)


class VocWriter:
    """Writes one grey JPEG and one VOC XML per image."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def add(self, record: SampleRecord) -> None:
        sample = record.sample
        image_path = self.root / IMAGE_DIR / f'{record.name}.jpg'
        image_path.parent.mkdir(parents=True, exist_ok=True)
        if not cv2.imwrite(str(image_path), sample.image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY]):
            raise OSError(f'synthetic/writers/voc.py: could not write {image_path}')
        height, width = sample.image.shape
        annotation = ET.Element('annotation')
        _child(annotation, 'folder', 'JEPG')
        _child(annotation, 'filename', image_path.name)
        size = ET.SubElement(annotation, 'size')
        for tag, value in (('width', width), ('height', height), ('depth', 1)):
            _child(size, tag, value)
        _child(annotation, 'segmented', 0)
        for instance in sample.instances:
            obj = ET.SubElement(annotation, 'object')
            _child(obj, 'name', DENVER_NAMES[instance.label])
            _child(obj, 'pose', 'Unspecified')
            _child(obj, 'truncated', 0)
            _child(obj, 'difficult', 0)
            box = ET.SubElement(obj, 'bndbox')
            x1, y1, x2, y2 = instance.bbox
            for tag, value in (('xmin', x1 + 1), ('ymin', y1 + 1), ('xmax', x2), ('ymax', y2)):
                _child(box, tag, value)
        tree = ET.ElementTree(annotation)
        ET.indent(tree)
        xml_path = self.root / ANNOTATION_DIR / f'{record.name}.xml'
        xml_path.parent.mkdir(parents=True, exist_ok=True)
        tree.write(xml_path, encoding='utf-8', xml_declaration=True)

    def close(self) -> None:
        """Nothing is buffered."""
