"""Session fixtures: a random Mask R-CNN R-18 (configs/synthetic/), a slimmer one packaged by
tools/model_zoo/package_model.py, two synthetic images, one CLI run."""
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]

SYNTHETIC_CONFIG = REPO / 'configs' / 'synthetic' / 'mask-rcnn_r18_fpn_300i_synthetic.py'
# Every RoI's detections pass (a random model scores each class near 1/25), so instances exist.
TINY_OVERRIDES = """
model = dict(test_cfg=dict(rcnn=dict(score_thr=0.0, max_per_img=80)))
"""


@pytest.fixture(scope='session')
def tiny_model_files(tmp_path_factory, save_random_checkpoint):
    """(config, checkpoint) of a random Mask R-CNN R-18 from configs/synthetic/ (320 px, grayscale)."""
    folder = tmp_path_factory.mktemp('tiny_model')
    config_path = folder / 'mask-rcnn_r18_fpn_random_synthetic.py'
    config_path.write_text(f'_base_ = {str(SYNTHETIC_CONFIG)!r}\n' + TINY_OVERRIDES)
    checkpoint_path = folder / 'random.pth'
    save_random_checkpoint(config_path, checkpoint_path)
    return str(config_path), str(checkpoint_path)


# The same R-18 detector with 64-channel FPN/RoI features and 256-d box FCs, so that its fp16 weights
# (about 24 MiB, mostly the backbone) fit a packaged model's 32 MiB; test_cfg as in TINY_OVERRIDES.
SLIM_OVERRIDES = """
channels = 64
model = dict(
    neck=dict(out_channels=channels),
    rpn_head=dict(in_channels=channels, feat_channels=channels),
    roi_head=dict(
        bbox_roi_extractor=dict(out_channels=channels),
        bbox_head=dict(in_channels=channels, fc_out_channels=256),
        mask_roi_extractor=dict(out_channels=channels),
        mask_head=dict(num_convs=2, in_channels=channels, conv_out_channels=channels)),
    test_cfg=dict(rcnn=dict(score_thr=0.0, max_per_img=80)))
"""
# The random model's detection scores lie in 0.046..0.050: this threshold keeps about half of them.
PACKAGED_SCORE_THR = 0.0475


@pytest.fixture(scope='session')
def packaged_model(tmp_path_factory, save_random_checkpoint):
    """A slim random model packaged by ``tools/model_zoo/package_model.py --score-thr 0.0475``.

    Returns ``config``, ``checkpoint`` (the source files), ``licence`` (a stand-in licence file),
    ``folder`` (the packaged model: config.py, weights.pth, LICENSE-MFISH.txt) and ``stdout``.
    """
    folder = tmp_path_factory.mktemp('packaged_model')
    config_path = folder / 'mask-rcnn_r18_fpn-slim_random_synthetic.py'
    config_path.write_text(f'_base_ = {str(SYNTHETIC_CONFIG)!r}\n' + SLIM_OVERRIDES)
    save_random_checkpoint(config_path, folder / 'random.pth')
    licence = folder / 'README.TXT'
    licence.write_text('M-FISH licence stand-in\n')
    out_dir = folder / 'mfish_24class'
    command = [sys.executable, str(REPO / 'tools' / 'model_zoo' / 'package_model.py'), str(config_path),
               str(folder / 'random.pth'), '--out-dir', str(out_dir), '--score-thr', str(PACKAGED_SCORE_THR),
               '--licence', str(licence)]
    done = subprocess.run(command, cwd=REPO, env=dict(os.environ, OMP_NUM_THREADS='1'), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return SimpleNamespace(config=str(config_path), checkpoint=str(folder / 'random.pth'), licence=licence,
                           folder=out_dir, stdout=done.stdout)


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
    command = [sys.executable, str(REPO / 'tools' / 'analyze.py'), str(synthetic_images / 'images'),
               '--config', config, '--checkpoint', checkpoint, '--out-dir', str(out_dir), '--score-thr', '0']
    env = dict(os.environ, OMP_NUM_THREADS='1')
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert '2 images read' in done.stdout
    return out_dir


@pytest.fixture
def metaphase() -> np.ndarray:
    """A 160 x 160 dark-on-light image with eight chromosome-like bars.

    Square, like the synthetic pipeline's inputs: its test-time Pad makes mmdet clamp boxes to the
    padded shape, and on CPU a box wholly in the padding breaks mmdet's mask pasting.
    """
    rng = np.random.default_rng(0)
    image = np.full((160, 160), 220, dtype=np.uint8)
    for _ in range(8):
        y, x = rng.integers(10, 130), rng.integers(10, 140)
        image[y:y + 18, x:x + 5] = 40
    return image
