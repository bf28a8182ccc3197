"""Training-loss curves of the regime comparison: each regime's logged losses, mean ± sd over its seeds.

A run's folder (the one holding its ``result.json``) keeps each training stage's mmengine logs:
``train/<stamp>/vis_data/scalars.json``, and before it ``stage1/...`` for the two-stage regime. The
stages are joined in order, a later stage's iterations counted on from the last logged iteration of the
one before, so the two-stage curve shows pretraining and fine-tuning as one schedule.
"""
import os.path as osp
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from mmkaryo.evaluation.analysis import find_scalar_files, read_scalars
from mmkaryo.evaluation.regimes.table import group_runs, mean_sd

STAGES = ('stage1', 'train')  # training folders of a run, in the order they ran
# iteration -> (mean, standard deviation or None with one seed)
Curve = List[Tuple[int, float, Optional[float]]]


def stage_logs(run_dir: str) -> List[List[Path]]:
    """The ``scalars.json`` files of each training stage the run has, stages in the order they ran.

    Raises:
        FileNotFoundError: the run has no ``train`` logs, or a stage folder it has holds none.
    """
    return [find_scalar_files(osp.join(run_dir, stage)) for stage in STAGES
            if stage == 'train' or osp.isdir(osp.join(run_dir, stage))]


def run_losses(run_dir: str) -> Dict[int, Dict[str, float]]:
    """The training records of one run by iteration, its stages joined (see the module docstring).

    Raises:
        FileNotFoundError: the run has no ``train`` logs.
    """
    joined: Dict[int, Dict[str, float]] = {}
    offset = 0
    for files in stage_logs(run_dir):
        records, _ = read_scalars(files)
        joined.update({offset + step: values for step, values in records.items()})
        offset += max(records, default=0)
    return joined


def regime_loss_curves(results: Iterable[Dict[str, Any]], setting: str, mask_fraction: float,
                       keys: Sequence[str]) -> Dict[str, Dict[str, Curve]]:
    """``regime -> loss key -> curve`` for the runs of ``setting`` at ``mask_fraction``, regimes in table
    order (:func:`group_runs`).

    A curve holds the iterations every seed of the regime logged the key at, with the mean and standard
    deviation over the seeds; keys a regime never logged are left out of its entry. Each result needs
    the ``path`` of its ``result.json`` (as :func:`find_results` gives it).

    Raises:
        FileNotFoundError: a run of the selection has no ``train`` logs.
        ValueError: two records of the same run.
    """
    curves: Dict[str, Dict[str, Curve]] = {}
    for (run_setting, regime, fraction), by_seed in group_runs(results).items():
        if (run_setting, fraction) != (setting, mask_fraction):
            continue
        runs = [run_losses(osp.dirname(result['path'])) for result in by_seed.values()]
        for key in keys:
            steps = set.intersection(*({s for s, r in run.items() if key in r} for run in runs))
            if not steps:
                continue
            curves.setdefault(regime, {})[key] = [(step,) + mean_sd([run[step][key] for run in runs])
                                                  for step in sorted(steps)]
    return curves
