"""AlternatingSourceBatchSampler in a real 2-process DDP run on CPU (gloo, torchrun)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

WORKER_PATH = Path(__file__).with_name('ddp_alternating_sampler_worker.py')
REPO_ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.slow
def test_two_process_gloo_run_agrees_on_sources_and_splits_indices():
    env = dict(os.environ, OMP_NUM_THREADS='1',
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get('PYTHONPATH')])))
    result = subprocess.run(
        [sys.executable, '-m', 'torch.distributed.run', '--standalone', '--nproc_per_node=2',
         str(WORKER_PATH)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f'torchrun failed:\n{result.stdout}\n{result.stderr}'
    assert 'DDP SAMPLER OK world_size=2 steps_per_epoch=16' in result.stdout, result.stdout
