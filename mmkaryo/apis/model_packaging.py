"""Turn a trained config + mmengine checkpoint into a packaged model (``config.py``, ``weights.pth``,
``LICENSE-MFISH.txt``; see :mod:`mmkaryo.model_zoo`), as ``tools/model_zoo/package_model.py`` does.
With a crop classifier the package is the pair: ``classifier_config.py`` and ``classifier_weights.pth``
beside them, named by the detector config's ``chromosome_classifier`` key
(:mod:`mmkaryo.apis.crop_namer`).

``weights.pth`` is the checkpoint's state dict alone (no optimizer, message hub or meta), with every
floating tensor cast to fp16 and the others (e.g. BatchNorm's ``num_batches_tracked``) kept. mmengine's
``load_checkpoint`` (so mmdet's ``init_detector``) takes such a plain state dict, and
``Module.load_state_dict`` copies each fp16 tensor into the model's fp32 parameter, so the loaded model
computes in fp32 with weights rounded to fp16.
"""
import copy
import io
import shutil
from collections import OrderedDict
from pathlib import Path
from typing import Dict, Mapping, Optional, Tuple, Union

import torch
from mmengine.config import Config
from mmengine.runner import CheckpointLoader

from mmkaryo.apis.crop_namer import CLASSIFIER_KEY
from mmkaryo.apis.default_model import (CLASSIFIER_CONFIG_FILE, CLASSIFIER_WEIGHTS_FILE, CONFIG_FILE, LICENCE_FILE,
                                        WEIGHTS_FILE)
from mmkaryo.apis.model_keys import check_score_thr
from mmkaryo.registry import MODELS
from mmkaryo.utils import register_all_modules
from mmkaryo.utils.config import apply_score_thr

MAX_WEIGHTS_BYTES = 32 * 2**20


def half_state_dict(checkpoint: Mapping, source: str) -> 'OrderedDict[str, torch.Tensor]':
    """The state dict of ``checkpoint`` (its ``state_dict``, else the mapping itself) in fp16.

    Raises:
        TypeError: a value is not a tensor; the message names ``source`` and the key.
    """
    state_dict = checkpoint.get('state_dict', checkpoint)
    half = OrderedDict()
    for key, value in state_dict.items():
        if not isinstance(value, torch.Tensor):
            raise TypeError(f'{source}: state dict entry {key!r} is a {type(value).__name__}, not a tensor')
        half[key] = value.half() if value.is_floating_point() else value
    return half


def packaged_config(config: Union[str, Config], score_thr: Optional[float] = None) -> Config:
    """A copy of ``config`` ready to ship: ``load_from=None``, ``model.backbone.init_cfg=None`` (for an
    ensemble in every member: no download of pretrained weights) and, when given, the top-level ``score_thr``, also given to the
    thresholded evaluators as :func:`mmkaryo.utils.load_config` does."""
    cfg = Config.fromfile(config) if isinstance(config, str) else copy.deepcopy(config)
    cfg.load_from = None
    _no_pretrained(cfg.model)
    if score_thr is not None:
        cfg.score_thr = check_score_thr(score_thr, '--score-thr')
        apply_score_thr(cfg)
    return cfg


def _no_pretrained(model: dict) -> None:
    """Set ``backbone.init_cfg=None`` in ``model``, or in each member of an ensemble."""
    for member in model.get('members', [model]):
        member['backbone']['init_cfg'] = None


def _check_loads(cfg: Config, state_dict: Mapping[str, torch.Tensor], source: str) -> None:
    """ValueError naming ``source`` unless ``state_dict`` loads strictly into the model of ``cfg``."""
    model = MODELS.build(copy.deepcopy(cfg.model))  # build() marks the dict it gets with _scope_
    try:
        model.load_state_dict(state_dict, strict=True)
    except RuntimeError as error:
        raise ValueError(f'{source}: the weights do not fit the config\'s model ({error})') from error


def _half_weights(cfg: Config, checkpoint: str) -> bytes:
    """The fp16 state dict of ``checkpoint`` serialised, after checking it loads into ``cfg``'s model."""
    state_dict = half_state_dict(CheckpointLoader.load_checkpoint(checkpoint, map_location='cpu'), checkpoint)
    _check_loads(cfg, state_dict, checkpoint)
    buffer = io.BytesIO()
    torch.save(state_dict, buffer)
    return buffer.getvalue()


def package_model(config: str, checkpoint: str, out_dir: Union[str, Path], licence: Union[str, Path],
                  score_thr: Optional[float] = None, max_weights_bytes: int = MAX_WEIGHTS_BYTES,
                  classifier: Optional[Tuple[str, str]] = None) -> Dict[str, Path]:
    """Write ``config.py``, ``weights.pth`` and ``LICENSE-MFISH.txt`` (a copy of ``licence``) to ``out_dir``,
    and with ``classifier`` = (config, checkpoint) of a crop classifier also ``classifier_config.py`` and
    ``classifier_weights.pth``, which the detector config then names (``chromosome_classifier``).

    Nothing is written unless every check passes. Returns the paths by file name.

    Raises:
        FileNotFoundError: a config, checkpoint or ``licence`` does not exist.
        ValueError: weights do not fit their config's model, or all weights together would exceed
            ``max_weights_bytes`` (32 MiB by default); TypeError: a checkpoint holds non-tensors.
    """
    for path in (config, checkpoint, licence) + tuple(classifier or ()):
        if not Path(path).is_file():
            raise FileNotFoundError(f'{path}: no such file')
    register_all_modules(init_default_scope=False)  # the models, and safe loading of Runner checkpoints
    cfg = packaged_config(config, score_thr)
    files = {WEIGHTS_FILE: _half_weights(cfg, checkpoint)}
    cfg[CLASSIFIER_KEY] = None
    if classifier is not None:
        classifier_cfg = packaged_config(classifier[0])
        files[CLASSIFIER_WEIGHTS_FILE] = _half_weights(classifier_cfg, classifier[1])
        cfg[CLASSIFIER_KEY] = dict(config=CLASSIFIER_CONFIG_FILE, checkpoint=CLASSIFIER_WEIGHTS_FILE)
    total = sum(len(data) for data in files.values())
    if total > max_weights_bytes:
        raise ValueError(f'{checkpoint}: the fp16 weights take {total / 2**20:.1f} MiB, over the '
                         f'{max_weights_bytes / 2**20:.0f} MiB a packaged model may weigh')
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {name: out_dir / name for name in (CONFIG_FILE, LICENCE_FILE, *files)}
    for name, data in files.items():
        paths[name].write_bytes(data)
    cfg.dump(paths[CONFIG_FILE])
    if classifier is not None:
        paths[CLASSIFIER_CONFIG_FILE] = out_dir / CLASSIFIER_CONFIG_FILE
        classifier_cfg.dump(paths[CLASSIFIER_CONFIG_FILE])
    shutil.copyfile(licence, paths[LICENCE_FILE])
    return paths
