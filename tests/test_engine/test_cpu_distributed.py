"""setup_cpu_distributed: the gloo process group and DDP wrapper mmengine 0.10 cannot set up on CPU."""
import socket

import pytest
import torch
import torch.distributed as torch_dist
from mmengine.config import Config
from mmengine.registry import MODEL_WRAPPERS

from mmkaryo.engine import CPUDistributedDataParallel, setup_cpu_distributed

needs_cpu_only = pytest.mark.skipif(torch.cuda.is_available(), reason='acts only without CUDA')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


@pytest.fixture
def torchrun_env(monkeypatch):
    """The environment torchrun gives a single worker; the process group is destroyed afterwards."""
    for key, value in dict(RANK='0', WORLD_SIZE='1', LOCAL_RANK='0', MASTER_ADDR='127.0.0.1',
                           MASTER_PORT=str(free_port())).items():
        monkeypatch.setenv(key, value)
    yield
    if torch_dist.is_initialized():
        torch_dist.destroy_process_group()


def config(**kwargs) -> Config:
    return Config(dict(launcher='pytorch', env_cfg=dict(dist_cfg=dict(backend='gloo')), **kwargs))


def test_other_launchers_are_left_to_mmengine():
    cfg = config()
    cfg.launcher = 'none'
    assert setup_cpu_distributed(cfg) is False
    assert 'model_wrapper_cfg' not in cfg and not torch_dist.is_initialized()


@needs_cpu_only
def test_nccl_is_refused_with_the_setting_to_change(torchrun_env):
    cfg = config()
    cfg.env_cfg.dist_cfg.backend = 'nccl'
    with pytest.raises(ValueError, match="env_cfg.dist_cfg.backend='nccl'"):
        setup_cpu_distributed(cfg)
    assert not torch_dist.is_initialized()


@needs_cpu_only
def test_starts_gloo_and_wraps_without_device_ids(torchrun_env):
    cfg = config(find_unused_parameters=False)
    cfg.env_cfg.dist_cfg.timeout = 60
    assert setup_cpu_distributed(cfg) is True
    assert torch_dist.is_initialized() and torch_dist.get_backend() == 'gloo'
    assert cfg.model_wrapper_cfg == dict(type='CPUDistributedDataParallel', broadcast_buffers=False,
                                         find_unused_parameters=False)
    # A second call (or mmengine's setup_env) leaves the existing group alone.
    assert setup_cpu_distributed(cfg) is False
    # Runner.wrap_model finds the type in mmengine's root registry and passes device_ids.
    wrapper = MODEL_WRAPPERS.build(cfg.model_wrapper_cfg,
                                   default_args=dict(module=torch.nn.Linear(2, 1), device_ids=[0]))
    assert isinstance(wrapper, CPUDistributedDataParallel) and wrapper.device_ids is None


@needs_cpu_only
def test_keeps_a_model_wrapper_cfg_of_the_config(torchrun_env):
    cfg = config(model_wrapper_cfg=dict(type='CPUDistributedDataParallel', find_unused_parameters=True))
    assert setup_cpu_distributed(cfg) is True
    assert cfg.model_wrapper_cfg.find_unused_parameters is True
