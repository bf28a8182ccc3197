"""One run of the regime comparison as a JSON record: what was trained and what tools/test.py measured.

A run is (setting, regime, mask fraction, seed); its folder holds ``result.json`` once it is finished,
so a comparison that is stopped resumes by skipping every folder that has one. Beside it, ``named.json``
(optional) is the run's model-zoo row (tools/analysis_tools/zoo_row.py) on the same test images with a
crop classifier naming the detections: class-aware numbers that do not come from the detector's class
head, and the recall by contact category. The run folders hold
checkpoints and live under ``work_dirs/``, which a new machine does not have; :func:`archive_run` copies
the small part worth keeping (the record and the training logs) into a folder that is committed.
"""
import glob
import json
import os
import os.path as osp
import shutil
from typing import Any, Dict, List, Sequence

from mmkaryo.evaluation.regimes.loss_curves import stage_logs

RESULT_FILE = 'result.json'
NAMED_FILE = 'named.json'


def newest_test_metrics(test_dir: str) -> Dict[str, float]:
    """The metrics of the newest tools/test.py run under ``test_dir`` (``<stamp>/<stamp>.json``).

    Raises:
        FileNotFoundError: ``test_dir`` holds no such file.
    """
    logs = sorted(glob.glob(osp.join(test_dir, '*', '*.json')))
    if not logs:
        raise FileNotFoundError(f'no tools/test.py metrics under {test_dir}')
    with open(logs[-1], encoding='utf-8') as f:
        return json.load(f)


def run_result(metrics: Dict[str, float], setting: str, regime: str, mask_fraction: float, seed: int,
               iters: int, train_seconds: Sequence[float]) -> Dict[str, Any]:
    """The record of one finished run.

    ``train_seconds`` are the wall-clock seconds of each training process the run took (two for the
    two-stage regime, more when a stopped run was resumed); ``train_minutes`` is their sum.

    Raises:
        ValueError: ``mask_fraction`` outside (0, 1], ``iters`` < 1 or no training time.
    """
    if not 0.0 < mask_fraction <= 1.0:
        raise ValueError(f'run_result.py: mask_fraction must be in (0, 1], got {mask_fraction}')
    if iters < 1 or not train_seconds:
        raise ValueError(f'run_result.py: need iters >= 1 and training times, got {iters}, {train_seconds}')
    return dict(setting=setting, regime=regime, mask_fraction=mask_fraction, seed=seed, iters=iters,
                train_seconds=list(train_seconds), train_minutes=sum(train_seconds) / 60,
                metrics=dict(metrics))


def find_results(out_dir: str) -> List[Dict[str, Any]]:
    """Every ``result.json`` below ``out_dir``, each with its ``path``, in path order; a record whose
    folder also holds ``named.json`` carries that row as ``named``."""
    results = []
    for path in sorted(glob.glob(osp.join(out_dir, '**', RESULT_FILE), recursive=True)):
        with open(path, encoding='utf-8') as f:
            result = dict(json.load(f), path=path)
        named = osp.join(osp.dirname(path), NAMED_FILE)
        if osp.isfile(named):
            with open(named, encoding='utf-8') as f:
                result['named'] = json.load(f)
        results.append(result)
    return results


def archive_run(run_dir: str, record_dir: str) -> List[str]:
    """Copy a finished run's ``result.json``, its ``named.json`` if it has one, and its training logs
    into ``record_dir``.

    The logs are each training stage's ``<stage>/<stamp>/vis_data/scalars.json``, copied to the same
    relative paths, so the record folder can stand in for the run folder wherever the records and the
    loss curves are read (:func:`find_results`, :func:`~.loss_curves.run_losses`). Returns the paths
    written, ``result.json`` last: a record folder with a ``result.json`` is complete.

    Raises:
        FileNotFoundError: ``run_dir`` has no ``result.json`` or no ``train`` logs
            (:func:`~.loss_curves.stage_logs`).
    """
    result = osp.join(run_dir, RESULT_FILE)
    if not osp.isfile(result):
        raise FileNotFoundError(f'{run_dir}: no {RESULT_FILE}; the run is not finished')
    logs = [str(log) for files in stage_logs(run_dir) for log in files]
    named = osp.join(run_dir, NAMED_FILE)
    written = []
    for source in logs + ([named] if osp.isfile(named) else []) + [result]:
        target = osp.join(record_dir, osp.relpath(source, run_dir))
        os.makedirs(osp.dirname(target), exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written
