# Runtime shared by every mmkaryo config. default_scope='mmkaryo' resolves mmkaryo's types and, through
# its parent registries, mmdet's, with no custom_imports.
default_scope = 'mmkaryo'

default_hooks = dict(
    timer=dict(type='IterTimerHook'),
    logger=dict(type='LoggerHook', interval=50),
    param_scheduler=dict(type='ParamSchedulerHook'),
    checkpoint=dict(type='CheckpointHook', interval=1, max_keep_ckpts=3, save_best='auto'),
    sampler_seed=dict(type='DistSamplerSeedHook'),
    visualization=dict(type='DetVisualizationHook'))

# Seeds torch from (seed, iteration) before every iteration, so that a run resumed with --resume
# draws the same RPN/RoI samples as an uninterrupted one (mmengine 0.10 does not checkpoint torch's
# generator). A config that sets its own custom_hooks replaces this list: keep the hook in it.
custom_hooks = [dict(type='IterationSeedHook')]

env_cfg = dict(
    cudnn_benchmark=False,
    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0),
    # nccl on GPUs; CPU configs (configs/synthetic/) switch to gloo.
    dist_cfg=dict(backend='nccl'))

vis_backends = [dict(type='LocalVisBackend')]
visualizer = dict(type='DetLocalVisualizer', vis_backends=vis_backends, name='visualizer')
log_processor = dict(type='LogProcessor', window_size=50, by_epoch=True)

log_level = 'INFO'
load_from = None
resume = False
randomness = dict(seed=0, deterministic=False)
