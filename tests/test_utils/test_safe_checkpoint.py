"""Checkpoints load under torch's ``weights_only=True``: mmengine's own through the tools, anything else
only from a file the user trusts (``MMKARYO_TRUSTED_CHECKPOINTS``)."""
import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pytest
import torch
from mmengine.config import Config
from mmengine.logging import HistoryBuffer
from mmengine.runner import CheckpointLoader, Runner

from mmkaryo.utils import register_all_modules
from mmkaryo.utils.safe_checkpoint import (TRUST_ENV_VAR, UntrustedCheckpointError, history_buffer_method,
                                           load_local_checkpoint)

REPO = Path(__file__).resolve().parents[2]


class RunsCode:
    """Unpickling this touches ``path``: the stand-in for code hidden in a pickle."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self):
        return os.system, (f'touch {self.path}', )


@pytest.fixture(autouse=True)
def installed(monkeypatch):
    monkeypatch.delenv('TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD', raising=False)
    monkeypatch.delenv(TRUST_ENV_VAR, raising=False)
    register_all_modules(init_default_scope=False)


def test_a_pickle_that_would_run_code_is_refused(tmp_path):
    marker = tmp_path / 'ran'
    checkpoint = tmp_path / 'evil.pth'
    torch.save(dict(state_dict={}, meta=dict(payload=RunsCode(marker))), checkpoint)
    with pytest.raises(UntrustedCheckpointError) as error:
        CheckpointLoader.load_checkpoint(str(checkpoint), map_location='cpu')
    assert not marker.exists()
    message = str(error.value)
    assert str(checkpoint) in message and 'system' in message and TRUST_ENV_VAR in message


def test_an_unknown_type_loads_only_from_a_trusted_file(tmp_path, monkeypatch):
    checkpoint = tmp_path / 'fraction.pth'
    torch.save(dict(state_dict={'w': torch.ones(2)}, meta=dict(ratio=Fraction(1, 3))), checkpoint)
    with pytest.raises(UntrustedCheckpointError, match='fractions.Fraction'):
        load_local_checkpoint(str(checkpoint))
    other = tmp_path / 'other.pth'
    monkeypatch.setenv(TRUST_ENV_VAR, os.pathsep.join([str(other), str(tmp_path / '.' / 'fraction.pth')]))
    assert load_local_checkpoint(str(checkpoint))['meta']['ratio'] == Fraction(1, 3)


def test_getattr_is_narrowed_to_history_buffer_statistics():
    assert history_buffer_method(HistoryBuffer, 'mean') is HistoryBuffer.mean
    for owner, name in ((HistoryBuffer, '__init__'), (HistoryBuffer, 'update'), (os, 'system')):
        with pytest.raises(Exception, match='not a HistoryBuffer statistics method'):
            history_buffer_method(owner, name)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match='nothing.pth'):
        load_local_checkpoint(str(tmp_path / 'nothing.pth'))


def run(args, cwd):
    env = {key: value for key, value in os.environ.items() if key != 'TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD'}
    env.update(OMP_NUM_THREADS='1', PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=900, env=env)


@pytest.mark.slow
def test_runner_checkpoints_load_through_load_from_and_tools_test(tmp_path):
    """tools/train.py writes a Runner checkpoint (message hub and all); a Runner starts from it with
    ``load_from`` and tools/test.py evaluates it, all under torch's weights-only default (``--resume``:
    tests/reliability/test_crash_resume.py)."""
    data_root = tmp_path / 'synthetic'
    made = run([str(REPO / 'tools/dataset_converters/make_synthetic.py'), '--out-dir', str(data_root),
                '--num-images', '2', '--seed', '0', '--image-size', '256', '--formats', 'coco'], tmp_path)
    assert made.returncode == 0, made.stderr[-3000:]
    config = tmp_path / 'cropnet_1e.py'
    config.write_text(
        f"_base_ = '{REPO}/configs/chromosome_classifier/cropnet_10e_synthetic.py'\n"
        f"generated = dict(data_root='{data_root}/')\n"
        'train_dataloader = dict(batch_size=16, num_workers=0, persistent_workers=False, dataset=generated)\n'
        'val_dataloader = dict(num_workers=0, persistent_workers=False, dataset=generated)\n'
        'test_dataloader = dict(num_workers=0, persistent_workers=False, dataset=generated)\n'
        'train_cfg = dict(max_epochs=1, val_interval=1)\n'
        'default_hooks = dict(checkpoint=dict(interval=1, save_best=None))\n')
    first = run([str(REPO / 'tools/train.py'), str(config), '--work-dir', str(tmp_path / 'first')], tmp_path)
    assert first.returncode == 0, first.stderr[-5000:]
    checkpoint = tmp_path / 'first' / 'epoch_1.pth'
    scalars = load_local_checkpoint(str(checkpoint))['message_hub']['log_scalars']
    assert scalars and all(isinstance(buffer, HistoryBuffer) for buffer in scalars.values())

    cfg = Config.fromfile(str(config))
    cfg.update(work_dir=str(tmp_path / 'second'), load_from=str(checkpoint))
    second = Runner.from_cfg(cfg)
    second.load_or_resume()
    loaded = second.model.state_dict()
    saved = load_local_checkpoint(str(checkpoint))['state_dict']
    assert all(torch.equal(loaded[key], value) for key, value in saved.items())

    tested = run([str(REPO / 'tools/test.py'), str(config), str(checkpoint), '--work-dir', str(tmp_path / 'test')],
                 tmp_path)
    assert tested.returncode == 0, tested.stderr[-5000:]
    assert 'crop/accuracy' in tested.stdout + tested.stderr
