"""fit_canvases: a chromosome is stretched to fill the canvas, centred, and its band keeps its place."""
import pytest
import torch

from mmkaryo.models import ChromosomeCropClassifier
from mmkaryo.models.classifiers.canvas_fit import fit_canvases


def content_box(canvas: torch.Tensor):
    rows, cols = (canvas != 0).nonzero(as_tuple=True)
    return int(rows.min()), int(rows.max()), int(cols.min()), int(cols.max())


def test_short_chromosome_fills_the_height_centred_with_its_band_at_the_same_relative_place():
    canvases = torch.zeros(2, 1, 96, 48)
    canvases[0, 0, 40:60, 20:28] = 1.0  # 20 x 8 chromosome ...
    canvases[0, 0, 40:45, 20:28] = 2.0  # ... with a band on its top quarter
    fitted = fit_canvases(canvases, (96, 48))
    # scale min(96 / 20, 48 / 8) = 4.8: 96 x 38 (38.4 rounded), centred: columns 5..42
    assert content_box(fitted[0, 0]) == (0, 95, 5, 42)
    band_rows = (fitted[0, 0, :, 24] > 1.5).nonzero().flatten()
    assert 0 <= int(band_rows.min()) and abs(int(band_rows.max()) - 24) <= 1  # top quarter of 96 rows
    assert not fitted[1].any()  # an empty canvas stays empty


def test_long_chromosome_is_shrunk_to_fit_and_a_wide_one_is_bounded_by_the_width():
    canvases = torch.zeros(2, 1, 120, 60)
    canvases[0, 0, 0:120, 25:35] = 1.0  # 120 x 10 into 60 x 30: scale 0.5
    canvases[1, 0, 50:60, 0:60] = 1.0  # 10 x 60 (lying) into 60 x 30: scale 0.5 from the width
    fitted = fit_canvases(canvases, (60, 30))
    assert content_box(fitted[0, 0]) == (0, 59, 12, 16)
    assert content_box(fitted[1, 0]) == (27, 31, 0, 29)
    assert torch.allclose(fitted[0, 0, 10, 12:17], torch.ones(5), atol=1e-5)  # antialiased, not attenuated


def test_fit_is_the_same_whatever_the_position_on_the_canvas():
    left, right = torch.zeros(1, 1, 40, 20), torch.zeros(1, 1, 40, 20)
    left[0, 0, 2:12, 1:5] = torch.linspace(0.5, 1.5, 10)[:, None]
    right[0, 0, 25:35, 14:18] = torch.linspace(0.5, 1.5, 10)[:, None]
    assert torch.equal(fit_canvases(left, (40, 20)), fit_canvases(right, (40, 20)))


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match='B, C, H, W'):
        fit_canvases(torch.zeros(1, 10, 10), (10, 10))
    with pytest.raises(ValueError, match='positive'):
        fit_canvases(torch.zeros(1, 1, 10, 10), (0, 10))
    with pytest.raises(ValueError, match='fit_hw'):
        ChromosomeCropClassifier(backbone=dict(type='CropConvNet', stage_channels=(8, ), stage_convs=(1, )),
                                 fit_hw=(96, ))


def test_classifier_with_fit_reads_a_chromosome_the_same_at_any_size():
    """With fit_hw, a chromosome and its 2x enlargement give the same canvas, so the same logits (a
    uniform one: bilinear resampling would soften the edges of a band, so not exactly)."""
    torch.manual_seed(0)
    model = ChromosomeCropClassifier(backbone=dict(type='CropConvNet', stage_channels=(8, 16), stage_convs=(1, 1)),
                                     pool_rows=3, hidden=16, fit_hw=(24, 12)).eval()
    small, large = torch.zeros(1, 1, 48, 24), torch.zeros(1, 1, 48, 24)
    small[0, 0, 18:30, 10:14] = 1.0
    large[0, 0, 12:36, 8:16] = 1.0
    sizes = torch.zeros(1, 2)
    assert torch.allclose(model.logits(small, sizes), model.logits(large, sizes), atol=1e-6)
    native = ChromosomeCropClassifier(backbone=dict(type='CropConvNet', stage_channels=(8, 16), stage_convs=(1, 1)),
                                      pool_rows=3, hidden=16).eval()
    assert not torch.allclose(native.logits(small, sizes), native.logits(large, sizes), atol=1e-4)
