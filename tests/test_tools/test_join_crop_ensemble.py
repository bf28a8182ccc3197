"""join_crop_ensemble.py: member checkpoints -> one ensemble checkpoint that loads and reads as the mean."""
import runpy
import sys
from pathlib import Path

import pytest
import torch
from mmengine.config import Config

from mmkaryo.apis.crop_ensemble import join_crop_ensemble
from mmkaryo.apis.crop_namer import CropNamer
from mmkaryo.registry import MODELS
from mmkaryo.utils import register_all_modules

TOOL = str(Path(__file__).resolve().parents[2] / 'tools' / 'model_zoo' / 'join_crop_ensemble.py')
MEMBER = dict(type='ChromosomeCropClassifier', backbone=dict(type='CropConvNet', stage_channels=(8, 16),
                                                               stage_convs=(1, 1)), pool_rows=3, hidden=16)


@pytest.fixture
def files(tmp_path):
    """An ensemble config of two members and one Runner-style checkpoint per member."""
    register_all_modules(init_default_scope=False)
    config = tmp_path / 'ensemble.py'
    config.write_text(f'model = dict(type="ChromosomeCropEnsemble", members=[{MEMBER!r}, {MEMBER!r}])\n'
                      'test_dataloader = dict(dataset=dict(canvas_hw=(24, 12)))\n')
    checkpoints = []
    for seed in (0, 1):
        torch.manual_seed(seed)
        path = tmp_path / f'member{seed}.pth'
        torch.save(dict(meta=dict(epoch=1), state_dict=MODELS.build(dict(MEMBER)).state_dict()), path)
        checkpoints.append(str(path))
    return config, checkpoints


def test_joined_weights_are_each_members_own(files):
    config, checkpoints = files
    joined = join_crop_ensemble(str(config), checkpoints)
    for i, checkpoint in enumerate(checkpoints):
        member = torch.load(checkpoint)['state_dict']
        assert all(torch.equal(joined[f'members.{i}.{key}'], value) for key, value in member.items())
    assert len(joined) == 2 * len(member)


def test_cli_writes_a_checkpoint_the_crop_namer_loads(files, tmp_path, monkeypatch):
    config, checkpoints = files
    out = tmp_path / 'out' / 'ensemble.pth'
    monkeypatch.setattr(sys, 'argv', ['join_crop_ensemble.py', str(config), *checkpoints, '--out', str(out)])
    with pytest.raises(SystemExit) as stop:
        runpy.run_path(TOOL, run_name='__main__')
    assert stop.value.code == 0
    namer = CropNamer(str(config), str(out))
    images, sizes = torch.rand(2, 1, 24, 12), torch.zeros(2, 2)
    members = []
    for checkpoint in checkpoints:
        model = MODELS.build(dict(MEMBER)).eval()
        model.load_state_dict(torch.load(checkpoint)['state_dict'])
        members.append(model.predict_scores(images, sizes))
    assert torch.allclose(namer.model.predict_scores(images, sizes), (members[0] + members[1]) / 2, atol=1e-6)


def test_refusals_name_the_problem(files, tmp_path, monkeypatch, capsys):
    config, checkpoints = files
    with pytest.raises(ValueError, match='2 members, got 1'):
        join_crop_ensemble(str(config), checkpoints[:1])
    wrong = tmp_path / 'wrong.pth'
    torch.save({'head.0.weight': torch.zeros(1)}, wrong)
    with pytest.raises(ValueError, match=f'{wrong}: does not fit ensemble member 1'):
        join_crop_ensemble(str(config), [checkpoints[0], str(wrong)])
    single = tmp_path / 'single.py'
    single.write_text(f'model = {MEMBER!r}\n')
    with pytest.raises(ValueError, match='not a ChromosomeCropEnsemble'):
        join_crop_ensemble(str(single), checkpoints)
    out = tmp_path / 'never.pth'
    monkeypatch.setattr(sys, 'argv', ['join_crop_ensemble.py', str(config), checkpoints[0], str(tmp_path / 'no.pth'),
                                      '--out', str(out)])
    with pytest.raises(SystemExit) as stop:
        runpy.run_path(TOOL, run_name='__main__')
    assert stop.value.code == 1 and not out.exists()
    assert 'no.pth: no such file' in capsys.readouterr().err
    assert Config.fromfile(str(config)).model.type == 'ChromosomeCropEnsemble'
