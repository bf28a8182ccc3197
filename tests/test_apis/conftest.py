"""Session fixtures: a tiny random 24-class Mask R-CNN (ResNet-18), two synthetic images, one CLI run."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

TINY_CONFIG = """
_base_ = 'mmdet::mask_rcnn/mask-rcnn_r50_fpn_1x_coco.py'
model = dict(
    backbone=dict(depth=18, init_cfg=None),
    neck=dict(in_channels=[64, 128, 256, 512], out_channels=64),
    rpn_head=dict(in_channels=64, feat_channels=64),
    roi_head=dict(
        bbox_roi_extractor=dict(out_channels=64),
        bbox_head=dict(num_classes=24, in_channels=64, fc_out_channels=128),
        mask_roi_extractor=dict(out_channels=64),
        mask_head=dict(num_classes=24, in_channels=64, conv_out_channels=64)),
    test_cfg=dict(rpn=dict(nms_pre=200, max_per_img=60), rcnn=dict(score_thr=0.0, max_per_img=80)))
test_pipeline = [
    dict(type='LoadImageFromFile'),
    dict(type='Resize', scale=(160, 160), keep_ratio=True),
    dict(type='PackDetInputs', meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape', 'scale_factor'))
]
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
"""


@pytest.fixture(scope='session')
def tiny_model_files(tmp_path_factory):
    """(config path, checkpoint path) of a random 24-class Mask R-CNN with a 160 px test pipeline."""
    import torch
    from mmdet.registry import MODELS
    from mmdet.utils import register_all_modules
    from mmengine.config import Config
    from mmengine.runner import save_checkpoint

    folder = tmp_path_factory.mktemp('tiny_model')
    config_path = folder / 'mask-rcnn_r18_fpn_tiny_chromosomes.py'
    config_path.write_text(TINY_CONFIG)
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
