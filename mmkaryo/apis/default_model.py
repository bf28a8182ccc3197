"""Where the packaged default model lies: ``mmkaryo/model_zoo/mfish_24class/`` (:mod:`mmkaryo.model_zoo`)."""
from pathlib import Path
from typing import Optional, Tuple

MODEL_ZOO = Path(__file__).resolve().parents[1] / 'model_zoo'
DEFAULT_MODEL_DIR = MODEL_ZOO / 'mfish_24class'
CONFIG_FILE = 'config.py'
WEIGHTS_FILE = 'weights.pth'
LICENCE_FILE = 'LICENSE-MFISH.txt'
#: the crop classifier of a packaged pair (named by ``config.py``'s ``chromosome_classifier``)
CLASSIFIER_CONFIG_FILE = 'classifier_config.py'
CLASSIFIER_WEIGHTS_FILE = 'classifier_weights.pth'


def default_model_files(folder: Optional[Path] = None) -> Tuple[str, str]:
    """Return ``(config_path, weights_path)`` of the packaged model in ``folder``.

    Args:
        folder: the model's folder; None is :data:`DEFAULT_MODEL_DIR`.

    Raises:
        FileNotFoundError: ``config.py``, ``weights.pth`` or ``LICENSE-MFISH.txt`` is missing; the
            message names the folder, the missing files and the ways out.
    """
    folder = Path(DEFAULT_MODEL_DIR if folder is None else folder)
    missing = [name for name in (CONFIG_FILE, WEIGHTS_FILE, LICENCE_FILE) if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f'{folder}: the packaged default model is incomplete (missing {", ".join(missing)}); give a '
            'model explicitly (tools/analyze.py --config CFG --checkpoint CKPT, or '
            'KaryotypeInferencer(config, checkpoint)), or package one with '
            f'python tools/model_zoo/package_model.py CONFIG CHECKPOINT --out-dir {folder}')
    return str(folder / CONFIG_FILE), str(folder / WEIGHTS_FILE)
