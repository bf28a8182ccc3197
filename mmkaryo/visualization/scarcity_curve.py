"""The mask-scarcity curve as a PNG: a metric against the share of training images with masks."""
from typing import Mapping, Optional, Sequence, Tuple

Point = Tuple[float, float, Optional[float]]  # (mask fraction, mean, standard deviation or None)


def plot_scarcity_curve(series: Mapping[str, Sequence[Point]], out: str, ylabel: str,
                        title: str = '') -> None:
    """Write a PNG with one line per series (e.g. per regime): mean against the mask share in percent on
    a log axis, the standard deviation over seeds as error bars.

    Raises:
        ValueError: no series has a point.
    """
    if not any(series.values()):
        raise ValueError('scarcity_curve.py: no point to plot')
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    fig, axis = plt.subplots(figsize=(6, 4))
    for label, points in series.items():
        points = sorted(points)
        if not points:
            continue
        axis.errorbar([100 * f for f, _, _ in points], [m for _, m, _ in points],
                      yerr=[0.0 if sd is None else sd for _, _, sd in points], marker='o', capsize=3,
                      label=label)
    axis.set_xscale('log')
    axis.set_xticks([5, 10, 25, 50, 100], labels=['5', '10', '25', '50', '100'])
    axis.set_xlabel('training images with masks (%)')
    axis.set_ylabel(ylabel)
    axis.set_ylim(0, 1)
    axis.grid(alpha=0.3)
    axis.legend(fontsize=8)
    axis.set_title(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    plt.close(fig)
