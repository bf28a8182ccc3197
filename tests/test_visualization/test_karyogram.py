import cv2
import numpy as np
import pytest

from mmkaryo.karyotype import principal_axis
from mmkaryo.visualization import KARYOGRAM_ROWS, render_karyogram


def rod_mask(shape, centre, length, width, angle_deg):
    mask = np.zeros(shape, dtype=np.uint8)
    cv2.ellipse(mask, centre, (length // 2, width // 2), angle_deg, 0, 360, 1, -1)
    return mask.astype(bool)


@pytest.fixture
def metaphase():
    rng = np.random.default_rng(3)
    shape = (300, 400)
    labels = np.array([0, 0, 5, 20, 20, 20, 22, 23])
    masks = np.stack([
        rod_mask(shape, (int(40 + 45 * i), int(60 + 150 * (i % 2))), int(rng.integers(40, 80)), 12,
                 float(rng.uniform(0, 180))) for i in range(len(labels))])
    image = np.full(shape, 230, dtype=np.uint8)
    image[masks.any(0)] = 60
    return image, masks, labels


def test_each_instance_once_in_its_slot_and_upright(metaphase):
    image, masks, labels = metaphase
    karyogram = render_karyogram(image, masks, labels, title='47,XY,+21')
    assert karyogram.image.dtype == np.uint8 and karyogram.image.shape[2] == 3
    assert [p.index for p in karyogram.placements] == list(range(len(labels)))
    for placement in karyogram.placements:
        assert placement.label == labels[placement.index]
        x0, y0, x1, y1 = placement.box
        sx0, sy0, sx1, sy1 = karyogram.slot_boxes[placement.label]
        assert sx0 <= x0 < x1 <= sx1 and sy0 <= y0 < y1 <= sy1
        drawn = karyogram.image[y0:y1, x0:x1, 0] < 128
        assert drawn.sum() > 100
        axis = principal_axis(drawn)
        assert abs(axis[1]) > np.cos(np.deg2rad(5)), f'instance {placement.index} not upright: {axis}'
    boxes = [p.box for p in karyogram.placements]
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            overlap_x = min(boxes[a][2], boxes[b][2]) - max(boxes[a][0], boxes[b][0])
            overlap_y = min(boxes[a][3], boxes[b][3]) - max(boxes[a][1], boxes[b][1])
            assert overlap_x <= 0 or overlap_y <= 0, 'chromosomes drawn over each other'


def test_layout_rows_cover_every_class_once():
    classes = [k for row in KARYOGRAM_ROWS for group in row for k in group]
    assert sorted(classes) == list(range(24))
    assert KARYOGRAM_ROWS[1][-1] == (22, ) and KARYOGRAM_ROWS[3][-1] == (23, )


def test_slots_follow_the_standard_layout(metaphase):
    image, masks, labels = metaphase
    boxes = render_karyogram(image, masks, labels).slot_boxes
    assert boxes[0][1] < boxes[5][1] < boxes[12][1] < boxes[18][1]  # rows top to bottom
    assert boxes[5][1] == boxes[22][1] and boxes[20][1] == boxes[23][1]  # X beside 6-12, Y beside 21-22
    assert boxes[0][0] < boxes[1][0] < boxes[2][0] < boxes[3][0]


def test_fluorescence_is_inverted_and_empty_masks_skipped(metaphase):
    image, masks, labels = metaphase
    masks = masks.copy()
    masks[3] = False
    karyogram = render_karyogram(255 - image, masks, labels)
    assert karyogram.skipped == [3]
    assert 3 not in [p.index for p in karyogram.placements]
    x0, y0, x1, y1 = karyogram.placements[0].box
    assert (karyogram.image[y0:y1, x0:x1, 0] < 128).sum() > 100  # dark chromosomes on white


def test_mismatched_masks_raise(metaphase):
    image, masks, labels = metaphase
    with pytest.raises(ValueError, match='masks'):
        render_karyogram(image, masks[:2], labels)
