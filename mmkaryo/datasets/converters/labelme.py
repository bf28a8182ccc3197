"""LabelMe helpers shared by the AutoKary2022 and custom-mask converters."""
import os.path as osp
from typing import Any, Dict, List, NamedTuple, Optional

import numpy as np

from .coco_builder import polygon_area
from .report import ConversionError


class PolygonResult(NamedTuple):
    """A checked polygon: ``segmentation``/``bbox``/``area`` when valid, else the drop ``reason``."""
    segmentation: Optional[List[List[float]]]
    bbox: Optional[List[float]]
    area: float
    reason: str = ''
    detail: str = ''
    clipped: bool = False


def labelme_image_path(json_path: str, record: Dict[str, Any]) -> str:
    """The image beside ``json_path`` named by ``imagePath`` (Windows or POSIX), else ``<stem>.png``.

    Raises ConversionError naming ``json_path`` when neither exists.
    """
    folder = osp.dirname(json_path)
    named = str(record.get('imagePath') or '').replace('\\', '/').split('/')[-1]
    if named and osp.isfile(osp.join(folder, named)):
        return osp.join(folder, named)
    fallback = osp.splitext(json_path)[0] + '.png'
    if osp.isfile(fallback):
        return fallback
    raise ConversionError(f'{json_path}: image not found (imagePath {named!r}, nor {fallback})')


def check_labelme_record(json_path: str, record: Any) -> None:
    """Raise ConversionError unless ``record`` looks like a LabelMe file (a dict with a shapes list)."""
    if not isinstance(record, dict) or not isinstance(record.get('shapes'), list):
        raise ConversionError(f'{json_path}: not a LabelMe file (no "shapes" list)')


def polygon_from_shape(shape: Dict[str, Any], height: int, width: int,
                       min_area: float) -> PolygonResult:
    """Check one LabelMe shape and turn it into a COCO polygon clipped to the image.

    Drop reasons: ``not_polygon`` (shape_type other than polygon), ``degenerate_polygon`` (< 3
    points or malformed points), ``zero_area`` (rasterised area 0), ``below_min_area``.
    """
    if shape.get('shape_type', 'polygon') not in ('polygon', None):
        return PolygonResult(None, None, 0.0, 'not_polygon', f'shape_type {shape.get("shape_type")!r}')
    try:
        points = np.asarray(shape.get('points'), dtype=np.float64).reshape(-1, 2)
    except (TypeError, ValueError):
        return PolygonResult(None, None, 0.0, 'degenerate_polygon', 'points are not (x, y) pairs')
    if len(points) < 3:
        return PolygonResult(None, None, 0.0, 'degenerate_polygon', f'{len(points)} points')
    clipped = np.clip(points, 0, [width, height])
    area = polygon_area(clipped, height, width)
    if area == 0:
        return PolygonResult(None, None, 0.0, 'zero_area', '')
    if area < min_area:
        return PolygonResult(None, None, area, 'below_min_area', f'area {area:.0f} px')
    x0, y0 = clipped.min(axis=0)
    x1, y1 = clipped.max(axis=0)
    return PolygonResult([clipped.reshape(-1).round(2).tolist()],
                         [float(x0), float(y0), float(x1 - x0), float(y1 - y0)], area,
                         clipped=not np.array_equal(clipped, points))
