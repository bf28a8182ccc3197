"""Session fixtures: a random Mask R-CNN R-18 (configs/synthetic/), two synthetic images, one CLI run."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

SYNTHETIC_CONFIG = REPO / 'configs' / 'synthetic' / 'mask-rcnn_r18_fpn_300i_synthetic.py'
# Every RoI's detections pass (a random model scores each class near 1/25), so instances exist.
TINY_OVERRIDES = """
model = dict(test_cfg=dict(rcnn=dict(score_thr=0.0, max_per_img=80)))
"""


@pytest.fixture(scope='session')
def tiny_model_files(tmp_path_factory):
    """(config, checkpoint) of a random Mask R-CNN R-18 from configs/synthetic/ (320 px, grayscale)."""
    import torch
    from mmengine.config import Config
    from mmengine.runner import save_checkpoint

    from mmkaryo.registry import MODELS
    from mmkaryo.utils import register_all_modules

    folder = tmp_path_factory.mktemp('tiny_model')
    config_path = folder / 'mask-rcnn_r18_fpn_random_synthetic.py'
    config_path.write_text(f'_base_ = {str(SYNTHETIC_CONFIG)!r}\n' + TINY_OVERRIDES)
    register_all_modules()
    torch.manual_seed(0)
    model = MODELS.build(Config.fromfile(str(config_path)).model)
    model.init_weights()
    checkpoint_path = folder / 'random.pth'
    save_checkpoint({'state_dict': model.state_dict(), 'meta': {}}, str(checkpoint_path))
    return str(config_path), str(checkpoint_path)


@pytest.fixture(scope='session')
def synthetic_images(tmp_path_factory):
    """COCO folder (``annotations.json``, ``images/``) of two 256 px synthetic metaphases."""
    from mmkaryo.datasets.synthetic import write_synthetic_dataset
    folder = tmp_path_factory.mktemp('synthetic')
    return write_synthetic_dataset(folder, num_images=2, seed=0, image_size=256, formats=['coco'])['coco']


@pytest.fixture(scope='session')
def analysis(tiny_model_files, synthetic_images, tmp_path_factory):
    """Run ``tools/analyze.py`` once on the two synthetic images; return its output folder."""
    config, checkpoint = tiny_model_files
    out_dir = tmp_path_factory.mktemp('analysis')
    command = [sys.executable, str(REPO / 'tools' / 'analyze.py'), config, checkpoint,
               str(synthetic_images / 'images'), '--out-dir', str(out_dir), '--score-thr', '0']
    env = dict(os.environ, OMP_NUM_THREADS='1')
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert '2 images read' in done.stdout
    return out_dir
