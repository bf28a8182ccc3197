"""The packaged default model: where it is looked for, and what its absence says."""
import warnings
from pathlib import Path

import pytest

import mmkaryo
from mmkaryo.apis import KaryotypeInferencer, default_model_files
from mmkaryo.apis import default_model as default_model_module


def test_an_incomplete_model_folder_is_a_file_not_found_error_saying_what_to_do(tmp_path):
    with pytest.raises(FileNotFoundError) as error:
        default_model_files(tmp_path)
    message = str(error.value)
    assert message.startswith(f'{tmp_path}: the packaged default model is incomplete (missing config.py, '
                              'weights.pth, LICENSE-MFISH.txt)')
    assert '--config CFG --checkpoint CKPT' in message
    assert f'tools/model_zoo/package_model.py CONFIG CHECKPOINT --out-dir {tmp_path}' in message
    (tmp_path / 'config.py').write_text('')
    (tmp_path / 'weights.pth').write_bytes(b'')
    with pytest.raises(FileNotFoundError, match=r'missing LICENSE-MFISH.txt\)'):
        default_model_files(tmp_path)
    (tmp_path / 'LICENSE-MFISH.txt').write_text('licence')
    assert default_model_files(tmp_path) == (str(tmp_path / 'config.py'), str(tmp_path / 'weights.pth'))


def test_the_default_folder_is_the_model_zoo_inside_the_package():
    package = Path(mmkaryo.__file__).parent
    assert default_model_module.DEFAULT_MODEL_DIR == package / 'model_zoo' / 'mfish_24class'


def test_inferencer_without_a_model_takes_the_packaged_one(monkeypatch, tmp_path, packaged_model):
    monkeypatch.setattr(default_model_module, 'DEFAULT_MODEL_DIR', tmp_path / 'absent')
    with pytest.raises(FileNotFoundError, match='absent: the packaged default model is incomplete'):
        KaryotypeInferencer()
    with pytest.raises(ValueError, match='checkpoint weights.pth given without its config'):
        KaryotypeInferencer(checkpoint='weights.pth')
    monkeypatch.setattr(default_model_module, 'DEFAULT_MODEL_DIR', packaged_model.folder)
    monkeypatch.setattr(warnings, 'onceregistry', {})  # mmdet warns 'once': forget earlier warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        inferencer = KaryotypeInferencer()
    # mmdet's fallback to COCO class names for a plain state dict is replaced by the 24 chromosomes.
    assert not [w for w in caught if 'COCO classes' in str(w.message)]
    assert len(inferencer.model.dataset_meta['classes']) == 24
    assert inferencer.model.cfg.filename == str(packaged_model.folder / 'config.py')
