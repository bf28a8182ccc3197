"""The mask-scarcity curve PNG."""
import pytest
from PIL import Image

from mmkaryo.visualization import plot_scarcity_curve


def test_plot_writes_a_png_and_refuses_an_empty_plot(tmp_path):
    out = tmp_path / 'curve.png'
    plot_scarcity_curve({'baseline': [(0.05, 0.2, 0.05), (1.0, 0.6, None)], 'alternating': []}, str(out),
                        'agnostic AJI')
    with Image.open(out) as image:
        assert image.format == 'PNG' and image.size == (600, 400)
    with pytest.raises(ValueError, match='no point'):
        plot_scarcity_curve({'baseline': []}, str(tmp_path / 'none.png'), 'agnostic AJI')
