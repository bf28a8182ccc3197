"""Learning curves as a PNG: training losses and validation metrics against iterations."""
from typing import Mapping, Sequence


def plot_curves(train: Mapping[int, Mapping[str, float]], val: Mapping[int, Mapping[str, float]],
                losses: Sequence[str], metrics: Sequence[str], out: str, title: str = '') -> None:
    """Write a PNG: training losses (left) and validation metrics (right) against iterations.

    ``train`` and ``val`` map an iteration to its values by key, as
    :func:`mmkaryo.evaluation.analysis.read_scalars` returns them.

    Keys absent from every record are left out.

    Raises:
        ValueError: if no requested loss and no requested metric is present.
    """
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    loss_keys = [k for k in losses if any(k in r for r in train.values())]
    metric_keys = [k for k in metrics if any(k in r for r in val.values())]
    if not loss_keys and not metric_keys:
        raise ValueError(f'none of the losses {list(losses)} or metrics {list(metrics)} is in the log')
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    for axis, records, keys, label in ((left, train, loss_keys, 'training loss'),
                                       (right, val, metric_keys, 'validation')):
        for key in keys:
            steps = sorted(s for s, r in records.items() if key in r)
            axis.plot(steps, [records[s][key] for s in steps], marker='o' if records is val else None,
                      markersize=3, label=key)
        axis.set_xlabel('iteration')
        axis.set_ylabel(label)
        axis.grid(alpha=0.3)
        if keys:
            axis.legend(fontsize=8)
    left.set_yscale('log')
    right.set_ylim(0, 1)
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(out, dpi=100)
    plt.close(fig)
