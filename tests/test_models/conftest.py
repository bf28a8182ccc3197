"""Fixtures for model tests: tiny models built from mmkaryo's real model configs, tiny batches, CPU.

The helpers are handed out through the ``tiny`` fixture because test modules cannot import this
conftest by name.
"""
from pathlib import Path
from types import SimpleNamespace
from typing import Callable, Sequence

import numpy as np
import pytest
import torch
from mmengine.config import Config

REPO = Path(__file__).resolve().parents[2]
MODEL_CONFIGS = {
    'mask_rcnn': REPO / 'configs/_base_/models/mask-rcnn_r50_fpn.py',
    'cascade': REPO / 'configs/_base_/models/cascade-mask-rcnn_r50_fpn.py',
    'htc': REPO / 'configs/_base_/models/htc_r50_fpn.py',
}


def _tiny_model_cfg(name: str) -> Config:
    """The model config of ``MODEL_CONFIGS[name]`` with no pretrained weights (``init_cfg=None``)."""
    cfg = Config.fromfile(str(MODEL_CONFIGS[name])).model
    cfg.backbone.init_cfg = None
    return cfg


def _build_tiny_model(cfg: Config) -> torch.nn.Module:
    """Build ``cfg`` in mmkaryo's scope, seeded, in train mode."""
    from mmkaryo.registry import MODELS
    from mmkaryo.utils.setup_env import register_all_modules

    register_all_modules()
    torch.manual_seed(0)
    return MODELS.build(cfg).train()


def _tiny_batch(model: torch.nn.Module, flags: Sequence[bool], size: int = 64, seed: int = 0,
               set_flags: bool = True) -> dict:
    """A preprocessed batch of ``len(flags)`` random images with 3 boxes each, 24 classes.

    Samples whose flag is False get ``metainfo['with_mask'] = False`` and no ``gt_instances.masks``,
    as a box-only dataset produces them (the masks are dropped after preprocessing: mmdet's
    ``DetDataPreprocessor`` pads masks of every sample when the first one has some). With
    ``set_flags=False`` no ``with_mask`` key is set.
    """
    from mmdet.testing import demo_mm_inputs

    np.random.seed(seed)
    torch.manual_seed(seed)
    data = demo_mm_inputs(batch_size=len(flags), image_shapes=[(3, size, size)] * len(flags),
                          num_items=[3] * len(flags), num_classes=24, with_mask=True)
    batch = model.data_preprocessor(data, True)
    for flag, sample in zip(flags, batch['data_samples']):
        if set_flags:
            sample.set_metainfo(dict(with_mask=flag))
        if not flag:
            del sample.gt_instances.masks
    return batch


def _mask_heads(model: torch.nn.Module) -> list:
    """The mask heads of a single- or multi-stage RoI head, as a list."""
    heads = model.roi_head.mask_head
    return list(heads) if isinstance(heads, torch.nn.ModuleList) else [heads]


def _count_calls(modules: Sequence[torch.nn.Module]) -> Callable[[], int]:
    """Register forward hooks on ``modules``; return a function giving the number of calls so far."""
    calls = []
    for module in modules:
        module.register_forward_hook(lambda *_: calls.append(1))
    return lambda: len(calls)


@pytest.fixture(params=sorted(MODEL_CONFIGS))
def head_family(request) -> str:
    """Each model family with a masking RoI head: mask_rcnn, cascade, htc."""
    return request.param


@pytest.fixture
def tiny() -> SimpleNamespace:
    """The helpers above: ``tiny.model_cfg``, ``tiny.build``, ``tiny.batch``, ``tiny.mask_heads``,
    ``tiny.count_calls``."""
    return SimpleNamespace(model_cfg=_tiny_model_cfg, build=_build_tiny_model, batch=_tiny_batch,
                           mask_heads=_mask_heads, count_calls=_count_calls)
