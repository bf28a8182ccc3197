"""A normal (non-editable) install ships configs/ and tools/ as mmkaryo/.mim for `mim train mmkaryo`."""
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / 'configs' / 'synthetic' / 'mask-rcnn_r18_fpn_300i_synthetic.py'


@pytest.fixture(scope='module')
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp('wheel')
    proc = subprocess.run(
        [sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '-w', str(out),
         str(ROOT)],
        capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    wheels = list(out.glob('mmkaryo-*.whl'))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.mark.slow
def test_wheel_contains_mim_tools_and_configs(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert 'mmkaryo/.mim/tools/train.py' in names
    assert 'mmkaryo/.mim/tools/test.py' in names
    repo_configs = {
        'mmkaryo/.mim/' + p.relative_to(ROOT).as_posix() for p in (ROOT / 'configs').rglob('*.py')}
    assert repo_configs and repo_configs <= names, sorted(repo_configs - names)[:5]


@pytest.mark.slow
def test_mim_train_from_installed_wheel(wheel, tmp_path):
    """`mim train mmkaryo <config name>` finds the config and tools inside the installed package.

    The wheel is unpacked onto PYTHONPATH ahead of the editable checkout, which is how a
    `pip install .` looks to mim (it locates the package through its dist-info).
    """
    from tests.test_tools.test_train_py import tiny_mask_set, train_losses, train_options

    site = tmp_path / 'site'
    zipfile.ZipFile(wheel).extractall(site)
    bin_dir = Path(sys.executable).parent
    data_root = tiny_mask_set(tmp_path / 'data')
    work_dir = tmp_path / 'work'
    env = {**os.environ, 'PYTHONPATH': str(site), 'OMP_NUM_THREADS': '2',
           'PATH': f'{bin_dir}:{os.environ["PATH"]}'}
    proc = subprocess.run(
        [str(bin_dir / 'mim'), 'train', 'mmkaryo', CONFIG.name, '--work-dir', str(work_dir),
         *train_options(data_root)],
        capture_output=True, text=True, timeout=900, cwd=tmp_path, env=env)
    assert proc.returncode == 0, (proc.stdout[-2000:], proc.stderr[-4000:])
    assert str(site / 'mmkaryo' / '.mim' / 'tools' / 'train.py') in proc.stdout + proc.stderr
    assert len(train_losses(work_dir)) == 2
