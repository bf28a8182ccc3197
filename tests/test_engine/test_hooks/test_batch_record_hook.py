"""BatchRecordHook: one JSON line per iteration naming the source and indices of its samples."""
import json
from types import SimpleNamespace

import numpy as np
import pytest
from mmdet.structures import DetDataSample
from mmengine.registry import DefaultScope

from mmkaryo.engine.hooks import BatchRecordHook, batch_record, index_by_path, read_batch_records
from mmkaryo.registry import HOOKS


class PathDataset:
    """The part of mmengine's BaseDataset the hook uses: ``len`` and ``get_data_info``."""

    def __init__(self, paths):
        self.paths = list(paths)

    def __len__(self):
        return len(self.paths)

    def get_data_info(self, idx):
        return dict(img_path=self.paths[idx], sample_idx=idx)


def samples(*paths, with_mask=True):
    """Data samples as PackDetInputs makes them (numpy img_id, as COCO datasets give it)."""
    return [DetDataSample(metainfo=dict(img_path=p, img_id=np.int64(i), with_mask=with_mask))
            for i, p in enumerate(paths)]



@pytest.fixture
def two_sources():
    """A ConcatDataset-like object: box source a0..a2, mask source b0..b1."""
    return SimpleNamespace(datasets=[PathDataset(['a0', 'a1', 'a2']), PathDataset(['b0', 'b1'])])


def test_index_by_path_maps_sources_in_order(two_sources):
    assert index_by_path(two_sources) == {
        'a0': (0, 0), 'a1': (0, 1), 'a2': (0, 2), 'b0': (1, 0), 'b1': (1, 1)}


def test_index_by_path_plain_dataset_is_source_zero_and_repeats_are_unresolved():
    assert index_by_path(PathDataset(['x', 'y', 'x'])) == {'x': None, 'y': (0, 1)}


def test_index_by_path_refuses_sources_without_get_data_info():
    with pytest.raises(TypeError, match='source 1 .* list'):
        index_by_path(SimpleNamespace(datasets=[PathDataset(['a']), ['b']]))


def test_batch_record_names_source_indices_and_flags(two_sources):
    record = batch_record(dict(inputs=[], data_samples=samples('b1', 'b0')), step=7, rank=1,
                          index=index_by_path(two_sources))
    assert record == dict(iter=7, rank=1, source=1, indices=[1, 0], img_ids=[0, 1],
                          img_paths=['b1', 'b0'], with_mask=[True, True])
    json.dumps(record)  # numpy ids were made plain


def test_batch_record_mixed_or_unknown_samples_have_no_source(two_sources):
    index = index_by_path(two_sources)
    mixed = batch_record(dict(data_samples=samples('a0', 'b0')), 1, 0, index)
    assert mixed['source'] is None and mixed['indices'] == [0, 0]
    unknown = batch_record(dict(data_samples=samples('a0', 'zz')), 1, 0, index)
    assert unknown['source'] is None and unknown['indices'] == [0, None]
    unresolved = batch_record(dict(data_samples=samples('a0')), 1, 0, None)
    assert unresolved['source'] is None and unresolved['indices'] == [None]


@pytest.mark.parametrize('data_batch', [None, [1, 2], dict(inputs=[]), dict(data_samples=[{}])])
def test_batch_record_refuses_batches_without_data_samples(data_batch):
    with pytest.raises(TypeError, match='BatchRecordHook needs data batches'):
        batch_record(data_batch, 1, 0, None)


def test_filename_needs_a_rank_field():
    with pytest.raises(ValueError, match='rank'):
        BatchRecordHook(filename='batches.jsonl')


def test_registered_and_built_from_config():
    with DefaultScope.overwrite_default_scope('mmkaryo'):
        hook = HOOKS.build(dict(type='BatchRecordHook', resolve_indices=False))
    assert isinstance(hook, BatchRecordHook) and not hook.resolve_indices


def test_hook_appends_one_flushed_line_per_iteration(tmp_path, two_sources):
    runner = SimpleNamespace(log_dir=str(tmp_path), iter=0,
                             train_dataloader=SimpleNamespace(dataset=two_sources))
    hook = BatchRecordHook()
    with pytest.raises(RuntimeError, match='before_train'):
        hook.before_train_iter(runner, 0, dict(data_samples=samples('a0')))
    hook.before_train(runner)
    assert hook.path == str(tmp_path / 'batches_rank0.jsonl')
    for step, paths in enumerate([('a2', 'a1'), ('b0', 'b1')]):
        runner.iter = 10 + step
        hook.before_train_iter(runner, step, dict(data_samples=samples(*paths)))
        # Flushed at once: a run killed now keeps the line.
        assert len(read_batch_records(hook.path)) == step + 1
    hook.after_train(runner)
    assert hook.path is None
    records = read_batch_records(str(tmp_path / 'batches_rank0.jsonl'))
    assert [(r['iter'], r['source'], r['indices']) for r in records] == [(11, 0, [2, 1]), (12, 1, [0, 1])]
