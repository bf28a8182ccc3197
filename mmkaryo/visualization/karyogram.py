"""Karyogram: every chromosome cut out, turned upright and placed in its class's slot.

Standard layout, four rows of Denver groups: 1–3 | 4–5 / 6–12 + X / 13–15 | 16–18 / 19–20 | 21–22 + Y.
All chromosomes share one scale, so relative sizes are kept. Fluorescence images (bright chromosomes
on a dark ground, e.g. DAPI) are inverted by default, so the karyogram always shows dark chromosomes on
white paper.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple, Union

import cv2
import numpy as np

from mmkaryo.karyotype.upright import upright_crop
from mmkaryo.structures import CHROMOSOME_CLASSES, MaskCrops
from mmkaryo.visualization.palette import PALETTE

# Rows of groups of 0-based class indices.
KARYOGRAM_ROWS: Tuple[Tuple[Tuple[int, ...], ...], ...] = (
    ((0, 1, 2), (3, 4)),
    (tuple(range(5, 12)), (22, )),
    ((12, 13, 14), (15, 16, 17)),
    ((18, 19), (20, 21), (23, )),
)

Box = Tuple[int, int, int, int]  # x0, y0, x1, y1 (exclusive)


@dataclass
class Placement:
    """Where instance ``index`` (class ``label``) sits in the karyogram image."""
    index: int
    label: int
    box: Box


@dataclass
class Karyogram:
    """An RGB karyogram image, each instance's placement, each class slot's box, skipped instances."""
    image: np.ndarray
    placements: List[Placement]
    slot_boxes: Dict[int, Box]
    skipped: List[int] = field(default_factory=list)


def _to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 3 and image.shape[2] == 3:
        return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    if image.ndim == 2:
        return image
    raise ValueError(f'karyogram needs an (H, W) or (H, W, 3) uint8 image, got shape {image.shape}')


def _is_fluorescence(gray: np.ndarray, masks: MaskCrops) -> bool:
    union = masks.union()
    if not union.any() or union.all():
        return False
    return float(gray[union].mean()) > float(gray[~union].mean())


def _rescale(crop: np.ndarray, scale: float) -> np.ndarray:
    size = (max(1, round(crop.shape[1] * scale)), max(1, round(crop.shape[0] * scale)))
    return cv2.resize(crop, size, interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR)


def render_karyogram(image: np.ndarray, masks: Union[MaskCrops, np.ndarray], labels: Sequence[int],
                     title: str = '', invert: Optional[bool] = None, row_height: int = 160,
                     slot_gap: int = 14, group_gap: int = 40, min_slot_width: int = 36) -> Karyogram:
    """Draw the karyogram of one metaphase.

    Args:
        image: (H, W) or (H, W, 3) RGB uint8 image.
        masks: the N instance masks, a :class:`~mmkaryo.structures.MaskCrops` or an (N, H, W) bool
            array (cropped to the masks' boxes first). Memory: one dense (H, W) mask at a time.
        labels: (N,) class indices 0..23 (e.g. from :func:`assign_classes`).
        title: text above the rows, usually the ISCN string.
        invert: invert grey values; None decides from the image (bright masks on dark ground).
        row_height: pixels per row for the chromosomes (the tallest one fills it).

    Returns:
        the karyogram; instances with empty masks are listed in ``skipped`` and not drawn.
    """
    gray = _to_gray(np.asarray(image))
    if not isinstance(masks, MaskCrops):
        masks = MaskCrops.from_dense(masks)
    labels = np.asarray(labels, dtype=np.int64)
    if masks.shape[1:] != gray.shape or len(masks) != len(labels):
        raise ValueError(f'masks {masks.shape} must be (N, H, W) with N = {len(labels)} labels and '
                         f'(H, W) = {gray.shape}')
    if invert if invert is not None else _is_fluorescence(gray, masks):
        gray = 255 - gray
    crops: Dict[int, List[Tuple[int, np.ndarray]]] = {k: [] for k in range(len(CHROMOSOME_CLASSES))}
    skipped = []
    for i, label in enumerate(labels):
        if masks.area(i) == 0:
            skipped.append(i)
            continue
        crops[int(label)].append((i, upright_crop(gray, masks.full(i))[0]))
    tallest = max([c.shape[0] for items in crops.values() for _, c in items], default=1)
    scale = min(row_height / tallest, 4.0)
    for k, items in crops.items():
        crops[k] = [(i, _rescale(c, scale)) for i, c in items]

    def slot_width(k: int) -> int:
        return max(min_slot_width, sum(c.shape[1] + 4 for _, c in crops[k]))

    row_widths = [sum(slot_width(k) + slot_gap for g in row for k in g) + group_gap * (len(row) - 1)
                  for row in KARYOGRAM_ROWS]
    margin, title_h, label_h = 20, 44 if title else 10, 26
    canvas_w = max(row_widths) + 2 * margin
    canvas_h = title_h + len(KARYOGRAM_ROWS) * (row_height + label_h + 12) + margin
    canvas = np.full((canvas_h, canvas_w, 3), 255, dtype=np.uint8)
    if title:
        cv2.putText(canvas, title, (margin, 32), cv2.FONT_HERSHEY_SIMPLEX, 0.9, (0, 0, 0), 2, cv2.LINE_AA)
    placements: List[Placement] = []
    slot_boxes: Dict[int, Box] = {}
    y_top = title_h
    for row in KARYOGRAM_ROWS:
        x = margin
        baseline = y_top + row_height
        for group in row:
            for k in group:
                width = slot_width(k)
                slot_boxes[k] = (x, y_top, x + width, baseline)
                cx = x + (width - sum(c.shape[1] + 4 for _, c in crops[k])) // 2
                for i, crop in crops[k]:
                    h, w = crop.shape
                    box = (cx + 2, baseline - h, cx + 2 + w, baseline)
                    canvas[box[1]:box[3], box[0]:box[2]] = crop[..., None]
                    placements.append(Placement(index=i, label=k, box=box))
                    cx += w + 4
                cv2.line(canvas, (x + 2, baseline + 3), (x + width - 2, baseline + 3), PALETTE[k], 3)
                name = CHROMOSOME_CLASSES[k]
                text_w = cv2.getTextSize(name, cv2.FONT_HERSHEY_SIMPLEX, 0.5, 1)[0][0]
                cv2.putText(canvas, name, (x + (width - text_w) // 2, baseline + 20),
                            cv2.FONT_HERSHEY_SIMPLEX, 0.5, (0, 0, 0), 1, cv2.LINE_AA)
                x += width + slot_gap
            x += group_gap
        y_top += row_height + label_h + 12
    return Karyogram(image=canvas, placements=sorted(placements, key=lambda p: p.index),
                     slot_boxes=slot_boxes, skipped=skipped)
