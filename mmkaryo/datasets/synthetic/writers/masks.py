"""Custom (masks-only) writer: ``images/<name>.png`` + ``masks/<name>/<k>.png``.

One binary PNG (0 / 255) per instance, k = 0, 1, ... in the sample's instance order; no classes.
"""
from pathlib import Path

import numpy as np

from mmkaryo.datasets.synthetic.writers.record import SampleRecord, write_png


class MaskFolderWriter:
    """Writes the image and one full-size mask PNG per chromosome."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def add(self, record: SampleRecord) -> None:
        sample = record.sample
        write_png(self.root / 'images' / f'{record.name}.png', sample.image)
        for k, instance in enumerate(sample.instances):
            write_png(self.root / 'masks' / record.name / f'{k}.png',
                      instance.mask.astype(np.uint8) * 255)

    def close(self) -> None:
        """Nothing is buffered."""
