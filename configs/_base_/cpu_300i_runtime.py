# Runtime of the 300-iteration CPU runs (configs/synthetic/, the 320 px M-FISH configs): mmkaryo's
# default runtime, logged every 10 iterations by iteration, one checkpoint at the end, gloo for CPU DDP.
_base_ = './default_runtime.py'

default_hooks = dict(
    logger=dict(interval=10),
    checkpoint=dict(by_epoch=False, interval=300, save_best=None))
log_processor = dict(by_epoch=False, window_size=10)
env_cfg = dict(dist_cfg=dict(backend='gloo'))
