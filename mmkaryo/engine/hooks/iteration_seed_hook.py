"""Seed torch before every training iteration, so that a resumed run repeats an uninterrupted one.

Why: mmengine 0.10 does not checkpoint random-number-generator states. On ``--resume`` its
``IterBasedTrainLoop`` skips the iterations already done by drawing their batches from the data
loader again, which replays the data pipeline's numpy draws (augmentations) exactly, but the
model's own torch draws (RPN and RoI sampling of proposals, dropout) of those iterations are not
replayed: after a resume they continue from a different generator state and the losses differ.
Re-seeding torch at the start of each iteration from ``(seed, iteration, rank)`` makes the model's
draws a function of the iteration alone, so they are the same whether the run was interrupted or
not. Add it to a config with::

    custom_hooks = [dict(type='IterationSeedHook')]

It must be in the config of the first run as well as of the resumed one.
"""
from __future__ import annotations

from typing import Any, Optional

import numpy as np
import torch
from mmengine.dist import get_rank
from mmengine.hooks import Hook

from mmkaryo.registry import HOOKS


def iteration_seed(seed: int, iteration: int, rank: int = 0) -> int:
    """A 32-bit torch seed for ``iteration`` (0-based) of a run seeded with ``seed``, on ``rank``.

    Mixed through numpy's ``SeedSequence``, so that neighbouring iterations get unrelated streams.

    Raises:
        ValueError: if ``seed``, ``iteration`` or ``rank`` is negative.
    """
    if min(seed, iteration, rank) < 0:
        raise ValueError(f'iteration_seed needs non-negative seed, iteration and rank, got '
                         f'seed={seed}, iteration={iteration}, rank={rank}')
    return int(np.random.SeedSequence([seed, iteration, rank]).generate_state(1)[0])


@HOOKS.register_module()
class IterationSeedHook(Hook):
    """Before every training iteration, ``torch.manual_seed(iteration_seed(seed, iter, rank))``.

    ``seed`` is the runner's (``randomness.seed``; a resumed runner takes the checkpoint's). With
    ``diff_rank_seed=False`` (mmengine's default for ``randomness``) every rank uses rank 0 in the
    derivation, as every rank does in mmengine's own seeding. numpy's and Python's generators are
    left alone: the data pipeline draws from them, and mmengine's resume replays those draws.

    Args:
        diff_rank_seed: give each rank its own stream (set it as in ``randomness``).

    Raises:
        RuntimeError: at the first iteration if the runner has no integer seed.
    """

    priority = 'VERY_HIGH'

    def __init__(self, diff_rank_seed: bool = False) -> None:
        self.diff_rank_seed = diff_rank_seed

    def before_train_iter(self, runner, batch_idx: int, data_batch: Optional[Any] = None) -> None:
        seed = runner.seed
        if not isinstance(seed, int):
            raise RuntimeError(f'IterationSeedHook needs an integer runner.seed (set randomness='
                               f'dict(seed=...) in the config), got {seed!r}')
        rank = get_rank() if self.diff_rank_seed else 0
        torch.manual_seed(iteration_seed(seed, runner.iter, rank))
