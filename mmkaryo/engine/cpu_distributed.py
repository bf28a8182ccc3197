"""Distributed training on CPU (gloo) through mmengine 0.10's Runner, as ``tools/dist_train.sh`` does.

mmengine 0.10.7 assumes a GPU in two places of its ``pytorch`` launcher path, and both fail on a
CPU-only machine:

* ``mmengine.dist.init_dist`` calls ``torch.cuda.set_device(local_rank)`` before
  ``init_process_group`` (a CPU build of torch has no ``_cuda_setDevice``);
* ``Runner.wrap_model`` passes ``device_ids=[LOCAL_RANK]`` to ``DistributedDataParallel``, which
  torch refuses for a module on CPU.

:func:`setup_cpu_distributed` works around both from our side: it starts the process group itself
(``Runner.setup_env`` skips ``init_dist`` when a group exists) and makes the config wrap the model
in :class:`CPUDistributedDataParallel`, which drops ``device_ids``. Nothing changes when CUDA is
available or the launcher is not ``pytorch``.
"""
from __future__ import annotations

import datetime
import os
from typing import Any

import torch
import torch.distributed as torch_dist
from mmengine.config import Config
from mmengine.model import MMDistributedDataParallel
from mmengine.registry import MODEL_WRAPPERS as MMENGINE_MODEL_WRAPPERS


# Registered in mmengine's root registry, not mmkaryo's: ``Runner.wrap_model`` looks the wrapper
# type up there without a scope, and a scoped key only reaches the root's direct children (mmdet),
# not mmkaryo below it.
@MMENGINE_MODEL_WRAPPERS.register_module()
class CPUDistributedDataParallel(MMDistributedDataParallel):
    """mmengine's ``MMDistributedDataParallel`` for a model on CPU: ``device_ids`` is ignored.

    ``Runner.wrap_model`` always passes ``device_ids=[LOCAL_RANK]`` to DDP wrappers; torch wants
    None for CPU modules. Every other argument goes to ``MMDistributedDataParallel``.
    """

    def __init__(self, module: torch.nn.Module, device_ids: Any = None, **kwargs: Any) -> None:
        super().__init__(module=module, device_ids=None, **kwargs)


def setup_cpu_distributed(cfg: Config) -> bool:
    """Prepare ``cfg`` and torch.distributed for CPU DDP when mmengine's own set-up would fail.

    Acts only when ``cfg.launcher == 'pytorch'``, CUDA is not available and no process group
    exists yet. Then it initialises the process group from the environment torchrun sets
    (``RANK``, ``WORLD_SIZE``, ``MASTER_ADDR``, ``MASTER_PORT``) with the backend and timeout (in
    seconds) of ``cfg.env_cfg.dist_cfg``, and, unless the config has its own
    ``model_wrapper_cfg``, sets it to :class:`CPUDistributedDataParallel` with
    ``broadcast_buffers=False`` and the config's ``find_unused_parameters`` (default False), as
    mmengine's default wrapping would. Call it before building the Runner.

    Returns:
        True if it initialised the process group, False if it left everything to mmengine.

    Raises:
        ValueError: if the config asks for a backend other than gloo (nccl needs GPUs).
    """
    if cfg.get('launcher', 'none') != 'pytorch' or torch.cuda.is_available() or torch_dist.is_initialized():
        return False
    dist_cfg = dict(cfg.get('env_cfg', {}).get('dist_cfg', {}))
    backend = dist_cfg.pop('backend', 'gloo')
    if backend != 'gloo':
        raise ValueError(f'CPU distributed training needs the gloo backend, but the config sets '
                         f"env_cfg.dist_cfg.backend='{backend}'; set it to 'gloo' (e.g. "
                         '--cfg-options env_cfg.dist_cfg.backend=gloo)')
    if dist_cfg.get('timeout') is not None:
        dist_cfg['timeout'] = datetime.timedelta(seconds=dist_cfg['timeout'])
    torch_dist.init_process_group(
        backend=backend, rank=int(os.environ['RANK']), world_size=int(os.environ['WORLD_SIZE']),
        **dist_cfg)
    if cfg.get('model_wrapper_cfg') is None:
        cfg.model_wrapper_cfg = dict(
            type='CPUDistributedDataParallel',
            broadcast_buffers=False,
            find_unused_parameters=cfg.get('find_unused_parameters', False))
    return True
