"""Check AlternatingSourceBatchSampler across real processes; run with
``python -m torch.distributed.run --standalone --nproc_per_node=2 ddp_alternating_sampler_worker.py``.

Every rank builds the dataloader through ``Runner.build_dataloader`` from a config alone, with
``mmkaryo`` as default scope (the registry imports the sampler's module), seed None (so the shared seed
comes from mmengine's ``sync_random_seed`` over gloo), sets each epoch through mmengine's
``DistSamplerSeedHook``, and all-gathers the source and indices of every step. Rank 0 checks that
all ranks drew the same source at every step, that their indices are disjoint, and that the epoch
source's samples are each used at most once per epoch; it prints ``DDP SAMPLER OK`` at the end.
Any failed check raises, so the process exits non-zero.

The tests also import this file for :class:`TinySource` and :func:`loader_config`.
"""
from __future__ import annotations

from types import SimpleNamespace
from typing import Dict, List, Sequence, Tuple

from mmengine.dataset import BaseDataset

EPOCH_SOURCE = 1


class TinySource(BaseDataset):
    """``num`` samples, each a dict naming its source and its index within that source."""

    METAINFO = dict(classes=('chromosome', ))

    def __init__(self, name: str, num: int, **kwargs) -> None:
        self.name = name
        self.num = num
        super().__init__(**kwargs)

    def load_data_list(self) -> List[dict]:
        return [dict(source=self.name, local_index=i) for i in range(self.num)]


def loader_config(sizes: Sequence[int], batch_size: int, ratios: Sequence[float],
                  epoch_source: int = EPOCH_SOURCE, infinite: bool = False) -> Dict:
    """A ``train_dataloader`` config: our batch sampler over a ConcatDataset of TinySources."""
    return dict(
        batch_size=batch_size,
        num_workers=0,
        sampler=dict(type='DefaultSampler', shuffle=True),
        batch_sampler=dict(
            type='AlternatingSourceBatchSampler', ratios=list(ratios), epoch_source=epoch_source,
            infinite=infinite),
        dataset=dict(
            type='ConcatDataset',
            datasets=[dict(type=TinySource, name=f'source{s}', num=num) for s, num in enumerate(sizes)]))


def check(condition: bool, message: str) -> None:
    if not condition:
        raise AssertionError(message)


def epoch_steps(loader) -> List[Tuple[str, List[int]]]:
    """(source name, local indices) of every batch of one pass over ``loader``."""
    steps = []
    for batch in loader:
        names = set(batch['source'])
        check(len(names) == 1, f'a batch mixes sources {names}')
        steps.append((names.pop(), list(batch['local_index'])))
    return steps


def main() -> None:
    import torch.distributed as torch_dist
    from mmengine.hooks import DistSamplerSeedHook
    from mmengine.registry import DefaultScope
    from mmengine.runner import Runner

    torch_dist.init_process_group('gloo')
    rank, world_size = torch_dist.get_rank(), torch_dist.get_world_size()
    DefaultScope.get_instance('ddp-sampler-check', scope_name='mmkaryo')
    sizes, batch_size = (23, 17), 2
    loader = Runner.build_dataloader(loader_config(sizes, batch_size, ratios=(3, 1)), seed=None)
    runner = SimpleNamespace(train_loop=SimpleNamespace(dataloader=loader), epoch=0)
    per_epoch = []
    for epoch in (0, 1):
        runner.epoch = epoch
        DistSamplerSeedHook().before_train_epoch(runner)
        steps = epoch_steps(loader)
        check(len(steps) == len(loader), f'rank {rank}: {len(steps)} batches, len {len(loader)}')
        gathered: List = [None] * world_size
        torch_dist.all_gather_object(gathered, steps)
        per_epoch.append(gathered)
    if rank == 0:
        for epoch, gathered in enumerate(per_epoch):
            check(len({len(steps) for steps in gathered}) == 1, f'epoch {epoch}: lengths differ')
            epoch_source_seen: List[int] = []
            for step, batches in enumerate(zip(*gathered)):
                names = {name for name, _ in batches}
                check(len(names) == 1, f'epoch {epoch} step {step}: ranks drew {names}')
                indices = [i for _, batch in batches for i in batch]
                check(len(set(indices)) == len(indices), f'epoch {epoch} step {step}: overlap {batches}')
                if names == {f'source{EPOCH_SOURCE}'}:
                    epoch_source_seen.extend(indices)
            expected = world_size * (sizes[EPOCH_SOURCE] // world_size // batch_size) * batch_size
            check(len(epoch_source_seen) == expected == len(set(epoch_source_seen)),
                  f'epoch {epoch}: epoch source used {len(epoch_source_seen)} times, '
                  f'{len(set(epoch_source_seen))} distinct, expected {expected} distinct')
        check(per_epoch[0] != per_epoch[1], 'epochs 0 and 1 gave the same batches')
        print(f'DDP SAMPLER OK world_size={world_size} steps_per_epoch={len(loader)}', flush=True)
    torch_dist.barrier()
    torch_dist.destroy_process_group()


if __name__ == '__main__':
    main()
