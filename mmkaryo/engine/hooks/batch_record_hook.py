"""Record which samples every training iteration used, one JSON line per iteration and rank.

Answers "what did iteration 1234 train on?" after the fact: to find the images behind a loss spike,
to check that an alternating sampler really gives one source per batch, or that a resumed run
continues the sequence of an uninterrupted one. Add it to a config with::

    custom_hooks = [dict(type='BatchRecordHook')]
"""
from __future__ import annotations

import json
import os.path as osp
from typing import Any, Dict, IO, List, Optional, Sequence, Tuple

from mmengine.dist import get_rank
from mmengine.hooks import Hook

from mmkaryo.registry import HOOKS

# img_path -> (source, index), or None when the path occurs more than once in the training data.
PathIndex = Dict[str, Optional[Tuple[int, int]]]


def index_by_path(dataset: Any) -> PathIndex:
    """Map every ``img_path`` of ``dataset`` to ``(source, index within the source)``.

    A dataset with a ``datasets`` attribute (``ConcatDataset``) has one source per member, in
    order; any other dataset is source 0. Indices are those of ``get_data_info``. A path found at
    more than one place maps to None (it cannot be told apart from the batch alone).

    Raises:
        TypeError: if a source has no ``get_data_info`` (not an mmengine ``BaseDataset``).
    """
    sources = getattr(dataset, 'datasets', None) or [dataset]
    index: PathIndex = {}
    for source, member in enumerate(sources):
        if not hasattr(member, 'get_data_info'):
            raise TypeError(f'BatchRecordHook: source {source} of the training data is a '
                            f'{type(member).__name__}, which has no get_data_info to read its '
                            'img_path values; use resolve_indices=False')
        for i in range(len(member)):
            path = member.get_data_info(i).get('img_path')
            if path is not None:
                index[path] = None if path in index else (source, i)
    return index


def batch_record(data_batch: Any, step: int, rank: int, index: Optional[PathIndex]) -> dict:
    """The JSON record of one iteration: its samples' ids, paths, ``with_mask`` flags and places.

    ``source`` is the one source all samples resolve to (None if they are mixed or unresolved);
    ``indices`` holds each sample's index within its source (None where unresolved). Without an
    ``index`` both are None.

    Raises:
        TypeError: if ``data_batch`` is not a dict whose ``data_samples`` carry ``metainfo``.
    """
    samples = data_batch.get('data_samples') if isinstance(data_batch, dict) else None
    if not isinstance(samples, Sequence) or not all(hasattr(s, 'metainfo') for s in samples):
        raise TypeError('BatchRecordHook needs data batches of the form {"inputs": ..., '
                        '"data_samples": [samples with metainfo]} (mmdet\'s PackDetInputs), got '
                        f'{type(data_batch).__name__}')
    metas = [sample.metainfo for sample in samples]
    paths = [meta.get('img_path') for meta in metas]
    places = [index.get(path) if index is not None else None for path in paths]
    sources = {place[0] for place in places if place is not None}
    resolved = None not in places and len(sources) == 1
    return dict(
        iter=step,
        rank=rank,
        source=sources.pop() if resolved else None,
        indices=[place[1] if place is not None else None for place in places],
        img_ids=[_plain(meta.get('img_id')) for meta in metas],
        img_paths=paths,
        with_mask=[_plain(meta.get('with_mask')) for meta in metas])


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers, so that ``json`` can write them."""
    return value.item() if hasattr(value, 'item') else value


@HOOKS.register_module()
class BatchRecordHook(Hook):
    """Append one JSON line per training iteration to ``<log_dir>/batches_rank<R>.jsonl``.

    Each line is ``{"iter": n, "rank": r, "source": s, "indices": [...], "img_ids": [...],
    "img_paths": [...], "with_mask": [...]}`` where ``n`` is the 1-based iteration number (the
    ``iter`` of mmengine's ``scalars.json``), ``s`` the source of the batch in a
    ``ConcatDataset`` (0 for a plain dataset; None if mixed or unresolved) and ``indices`` each
    sample's index within its source (see :func:`index_by_path`). Every rank writes its own file in
    the run's ``log_dir``, so a resumed run's file holds exactly the iterations that run trained.
    Lines are flushed as written: a killed run keeps every line of the iterations it started.

    Args:
        filename: file name inside ``runner.log_dir``; ``{rank}`` is replaced by the rank.
        resolve_indices: map image paths to (source, index) at the start of training (one
            ``get_data_info`` call per sample); if False, ``source`` and ``indices`` are None.

    Raises:
        ValueError: if ``filename`` has no ``{rank}`` field (ranks would overwrite each other).
    """

    priority = 'LOW'

    def __init__(self, filename: str = 'batches_rank{rank}.jsonl', resolve_indices: bool = True) -> None:
        if '{rank}' not in filename:
            raise ValueError(f'BatchRecordHook: filename {filename!r} needs a "{{rank}}" field so '
                             'that every rank writes its own file')
        self.filename = filename
        self.resolve_indices = resolve_indices
        self._file: Optional[IO[str]] = None
        self._index: Optional[PathIndex] = None

    @property
    def path(self) -> Optional[str]:
        """The file being written, once training has started."""
        return None if self._file is None else self._file.name

    def before_train(self, runner) -> None:
        if self.resolve_indices:
            self._index = index_by_path(runner.train_dataloader.dataset)
        name = self.filename.format(rank=get_rank())
        self._file = open(osp.join(runner.log_dir, name), 'a', encoding='utf-8', buffering=1)

    def before_train_iter(self, runner, batch_idx: int, data_batch: Any = None) -> None:
        if self._file is None:
            raise RuntimeError('BatchRecordHook: before_train_iter called before before_train')
        record = batch_record(data_batch, runner.iter + 1, get_rank(), self._index)
        self._file.write(json.dumps(record) + '\n')

    def after_train(self, runner) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def read_batch_records(path: str) -> List[dict]:
    """The records of a ``BatchRecordHook`` file, in the order written."""
    with open(path, encoding='utf-8') as f:
        return [json.loads(line) for line in f if line.strip()]
