"""Chromosome crops cut on the fly from a COCO file's instance masks, for a chromosome classifier.

Each sample is one labelled chromosome: its upright, metaphase-normalised canvas and size vector
(:func:`mmkaryo.structures.chromosome_crop.metaphase_crops`), its class and the image it came from.
The crops of every image are cut once, when the dataset loads, from the ground-truth masks of all the
chromosomes of that image (the metaphase statistics need all of them).
"""
import os.path as osp
from typing import Dict, List, Tuple

import cv2
import numpy as np
from mmengine.dataset import BaseDataset
from mmengine.logging import MMLogger

from mmkaryo.datasets.checked_coco import CheckedCOCO
from mmkaryo.registry import DATASETS
from mmkaryo.structures.chromosome_crop import CANVAS_HW, mask_crops_canvases, stain_image
from mmkaryo.structures.mask_crops import MaskCrops
from mmkaryo.structures.classes import CHROMOSOME_CLASSES, class_index_from_name
from mmkaryo.visualization.palette import PALETTE


@DATASETS.register_module()
class ChromosomeCropDataset(BaseDataset):
    """One sample per labelled chromosome of a 24-class COCO instance-mask file.

    data_info keys: ``img`` (H, W) float32 canvas, ``sizes`` (2,) float32, ``gt_label`` int (0..23),
    ``img_id`` and ``ann_id`` (the COCO ids) and ``img_path``.

    Args:
        ann_file: COCO file with polygon or RLE segmentations and the 24 chromosome categories (named
            as :func:`mmkaryo.structures.class_index_from_name` reads them).
        canvas_hw: (height, width) of the canvases.
        dark_on_light: the images show dark chromosomes on a light ground (True for G-banding and the
            inverted M-FISH copies), else bright on dark.
        **kwargs: BaseDataset arguments (data_root, data_prefix=dict(img=...), pipeline, ...).

    Raises:
        ValueError (naming the file) for a category that is no chromosome class, an annotation without
        segmentation, a listed image missing on disk, or repeated ids. Annotations whose mask is empty
        are skipped and counted in a warning.
    """

    METAINFO = dict(classes=CHROMOSOME_CLASSES, palette=list(PALETTE))

    def __init__(self, *args, canvas_hw: Tuple[int, int] = CANVAS_HW, dark_on_light: bool = True,
                 **kwargs) -> None:
        self.canvas_hw = tuple(int(v) for v in canvas_hw)
        self.dark_on_light = bool(dark_on_light)
        super().__init__(*args, **kwargs)

    def load_data_list(self) -> List[dict]:
        coco = CheckedCOCO(self.ann_file)
        labels = self._category_labels(coco)
        image_dir = self.data_prefix.get('img', '')
        data_list: List[dict] = []
        skipped_empty = 0
        for img_id in sorted(coco.getImgIds()):
            record = coco.loadImgs([img_id])[0]
            anns = [ann for ann in coco.loadAnns(coco.getAnnIds(imgIds=[img_id])) if not ann.get('iscrowd')]
            if not anns:
                continue
            img_path = osp.join(image_dir, record['file_name'])
            gray = cv2.imread(img_path, cv2.IMREAD_GRAYSCALE)
            if gray is None:
                raise ValueError(f'{self.ann_file}: image {img_path} is missing or unreadable')
            for ann in anns:
                if not ann.get('segmentation'):
                    raise ValueError(f'{self.ann_file}: annotation {ann["id"]} has no segmentation; '
                                     'a crop classifier needs instance masks')
            masks = MaskCrops.from_dense(np.stack([coco.annToMask(ann) for ann in anns]).astype(bool))
            crops, cut = mask_crops_canvases(stain_image(gray, self.dark_on_light), masks, self.canvas_hw)
            skipped_empty += int(np.count_nonzero(~cut))
            kept = [ann for ann, has_crop in zip(anns, cut) if has_crop]
            for k, ann in enumerate(kept):
                data_list.append(dict(img=crops.canvases[k], sizes=crops.sizes[k],
                                      gt_label=labels[ann['category_id']], img_id=int(img_id),
                                      ann_id=int(ann['id']), img_path=img_path))
        if skipped_empty:
            MMLogger.get_current_instance().warning(
                f'{self.ann_file}: skipped {skipped_empty} annotations with empty masks')
        return data_list

    def _category_labels(self, coco: CheckedCOCO) -> Dict[int, int]:
        """COCO category id -> class index 0..23; ValueError for a category that is no chromosome."""
        labels = {}
        for cat in coco.loadCats(coco.getCatIds()):
            label = class_index_from_name(cat['name'])
            if label is None:
                raise ValueError(f'{self.ann_file}: category {cat["id"]} "{cat["name"]}" is not one of '
                                 f'the 24 chromosome classes; a class-agnostic file cannot train a '
                                 'chromosome classifier')
            labels[cat['id']] = label
        return labels
