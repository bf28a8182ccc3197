"""Crash and resume: a training killed with SIGKILL after a checkpoint resumes with ``--resume`` and
trains exactly what an uninterrupted run trains: the same batches (sources and indices) and the same
losses, iteration for iteration. Checkpoints are written and read under torch >= 2.6 with no
``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD`` in the environment (mmkaryo's allow-list, utils/safe_checkpoint.py).
"""
import signal

import pytest

from .alternating_runs import (CHECKPOINT_INTERVAL, MAX_ITERS, batches, crash_and_resume, losses, run,
                               run_dirs, train_command, write_run_config)

RESUMED = range(CHECKPOINT_INTERVAL + 1, MAX_ITERS + 1)


@pytest.fixture(scope='module')
def uninterrupted(synthetic_sets, tmp_path_factory):
    """The log directory of a run that trained all ``MAX_ITERS`` iterations in one go."""
    root = tmp_path_factory.mktemp('uninterrupted')
    command, env = train_command(write_run_config(root), root / 'work', synthetic_sets, nprocs=1)
    run(command, env, root / 'train.log')
    (run_dir, ) = run_dirs(root / 'work')
    return run_dir


@pytest.mark.slow
def test_killed_run_resumes_with_the_same_batches_and_losses(uninterrupted, synthetic_sets, tmp_path):
    work_dir = tmp_path / 'work'
    killed = crash_and_resume(work_dir, synthetic_sets, nprocs=1)

    assert killed.returncode == -signal.SIGKILL, 'the run ended before it could be killed'
    killed_dir, resumed_dir = run_dirs(work_dir)
    assert 'resumed epoch: 0, iter: 3' in (tmp_path / 'resumed.log').read_text()
    assert (work_dir / f'iter_{MAX_ITERS}.pth').is_file()

    expected_batches, expected_losses = batches(uninterrupted), losses(uninterrupted)
    assert sorted(expected_batches) == sorted(expected_losses) == list(range(1, MAX_ITERS + 1))
    # Both sources occur after the checkpoint, so the comparison covers box-only and mask batches.
    assert {expected_batches[i][0] for i in RESUMED} == {0, 1}
    killed_batches = batches(killed_dir)
    assert {i: killed_batches[i] for i in range(1, CHECKPOINT_INTERVAL + 1)} == \
        {i: expected_batches[i] for i in range(1, CHECKPOINT_INTERVAL + 1)}

    resumed_batches, resumed_losses = batches(resumed_dir), losses(resumed_dir)
    assert sorted(resumed_batches) == sorted(resumed_losses) == list(RESUMED)
    assert resumed_batches == {i: expected_batches[i] for i in RESUMED}
    for i in RESUMED:
        assert resumed_losses[i] == pytest.approx(expected_losses[i], rel=1e-5, abs=1e-7), f'iteration {i}'
