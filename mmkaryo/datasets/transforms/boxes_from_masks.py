"""Tight ground-truth boxes recomputed from the masks after a geometric transform."""
from mmcv.transforms import BaseTransform

from mmkaryo.registry import TRANSFORMS


@TRANSFORMS.register_module()
class BoxesFromMasks(BaseTransform):
    """Set ``gt_bboxes`` to the boxes enclosing ``gt_masks`` (no-op when there are no masks).

    mmdet's ``Rotate`` rotates a box's corners and keeps their enclosing box, which for a long
    chromosome turned by 45 degrees is far looser than the chromosome; after it, this transform
    restores tight boxes from the rotated masks. Masks rotated out of the image give empty boxes,
    which ``FilterAnnotations`` then removes.

    Required keys: gt_masks (optional), gt_bboxes. Modified keys: gt_bboxes.
    """

    def transform(self, results: dict) -> dict:
        masks = results.get('gt_masks')
        if masks is None or results.get('gt_bboxes') is None:
            return results
        boxes = results['gt_bboxes']
        if len(masks) != len(boxes):
            raise ValueError(f'{results.get("img_path")}: {len(masks)} masks but {len(boxes)} boxes')
        results['gt_bboxes'] = type(boxes).from_instance_masks(masks).to(boxes.device)
        return results
