"""The records of learning curves, read from mmengine's ``vis_data/scalars.json`` logs (drawn by
:func:`mmkaryo.visualization.plot_curves`)."""
import json
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

Records = Dict[int, Dict[str, float]]


def find_scalar_files(source: str) -> List[Path]:
    """``source`` itself if it is a file, else every ``*/vis_data/scalars.json`` under it, oldest first.

    Raises:
        FileNotFoundError: if there is none.
    """
    path = Path(source)
    if path.is_file():
        return [path]
    files = sorted(path.glob('*/vis_data/scalars.json')) if path.is_dir() else []
    if not files:
        raise FileNotFoundError(f'{source}: no scalars.json (expected <work_dir>/<timestamp>/vis_data/)')
    return files


def read_scalars(files: Sequence[Path], val_interval: Optional[int] = None) -> Tuple[Records, Records]:
    """Training and validation records by iteration, later files overriding earlier ones.

    A record with a ``loss`` key is a training record (its ``step`` is the iteration); any other record
    with a ``step`` is a validation record. Non-numeric values are dropped. mmengine's LoggerHook with
    ``log_metric_by_epoch=True`` (its default) gives validation records the epoch as ``step`` (0 in an
    iteration-based run): with ``val_interval`` the k-th validation record of each file is placed at
    iteration k * val_interval instead.

    Raises:
        ValueError: naming the file and line of a record that is not JSON.
    """
    train: Records = {}
    val: Records = {}
    for file in files:
        validations = 0
        for number, line in enumerate(file.read_text().splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f'{file}:{number}: not a JSON record ({err})') from err
            if not isinstance(record, dict) or 'step' not in record:
                continue
            values = {k: float(v) for k, v in record.items()
                      if isinstance(v, (int, float)) and k != 'step'}
            step = int(record['step'])
            if 'loss' not in record and val_interval:
                validations += 1
                step = validations * val_interval
            (train if 'loss' in record else val).setdefault(step, {}).update(values)
    return train, val
