"""Top-level keys of a model config that tell the inferencer how to read images with that model.

* ``score_thr`` (float in [0, 1], default :data:`DEFAULT_SCORE_THR`): the detection score an instance
  needs to be read. It is the score of the detector's final bbox head: the best class's softmax
  probability for mmdet's heads, the chromosome-ness ``1 - p(background)`` for
  :class:`~mmkaryo.models.roi_heads.ChromosomenessBBoxHead`. It applies after mmdet's own
  ``model.test_cfg.rcnn.score_thr``, which only decides which detections reach the inferencer.
  ``KaryotypeInferencer(score_thr=...)`` and ``tools/analyze.py --score-thr`` override it;
  ``tools/model_zoo/package_model.py --score-thr`` writes it into a packaged model's config.
* ``image_polarity`` (``'dark_on_light'`` or ``'bright_on_dark'``, default ``'dark_on_light'``): the
  polarity of the images the model was trained on (see :mod:`mmkaryo.apis.polarity`).
"""
import math
from numbers import Real
from typing import Optional

from mmengine.config import Config

from mmkaryo.apis.polarity import DARK_ON_LIGHT, check_polarity

DEFAULT_SCORE_THR = 0.3


def check_score_thr(score_thr: object, source: str) -> float:
    """Return ``score_thr`` as a float; TypeError/ValueError naming ``source`` unless a number in [0, 1]."""
    if isinstance(score_thr, bool) or not isinstance(score_thr, Real):
        raise TypeError(f'{source}: score_thr must be a number in [0, 1], got {score_thr!r}')
    if not (math.isfinite(score_thr) and 0.0 <= score_thr <= 1.0):
        raise ValueError(f'{source}: score_thr must lie in [0, 1], got {score_thr}')
    return float(score_thr)


def score_threshold(cfg: Config, override: Optional[float] = None) -> float:
    """``override`` when given, else ``cfg``'s ``score_thr``, else :data:`DEFAULT_SCORE_THR`."""
    if override is not None:
        return check_score_thr(override, 'score_thr argument')
    return check_score_thr(cfg.get('score_thr', DEFAULT_SCORE_THR), cfg.filename or 'config')


def model_polarity(cfg: Config) -> str:
    """``cfg``'s ``image_polarity``, ``'dark_on_light'`` when absent; ValueError if it is no polarity."""
    return check_polarity(cfg.get('image_polarity', DARK_ON_LIGHT), cfg.filename or 'config')
