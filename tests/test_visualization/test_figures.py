"""draw_instances and side_by_side: the error analysis's ground-truth-beside-prediction figure."""
import numpy as np
import pytest

from mmkaryo.evaluation.functional import encode_masks
from mmkaryo.visualization import draw_instances, side_by_side


def test_instances_are_tinted_in_bgr_with_labels_beyond_the_palette_wrapped():
    image = np.full((60, 60), 200, np.uint8)
    dense = np.zeros((2, 60, 60), bool)
    dense[0, 10:50, 10:50] = True
    dense[1, 52:58, 52:58] = True
    drawn = draw_instances(image, encode_masks(dense), [1, 25], [str(k) for k in range(26)], alpha=0.25)
    assert drawn.shape == (60, 60, 3) and drawn.dtype == np.uint8
    # 0.75 * 200 + 0.25 * PALETTE[1] (60, 180, 75), in BGR order; away from the class name at the centre.
    assert drawn[45, 12].tolist() == [169, 195, 165]
    assert drawn[53, 53].tolist() == drawn[45, 12].tolist()  # label 25 takes colour 25 % 24 = 1
    assert drawn[2, 2].tolist() == [200, 200, 200]
    assert (drawn[25:35, 25:45] == 0).all(axis=-1).any(), 'the class name is written at the centre'


def test_side_by_side_puts_a_title_strip_above_each_panel():
    panel = np.zeros((20, 20, 3), np.uint8)
    figure = side_by_side(panel, panel, 'ground truth', 'prediction')
    assert figure.shape == (52, 40, 3)
    assert (figure[32:] == 0).all() and (figure[:32] < 255).any()
    with pytest.raises(ValueError, match='one shape'):
        side_by_side(panel, panel[:10], 'a', 'b')
