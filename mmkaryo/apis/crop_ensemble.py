"""Join trained crop-classifier checkpoints into the weights of a ``ChromosomeCropEnsemble``."""
import copy
from collections import OrderedDict
from pathlib import Path
from typing import Dict, Sequence, Union

import torch
from mmengine.config import Config
from mmengine.runner import CheckpointLoader

from mmkaryo.registry import MODELS
from mmkaryo.utils import register_all_modules


def join_crop_ensemble(config: Union[str, Config], checkpoints: Sequence[str]) -> Dict[str, torch.Tensor]:
    """The state dict of the ensemble ``config`` describes, member i's weights from ``checkpoints[i]``.

    Each checkpoint (an mmengine checkpoint or a plain state dict) must load strictly into its member's
    model, and the joined dict strictly into the ensemble.

    Raises:
        FileNotFoundError: a checkpoint does not exist.
        ValueError: ``config`` is not an ensemble, the number of checkpoints differs from its members, or
            a checkpoint does not fit its member (the message names the file).
    """
    register_all_modules(init_default_scope=False)
    cfg = Config.fromfile(config) if isinstance(config, (str, Path)) else config
    members = cfg.model.get('members')
    source = cfg.filename or 'config'
    if cfg.model.get('type') != 'ChromosomeCropEnsemble' or members is None:
        raise ValueError(f'{source}: not a ChromosomeCropEnsemble config (model type {cfg.model.get("type")})')
    if len(checkpoints) != len(members):
        raise ValueError(f'{source}: the ensemble has {len(members)} members, got {len(checkpoints)} checkpoints')
    joined = OrderedDict()
    for i, (member, checkpoint) in enumerate(zip(members, checkpoints)):
        if not Path(checkpoint).is_file():
            raise FileNotFoundError(f'{checkpoint}: no such file')
        loaded = CheckpointLoader.load_checkpoint(checkpoint, map_location='cpu')
        state_dict = loaded.get('state_dict', loaded)
        try:
            MODELS.build(copy.deepcopy(member)).load_state_dict(state_dict, strict=True)
        except RuntimeError as error:
            raise ValueError(f'{checkpoint}: does not fit ensemble member {i} of {source} ({error})') from error
        joined.update((f'members.{i}.{key}', value) for key, value in state_dict.items())
    MODELS.build(copy.deepcopy(cfg.model)).load_state_dict(joined, strict=True)
    return joined
