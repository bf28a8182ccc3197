"""Every config in configs/ (bases excluded) builds its model (init_cfg=None) and its train pipeline."""
from pathlib import Path

import pytest
from mmengine.config import Config, ConfigDict
from mmengine.dataset import Compose

REPO = Path(__file__).resolve().parents[2]
CONFIGS = sorted(p for p in (REPO / 'configs').rglob('*.py') if '_base_' not in p.parts)


def without_pretrained(cfg):
    """Recursively set every ``init_cfg`` of type Pretrained to None (no downloads in tests)."""
    if isinstance(cfg, dict):
        for key, value in cfg.items():
            if key == 'init_cfg' and isinstance(value, dict) and value.get('type') == 'Pretrained':
                cfg[key] = None
            else:
                without_pretrained(value)
    elif isinstance(cfg, list):
        for item in cfg:
            without_pretrained(item)
    return cfg


def train_pipelines(dataset: ConfigDict) -> list:
    """The pipelines of a dataset config, looking inside ConcatDataset / wrapper datasets."""
    if 'datasets' in dataset:
        return [p for sub in dataset.datasets for p in train_pipelines(sub)]
    if 'dataset' in dataset:
        return train_pipelines(dataset.dataset)
    return [dataset.pipeline]


def test_config_names_are_unique():
    names = [p.name for p in CONFIGS]
    assert len(names) == len(set(names)), 'config file names must be unique across configs/'


@pytest.mark.parametrize('path', CONFIGS, ids=[str(p.relative_to(REPO / 'configs')) for p in CONFIGS])
def test_config_builds_model_and_train_pipeline(path):
    from mmkaryo.registry import MODELS, TRANSFORMS
    from mmkaryo.utils.setup_env import register_all_modules

    register_all_modules()
    cfg = Config.fromfile(str(path))
    assert cfg.default_scope == 'mmkaryo'
    model = MODELS.build(without_pretrained(cfg.model))
    assert sum(p.numel() for p in model.parameters()) > 0
    pipelines = train_pipelines(cfg.train_dataloader.dataset)
    assert pipelines
    for pipeline in pipelines:
        composed = Compose([TRANSFORMS.build(t) for t in pipeline])
        assert type(composed.transforms[-1]).__name__ in ('PackDetInputs', 'PackCropInputs')
