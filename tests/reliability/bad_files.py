"""Writers of the bad files the reliability tests feed to mmkaryo (each returns the path it wrote)."""
import json
from pathlib import Path
from typing import List, Sequence

import numpy as np
from PIL import Image

BAD_IMAGE_KINDS = ('truncated_png', 'truncated_jpeg', 'zero_byte', 'not_an_image')


def metaphase(size: int = 64, seed: int = 0) -> np.ndarray:
    """A light uint8 image with a few dark bars (chromosome-like) on it."""
    rng = np.random.default_rng(seed)
    image = np.full((size, size), 220, dtype=np.uint8)
    for _ in range(6):
        y, x = rng.integers(0, max(size - 12, 1)), rng.integers(0, max(size - 4, 1))
        image[y:y + 12, x:x + 4] = 40
    return image


def write_image(path: Path, image: np.ndarray) -> Path:
    """Save ``image`` with Pillow (format from the suffix)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(image).save(path)
    return path


def write_bad_image(path_stem: Path, kind: str) -> Path:
    """Write one bad image of ``kind`` (see BAD_IMAGE_KINDS) at ``path_stem`` + a fitting suffix."""
    suffix = '.jpg' if kind == 'truncated_jpeg' else '.png'
    path = path_stem.with_suffix(suffix)
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind in ('truncated_png', 'truncated_jpeg'):
        noisy = (np.random.default_rng(0).random((120, 120)) * 255).astype(np.uint8)
        write_image(path, noisy)
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 2])
    elif kind == 'zero_byte':
        path.write_bytes(b'')
    elif kind == 'not_an_image':
        path.write_text('a text file, not an image\n')
    else:
        raise ValueError(f'unknown bad image kind {kind!r}')
    return path


def variant_image(kind: str, size: int = 64) -> np.ndarray:
    """The metaphase as ``'rgb'`` (H, W, 3), ``'rgba'`` (H, W, 4) or ``'16bit'`` uint16 array."""
    gray = metaphase(size)
    if kind == 'rgb':
        return np.repeat(gray[..., None], 3, axis=2)
    if kind == 'rgba':
        return np.concatenate([np.repeat(gray[..., None], 3, axis=2), np.full_like(gray[..., None], 255)],
                              axis=2)
    if kind == '16bit':
        return gray.astype(np.uint16) * 257
    raise ValueError(f'unknown image variant {kind!r}')


def labelme_shape(label: str, points: Sequence[Sequence[float]]) -> dict:
    return dict(label=label, points=[list(map(float, p)) for p in points], shape_type='polygon')


def write_labelme(json_path: Path, shapes: List[dict], height: int, width: int,
                  image_name: str) -> Path:
    """A LabelMe JSON naming ``image_name`` (beside it)."""
    json_path.parent.mkdir(parents=True, exist_ok=True)
    record = dict(version='5.0.1', shapes=shapes, imagePath=image_name, imageData=None,
                  imageHeight=height, imageWidth=width)
    json_path.write_text(json.dumps(record), encoding='utf-8')
    return json_path


def voc_object(name: str, box: Sequence[float]) -> str:
    xmin, ymin, xmax, ymax = box
    return (f'<object><name>{name}</name><bndbox><xmin>{xmin}</xmin><ymin>{ymin}</ymin>'
            f'<xmax>{xmax}</xmax><ymax>{ymax}</ymax></bndbox></object>')


def write_voc(xml_path: Path, objects: Sequence[str], image_name: str, size=None) -> Path:
    """A Pascal VOC XML; ``size`` (height, width) or None to leave ``<size>`` out."""
    xml_path.parent.mkdir(parents=True, exist_ok=True)
    size_xml = '' if size is None else (f'<size><width>{size[1]}</width><height>{size[0]}</height>'
                                        '<depth>1</depth></size>')
    xml_path.write_text(f'<annotation><filename>{image_name}</filename>{size_xml}{"".join(objects)}'
                        '</annotation>', encoding='utf-8')
    return xml_path
