"""Register every mmkaryo module and make ``mmkaryo`` the default scope."""
import datetime
import warnings

from mmengine import DefaultScope


def register_all_modules(init_default_scope: bool = True) -> None:
    """Import mmkaryo's and mmdet's modules so that their registries are filled, and load checkpoints
    safely (:func:`mmkaryo.utils.safe_checkpoint.install_safe_checkpoint_loading`).

    Args:
        init_default_scope: if True, make ``mmkaryo`` the current default scope, so that ``build``
            calls outside a Runner look types up in mmkaryo's registries (and, through them, mmdet's).
    """
    from mmdet.utils import register_all_modules as register_mmdet_modules

    from mmkaryo.utils.safe_checkpoint import install_safe_checkpoint_loading

    register_mmdet_modules(init_default_scope=False)
    install_safe_checkpoint_loading()
    import mmkaryo.datasets  # noqa: F401
    import mmkaryo.engine  # noqa: F401
    import mmkaryo.evaluation  # noqa: F401
    import mmkaryo.models  # noqa: F401
    import mmkaryo.visualization  # noqa: F401

    if not init_default_scope:
        return
    current = DefaultScope.get_current_instance()
    if current is None or current.scope_name != 'mmkaryo':
        if current is not None:
            warnings.warn(f'The current default scope "{current.scope_name}" is not "mmkaryo"; '
                          'a new scope "mmkaryo" is created and made current.')
        stamp = datetime.datetime.now().strftime('%Y%m%d-%H%M%S%f')
        DefaultScope.get_instance(f'mmkaryo-{stamp}', scope_name='mmkaryo')
