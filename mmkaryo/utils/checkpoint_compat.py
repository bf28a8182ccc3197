"""Let mmengine 0.10.x load its own checkpoints under torch >= 2.6.

torch 2.6 made ``torch.load(weights_only=True)`` the default; mmengine 0.10.7 pickles message hubs,
numpy scalars and config objects into its checkpoints, so ``load_from``, ``--resume`` and
``tools/test.py`` all fail with an ``UnpicklingError``. mmkaryo treats checkpoints as trusted files
(you trained them, or you trust their source, exactly as with any pickle) and restores the pre-2.6
default by setting ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` unless the user has set it themselves. Never
load a checkpoint from an untrusted source.
"""
import os

ENV_VAR = 'TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD'


def allow_trusted_checkpoints() -> None:
    """Set ``TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD=1`` unless the environment already decides it.

    torch reads the variable at every ``torch.load`` call, so setting it on import of mmkaryo is
    enough for this process and for the subprocesses it starts.
    """
    os.environ.setdefault(ENV_VAR, '1')
