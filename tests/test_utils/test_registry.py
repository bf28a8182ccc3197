"""register_all_modules() makes mmkaryo's and mmdet's types resolvable from a config."""
from mmengine.registry import DefaultScope

import mmkaryo  # noqa: F401
from mmkaryo.registry import DATASETS, METRICS, MODELS, TRANSFORMS
from mmkaryo.utils import register_all_modules


def test_default_scope_is_mmkaryo():
    register_all_modules()
    assert DefaultScope.get_current_instance().scope_name == 'mmkaryo'


def test_mmdet_types_resolve_through_mmkaryo_registries():
    register_all_modules()
    assert MODELS.get('MaskRCNN').__module__.startswith('mmdet.')
    assert TRANSFORMS.get('PackDetInputs').__module__.startswith('mmdet.')
    assert DATASETS.get('CocoDataset').__module__.startswith('mmdet.')
    assert METRICS.get('VOCMetric').__module__.startswith('mmdet.')


def test_mmkaryo_overrides_shadow_mmdet_in_its_scope():
    from mmdet.evaluation import CocoMetric as MMDetCocoMetric
    register_all_modules()
    ours = METRICS.get('CocoMetric')
    assert ours is not MMDetCocoMetric and issubclass(ours, MMDetCocoMetric)


def test_registries_are_children_of_mmdet():
    from mmdet.registry import MODELS as MMDET_MODELS
    assert MODELS.parent is MMDET_MODELS
    assert MODELS.scope == 'mmkaryo'
    assert MMDET_MODELS.children['mmkaryo'] is MODELS
