"""M-FISH-style writer: ``<P01__XY>/<P0101XYD.tif>`` + ``<P0101XYK.tif>`` + ``case-info.txt``.

Named like the real ADIR M-FISH set: folder = probe letter ``P`` + slide number (the patient,
1-based, 2 digits or more when there are more than 99 patients) + ``__`` + karyotype code; file =
probe + slide + image number on the slide (1-based, 2 digits or more) + code + plane letter. ``D``: the
DAPI-like uint8 image (bright chromosomes on a dark ground); ``K``: uint8 label image, 0 background,
class value 1..24 (23 = X, 24 = Y) where one chromosome lies, 255 where two or more overlap.
``case-info.txt`` holds the ISCN karyotype.
"""
from pathlib import Path
from typing import Sequence

import numpy as np
import tifffile

from mmkaryo.datasets.synthetic.generator import SyntheticInstance
from mmkaryo.datasets.synthetic.writers.record import SampleRecord

PROBE = 'P'
OVERLAP_VALUE = 255


def label_image(instances: Sequence[SyntheticInstance], shape: tuple) -> np.ndarray:
    """uint8 label image: class index + 1 under one instance, 255 under several, 0 elsewhere."""
    labels = np.zeros(shape, np.uint8)
    cover = np.zeros(shape, np.uint8)
    for instance in instances:
        x, y = instance.offset
        h, w = instance.mask_crop.shape
        labels[y:y + h, x:x + w][instance.mask_crop] = instance.label + 1
        cover[y:y + h, x:x + w] += instance.mask_crop
    labels[cover >= 2] = OVERLAP_VALUE
    return labels


class MFishWriter:
    """Writes the D and K planes of each image and its folder's ``case-info.txt``."""

    def __init__(self, root: Path, slide_digits: int = 2, image_digits: int = 2) -> None:
        self.root = Path(root)
        self.slide_digits = slide_digits
        self.image_digits = image_digits

    def add(self, record: SampleRecord) -> None:
        sample = record.sample
        slide = f'{record.patient + 1:0{self.slide_digits}d}'
        folder = self.root / f'{PROBE}{slide}__{sample.karyotype_code}'
        folder.mkdir(parents=True, exist_ok=True)
        stem = f'{PROBE}{slide}{record.image_in_patient + 1:0{self.image_digits}d}{sample.karyotype_code}'
        tifffile.imwrite(folder / f'{stem}D.tif', sample.dapi)
        tifffile.imwrite(folder / f'{stem}K.tif', label_image(sample.instances, sample.image.shape))
        (folder / 'case-info.txt').write_text(sample.karyotype)

    def close(self) -> None:
        """Nothing is buffered."""
