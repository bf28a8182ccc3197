"""The regime comparison's PNGs: the mask-scarcity curve and the training-loss curves."""
import pytest
from PIL import Image

from mmkaryo.visualization import plot_loss_curves, plot_scarcity_curve


def test_plot_writes_a_png_and_refuses_an_empty_plot(tmp_path):
    out = tmp_path / 'curve.png'
    plot_scarcity_curve({'baseline': [(0.05, 0.2, 0.05), (1.0, 0.6, None)], 'alternating': []}, str(out),
                        'agnostic AJI')
    with Image.open(out) as image:
        assert image.format == 'PNG' and image.size == (600, 400)
    with pytest.raises(ValueError, match='no point'):
        plot_scarcity_curve({'baseline': []}, str(tmp_path / 'none.png'), 'agnostic AJI')


def test_loss_curves_draw_a_panel_per_present_key_and_refuse_none(tmp_path):
    out = tmp_path / 'losses.png'
    curves = {'baseline': {'loss_cls': [(25, 1.2, 0.1), (50, 1.0, None)], 'loss_bbox': [(25, 0.5, None)]},
              'alternating-1to1': {'loss_cls': [(25, 1.3, 0.2)]}}
    plot_loss_curves(curves, ['loss_cls', 'loss_mask', 'loss_bbox'], str(out))
    with Image.open(out) as image:
        assert image.format == 'PNG' and image.size == (800, 360)  # two panels of 400 px
    with pytest.raises(ValueError, match='none of'):
        plot_loss_curves(curves, ['loss_mask'], str(tmp_path / 'none.png'))
