"""Read metaphase images of any common kind and normalise them to 8-bit grayscale.

Accepted: PNG/JPEG/BMP (8- or 16-bit, grey, RGB or RGBA), TIFF (8/16-bit, float, palette; first page),
or an array already in memory. Colour images are converted to grey (chromosome stains carry no hue
information the detector uses); anything that is not uint8 is rescaled linearly from its own
minimum..maximum to 0..255.
"""
from pathlib import Path
from typing import Iterable, List, Union

import cv2
import numpy as np
import tifffile
from PIL import Image

IMAGE_SUFFIXES = ('.png', '.jpg', '.jpeg', '.bmp', '.tif', '.tiff')
ImageInput = Union[str, Path, np.ndarray]


def to_uint8(image: np.ndarray) -> np.ndarray:
    """Rescale a numeric image linearly from its min..max to uint8 (uint8 input is returned as is)."""
    if image.dtype == np.uint8:
        return image
    if image.dtype == bool or not np.issubdtype(image.dtype, np.number):
        raise ValueError(f'cannot normalise an image of dtype {image.dtype}')
    image = image.astype(np.float64)
    if not np.all(np.isfinite(image)):
        raise ValueError('image contains NaN or infinite values')
    low, high = image.min(), image.max()
    if high == low:
        return np.zeros(image.shape, dtype=np.uint8)
    return np.round((image - low) * (255.0 / (high - low))).astype(np.uint8)


def to_gray(image: np.ndarray) -> np.ndarray:
    """Return an (H, W) uint8 image from (H, W), (H, W, 1), (H, W, 3) RGB or (H, W, 4) RGBA."""
    image = np.asarray(image)
    if image.ndim == 3 and image.shape[2] == 1:
        image = image[..., 0]
    elif image.ndim == 3 and image.shape[2] in (3, 4):
        image = to_uint8(image[..., :3])
        return cv2.cvtColor(np.ascontiguousarray(image), cv2.COLOR_RGB2GRAY)
    if image.ndim != 2:
        raise ValueError(f'expected an (H, W), (H, W, 1), (H, W, 3) or (H, W, 4) image, got {image.shape}')
    return to_uint8(image)


def _read_tiff_with_tifffile(path: Path) -> np.ndarray:
    with tifffile.TiffFile(path) as tif:
        page = tif.pages[0]
        image = page.asarray()
        if page.colormap is not None and image.ndim == 2:
            colormap = np.asarray(page.colormap)  # (3, 2**bits), RGB
            image = np.moveaxis(colormap[:, image], 0, -1)
            image = (image if colormap.max() <= 255 else image // 257).astype(np.uint8)
    return image


def _read_tiff_with_pillow(path: Path) -> np.ndarray:
    with Image.open(path) as image:
        if image.mode in ('P', 'PA'):
            image = image.convert('RGBA' if image.mode == 'PA' else 'RGB')
        elif image.mode == 'LA':
            image = image.getchannel('L')
        return np.array(image)


def _read_tiff(path: Path) -> np.ndarray:
    """First page of a TIFF: tifffile, or Pillow for codecs tifffile lacks (LZW without imagecodecs)."""
    try:
        return _read_tiff_with_tifffile(path)
    except (ValueError, IndexError, KeyError, OSError, tifffile.TiffFileError) as tifffile_error:
        try:
            return _read_tiff_with_pillow(path)
        except (OSError, ValueError) as pillow_error:
            raise ValueError(f'tifffile: {tifffile_error}; Pillow: {pillow_error}') from pillow_error


def _check_complete(path: Path) -> None:
    """Raise OSError if Pillow finds ``path`` truncated (OpenCV decodes a truncated JPEG silently)."""
    with Image.open(path) as image:
        image.load()


def read_gray_image(source: ImageInput) -> np.ndarray:
    """Return ``source`` as an (H, W) uint8 grayscale image.

    Raises:
        FileNotFoundError: the path does not exist.
        ValueError: the file cannot be decoded or has an unusable shape; the message names the file.
    """
    if isinstance(source, np.ndarray):
        return to_gray(source)
    path = Path(source)
    if not path.is_file():
        raise FileNotFoundError(f'{path}: no such image file')
    try:
        if path.suffix.lower() in ('.tif', '.tiff'):
            image = _read_tiff(path)
        else:
            image = cv2.imread(str(path), cv2.IMREAD_UNCHANGED)
            if image is None:
                raise ValueError('not a readable image')
            if path.suffix.lower() in ('.jpg', '.jpeg'):
                _check_complete(path)
            if image.ndim == 3:
                code = cv2.COLOR_BGRA2RGBA if image.shape[2] == 4 else cv2.COLOR_BGR2RGB
                image = cv2.cvtColor(image, code)
        return to_gray(image)
    except (ValueError, tifffile.TiffFileError, OSError) as error:
        raise ValueError(f'{path}: cannot read image ({error})') from error


def list_images(inputs: Iterable[Union[str, Path]]) -> List[Path]:
    """Expand files and folders (their images, sorted, not recursive) into a list of paths."""
    paths = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
            if not found:
                raise ValueError(f'{path}: folder holds no image ({", ".join(IMAGE_SUFFIXES)})')
            paths += found
        elif path.exists():
            paths.append(path)
        else:
            raise FileNotFoundError(f'{path}: no such image file or folder')
    return paths
