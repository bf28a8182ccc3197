"""tools/test.py (and the analysis tools on its dump) end to end: a random Mask R-CNN, tiny synthetic data.

The values are low (the model is untrained); the test checks that every evaluator computes and
that the tool prints the evaluation table and the top-errors table, dumps predictions and writes
overlays.
"""
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
IMAGE_SIZE = 128  # the test pipeline's scale
GENERATED_SIZE = 256  # the generator's smallest

CONFIG = f'''
_base_ = [
    '{REPO}/configs/_base_/models/mask-rcnn_r50_fpn.py',
    '{REPO}/configs/_base_/datasets/synthetic.py',
    '{REPO}/configs/_base_/default_runtime.py',
]
model = dict(
    backbone=dict(init_cfg=None),
    # Untrained: keep every detection so that mAP and AJI have predictions to score.
    test_cfg=dict(rcnn=dict(score_thr=0.0, max_per_img=30)))
test_pipeline = [
    dict(type='LoadImageFromFile', color_type='grayscale'),
    dict(type='Resize', scale=({IMAGE_SIZE}, {IMAGE_SIZE}), keep_ratio=True),
    dict(type='LoadAnnotations', with_bbox=True, with_mask=True),
    dict(type='ImageToChannels', num_channels=3),
    dict(type='PackDetInputs', meta_keys=('img_id', 'img_path', 'ori_shape', 'img_shape',
                                          'scale_factor', 'with_mask', 'karyotype', 'instances')),
]
train_dataloader = None
val_dataloader = None
val_evaluator = None
test_dataloader = dict(
    batch_size=1, num_workers=0, persistent_workers=False,
    dataset=dict(data_root='{{data_root}}', pipeline=test_pipeline))
test_cfg = dict(type='TestLoop')
test_evaluator = [
    dict(type='CocoMetric', metric=['bbox', 'segm'], iou_thrs=[0.5]),
    dict(type='ClassAgnosticCocoMetric', metric=['bbox', 'segm'], iou_thrs=[0.5]),
    dict(type='AJIMetric', score_thr=0.0),
    dict(type='ChromosomeClassMetric', score_thr=0.0),
    dict(type='KaryotypeMetric', score_thr=0.0),
]
env_cfg = dict(dist_cfg=dict(backend='gloo'))
'''


def run(args, cwd):
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=900,
                          env={'OMP_NUM_THREADS': '1', 'PATH': '/usr/bin:/bin', 'PYTHONPATH': str(REPO)})


@pytest.mark.slow
def test_test_py_prints_tables_dumps_results_and_draws(tmp_path, save_random_checkpoint):
    data_root = tmp_path / 'synthetic'
    made = run([str(REPO / 'tools/dataset_converters/make_synthetic.py'), '--out-dir', str(data_root),
                '--num-images', '2', '--seed', '0', '--image-size', str(GENERATED_SIZE), '--formats', 'coco'],
               tmp_path)
    assert made.returncode == 0, made.stderr[-3000:]
    config = tmp_path / 'mask-rcnn_r50_fpn_tiny_synthetic.py'
    config.write_text(CONFIG.replace('{data_root}', f'{data_root}/'))
    checkpoint = tmp_path / 'random.pth'
    save_random_checkpoint(config, checkpoint)

    out = tmp_path / 'results.pkl'
    tested = run([str(REPO / 'tools/test.py'), str(config), str(checkpoint), '--work-dir',
                  str(tmp_path / 'work'), '--out', str(out), '--show-dir', 'overlays'], tmp_path)
    assert tested.returncode == 0, tested.stderr[-5000:]
    lines = tested.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith('Evaluation on ChromosomeDataset')))
    header, row = lines[start + 1], lines[start + 3]
    for column in ('mAP50 bbox', 'mAP50 segm', 'AJI', 'AJI+', 'agnostic mAP50 segm', 'agnostic AJI+',
                   'class accuracy', 'karyotype exact'):
        assert column in header
    values = row.split()[-10:]
    assert all(value.endswith('%') or value == 'nan' for value in values), row
    assert 'Top classification errors' in lines
    errors_header = lines[lines.index('Top classification errors') + 1]
    assert errors_header.split() == ['chr', 'TP', 'FP', 'FN', 'ERR', 'accuracy']

    with open(out, 'rb') as file:
        results = pickle.load(file)
    assert len(results) == 2 and 'pred_instances' in results[0]
    assert len(list((tmp_path / 'work').rglob('overlays/*.png'))) == 2

    # The analysis tools read the dump back against the config's test set.
    confusion_png = tmp_path / 'confusion.png'
    drawn = run([str(REPO / 'tools/analysis_tools/confusion_matrix.py'), str(config), str(out), '--out',
                 str(confusion_png), '--score-thr', '0.0'], tmp_path)
    assert drawn.returncode == 0, drawn.stderr[-3000:]
    assert 'of 2 images' in drawn.stdout and confusion_png.stat().st_size > 0
    worst = run([str(REPO / 'tools/analysis_tools/worst_images.py'), str(config), str(out), '--out-dir',
                 str(tmp_path / 'worst'), '--top', '1', '--score-thr', '0.0'], tmp_path)
    assert worst.returncode == 0, worst.stderr[-3000:]
    assert len(list((tmp_path / 'worst').glob('*.png'))) == 1
