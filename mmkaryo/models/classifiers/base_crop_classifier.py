"""BaseCropClassifier: the mmengine interface every chromosome-crop classifier shares.

A crop classifier maps (B, 1, H, W) upright canvases and (B, 2) size vectors to class probabilities;
subclasses say how (:meth:`logits`, :meth:`predict_with_features`, :meth:`loss`), this class routes
mmengine's ``forward(inputs, data_samples, mode)`` to them.
"""
from abc import ABCMeta, abstractmethod
from typing import Dict, List, Optional, Sequence, Tuple, Union

import torch
from mmengine.model import BaseModel
from mmengine.structures import BaseDataElement


class BaseCropClassifier(BaseModel, metaclass=ABCMeta):
    """Chromosome classifier of crop canvases.

    ``forward(inputs, data_samples, mode)`` takes ``inputs`` as a (B, 1, H, W) tensor or a list of
    (1, H, W) tensors and ``data_samples`` carrying ``sizes`` (and ``gt_label`` for the loss):

    * ``mode='loss'``: :meth:`loss` of the batch;
    * ``mode='predict'``: the data samples with ``pred_scores`` (num_classes,) probabilities and
      ``pred_features`` the embedding the metaphase context compares (:mod:`mmkaryo.karyotype.homologues`);
    * ``mode='tensor'``: (B, num_classes) logits.
    """

    @abstractmethod
    def logits(self, images: torch.Tensor, sizes: torch.Tensor) -> torch.Tensor:
        """(B, num_classes) logits of (B, 1, H, W) canvases and (B, 2) size vectors."""

    @abstractmethod
    def predict_with_features(self, images: torch.Tensor,
                              sizes: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """(B, num_classes) probabilities and (B, D) embeddings of a batch."""

    @abstractmethod
    def loss(self, images: torch.Tensor, sizes: torch.Tensor, labels: torch.Tensor) -> Dict[str, torch.Tensor]:
        """Training losses of a batch with (B,) class indices ``labels``."""

    def predict_scores(self, images: torch.Tensor, sizes: torch.Tensor) -> torch.Tensor:
        """(B, num_classes) class probabilities."""
        return self.predict_with_features(images, sizes)[0]

    def forward(self, inputs: Union[torch.Tensor, Sequence[torch.Tensor]],
                data_samples: Optional[List[BaseDataElement]] = None,
                mode: str = 'tensor') -> Union[Dict[str, torch.Tensor], List[BaseDataElement], torch.Tensor]:
        images = inputs if isinstance(inputs, torch.Tensor) else torch.stack(list(inputs))
        if data_samples is None:
            raise ValueError(f'{type(self).__name__} needs data_samples carrying the size vectors')
        sizes = torch.stack([sample.sizes for sample in data_samples]).to(images)
        if mode == 'loss':
            labels = torch.stack([sample.gt_label for sample in data_samples]).to(images.device)
            return self.loss(images, sizes, labels)
        if mode == 'predict':
            scores, features = self.predict_with_features(images, sizes)
            for sample, score, feature in zip(data_samples, scores, features):
                sample.pred_scores = score
                sample.pred_features = feature
            return data_samples
        if mode == 'tensor':
            return self.logits(images, sizes)
        raise ValueError(f'mode must be "loss", "predict" or "tensor", got "{mode}"')
