"""Regimes' training-loss curves as a PNG: one panel per loss, one line per regime."""
from typing import Mapping, Optional, Sequence, Tuple

Curve = Sequence[Tuple[int, float, Optional[float]]]  # (iteration, mean, standard deviation or None)


def plot_loss_curves(curves: Mapping[str, Mapping[str, Curve]], keys: Sequence[str], out: str,
                     title: str = '') -> None:
    """Write a PNG with a panel per loss key (in ``keys`` order, keys no regime has left out): each
    regime's mean over seeds as a line in its own colour (up to 20 regimes), ± one standard deviation as
    a band, loss on a log axis; one legend for all panels, on the right.

    ``curves`` maps a regime to its curves by loss key, as
    :func:`mmkaryo.evaluation.regimes.regime_loss_curves` returns them.

    Raises:
        ValueError: no regime has any of ``keys``.
    """
    present = [key for key in keys if any(key in by_key for by_key in curves.values())]
    if not present:
        raise ValueError(f'loss_curves.py: none of {list(keys)} in the curves of {sorted(curves)}')
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    palette = plt.get_cmap('tab10' if len(curves) <= 10 else 'tab20').colors
    colours = dict(zip(curves, palette))  # one colour per regime in every panel
    handles = {}
    fig, axes = plt.subplots(1, len(present), figsize=(4 * len(present), 3.6), squeeze=False)
    for axis, key in zip(axes[0], present):
        for regime, by_key in curves.items():
            if key not in by_key:
                continue
            steps, means, sds = zip(*by_key[key])
            handles[regime], = axis.plot(steps, means, label=regime, color=colours[regime], linewidth=1.2)
            low = [m - (sd or 0.0) for m, sd in zip(means, sds)]
            high = [m + (sd or 0.0) for m, sd in zip(means, sds)]
            axis.fill_between(steps, low, high, color=colours[regime], alpha=0.15, linewidth=0)
        axis.set_yscale('log')
        axis.set_xlabel('iteration')
        axis.set_title(key, fontsize=9)
        axis.grid(alpha=0.3)
    axes[0][0].set_ylabel('training loss (mean ± sd over seeds)')
    fig.suptitle(title, fontsize=9)
    fig.tight_layout(rect=(0, 0, 1 - 1.6 / fig.get_figwidth(), 1))
    fig.legend([handles[r] for r in curves if r in handles], [r for r in curves if r in handles],
               loc='center right', fontsize=7)
    fig.savefig(out, dpi=100)
    plt.close(fig)
