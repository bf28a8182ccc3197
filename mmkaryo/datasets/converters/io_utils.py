"""Reading the files converters need, turning every failure into a ConversionError naming the file."""
import json
import os.path as osp
import xml.etree.ElementTree as ET
from typing import Any, Tuple

import numpy as np
from PIL import Image

from .report import ConversionError


def read_json(path: str) -> Any:
    """Parsed JSON of ``path``; ConversionError if it cannot be read or parsed."""
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ConversionError(f'{path}: cannot read JSON ({err})') from err


def read_xml(path: str) -> ET.Element:
    """Root element of the XML file ``path``; ConversionError if it cannot be read or parsed."""
    try:
        return ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        raise ConversionError(f'{path}: cannot read XML ({err})') from err


def image_size(path: str) -> Tuple[int, int]:
    """``(height, width)`` of the image file ``path``; ConversionError if it cannot be decoded.

    The whole image is decoded, so a truncated or corrupt file fails here rather than in training.
    """
    if not osp.isfile(path):
        raise ConversionError(f'{path}: image file not found')
    try:
        with Image.open(path) as img:
            img.load()
            width, height = img.size
    except (OSError, SyntaxError) as err:
        raise ConversionError(f'{path}: cannot read image ({err})') from err
    return height, width


def read_gray(path: str) -> np.ndarray:
    """The image ``path`` as a uint8 HxW array (palette/RGB images converted to grey levels)."""
    if not osp.isfile(path):
        raise ConversionError(f'{path}: image file not found')
    try:
        with Image.open(path) as img:
            return np.asarray(img.convert('L'))
    except (OSError, SyntaxError) as err:
        raise ConversionError(f'{path}: cannot read image ({err})') from err


def read_label_image(path: str) -> np.ndarray:
    """The label image ``path`` as an integer HxW array of the stored values (palette indices kept)."""
    if not osp.isfile(path):
        raise ConversionError(f'{path}: label image not found')
    try:
        with Image.open(path) as img:
            if img.mode in ('RGB', 'RGBA'):
                raise ConversionError(f'{path}: label image must be single-channel, got {img.mode}')
            return np.asarray(img)
    except (OSError, SyntaxError) as err:
        raise ConversionError(f'{path}: cannot read label image ({err})') from err
