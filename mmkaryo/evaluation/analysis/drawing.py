"""Figures of the error analysis: GT-vs-prediction overlays and the confusion matrix."""
from typing import Sequence

import cv2
import numpy as np
import pycocotools.mask as mask_util

from mmkaryo.structures.classes import PALETTE


def draw_instances(image: np.ndarray, rles: Sequence[dict], labels: Sequence[int],
                   class_names: Sequence[str], alpha: float = 0.45) -> np.ndarray:
    """Return a BGR copy of ``image`` with each mask tinted in its class colour and its class
    name written at the mask's centre."""
    canvas = image.copy() if image.ndim == 3 else cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    for rle, label in zip(rles, labels):
        mask = mask_util.decode(rle).astype(bool)
        if not mask.any():
            continue
        colour = np.array(PALETTE[int(label) % len(PALETTE)][::-1], np.float64)
        canvas[mask] = ((1 - alpha) * canvas[mask] + alpha * colour).astype(np.uint8)
        rows, cols = np.nonzero(mask)
        cv2.putText(canvas, str(class_names[int(label)]), (int(cols.mean()), int(rows.mean())),
                    cv2.FONT_HERSHEY_SIMPLEX, max(0.4, canvas.shape[0] / 1600), (0, 0, 0), 1, cv2.LINE_AA)
    return canvas


def side_by_side(left: np.ndarray, right: np.ndarray, left_title: str, right_title: str) -> np.ndarray:
    """Two images of one size next to each other with a title strip above each."""
    if left.shape != right.shape:
        raise ValueError(f'side_by_side needs images of one shape, got {left.shape} and {right.shape}')
    strip = np.full((32, left.shape[1], 3), 255, np.uint8)
    panels = []
    for image, title in ((left, left_title), (right, right_title)):
        header = strip.copy()
        cv2.putText(header, title, (6, 22), cv2.FONT_HERSHEY_SIMPLEX, 0.6, (0, 0, 0), 1, cv2.LINE_AA)
        panels.append(np.vstack([header, image]))
    return np.hstack(panels)


def plot_confusion_matrix(confusion: np.ndarray, class_names: Sequence[str], out_file: str) -> None:
    """Write the (classes + background) confusion matrix as a PNG: rows truth, columns prediction,
    colour by row-normalised rate, cells annotated with counts."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    names = list(class_names) + ['bg']
    if confusion.shape != (len(names), len(names)):
        raise ValueError(f'confusion is {confusion.shape}, expected {(len(names), len(names))}')
    rates = confusion / np.maximum(confusion.sum(axis=1, keepdims=True), 1)
    size = 0.4 * len(names) + 2
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(rates, cmap='Blues', vmin=0, vmax=1)
    ax.set_xticks(range(len(names)), names, rotation=90)
    ax.set_yticks(range(len(names)), names)
    ax.set_xlabel('predicted')
    ax.set_ylabel('ground truth')
    for (row, col), count in np.ndenumerate(confusion):
        if count:
            ax.text(col, row, int(count), ha='center', va='center', fontsize=6,
                    color='white' if rates[row, col] > 0.5 else 'black')
    fig.tight_layout()
    fig.savefig(out_file, dpi=120)
    plt.close(fig)
