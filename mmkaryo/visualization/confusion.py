"""The confusion matrix of a detector's classes as a PNG."""
from typing import Sequence

import numpy as np


def plot_confusion_matrix(confusion: np.ndarray, class_names: Sequence[str], out_file: str) -> None:
    """Write the (classes + background) confusion matrix as a PNG: rows truth, columns prediction,
    colour by row-normalised rate, cells annotated with counts.

    Raises:
        ValueError: if ``confusion`` is not square with one row per class plus background.
    """
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
