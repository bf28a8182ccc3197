"""ChromosomeCropClassifier: names one chromosome from its upright canvas and its relative size.

The backbone's last feature map is averaged across the chromosome (over its width) and pooled to
``pool_rows`` positions along it, so where a band lies on the chromosome survives pooling; the size
vector of :mod:`mmkaryo.structures.chromosome_crop` joins these features before a two-layer MLP.
"""
from typing import Dict, Optional, Sequence, Tuple

import torch
import torch.nn.functional as F
from torch import nn

from mmkaryo.models.classifiers.base_crop_classifier import BaseCropClassifier
from mmkaryo.models.classifiers.canvas_fit import fit_canvases
from mmkaryo.registry import MODELS
from mmkaryo.structures.chromosome_crop import NUM_SIZE_FEATURES
from mmkaryo.structures.classes import NUM_CLASSES

#: the canvas flips averaged at test time: none, along the axis, across it, both
FLIP_DIMS = ((), (2, ), (3, ), (2, 3))


@MODELS.register_module()
class ChromosomeCropClassifier(BaseCropClassifier):
    """Chromosome classifier of crop canvases, built from a config like every mmkaryo model.

    ``forward(inputs, data_samples, mode)`` takes ``inputs`` as a (B, 1, H, W) tensor or a list of
    (1, H, W) tensors and ``data_samples`` carrying ``sizes`` (and ``gt_label`` for the loss):

    * ``mode='loss'``: ``dict(loss_cls=...)``, cross-entropy with label smoothing;
    * ``mode='predict'``: the data samples with ``pred_scores`` (24,) softmax probabilities and
      ``pred_features`` (hidden,) the MLP's hidden activations (what the metaphase context compares,
      :mod:`mmkaryo.karyotype.homologues`), both averaged over the four canvas flips when ``test_flips``
      (a chromosome has no preferred end or side);
    * ``mode='tensor'``: (B, 24) logits.

    Args:
        backbone: registry config of a backbone returning a tuple of feature maps (the last is used).
        num_classes: classes (24 chromosome classes).
        pool_rows: positions kept along the chromosome axis after pooling.
        hidden: width of the MLP's hidden layer.
        dropout: dropout before the last layer.
        label_smoothing: of the cross-entropy loss.
        test_flips: average the four flips at test time.
        fit_hw: when given, each canvas's chromosome is first stretched to fit an (H, W) canvas of this
            size (:func:`~mmkaryo.models.classifiers.canvas_fit.fit_canvases`: bands at the same relative
            positions for every class, the size left to the size vector); None keeps native scale.
    """

    def __init__(self, backbone: dict, num_classes: int = NUM_CLASSES, pool_rows: int = 6, hidden: int = 256,
                 dropout: float = 0.3, label_smoothing: float = 0.1, test_flips: bool = True,
                 fit_hw: Optional[Sequence[int]] = None, data_preprocessor: Optional[dict] = None,
                 init_cfg: Optional[dict] = None) -> None:
        super().__init__(data_preprocessor=data_preprocessor, init_cfg=init_cfg)
        self.backbone = MODELS.build(backbone)
        channels = getattr(self.backbone, 'out_channels', None)
        if not isinstance(channels, int):
            raise ValueError(f'{type(self.backbone).__name__} must say its last stage\'s width as an int '
                             '`out_channels` attribute')
        self.pool_rows = pool_rows
        # head[:2] embeds (linear + ReLU), head[2:] classifies (dropout + linear)
        self.head = nn.Sequential(
            nn.Linear(channels * pool_rows + NUM_SIZE_FEATURES, hidden), nn.ReLU(inplace=True),
            nn.Dropout(dropout), nn.Linear(hidden, num_classes))
        self.num_classes = num_classes
        self.label_smoothing = label_smoothing
        self.test_flips = test_flips
        if fit_hw is not None and (len(fit_hw) != 2 or min(fit_hw) < 1):
            raise ValueError(f'fit_hw must be a positive (height, width), got {fit_hw}')
        self.fit_hw = None if fit_hw is None else (int(fit_hw[0]), int(fit_hw[1]))

    def embedding(self, images: torch.Tensor, sizes: torch.Tensor) -> torch.Tensor:
        """(B, hidden) hidden activations of (B, 1, H, W) canvases and (B, 2) size vectors."""
        if self.fit_hw is not None:
            images = fit_canvases(images, self.fit_hw)
        features = self.backbone(images)[-1]
        features = F.adaptive_avg_pool2d(features, (self.pool_rows, 1)).flatten(1)
        return self.head[:2](torch.cat([features, sizes], dim=1))

    def logits(self, images: torch.Tensor, sizes: torch.Tensor) -> torch.Tensor:
        """(B, num_classes) logits of (B, 1, H, W) canvases and (B, 2) size vectors."""
        return self.head[2:](self.embedding(images, sizes))

    def predict_with_features(self, images: torch.Tensor,
                              sizes: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        """(B, num_classes) probabilities and (B, hidden) embeddings, averaged over the canvas flips
        when ``test_flips``."""
        probs, features = [], []
        for dims in FLIP_DIMS if self.test_flips else ((), ):
            embedding = self.embedding(images.flip(dims) if dims else images, sizes)
            probs.append(F.softmax(self.head[2:](embedding), dim=1))
            features.append(embedding)
        return torch.stack(probs).mean(dim=0), torch.stack(features).mean(dim=0)

    def loss(self, images: torch.Tensor, sizes: torch.Tensor, labels: torch.Tensor) -> Dict[str, torch.Tensor]:
        """``loss_cls``: cross-entropy with label smoothing."""
        return dict(loss_cls=F.cross_entropy(self.logits(images, sizes), labels,
                                             label_smoothing=self.label_smoothing))
