"""Writers of every dataset format the project reads; each has ``add(record)`` and ``close()``."""
from mmkaryo.datasets.synthetic.writers.coco import CocoWriter
from mmkaryo.datasets.synthetic.writers.labelme import LabelMeWriter
from mmkaryo.datasets.synthetic.writers.masks import MaskFolderWriter
from mmkaryo.datasets.synthetic.writers.mfish import MFishWriter, label_image
from mmkaryo.datasets.synthetic.writers.record import SampleRecord
from mmkaryo.datasets.synthetic.writers.voc import VocWriter

__all__ = ['CocoWriter', 'LabelMeWriter', 'MaskFolderWriter', 'MFishWriter', 'SampleRecord', 'VocWriter',
           'label_image']
