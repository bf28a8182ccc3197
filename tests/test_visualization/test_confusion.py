"""plot_confusion_matrix writes a PNG of a (classes + background) matrix and rejects other shapes."""
import numpy as np
import pytest
from PIL import Image

from mmkaryo.visualization import plot_confusion_matrix


def test_writes_a_png_and_checks_the_shape(tmp_path):
    out_file = tmp_path / 'confusion.png'
    plot_confusion_matrix(np.eye(3, dtype=np.int64), ['1', '2'], str(out_file))
    assert out_file.read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'
    assert min(Image.open(out_file).size) > 100
    with pytest.raises(ValueError, match='expected'):
        plot_confusion_matrix(np.eye(2, dtype=np.int64), ['1', '2'], str(out_file))
