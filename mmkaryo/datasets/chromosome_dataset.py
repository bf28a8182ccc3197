"""COCO-format chromosome datasets: 24 classes, or one class-agnostic ``chromosome`` class.

Every data_info carries ``with_mask`` (bool, the same for the whole dataset: the ``with_mask``
argument, or when it is None whether the file holds any segmentation) and ``karyotype`` (the image
record's ISCN string, or None). Pipelines pass both on to the model through PackDetInputs'
``meta_keys``, so mask losses can be skipped for box-only samples.
"""
import os.path as osp
from typing import List, Optional

from mmdet.datasets import CocoDataset

from mmkaryo.registry import DATASETS
from .checked_coco import CheckedCOCO
from mmkaryo.structures.classes import CHROMOSOME_CLASSES
from mmkaryo.visualization.palette import PALETTE


@DATASETS.register_module()
class ChromosomeDataset(CocoDataset):
    """The 24 chromosome classes ``1``..``22``, ``X``, ``Y`` (category ids 1..24 in our files).

    Args:
        with_mask: True for a mask set (every annotation must have a segmentation), False for a
            box-only set (CIL), None to decide from the file.
        **kwargs: CocoDataset arguments (ann_file, data_root, data_prefix, pipeline, ...).
    """

    METAINFO = dict(classes=CHROMOSOME_CLASSES, palette=list(PALETTE))
    COCOAPI = CheckedCOCO

    def __init__(self, *args, with_mask: Optional[bool] = None, **kwargs) -> None:
        if with_mask is not None and not isinstance(with_mask, bool):
            raise TypeError(f'with_mask must be a bool or None, got {type(with_mask).__name__}')
        self.with_mask = with_mask
        super().__init__(*args, **kwargs)

    def parse_data_info(self, raw_data_info: dict) -> dict:
        """CocoDataset's data_info plus ``karyotype`` from the image record (None if absent).

        Raises ValueError if an annotation's category is not one of this dataset's classes (mmdet
        would drop it silently).
        """
        for ann in raw_data_info['raw_ann_info']:
            if ann['category_id'] not in self.cat_ids:
                raise ValueError(
                    f'{self.ann_file}: annotation {ann.get("id")} has category_id {ann["category_id"]}, '
                    f'not one of the classes {self.metainfo["classes"]} of {type(self).__name__} '
                    '(for a class-agnostic dataset write the file with to_class_agnostic)')
        data_info = super().parse_data_info(raw_data_info)
        data_info['karyotype'] = raw_data_info['raw_img_info'].get('karyotype')
        return data_info

    def load_data_list(self) -> List[dict]:
        """Load the file and set ``with_mask`` on every data_info.

        Raises ValueError naming the file on repeated image/annotation ids, annotations of unknown
        images (see :class:`CheckedCOCO`) and, for local files, images listed but missing on disk.
        """
        data_list = super().load_data_list()
        if self.backend_args is None:
            missing = [info['img_path'] for info in data_list if not osp.isfile(info['img_path'])]
            if missing:
                raise ValueError(f'{self.ann_file}: {len(missing)} of {len(data_list)} listed images are '
                                 f'missing on disk, e.g. {missing[:3]}')
        instances = [inst for info in data_list for inst in info['instances']]
        has_masks = any('mask' in inst for inst in instances)
        if self.with_mask and not all('mask' in inst for inst in instances):
            raise ValueError(f'{self.ann_file}: with_mask=True but some annotations have no '
                             'segmentation')
        with_mask = has_masks if self.with_mask is None else self.with_mask
        for info in data_list:
            info['with_mask'] = with_mask
        return data_list


@DATASETS.register_module()
class ChromosomeAgnosticDataset(ChromosomeDataset):
    """One class ``chromosome`` (category id 1): custom mask sets, class-agnostic evaluation."""

    METAINFO = dict(classes=('chromosome', ), palette=[(220, 20, 60)])
