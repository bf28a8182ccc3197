"""Distributed training on CPU: the synthetic alternating config on 2 processes (gloo) through
``tools/dist_train.sh`` (torchrun), with ``find_unused_parameters=False``; and the same run killed
with SIGKILL (launcher and workers) after a checkpoint resumes with ``--resume`` to the batches and
losses of an uninterrupted run.
"""
import signal

import pytest
from mmengine.config import Config

from .alternating_runs import (CHECKPOINT_INTERVAL, MAX_ITERS, batches, crash_and_resume, losses, run,
                               run_dirs, train_command, write_run_config)

NPROCS = 2
ITERS = range(1, MAX_ITERS + 1)
RESUMED = range(CHECKPOINT_INTERVAL + 1, MAX_ITERS + 1)


def rank_batches(run_dir):
    return [batches(run_dir, rank) for rank in range(NPROCS)]


@pytest.fixture(scope='module')
def uninterrupted(synthetic_sets, tmp_path_factory):
    """The work dir of a 2-process run that trained all ``MAX_ITERS`` iterations in one go."""
    root = tmp_path_factory.mktemp('ddp-uninterrupted')
    command, env = train_command(write_run_config(root), root / 'work', synthetic_sets, NPROCS)
    run(command, env, root / 'train.log')
    return root / 'work'


@pytest.mark.slow
def test_two_process_run_alternates_sources_without_unused_parameters(uninterrupted):
    (run_dir, ) = run_dirs(uninterrupted)
    assert (uninterrupted / f'iter_{MAX_ITERS}.pth').is_file()
    dumped = Config.fromfile(str(uninterrupted / 'alternating_resume.py'))
    assert dumped.model_wrapper_cfg.find_unused_parameters is False
    assert dumped.env_cfg.dist_cfg.backend == 'gloo'

    per_rank, logged = rank_batches(run_dir), losses(run_dir)
    assert all(sorted(b) == list(ITERS) for b in per_rank) and sorted(logged) == list(ITERS)
    for i in ITERS:
        (source0, indices0, _, flags0), (source1, indices1, _, flags1) = (b[i] for b in per_rank)
        assert source0 == source1, f'ranks drew different sources at iteration {i}'
        assert set(indices0).isdisjoint(indices1), f'ranks share samples at iteration {i}'
        assert flags0 == flags1 == [source0 == 1]  # source 1 is the mask set
        # Rank 0's box-only batches skip the mask loss (a zero still tied to the mask head).
        assert (logged[i]['loss_mask'] > 0) == (source0 == 1), f'iteration {i}: {logged[i]}'
    # A box-only step followed by any step: with an unused mask head DDP would have failed there.
    sources = [per_rank[0][i][0] for i in ITERS]
    assert 0 in sources[:-1] and 1 in sources


@pytest.mark.slow
def test_killed_two_process_run_resumes_with_the_same_batches_and_losses(uninterrupted, synthetic_sets,
                                                                        tmp_path):
    work_dir = tmp_path / 'work'
    killed = crash_and_resume(work_dir, synthetic_sets, NPROCS)

    assert killed.returncode == -signal.SIGKILL, 'the run ended before it could be killed'
    _, resumed_dir = run_dirs(work_dir)
    assert 'resumed epoch: 0, iter: 3' in (tmp_path / 'resumed.log').read_text()
    assert (work_dir / f'iter_{MAX_ITERS}.pth').is_file()

    (expected_dir, ) = run_dirs(uninterrupted)
    expected_batches, expected_losses = rank_batches(expected_dir), losses(expected_dir)
    resumed_batches, resumed_losses = rank_batches(resumed_dir), losses(resumed_dir)
    for rank in range(NPROCS):
        assert resumed_batches[rank] == {i: expected_batches[rank][i] for i in RESUMED}, f'rank {rank}'
    assert sorted(resumed_losses) == list(RESUMED)
    for i in RESUMED:
        assert resumed_losses[i] == pytest.approx(expected_losses[i], rel=1e-5, abs=1e-7), f'iteration {i}'
