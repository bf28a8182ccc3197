"""Warn about detectors that train a random backbone with ImageNet fine-tuning settings.

mmdet's base configs freeze the stem and first stage (``frozen_stages=1``) and keep BatchNorm in eval
mode (``norm_eval=True``): right for fine-tuning ImageNet weights, wrong from random weights, where
the frozen layers stay random for ever and BatchNorm normalises with its initial statistics (0, 1).
"""
import warnings
from typing import Any, List, Mapping, Optional

from mmengine.registry import build_model_from_cfg


def has_pretrained_backbone(backbone_cfg: Mapping[str, Any]) -> bool:
    """Whether the backbone config loads weights (``init_cfg`` of type Pretrained, or ``pretrained``)."""
    init_cfg = backbone_cfg.get('init_cfg') or {}
    inits = init_cfg if isinstance(init_cfg, (list, tuple)) else [init_cfg]
    return bool(backbone_cfg.get('pretrained')) or any(
        isinstance(init, Mapping) and init.get('type') == 'Pretrained' for init in inits)


def scratch_training_problems(model_cfg: Mapping[str, Any], load_from: Optional[str] = None) -> List[str]:
    """Problems of a detector config trained without pretrained backbone weights.

    Returns an empty list when the backbone (or ``load_from``, a whole-model checkpoint) supplies trained
    weights, or when every layer trains with its normalisation in training mode; otherwise one message
    per problem (``frozen_stages >= 0``, ``norm_eval=True``).
    """
    backbone = model_cfg.get('backbone')
    if not isinstance(backbone, Mapping) or load_from or has_pretrained_backbone(backbone):
        return []
    problems = []
    if backbone.get('frozen_stages', -1) >= 0:
        problems.append(f'frozen_stages={backbone["frozen_stages"]} keeps random layers frozen '
                        '(set model.backbone.frozen_stages=-1)')
    if backbone.get('norm_eval', False):
        problems.append('norm_eval=True keeps normalisation at its initial statistics '
                        '(set model.backbone.norm_eval=False)')
    return problems


def build_model_warning_from_scratch(cfg: Mapping[str, Any], registry, default_args=None):
    """``MODELS`` build function: mmengine's, plus a warning per from-scratch problem of a detector."""
    if isinstance(cfg, Mapping):
        for problem in scratch_training_problems(cfg):
            warnings.warn(f'{cfg.get("type")}: the backbone has no pretrained weights and {problem}; '
                          'ignore this only if load_from supplies trained weights', UserWarning)
    return build_model_from_cfg(cfg, registry, default_args)
