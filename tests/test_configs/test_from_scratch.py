"""No repo config trains a random backbone frozen or with norms in eval mode; building one warns."""
import warnings
from pathlib import Path

import pytest
from mmengine.config import Config

from mmkaryo.utils.scratch_check import has_pretrained_backbone, scratch_training_problems

REPO = Path(__file__).resolve().parents[2]
CONFIGS = sorted(p for p in (REPO / 'configs').rglob('*.py') if '_base_' not in p.parts)


@pytest.mark.parametrize('path', CONFIGS, ids=[str(p.relative_to(REPO / 'configs')) for p in CONFIGS])
def test_config_trains_every_layer_without_pretrained_weights(path):
    cfg = Config.fromfile(str(path))
    assert scratch_training_problems(cfg.model, cfg.get('load_from')) == []


def test_full_scale_r50_configs_keep_imagenet_weights():
    r50 = [p for p in CONFIGS if '_r50_' in p.name]
    assert r50
    for path in r50:
        cfg = Config.fromfile(str(path))
        assert has_pretrained_backbone(cfg.model.backbone) or cfg.get('load_from'), path


def test_mmdet_fine_tuning_settings_without_weights_are_problems():
    cfg = Config.fromfile(str(REPO / 'configs/mask_rcnn/mask-rcnn_r50_fpn_40e_autokary2022.py'))
    assert scratch_training_problems(cfg.model) == []  # ImageNet weights: frozen stem is right
    cfg.model.backbone.init_cfg = None
    problems = scratch_training_problems(cfg.model)
    assert len(problems) == 2 and 'frozen_stages=1' in problems[0] and 'norm_eval' in problems[1]
    assert scratch_training_problems(cfg.model, load_from='trained.pth') == []


def test_building_a_frozen_random_backbone_warns_and_a_trainable_one_does_not():
    from mmkaryo.registry import MODELS
    from mmkaryo.utils.setup_env import register_all_modules

    register_all_modules()
    cfg = Config.fromfile(str(REPO / 'configs/synthetic/mask-rcnn_r18_fpn_300i_synthetic.py'))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        MODELS.build(cfg.model)
    assert not [w for w in caught if 'no pretrained weights' in str(w.message)]
    cfg.model.backbone.update(frozen_stages=1, norm_eval=True)
    with pytest.warns(UserWarning, match='no pretrained weights and frozen_stages=1'):
        MODELS.build(cfg.model)
