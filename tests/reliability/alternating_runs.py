"""Training runs of the synthetic alternating config as subprocesses: start, kill -9, resume, read.

Shared by ``test_crash_resume.py`` (one process, ``tools/train.py``) and ``test_ddp_training.py``
(two processes, ``tools/dist_train.sh``). A run trains ``MAX_ITERS`` iterations of batch 1 on the
tiny ``synthetic_sets`` fixture, checkpoints every ``CHECKPOINT_INTERVAL`` iterations, logs every
iteration's losses unsmoothed, records every batch (``BatchRecordHook``) and seeds torch per
iteration (``IterationSeedHook``), with deterministic algorithms and one thread per process.
"""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Tuple

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / 'configs' / 'synthetic' / 'mask-rcnn_r18_attention-fpn_300i_synthetic-alternating.py'
MAX_ITERS = 6
CHECKPOINT_INTERVAL = 3
LOSS_KEYS = ('loss', 'loss_rpn_cls', 'loss_rpn_bbox', 'loss_cls', 'loss_bbox', 'loss_mask')
RUN_TIMEOUT = 400  # seconds for one run, far above the ~1 min it takes


def write_run_config(directory: Path) -> Path:
    """A config inheriting the repo's alternating config with what ``--cfg-options`` cannot say.

    (``DictAction`` parses no list of dicts, so ``custom_hooks`` goes into a file.)
    """
    path = directory / 'alternating_resume.py'
    path.write_text(
        f"_base_ = ['{CONFIG}']\n"
        "custom_hooks = [dict(type='BatchRecordHook'), dict(type='IterationSeedHook')]\n"
        'randomness = dict(seed=0, deterministic=True)\n')
    return path


def train_options(sets: Dict[str, str]) -> List[str]:
    """``--cfg-options``: the tiny data, the short schedule, per-iteration logs, no validation."""
    return [
        '--cfg-options',
        f'train_dataloader.dataset.datasets.0.data_root={sets["boxes"]}',
        f'train_dataloader.dataset.datasets.1.data_root={sets["mask"]}',
        'train_dataloader.batch_size=1', 'train_dataloader.num_workers=0',
        f'train_cfg.max_iters={MAX_ITERS}', f'train_cfg.val_interval={10 * MAX_ITERS}',
        f'default_hooks.checkpoint.interval={CHECKPOINT_INTERVAL}',
        'default_hooks.logger.interval=1', 'log_processor.window_size=1',
        'val_cfg=None', 'val_dataloader=None', 'val_evaluator=None', 'find_unused_parameters=False',
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


def train_command(config: Path, work_dir: Path, sets: Dict[str, str], nprocs: int,
                  resume: bool = False) -> Tuple[List[str], Dict[str, str]]:
    """The command line and environment of one run: ``tools/train.py`` or ``tools/dist_train.sh``.

    The environment has one thread per process and no ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD``, so
    that loading checkpoints relies on mmkaryo's weights-only allow-list (utils/safe_checkpoint.py).
    """
    env = {key: value for key, value in os.environ.items() if key != 'TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD'}
    env.update(OMP_NUM_THREADS='1', MKL_NUM_THREADS='1',
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get('PYTHONPATH')])))
    args = [str(config), '--work-dir', str(work_dir), *(['--resume'] if resume else []),
            *train_options(sets)]
    if nprocs == 1:
        return [sys.executable, str(REPO / 'tools' / 'train.py'), *args], env
    env.update(PYTHON=sys.executable, PORT=str(free_port()))
    return ['bash', str(REPO / 'tools' / 'dist_train.sh'), args[0], str(nprocs), *args[1:]], env


def start(command: List[str], env: Dict[str, str], log: Path) -> subprocess.Popen:
    """Start ``command`` in its own session, stdout and stderr to ``log``."""
    with open(log, 'ab') as out:
        return subprocess.Popen(command, env=env, cwd=str(log.parent), stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)


def tail(log: Path, chars: int = 4000) -> str:
    return log.read_text(errors='replace')[-chars:]


def run(command: List[str], env: Dict[str, str], log: Path) -> None:
    """Run ``command`` to its end; AssertionError with the log's tail if it fails or hangs."""
    proc = start(command, env, log)
    try:
        code = proc.wait(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        kill_tree(proc)
        raise AssertionError(f'{command[1]} did not finish in {RUN_TIMEOUT} s:\n{tail(log)}')
    assert code == 0, f'{command[1]} exited with {code}:\n{tail(log)}'


def wait_for_checkpoint(proc: subprocess.Popen, work_dir: Path, name: str, log: Path) -> None:
    """Wait until ``last_checkpoint`` names ``name``: mmengine writes it after the checkpoint file."""
    marker, target = work_dir / 'last_checkpoint', str(work_dir / name)
    deadline = time.monotonic() + RUN_TIMEOUT
    while not (marker.is_file() and marker.read_text().strip() == target):
        if proc.poll() is not None:
            raise AssertionError(f'training exited ({proc.returncode}) before {name}:\n{tail(log)}')
        if time.monotonic() > deadline:
            kill_tree(proc)
            raise AssertionError(f'no {name} after {RUN_TIMEOUT} s:\n{tail(log)}')
        time.sleep(0.1)


def descendants(pid: int) -> List[int]:
    """Every live process below ``pid`` (from ``/proc``; torchrun starts workers in new sessions,
    so killing the launcher's process group would leave them running)."""
    parents: Dict[int, List[int]] = {}
    for stat in Path('/proc').glob('[0-9]*/stat'):
        try:
            fields = stat.read_text().rsplit(')', 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found.extend(children)
        todo.extend(children)
    return found


def kill_tree(proc: subprocess.Popen) -> int:
    """``kill -9`` the process ``proc`` started and every process below it; its exit code."""
    victims = descendants(proc.pid) + [proc.pid]
    for pid in victims:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    code = proc.wait(timeout=60)
    deadline = time.monotonic() + 60
    while any(_alive(pid) for pid in victims) and time.monotonic() < deadline:
        time.sleep(0.1)
    return code


def _alive(pid: int) -> bool:
    try:
        state = Path(f'/proc/{pid}/stat').read_text().rsplit(')', 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != 'Z'


def run_dirs(work_dir: Path) -> List[Path]:
    """The runs' log directories (``<work_dir>/<YYYYmmdd_HHMMSS>``), oldest first."""
    return sorted(p for p in work_dir.iterdir() if p.is_dir() and re.fullmatch(r'\d{8}_\d{6}', p.name))


def losses(run_dir: Path) -> Dict[int, Dict[str, float]]:
    """Iteration -> its logged losses (rank 0's), from the run's ``vis_data/scalars.json``."""
    records = [json.loads(line) for line in (run_dir / 'vis_data' / 'scalars.json').read_text().splitlines()]
    return {r['iter']: {key: r[key] for key in LOSS_KEYS} for r in records if 'loss' in r}


def batches(run_dir: Path, rank: int = 0) -> Dict[int, Tuple]:
    """Iteration -> ``(source, indices, img_paths, with_mask)`` of the batch ``rank`` trained on."""
    from mmkaryo.engine.hooks import read_batch_records
    records = read_batch_records(str(run_dir / f'batches_rank{rank}.jsonl'))
    return {r['iter']: (r['source'], r['indices'], r['img_paths'], r['with_mask']) for r in records}


def crash_and_resume(work_dir: Path, sets: Dict[str, str], nprocs: int,
                     log_dir: Optional[Path] = None) -> subprocess.Popen:
    """Train in ``work_dir``, ``kill -9`` the run (all its processes) once the checkpoint of
    iteration ``CHECKPOINT_INTERVAL`` is complete, then resume it with ``--resume`` to the end.

    Returns the killed process (its ``returncode`` is ``-SIGKILL`` if it was killed while training).
    """
    log_dir = log_dir or work_dir.parent
    config = write_run_config(log_dir)
    command, env = train_command(config, work_dir, sets, nprocs)
    killed_log = log_dir / 'killed.log'
    proc = start(command, env, killed_log)
    wait_for_checkpoint(proc, work_dir, f'iter_{CHECKPOINT_INTERVAL}.pth', killed_log)
    kill_tree(proc)
    command, env = train_command(config, work_dir, sets, nprocs, resume=True)
    run(command, env, log_dir / 'resumed.log')
    return proc
