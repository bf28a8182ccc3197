"""tools/model_zoo/package_model.py and the packaged model's way back into KaryotypeInferencer."""
import os
import subprocess
import sys

import numpy as np
import pytest
import torch
from mmengine.config import Config
from mmengine.logging import HistoryBuffer

from mmkaryo.apis import KaryotypeInferencer, default_model_files
from mmkaryo.apis.model_packaging import MAX_WEIGHTS_BYTES, package_model
from tests.test_apis.conftest import PACKAGED_SCORE_THR, REPO

TOOL = REPO / 'tools' / 'model_zoo' / 'package_model.py'


@pytest.fixture(scope='module')
def source_state_dict(packaged_model):
    return torch.load(packaged_model.checkpoint, map_location='cpu', weights_only=False)['state_dict']


@pytest.fixture(scope='module')
def packaged_inferencer(packaged_model):
    return KaryotypeInferencer(*default_model_files(packaged_model.folder))


def test_weights_are_the_state_dict_alone_in_fp16(packaged_model, source_state_dict):
    path = packaged_model.folder / 'weights.pth'
    assert 0 < path.stat().st_size <= MAX_WEIGHTS_BYTES
    weights = torch.load(path, map_location='cpu', weights_only=True)  # plain tensors only
    assert list(weights) == list(source_state_dict)
    for key, tensor in weights.items():
        source = source_state_dict[key]
        if source.is_floating_point():
            assert tensor.dtype == torch.float16, key
            torch.testing.assert_close(tensor, source.half(), rtol=0, atol=0)
        else:
            assert tensor.dtype == source.dtype and torch.equal(tensor, source), key


def test_config_is_self_contained_with_the_reading_keys(packaged_model):
    text = (packaged_model.folder / 'config.py').read_text()
    assert '_base_' not in text
    packaged = Config.fromfile(str(packaged_model.folder / 'config.py'))
    source = Config.fromfile(packaged_model.config)
    assert packaged.score_thr == PACKAGED_SCORE_THR and 'score_thr' not in source
    assert packaged.load_from is None and packaged.model.backbone.init_cfg is None
    thresholds = {e['type']: e.get('score_thr') for e in packaged.test_evaluator}
    assert thresholds['AJIMetric'] == thresholds['KaryotypeMetric'] == PACKAGED_SCORE_THR
    source.model.backbone.init_cfg = None
    assert packaged.model.to_dict() == source.model.to_dict()
    assert packaged.test_dataloader.dataset.pipeline == source.test_dataloader.dataset.pipeline
    licence = packaged_model.folder / 'LICENSE-MFISH.txt'
    assert licence.read_bytes() == packaged_model.licence.read_bytes()
    assert f'weights.pth ({(packaged_model.folder / "weights.pth").stat().st_size / 2**20:.2f} MiB)' in \
        packaged_model.stdout


def test_fp16_weights_load_into_the_fp32_model(packaged_inferencer, source_state_dict):
    state = packaged_inferencer.model.state_dict()
    for key, source in source_state_dict.items():
        if source.is_floating_point():
            assert state[key].dtype == torch.float32, key
            torch.testing.assert_close(state[key], source.half().float(), rtol=0, atol=0)
    assert packaged_inferencer.model.dataset_meta['classes'][:2] == ('1', '2')


def test_packaged_model_reads_as_the_source_model_with_its_weights_rounded_to_fp16(
        packaged_model, packaged_inferencer, source_state_dict, metaphase):
    """Loading is exact: the packaged model reads exactly as the source model once its weights are
    rounded to fp16. The rounding itself moves the features by fp16 precision only. (A random model's
    detections are near ties, so the rounding may reorder them; that is why the readings are
    compared with the rounded source model.)"""
    source = KaryotypeInferencer(packaged_model.config, packaged_model.checkpoint,
                                 score_thr=PACKAGED_SCORE_THR)
    grey = (torch.from_numpy(metaphase).float() - 128) / 64
    inputs = grey.expand(1, 3, *metaphase.shape)  # the backbone's three channels
    with torch.no_grad():
        features = [f.clone() for f in source.model.extract_feat(inputs)]
        source.model.load_state_dict({k: v.half().float() if v.is_floating_point() else v
                                      for k, v in source_state_dict.items()})
        rounded = packaged_inferencer.model.extract_feat(inputs)
    for full, half in zip(features, rounded):
        assert (full - half).abs().max() <= 1e-2 * full.abs().max()
    expected, got = source.read(metaphase), packaged_inferencer.read(metaphase)
    assert len(got.labels) > 0
    for field in ('boxes', 'detector_labels', 'detection_scores', 'class_scores', 'labels'):
        np.testing.assert_array_equal(getattr(got, field), getattr(expected, field), err_msg=field)
    assert [got.masks.to_rle(i) for i in range(len(got.masks))] == \
        [expected.masks.to_rle(i) for i in range(len(expected.masks))]
    assert got.karyotype == expected.karyotype


def test_score_thr_comes_from_the_packaged_config_unless_given(packaged_model, packaged_inferencer,
                                                               metaphase):
    assert packaged_inferencer.score_thr == PACKAGED_SCORE_THR
    thresholded = packaged_inferencer.read(metaphase)
    every = KaryotypeInferencer(*default_model_files(packaged_model.folder), score_thr=0.0)
    assert every.score_thr == 0.0
    everything = every.read(metaphase)
    kept = everything.detection_scores >= PACKAGED_SCORE_THR
    assert 0 < kept.sum() < len(kept)
    np.testing.assert_array_equal(thresholded.boxes, everything.boxes[kept])
    np.testing.assert_array_equal(thresholded.detection_scores, everything.detection_scores[kept])


def test_the_tool_refuses_weights_over_32_mib_and_writes_nothing(tiny_model_files, packaged_model, tmp_path):
    """Also: the tool reads a checkpoint as a Runner saves it (with a message hub) under torch's
    weights-only default, in a fresh process."""
    out_dir = tmp_path / 'model'
    checkpoint = tmp_path / 'runner_style.pth'
    saved = torch.load(tiny_model_files[1], map_location='cpu', weights_only=False)
    torch.save(dict(saved, message_hub=dict(log_scalars=dict(loss=HistoryBuffer([0.5, 0.25], [1, 1])))), checkpoint)
    command = [sys.executable, str(TOOL), tiny_model_files[0], str(checkpoint), '--out-dir', str(out_dir),
               '--licence', str(packaged_model.licence)]
    env = {key: value for key, value in os.environ.items() if key != 'TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD'}
    done = subprocess.run(command, cwd=REPO, env=dict(env, OMP_NUM_THREADS='1'), capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 1
    assert f'error: {checkpoint}: the fp16 weights take' in done.stderr
    assert 'over the 32 MiB a packaged model may weigh' in done.stderr
    assert not out_dir.exists()


def test_mismatched_weights_or_a_missing_licence_are_refused(tiny_model_files, packaged_model, tmp_path):
    out_dir = tmp_path / 'model'
    with pytest.raises(ValueError, match=f'{packaged_model.checkpoint}: the weights do not fit'):
        package_model(tiny_model_files[0], packaged_model.checkpoint, out_dir, packaged_model.licence)
    with pytest.raises(FileNotFoundError, match=f'{tmp_path / "README.TXT"}: no such file'):
        package_model(packaged_model.config, packaged_model.checkpoint, out_dir, tmp_path / 'README.TXT')
    with pytest.raises(ValueError, match='--score-thr: score_thr must lie in'):
        package_model(packaged_model.config, packaged_model.checkpoint, out_dir, packaged_model.licence,
                      score_thr=2.0)
    assert not out_dir.exists()
