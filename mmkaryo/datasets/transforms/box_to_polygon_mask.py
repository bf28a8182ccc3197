"""BoxToPolygonMask: coarse polygon masks from boxes, the weak masks of box-only pre-training
(stage 1 of the two-stage regime, Agnew et al. 2024).
"""
from typing import Optional

import numpy as np
from mmcv.transforms import BaseTransform
from mmdet.structures.bbox import BaseBoxes
from mmdet.structures.mask import PolygonMasks

from mmkaryo.registry import TRANSFORMS

SHAPES = ('box', 'ellipse')


def box_polygon(box: np.ndarray) -> np.ndarray:
    """Return the 4 corners of ``box`` (x1, y1, x2, y2) as a flat polygon [x, y, x, y, ...]."""
    x1, y1, x2, y2 = box
    return np.array([x1, y1, x2, y1, x2, y2, x1, y2], dtype=np.float64)


def ellipse_polygon(box: np.ndarray, num_points: int) -> np.ndarray:
    """Return ``num_points`` points of the ellipse inscribed in ``box`` as a flat polygon."""
    x1, y1, x2, y2 = box
    angles = np.linspace(0, 2 * np.pi, num_points, endpoint=False)
    xs = (x1 + x2) / 2 + (x2 - x1) / 2 * np.cos(angles)
    ys = (y1 + y2) / 2 + (y2 - y1) / 2 * np.sin(angles)
    return np.stack([xs, ys], axis=1).reshape(-1)


@TRANSFORMS.register_module()
class BoxToPolygonMask(BaseTransform):
    """Set ``results['gt_masks']`` to one polygon per ``results['gt_bboxes']`` box.

    Required keys: ``gt_bboxes`` (``HorizontalBoxes`` or an (n, 4) array, x1 y1 x2 y2) and
    ``img_shape``. Added/replaced keys: ``gt_masks`` (mmdet ``PolygonMasks``, same order as the
    boxes) and, when ``mark_with_mask`` is True, ``with_mask = True`` — the sample now carries (coarse)
    masks, so mmkaryo's RoI heads train the mask head on them. Place it right after
    ``LoadAnnotations``; later geometric transforms move the polygons with the boxes.

    Args:
        shape: ``'box'`` (the 4 corners) or ``'ellipse'`` (an inscribed-ellipse polygon).
        num_points: number of ellipse vertices (>= 3); ignored for ``'box'``.
        mark_with_mask: set ``results['with_mask'] = True``.
    """

    def __init__(self, shape: str = 'box', num_points: int = 16, mark_with_mask: bool = True) -> None:
        if shape not in SHAPES:
            raise ValueError(f'box_to_polygon_mask.py: shape must be one of {SHAPES}, got {shape!r}.')
        if num_points < 3:
            raise ValueError(f'box_to_polygon_mask.py: num_points must be >= 3, got {num_points}.')
        self.shape = shape
        self.num_points = num_points
        self.mark_with_mask = mark_with_mask

    def transform(self, results: dict) -> Optional[dict]:
        """Add the polygon masks (see the class docstring)."""
        if 'gt_bboxes' not in results or 'img_shape' not in results:
            raise ValueError('box_to_polygon_mask.py: results need "gt_bboxes" and "img_shape"; put '
                             'BoxToPolygonMask after LoadImageFromFile and LoadAnnotations(with_bbox=True).')
        boxes = results['gt_bboxes']
        boxes = boxes.numpy() if isinstance(boxes, BaseBoxes) else np.asarray(boxes, dtype=np.float64)
        if boxes.ndim != 2 or boxes.shape[1] != 4:
            raise ValueError(f'box_to_polygon_mask.py: gt_bboxes must have shape (n, 4), got {boxes.shape}.')
        if self.shape == 'box':
            polygons = [[box_polygon(box)] for box in boxes]
        else:
            polygons = [[ellipse_polygon(box, self.num_points)] for box in boxes]
        height, width = results['img_shape'][:2]
        results['gt_masks'] = PolygonMasks(polygons, height, width)
        if self.mark_with_mask:
            results['with_mask'] = True
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(shape={self.shape!r}, num_points={self.num_points}, '
                f'mark_with_mask={self.mark_with_mask})')
