"""Distributed testing on CPU: ``tools/dist_test.sh CONFIG CHECKPOINT 2`` (torchrun, gloo) evaluates a
checkpoint and reports the metrics of a 1-process ``tools/test.py`` run, to the last digit."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .alternating_runs import free_port

REPO = Path(__file__).resolve().parents[2]
METRIC = re.compile(r'(crop/\w+): ([-\d.]+)')


def run(command, cwd, **env):
    environment = dict(os.environ, OMP_NUM_THREADS='1', PYTHONPATH=str(REPO), PYTHON=sys.executable, **env)
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900, env=environment)
    assert done.returncode == 0, done.stderr[-5000:]
    return done.stdout + done.stderr


def logged_metrics(output: str) -> dict:
    """The ``crop/...`` metrics of the test epoch's log line."""
    (line, ) = [line for line in output.splitlines() if 'Epoch(test)' in line and 'crop/accuracy' in line]
    return dict(METRIC.findall(line))


@pytest.mark.slow
def test_two_process_test_reports_the_one_process_metrics(tmp_path, save_random_checkpoint):
    data_root = tmp_path / 'synthetic'
    run([sys.executable, str(REPO / 'tools/dataset_converters/make_synthetic.py'), '--out-dir', str(data_root),
         '--num-images', '3', '--seed', '1', '--image-size', '256', '--formats', 'coco'], tmp_path)
    config = tmp_path / 'cropnet_synthetic.py'
    config.write_text(
        f"_base_ = '{REPO}/configs/chromosome_classifier/cropnet_10e_synthetic.py'\n"
        f"test_dataloader = dict(batch_size=8, num_workers=0, persistent_workers=False,\n"
        f"                       dataset=dict(data_root='{data_root}/'))\n")
    checkpoint = tmp_path / 'random.pth'
    save_random_checkpoint(config, checkpoint)

    single = logged_metrics(run([sys.executable, str(REPO / 'tools/test.py'), str(config), str(checkpoint),
                                 '--work-dir', str(tmp_path / 'one')], tmp_path))
    double = logged_metrics(run(['bash', str(REPO / 'tools/dist_test.sh'), str(config), str(checkpoint), '2',
                                 '--work-dir', str(tmp_path / 'two')], tmp_path, PORT=str(free_port())))
    assert float(single['crop/num_images']) == 3 and float(single['crop/num_crops']) > 100
    assert double == single
