# Runtime of the CPU models trained from scratch: mmkaryo's default runtime, logged every 25
# iterations by iteration, a checkpoint at every validation (val_interval of the schedule) keeping the
# two newest and the best class-agnostic AJI, gloo for CPU DDP.
_base_ = './default_runtime.py'

default_hooks = dict(
    # log_metric_by_epoch=False: validation records carry the iteration (for plot_curves.py).
    logger=dict(type='LoggerHook', interval=25, log_metric_by_epoch=False),
    checkpoint=dict(type='CheckpointHook', by_epoch=False, interval=250, max_keep_ckpts=2,
                    save_best='aji/agnostic_aji', rule='greater'))
log_processor = dict(by_epoch=False, window_size=25)
env_cfg = dict(dist_cfg=dict(backend='gloo'))
