"""A trained detector as the zoo's per-image predictor, and its operating threshold."""
import os
from pathlib import Path
from typing import Any, Callable, Optional, Tuple

from mmengine.config import Config

from mmkaryo.apis.inferencer import KaryotypeInferencer
from mmkaryo.apis.model_keys import check_score_thr
from mmkaryo.evaluation.zoo.detections import Prediction
from mmkaryo.evaluation.zoo.model_prediction import prediction_from_result


def operating_score_thr(cfg: Config, explicit: Optional[float], source: str) -> float:
    """``explicit`` if given, else the config's top-level ``score_thr`` (the one its metrics use).

    Raises ``ValueError`` naming ``source`` when neither exists, and the errors of
    :func:`mmkaryo.apis.model_keys.check_score_thr` for a value that is no number in [0, 1].
    """
    value = explicit if explicit is not None else cfg.get('score_thr')
    if value is None:
        raise ValueError(f'{source}: the config sets no top-level score_thr; pass --score-thr')
    return check_score_thr(value, source)


def model_predictor(config: str, checkpoint: str, score_thr: Optional[float] = None, device: str = 'cpu',
                    cfg_options: Optional[dict] = None,
                    **naming: Any) -> Tuple[Callable[[Path], Prediction], float]:
    """Build a :class:`KaryotypeInferencer` that reads every detection (``score_thr=0.0``; the
    model's rcnn score floor still applies) and return ``(predict, operating threshold)``, where
    ``predict(path)`` gives the image's :class:`Prediction` at :func:`operating_score_thr`.
    ``cfg_options`` are merged into the config (e.g. another test-time NMS); ``naming`` are the
    inferencer's classifier arguments (``classifier_config``, ``classifier_checkpoint``,
    ``use_classifier``). Raises ``ValueError('<path>: no such file')`` when ``config`` or ``checkpoint``
    is missing."""
    for path in (config, checkpoint):
        if not os.path.isfile(path):
            raise ValueError(f'{path}: no such file')
    inferencer = KaryotypeInferencer(config, checkpoint, device=device, score_thr=0.0, cfg_options=cfg_options,
                                     **naming)
    operating = operating_score_thr(inferencer.model.cfg, score_thr, config)

    def predict(path: Path) -> Prediction:
        return prediction_from_result(inferencer.read(path), operating, inferencer.extra_penalty)

    return predict, operating
