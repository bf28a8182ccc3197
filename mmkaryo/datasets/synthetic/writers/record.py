"""What every format writer receives for one image, and the shared image-file helpers."""
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from mmkaryo.datasets.synthetic.generator import SyntheticSample


@dataclass(frozen=True)
class SampleRecord:
    """One generated image with its place in the dataset.

    ``name``: file stem (``synth_000003``); ``index``: image index; ``patient``: 0-based patient
    number, ``patient_id``: its folder name (``patient_0000``), ``image_in_patient``: 0-based position
    of the image within its patient; ``split``: ``train`` or ``test`` (patient-level).
    """

    name: str
    index: int
    patient: int
    patient_id: str
    image_in_patient: int
    split: str
    sample: SyntheticSample


def encode_png(image: np.ndarray) -> bytes:
    """PNG bytes of a uint8 image."""
    ok, buffer = cv2.imencode('.png', image)
    if not ok:
        raise ValueError(f'synthetic/writers/record.py: could not PNG-encode an image of shape {image.shape}')
    return buffer.tobytes()


def write_png(path: Path, image: np.ndarray) -> bytes:
    """Write ``image`` as PNG at ``path`` (parents created); return the bytes written."""
    data = encode_png(image)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data
