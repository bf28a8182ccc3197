"""BoxToPolygonMask: box-corner and inscribed-ellipse polygon masks from boxes."""
import numpy as np
import pytest
from mmdet.structures.bbox import HorizontalBoxes
from mmdet.structures.mask import PolygonMasks

from mmkaryo.datasets.transforms import BoxToPolygonMask


def results(boxes):
    return dict(gt_bboxes=HorizontalBoxes(np.array(boxes, dtype=np.float32)), img_shape=(40, 60),
                with_mask=False)


def test_box_corners_fill_each_box():
    out = BoxToPolygonMask()(results([[10, 5, 30, 25], [40, 0, 59, 39]]))
    masks = out['gt_masks']
    assert isinstance(masks, PolygonMasks) and len(masks) == 2
    assert (masks.height, masks.width) == (40, 60)
    np.testing.assert_allclose(masks.masks[0][0], [10, 5, 30, 5, 30, 25, 10, 25])
    np.testing.assert_allclose(masks.areas, [20 * 20, 19 * 39])
    bitmap = masks.to_ndarray()
    assert bitmap[0, 15, 20] == 1 and bitmap[0, 30, 20] == 0
    assert out['with_mask'] is True


def test_ellipse_is_inscribed_in_box():
    out = BoxToPolygonMask(shape='ellipse', num_points=64)(results([[10, 10, 50, 30]]))
    polygon = out['gt_masks'].masks[0][0].reshape(-1, 2)
    assert len(polygon) == 64
    assert polygon[:, 0].min() == pytest.approx(10) and polygon[:, 0].max() == pytest.approx(50)
    assert polygon[:, 1].min() == pytest.approx(10, abs=0.1) and polygon[:, 1].max() == pytest.approx(30, abs=0.1)
    assert out['gt_masks'].areas[0] == pytest.approx(np.pi * 20 * 10, rel=0.01)


def test_accepts_plain_arrays_and_empty_boxes():
    out = BoxToPolygonMask(mark_with_mask=False)(dict(gt_bboxes=np.zeros((0, 4)), img_shape=(8, 8),
                                                      with_mask=False))
    assert len(out['gt_masks']) == 0 and out['with_mask'] is False


def test_errors_name_the_problem():
    with pytest.raises(ValueError, match='shape must be one of'):
        BoxToPolygonMask(shape='circle')
    with pytest.raises(ValueError, match='num_points'):
        BoxToPolygonMask(shape='ellipse', num_points=2)
    with pytest.raises(ValueError, match='gt_bboxes'):
        BoxToPolygonMask()(dict(img_shape=(8, 8)))
