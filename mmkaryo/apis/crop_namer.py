"""CropNamer: the second stage of karyotype reading, which names detected chromosomes from their crops.

The detector finds the chromosomes; a crop classifier (:class:`~mmkaryo.models.ChromosomeCropClassifier`
or an ensemble of them, :class:`~mmkaryo.models.ChromosomeCropEnsemble`) names each one
from its mask's upright, metaphase-normalised crop (:mod:`mmkaryo.structures.chromosome_crop`), cut
exactly as the classifier's training crops were cut from ground-truth masks.

A detector config points at its classifier with the top-level key ``chromosome_classifier =
dict(config=..., checkpoint=...)`` (paths relative to the detector config's folder unless absolute);
:func:`classifier_files` reads it. ``--cfg-options chromosome_classifier=None`` switches the
classifier off, and the detector's own class head names the chromosomes again.
"""
import copy
from pathlib import Path
from typing import Optional, Tuple, Union

import numpy as np
import torch
from mmengine.config import Config
from mmengine.runner import load_checkpoint

from mmkaryo.models.classifiers import BaseCropClassifier
from mmkaryo.registry import MODELS
from mmkaryo.structures import NUM_CLASSES, MaskCrops
from mmkaryo.structures.chromosome_crop import CANVAS_HW, mask_crops_canvases, stain_image
from mmkaryo.utils import register_all_modules

#: top-level detector config key naming the chromosome classifier
CLASSIFIER_KEY = 'chromosome_classifier'


def classifier_files(cfg: Config) -> Optional[Tuple[str, str]]:
    """(config, checkpoint) of the classifier a detector config names, None when it names none.

    Raises:
        ValueError: the key is not a dict with ``config`` and ``checkpoint``, or a file is missing.
    """
    entry = cfg.get(CLASSIFIER_KEY)
    if entry is None:
        return None
    source = cfg.filename or 'config'
    if not isinstance(entry, dict) or not {'config', 'checkpoint'} <= set(entry):
        raise ValueError(f'{source}: {CLASSIFIER_KEY} must be dict(config=..., checkpoint=...) or None, '
                         f'got {entry!r}')
    folder = Path(cfg.filename).parent if cfg.filename else Path('.')
    paths = tuple(str(Path(entry[key]) if Path(entry[key]).is_absolute() else folder / entry[key])
                  for key in ('config', 'checkpoint'))
    for path in paths:
        if not Path(path).is_file():
            raise ValueError(f'{source}: {CLASSIFIER_KEY} names {path}, which does not exist')
    return paths


class CropNamer:
    """Class probabilities of detected chromosomes from a trained crop classifier.

    Args:
        config: the config (path or Config) of a crop classifier or ensemble; its test dataset gives
            ``canvas_hw``.
        checkpoint: its weights (mmengine checkpoint or plain state dict, fp16 allowed).
        device: torch device.
        batch_size: crops per forward pass.
    """

    def __init__(self, config: Union[str, Config], checkpoint: str, device: str = 'cpu',
                 batch_size: int = 128) -> None:
        register_all_modules(init_default_scope=False)
        cfg = Config.fromfile(config) if isinstance(config, (str, Path)) else config
        self.model = MODELS.build(copy.deepcopy(cfg.model))
        if not isinstance(self.model, BaseCropClassifier):
            raise ValueError(f'{cfg.filename}: a crop namer needs a crop classifier config, got model type '
                             f'{cfg.model.get("type")}')
        load_checkpoint(self.model, checkpoint, map_location='cpu', strict=True, logger='silent')
        self.model.to(device).eval()
        self.device = device
        self.canvas_hw = tuple(cfg.test_dataloader.dataset.get('canvas_hw', CANVAS_HW))
        self.batch_size = batch_size

    @torch.no_grad()
    def class_probs(self, gray: np.ndarray, masks: MaskCrops, dark_on_light: bool = True,
                    reference: Optional[np.ndarray] = None) -> Tuple[np.ndarray, np.ndarray]:
        """Name the N chromosomes ``masks`` outline in ``gray``.

        Args:
            gray: (H, W) uint8 image of the metaphase.
            masks: the N detected masks.
            dark_on_light: polarity of ``gray``.
            reference: (N,) bool, the masks the metaphase statistics come from (the detections read as
                chromosomes); None takes all.

        Returns:
            (probs, named): (N, 24) class probabilities, and (N,) bool, False for an empty mask, which
            no crop can name (its row is zero).
        """
        crops, named = mask_crops_canvases(stain_image(gray, dark_on_light), masks, self.canvas_hw, reference)
        probs = np.zeros((len(masks), NUM_CLASSES), np.float64)
        if not named.any():
            return probs, named
        images = torch.from_numpy(crops.canvases)[:, None].to(self.device)
        sizes = torch.from_numpy(crops.sizes).to(self.device)
        scores = [self.model.predict_scores(images[i:i + self.batch_size], sizes[i:i + self.batch_size])
                  for i in range(0, len(images), self.batch_size)]
        probs[named] = torch.cat(scores).cpu().double().numpy()
        return probs, named
