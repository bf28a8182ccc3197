"""The model config's reading keys: score_thr and image_polarity."""
import numpy as np
import pytest
from mmengine.config import Config

from mmkaryo.apis.model_keys import DEFAULT_SCORE_THR, model_polarity, score_threshold


def test_score_threshold_is_the_argument_else_the_config_key_else_the_default():
    assert DEFAULT_SCORE_THR == 0.3
    assert score_threshold(Config(dict(model=dict()))) == 0.3
    assert score_threshold(Config(dict(score_thr=0.62))) == 0.62
    assert score_threshold(Config(dict(score_thr=0.62)), override=0.1) == 0.1
    assert score_threshold(Config(dict(score_thr=0.62)), override=np.float32(0.0)) == 0.0


@pytest.mark.parametrize('bad, error', [(1.5, ValueError), (-0.1, ValueError), (float('inf'), ValueError),
                                        ('0.3', TypeError), (True, TypeError), (None, TypeError)])
def test_a_bad_score_thr_in_the_config_is_an_error_naming_it(tmp_path, bad, error):
    path = tmp_path / 'model.py'
    path.write_text(f'score_thr = {bad!r}\n'.replace('inf', "float('inf')"))
    with pytest.raises(error, match=f'{path}: score_thr'):
        score_threshold(Config.fromfile(str(path)))
    if bad is not None:  # None as the argument means: take the config's
        with pytest.raises(error, match='score_thr argument: score_thr'):
            score_threshold(Config(), override=bad)


def test_model_polarity_defaults_to_dark_on_light(tmp_path):
    assert model_polarity(Config()) == 'dark_on_light'
    assert model_polarity(Config(dict(image_polarity='bright_on_dark'))) == 'bright_on_dark'
    path = tmp_path / 'model.py'
    path.write_text("image_polarity = 'negative'\n")
    with pytest.raises(ValueError, match=f"{path}: image polarity 'negative'"):
        model_polarity(Config.fromfile(str(path)))
