"""ChromosomeCropEnsemble: several trained crop classifiers that name a chromosome together.

Each member is a crop classifier config (trained on its own); the ensemble averages their
probabilities. Its weights are the members' state dicts under ``members.<i>.``, joined by
``tools/model_zoo/join_crop_ensemble.py``, so it packages, loads and tests like one classifier.
"""
from typing import Dict, Optional, Sequence, Tuple

import torch
from torch import nn

from mmkaryo.models.classifiers.base_crop_classifier import BaseCropClassifier
from mmkaryo.registry import MODELS


@MODELS.register_module()
class ChromosomeCropEnsemble(BaseCropClassifier):
    """Mean of the class probabilities of trained crop classifiers.

    Args:
        members: registry configs of two or more crop classifiers with the same classes.
        data_preprocessor: mmengine data preprocessor config.
        init_cfg: mmengine init config.

    ``predict_with_features`` returns the members' mean probabilities and their embeddings side by side;
    ``logits`` is the log of the mean probabilities. An ensemble is not trained: ``loss`` raises, train
    each member with its own config.
    """

    def __init__(self, members: Sequence[dict], data_preprocessor: Optional[dict] = None,
                 init_cfg: Optional[dict] = None) -> None:
        super().__init__(data_preprocessor=data_preprocessor, init_cfg=init_cfg)
        if len(members) < 2:
            raise ValueError(f'an ensemble needs at least two members, got {len(members)}')
        self.members = nn.ModuleList(MODELS.build(member) for member in members)
        for i, member in enumerate(self.members):
            if not isinstance(member, BaseCropClassifier):
                raise TypeError(f'ensemble member {i} is a {type(member).__name__}, not a crop classifier')

    def predict_with_features(self, images: torch.Tensor,
                              sizes: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        outputs = [member.predict_with_features(images, sizes) for member in self.members]
        probs = torch.stack([p for p, _ in outputs]).mean(dim=0)
        return probs, torch.cat([f for _, f in outputs], dim=1)

    def logits(self, images: torch.Tensor, sizes: torch.Tensor) -> torch.Tensor:
        return self.predict_scores(images, sizes).clamp_min(1e-12).log()

    def loss(self, images: torch.Tensor, sizes: torch.Tensor, labels: torch.Tensor) -> Dict[str, torch.Tensor]:
        raise RuntimeError('ChromosomeCropEnsemble is not trained: train each member with its own config and '
                           'join the checkpoints with tools/model_zoo/join_crop_ensemble.py')
