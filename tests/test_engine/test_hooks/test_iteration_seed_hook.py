"""IterationSeedHook: torch's draws in an iteration depend on (seed, iteration) alone."""
from types import SimpleNamespace

import pytest
import torch
from mmengine.registry import DefaultScope

from mmkaryo.engine.hooks import IterationSeedHook, iteration_seed
from mmkaryo.engine.hooks import iteration_seed_hook
from mmkaryo.registry import HOOKS


def draws_after_hook(hook, seed, iteration):
    hook.before_train_iter(SimpleNamespace(seed=seed, iter=iteration), batch_idx=0)
    return torch.rand(4)


def test_iteration_seed_is_deterministic_and_distinct():
    seeds = [iteration_seed(0, i) for i in range(100)]
    assert seeds == [iteration_seed(0, i) for i in range(100)]
    assert len(set(seeds)) == 100
    assert iteration_seed(1, 5) != iteration_seed(0, 5) != iteration_seed(0, 5, rank=1)
    assert all(0 <= s < 2**32 for s in seeds)


@pytest.mark.parametrize('args', [(-1, 0, 0), (0, -1, 0), (0, 0, -1)])
def test_iteration_seed_refuses_negative_numbers(args):
    with pytest.raises(ValueError, match='non-negative'):
        iteration_seed(*args)


def test_draws_depend_on_the_iteration_not_on_earlier_draws():
    hook = IterationSeedHook()
    first = draws_after_hook(hook, seed=3, iteration=4)
    torch.rand(1000)  # whatever the previous iteration consumed
    assert torch.equal(draws_after_hook(hook, seed=3, iteration=4), first)
    assert not torch.equal(draws_after_hook(hook, seed=3, iteration=5), first)
    assert not torch.equal(draws_after_hook(hook, seed=4, iteration=4), first)


def test_ranks_share_the_stream_unless_diff_rank_seed(monkeypatch):
    monkeypatch.setattr(iteration_seed_hook, 'get_rank', lambda: 1)
    shared = draws_after_hook(IterationSeedHook(), seed=0, iteration=2)
    own = draws_after_hook(IterationSeedHook(diff_rank_seed=True), seed=0, iteration=2)
    monkeypatch.setattr(iteration_seed_hook, 'get_rank', lambda: 0)
    assert torch.equal(draws_after_hook(IterationSeedHook(), seed=0, iteration=2), shared)
    assert not torch.equal(own, shared)


def test_runner_without_integer_seed_is_refused():
    with pytest.raises(RuntimeError, match='integer runner.seed'):
        draws_after_hook(IterationSeedHook(), seed=None, iteration=0)


def test_registered_and_built_from_config():
    with DefaultScope.overwrite_default_scope('mmkaryo'):
        hook = HOOKS.build(dict(type='IterationSeedHook', diff_rank_seed=True))
    assert isinstance(hook, IterationSeedHook) and hook.diff_rank_seed
