"""A non-editable install ships configs/ and tools/ as mmkaryo/.mim for `mim train mmkaryo`."""
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_contains_mim_tools_and_configs(tmp_path):
    proc = subprocess.run(
        [sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation', '-w',
         str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    wheels = list(tmp_path.glob('mmkaryo-*.whl'))
    assert len(wheels) == 1, wheels
    names = set(zipfile.ZipFile(wheels[0]).namelist())
    assert 'mmkaryo/.mim/tools/train.py' in names
    assert 'mmkaryo/.mim/tools/test.py' in names
    assert 'mmkaryo/.mim/configs/_base_/default_runtime.py' in names
    repo_configs = {
        'mmkaryo/.mim/' + p.relative_to(ROOT).as_posix()
        for p in (ROOT / 'configs').rglob('*.py')}
    assert repo_configs and repo_configs <= names, sorted(repo_configs - names)[:5]
