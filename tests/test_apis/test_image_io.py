import cv2
import numpy as np
import pytest
import tifffile
from PIL import Image

from mmkaryo.apis import list_images, read_gray_image, to_uint8


@pytest.fixture
def gradient():
    return np.tile(np.arange(64, dtype=np.uint16) * 1000, (32, 1))  # 0..63000, 16-bit


def test_to_uint8_rescales_min_to_max(gradient):
    scaled = to_uint8(gradient)
    assert scaled.dtype == np.uint8 and scaled.min() == 0 and scaled.max() == 255
    assert np.all(np.diff(scaled[0].astype(int)) >= 0)
    assert to_uint8(np.full((3, 3), 7.5)).max() == 0
    flat = np.arange(9, dtype=np.uint8).reshape(3, 3)
    assert to_uint8(flat) is flat


def test_reads_gray_rgb_16bit_png_and_tiff(tmp_path, gradient):
    gray8 = to_uint8(gradient)
    cv2.imwrite(str(tmp_path / 'gray.png'), gray8)
    cv2.imwrite(str(tmp_path / 'rgb.png'), np.repeat(gray8[..., None], 3, axis=2))
    cv2.imwrite(str(tmp_path / 'deep.png'), gradient)
    tifffile.imwrite(tmp_path / 'deep.tif', gradient)
    tifffile.imwrite(tmp_path / 'float.tiff', gradient.astype(np.float32) / 7)
    Image.fromarray(gray8).save(tmp_path / 'lzw.tif', compression='tiff_lzw')  # tifffile needs imagecodecs
    for name in ('gray.png', 'rgb.png', 'deep.png', 'deep.tif', 'float.tiff', 'lzw.tif'):
        image = read_gray_image(tmp_path / name)
        assert image.dtype == np.uint8 and image.shape == (32, 64), name
        np.testing.assert_allclose(image.astype(int), gray8.astype(int), atol=1, err_msg=name)


def test_palette_tiff_is_mapped_through_its_colormap(tmp_path):
    indices = np.arange(16, dtype=np.uint8).reshape(4, 4)
    colormap = np.zeros((3, 256), dtype=np.uint16)
    colormap[:, :16] = (255 - np.arange(16) * 10) * 257  # an inverted grey ramp
    tifffile.imwrite(tmp_path / 'palette.tif', indices, photometric='palette', colormap=colormap)
    image = read_gray_image(tmp_path / 'palette.tif')
    np.testing.assert_array_equal(image, 255 - indices.astype(int) * 10)
    palette_image = Image.fromarray(indices, mode='P')
    palette_image.putpalette([v for i in range(256) for v in [max(0, 255 - 10 * i)] * 3])
    palette_image.save(tmp_path / 'palette_lzw.tif', compression='tiff_lzw')
    np.testing.assert_array_equal(read_gray_image(tmp_path / 'palette_lzw.tif'), image)


def test_unreadable_and_missing_files_are_named(tmp_path):
    (tmp_path / 'broken.png').write_bytes(b'not an image')
    (tmp_path / 'broken.tif').write_bytes(b'II*\x00garbage')
    for name in ('broken.png', 'broken.tif'):
        with pytest.raises(ValueError, match=name):
            read_gray_image(tmp_path / name)
    with pytest.raises(FileNotFoundError, match='absent.png'):
        read_gray_image(tmp_path / 'absent.png')
    with pytest.raises(ValueError, match=r'got \(2, 3, 5\)'):
        read_gray_image(np.zeros((2, 3, 5)))


def test_list_images_expands_folders_in_order(tmp_path):
    for name in ('b.png', 'a.tif', 'notes.txt'):
        (tmp_path / name).write_bytes(b'')
    assert [p.name for p in list_images([tmp_path])] == ['a.tif', 'b.png']
    empty = tmp_path / 'empty'
    empty.mkdir()
    with pytest.raises(ValueError, match='no image'):
        list_images([empty])
    with pytest.raises(FileNotFoundError, match='nowhere'):
        list_images([tmp_path / 'nowhere'])
