"""mmkaryo's registries: children of mmdet's, each told where its modules live.

With these as children of mmdet's registries, a config with ``default_scope='mmkaryo'`` resolves our
types (``type='AJIMetric'``) and mmdet's (``type='MaskRCNN'``) alike, and ``locations`` imports the
module that registers a type the first time the type is looked up.
"""
from mmdet.registry import DATA_SAMPLERS as MMDET_DATA_SAMPLERS
from mmdet.registry import DATASETS as MMDET_DATASETS
from mmdet.registry import HOOKS as MMDET_HOOKS
from mmdet.registry import LOOPS as MMDET_LOOPS
from mmdet.registry import METRICS as MMDET_METRICS
from mmdet.registry import MODEL_WRAPPERS as MMDET_MODEL_WRAPPERS
from mmdet.registry import MODELS as MMDET_MODELS
from mmdet.registry import OPTIM_WRAPPERS as MMDET_OPTIM_WRAPPERS
from mmdet.registry import TASK_UTILS as MMDET_TASK_UTILS
from mmdet.registry import TRANSFORMS as MMDET_TRANSFORMS
from mmdet.registry import VISBACKENDS as MMDET_VISBACKENDS
from mmdet.registry import VISUALIZERS as MMDET_VISUALIZERS
from mmengine.registry import Registry

from mmkaryo.utils.scratch_check import build_model_warning_from_scratch

DATASETS = Registry('dataset', parent=MMDET_DATASETS, scope='mmkaryo', locations=['mmkaryo.datasets'])
DATA_SAMPLERS = Registry(
    'data sampler', parent=MMDET_DATA_SAMPLERS, scope='mmkaryo', locations=['mmkaryo.datasets.samplers'])
TRANSFORMS = Registry(
    'transform', parent=MMDET_TRANSFORMS, scope='mmkaryo', locations=['mmkaryo.datasets.transforms'])
# Builds as mmengine does, and warns when a detector trains a random backbone frozen or with norms in
# eval mode (mmkaryo/utils/scratch_check.py).
MODELS = Registry('model', parent=MMDET_MODELS, scope='mmkaryo', locations=['mmkaryo.models'],
                  build_func=build_model_warning_from_scratch)
HOOKS = Registry('hook', parent=MMDET_HOOKS, scope='mmkaryo', locations=['mmkaryo.engine'])
METRICS = Registry('metric', parent=MMDET_METRICS, scope='mmkaryo', locations=['mmkaryo.evaluation'])
# No mmkaryo module registers into these; they exist so that ``default_scope='mmkaryo'`` finds a
# registry of its scope and falls through to mmdet's types (e.g. DetLocalVisualizer, mmdet's assigners).
# The CPU DDP wrapper registers in mmengine's root registry (see mmkaryo/engine/cpu_distributed.py).
MODEL_WRAPPERS = Registry('model_wrapper', parent=MMDET_MODEL_WRAPPERS, scope='mmkaryo')
TASK_UTILS = Registry('task util', parent=MMDET_TASK_UTILS, scope='mmkaryo')
OPTIM_WRAPPERS = Registry('optim_wrapper', parent=MMDET_OPTIM_WRAPPERS, scope='mmkaryo')
LOOPS = Registry('loop', parent=MMDET_LOOPS, scope='mmkaryo')
VISUALIZERS = Registry('visualizer', parent=MMDET_VISUALIZERS, scope='mmkaryo')
VISBACKENDS = Registry('vis_backend', parent=MMDET_VISBACKENDS, scope='mmkaryo')
