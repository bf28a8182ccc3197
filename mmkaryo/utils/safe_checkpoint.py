"""Load mmengine checkpoints under torch's safe default, ``torch.load(weights_only=True)``.

Beside tensors, an mmengine 0.10.x checkpoint pickles its message hub: ``HistoryBuffer`` objects
holding numpy arrays and scalars, and the buffer's statistics methods as ``getattr(HistoryBuffer,
'mean')``. :func:`install_safe_checkpoint_loading` (run on ``import mmkaryo``) allow-lists exactly
these types for torch's weights-only unpickler, with ``getattr`` narrowed to those statistics methods,
and replaces mmengine's loader of local files so that a checkpoint needing anything else is refused with
:class:`UntrustedCheckpointError` naming the file, the type and the switch: a user who trusts a file
lists it in the environment variable ``MMKARYO_TRUSTED_CHECKPOINTS`` (paths separated by
``os.pathsep``), and that file alone is then loaded with ``weights_only=False``. Nothing else changes
torch's default: other ``torch.load`` calls of the process keep their protection.
"""
import os
import pickle
import re
from pathlib import Path
from typing import Any, Callable, List, Optional, Tuple, Union

import numpy as np
import torch
from mmengine.logging import HistoryBuffer
from mmengine.runner import CheckpointLoader

TRUST_ENV_VAR = 'MMKARYO_TRUSTED_CHECKPOINTS'
# numpy 2 pickles its array helpers from numpy._core, numpy 1 from numpy.core.
_NUMPY_CORES = ('numpy._core.multiarray', 'numpy.core.multiarray')
_DTYPE_CHARS = '?bhilqBHILQefdgFDGUS'
_TYPE_IN_TORCH_MESSAGE = (r'GLOBAL ([\w.]+) (?:was not an allowed global|whose module)', r"but got <class '([^']+)'>",
                          r'unrecognized function (.+?)(?: which belongs|$)', r'(getattr\([^)]*\))')


class UntrustedCheckpointError(ValueError):
    """A checkpoint holds a pickled type outside the allow-list and its file is not trusted."""


def history_buffer_method(owner: Any, name: str) -> Callable:
    """``getattr`` as mmengine checkpoints use it, and only that: a statistics method of HistoryBuffer.

    Raises:
        pickle.UnpicklingError: for any other object or attribute.
    """
    statistics = {'min', 'max', 'current', 'mean'} | set(HistoryBuffer._statistics_methods)
    if owner is not HistoryBuffer or name not in statistics or not hasattr(HistoryBuffer, name):
        raise pickle.UnpicklingError(f'getattr({getattr(owner, "__name__", type(owner).__name__)}, {name!r}) '
                                     'is not a HistoryBuffer statistics method')
    return getattr(HistoryBuffer, name)


def mmengine_safe_globals() -> List[Union[Any, Tuple[Any, str]]]:
    """What an mmengine checkpoint's meta and message hub pickle beyond torch's own safe types."""
    safe: List[Union[Any, Tuple[Any, str]]] = [HistoryBuffer, np.ndarray, np.dtype,
                                               (history_buffer_method, 'builtins.getattr')]
    safe += list({type(np.dtype(char)) for char in _DTYPE_CHARS})
    for module in _NUMPY_CORES:
        safe += [(np._core.multiarray._reconstruct, f'{module}._reconstruct'),
                 (np._core.multiarray.scalar, f'{module}.scalar')]
    return safe


def trusted_checkpoints() -> List[Path]:
    """The files listed in ``MMKARYO_TRUSTED_CHECKPOINTS``, resolved."""
    listed = os.environ.get(TRUST_ENV_VAR, '')
    return [Path(path).expanduser().resolve() for path in listed.split(os.pathsep) if path]


def _refused_type(message: str) -> str:
    for pattern in _TYPE_IN_TORCH_MESSAGE:
        found = re.search(pattern, message)
        if found:
            return found.group(1)
    return 'a type outside the allow-list'


def load_local_checkpoint(filename: str, map_location: Optional[Any] = None) -> Any:
    """Load a local checkpoint file weights-only, or fully when ``MMKARYO_TRUSTED_CHECKPOINTS`` lists it.

    Raises:
        FileNotFoundError: no such file.
        UntrustedCheckpointError: the file needs a type outside the allow-list and is not trusted; the
            message names the file, the type and the switch.
    """
    path = Path(filename).expanduser()
    if not path.is_file():
        raise FileNotFoundError(f'{filename} can not be found.')
    if path.resolve() in trusted_checkpoints():
        return torch.load(path, map_location=map_location, weights_only=False)
    try:
        return torch.load(path, map_location=map_location, weights_only=True)
    except pickle.UnpicklingError as error:
        raise UntrustedCheckpointError(
            f'{filename}: refused to unpickle {_refused_type(str(error))}, which is not among the types '
            'mmkaryo loads from checkpoints (tensors, mmengine\'s message hub, numpy arrays); unpickling it '
            f'could run code. If you trust this file, list it in {TRUST_ENV_VAR} (paths separated by '
            f'"{os.pathsep}"), e.g. {TRUST_ENV_VAR}={path.resolve()}') from None


def install_safe_checkpoint_loading() -> None:
    """Allow-list :func:`mmengine_safe_globals` and make :func:`load_local_checkpoint` mmengine's loader
    of local files (``load_from``, ``--resume``, ``tools/test.py``, ``init_detector``). Idempotent."""
    torch.serialization.add_safe_globals(mmengine_safe_globals())
    CheckpointLoader.register_scheme(prefixes='', loader=load_local_checkpoint, force=True)
