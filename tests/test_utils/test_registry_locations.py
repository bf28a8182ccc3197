"""Every mmkaryo registry that names ``locations`` gets types from them; the others stay empty and only
carry the ``mmkaryo`` scope down to mmdet's types."""
import importlib

import pytest

from mmkaryo import registry as registries
from mmkaryo.utils import register_all_modules

REGISTRIES = {name: value for name, value in vars(registries).items()
              if isinstance(value, registries.Registry) and value.scope == 'mmkaryo'}


@pytest.mark.parametrize('name', sorted(REGISTRIES))
def test_locations_hold_registered_types(name):
    register_all_modules(init_default_scope=False)
    registry = REGISTRIES[name]
    for location in registry._locations:
        importlib.import_module(location)
    assert bool(registry._locations) == bool(registry.module_dict), (
        f'{name}: locations {registry._locations}, registered types {sorted(registry.module_dict)}')


def test_a_scope_only_registry_reaches_mmdet_types():
    register_all_modules()
    assert registries.VISUALIZERS.get('DetLocalVisualizer').__module__.startswith('mmdet.')
    assert registries.TASK_UTILS.get('MaxIoUAssigner').__module__.startswith('mmdet.')
