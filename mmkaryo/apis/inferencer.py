"""KaryotypeInferencer: detections with full class scores, then the karyotype reading."""
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence, Union

import numpy as np
from mmdet.apis import inference_detector, init_detector
from mmengine.config import Config
from torch import nn

from mmkaryo.apis.class_scores import attach_class_scores, final_bbox_head
from mmkaryo.apis.default_model import default_model_files
from mmkaryo.apis.image_io import ImageInput, list_images, read_gray_image
from mmkaryo.apis.mask_paste import attach_mask_crops
from mmkaryo.apis.model_keys import model_polarity, score_threshold
from mmkaryo.apis.polarity import AUTO, DARK_ON_LIGHT, check_polarity, detect_polarity, to_polarity
from mmkaryo.karyotype import (DEFAULT_EXTRA_PENALTY, Pairing, argmax_classes, assign_classes,
                               counts_from_labels, is_normal_karyotype, karyotype_sanity, karyotype_string,
                               pair_chromosomes)
from mmkaryo.structures import CHROMOSOME_CLASSES, NUM_CLASSES, MaskCrops
from mmkaryo.utils import register_all_modules


@dataclass
class KaryotypeResult:
    """One metaphase read: N instances and the karyotype.

    Attributes:
        name: image file stem, or ``image_<k>`` for arrays.
        image: (H, W) uint8 grayscale image the model saw (inverted from the input when ``inverted``).
        boxes: (N, 4) xyxy boxes in image pixels.
        masks: the N instance masks as box crops (index ``masks[i]`` for one dense (H, W) bool mask).
        detector_labels: (N,) the detector's own class of each instance.
        detection_scores: (N,) the detector's score of each instance, the one ``score_thr`` applies to
            (see :mod:`mmkaryo.apis.model_keys`); 1.0 for instances that come from no detector.
        class_scores: (N, 25) softmax of each instance's RoI over the 24 classes and background.
        class_probs: (N, 24) the same restricted to the classes and renormalised (rows sum to 1).
        labels: (N,) classes read (constrained assignment, or argmax if the inferencer says so).
        argmax_labels: (N,) unconstrained argmax of ``class_probs``.
        pairing: the 23 homologous groups of ``labels``.
        karyotype: ISCN string of ``labels``; ``sanity`` in [0, 1]; ``normal`` for 46,XX / 46,XY.
        polarity: the input image's polarity, detected or given (:mod:`mmkaryo.apis.polarity`).
        inverted: whether the input was inverted to the model's polarity to make ``image``.
    """
    name: str
    image: np.ndarray
    boxes: np.ndarray
    masks: MaskCrops
    detector_labels: np.ndarray
    detection_scores: np.ndarray
    class_scores: np.ndarray
    class_probs: np.ndarray
    labels: np.ndarray
    argmax_labels: np.ndarray
    pairing: Pairing
    karyotype: str
    sanity: float
    normal: bool
    polarity: str
    inverted: bool

    @property
    def scores(self) -> np.ndarray:
        """(N,) softmax probability of each instance's read class (used as the COCO result score)."""
        return self.class_scores[np.arange(len(self.labels)), self.labels]


def read_karyotype(name: str, image: np.ndarray, boxes: np.ndarray, masks: Union[MaskCrops, np.ndarray],
                   detector_labels: np.ndarray, class_scores: np.ndarray,
                   extra_penalty: float = DEFAULT_EXTRA_PENALTY, constrained: bool = True,
                   detection_scores: Optional[np.ndarray] = None, polarity: str = DARK_ON_LIGHT,
                   inverted: bool = False) -> KaryotypeResult:
    """Read the karyotype of N detected instances (the model-free half of the inferencer).

    Args:
        name: image name; image: (H, W) uint8; boxes: (N, 4) xyxy; masks: MaskCrops or (N, H, W) bool;
        detector_labels: (N,) the detector's classes; class_scores: (N, 25) softmax incl. background.
        extra_penalty, constrained: see :class:`KaryotypeInferencer`.
        detection_scores: (N,) the detector's scores; None (instances from no detector, e.g. ground
            truth) gives 1.0 each.
        polarity, inverted: the input's polarity and whether ``image`` is its inversion.
    """
    class_scores = np.asarray(class_scores, dtype=np.float64)
    if class_scores.ndim != 2 or class_scores.shape[1] != NUM_CLASSES + 1:
        raise ValueError(f'{name}: class_scores must be (N, {NUM_CLASSES + 1}), got {class_scores.shape}')
    fg_scores = class_scores[:, :NUM_CLASSES]
    class_probs = fg_scores / np.clip(fg_scores.sum(axis=1, keepdims=True), 1e-12, None)
    argmax_labels = argmax_classes(class_probs)
    labels = assign_classes(class_probs, extra_penalty) if constrained else argmax_labels
    counts = counts_from_labels(labels)
    if not isinstance(masks, MaskCrops):
        masks = MaskCrops.from_dense(masks)
    if len(masks) != len(class_scores):
        raise ValueError(f'{name}: {len(masks)} masks for {len(class_scores)} instances')
    detection_scores = (np.ones(len(class_scores)) if detection_scores is None else
                        np.asarray(detection_scores, dtype=np.float64))
    if detection_scores.shape != (len(class_scores), ):
        raise ValueError(f'{name}: detection_scores must be ({len(class_scores)},), got '
                         f'{detection_scores.shape}')
    return KaryotypeResult(
        name=name, image=image, boxes=np.asarray(boxes, dtype=np.float64),
        masks=masks, detector_labels=np.asarray(detector_labels, dtype=np.int64),
        detection_scores=detection_scores, class_scores=class_scores, class_probs=class_probs,
        labels=labels, argmax_labels=argmax_labels,
        pairing=pair_chromosomes(labels, class_probs[np.arange(len(labels)), labels]),
        karyotype=karyotype_string(labels), sanity=karyotype_sanity(counts),
        normal=is_normal_karyotype(counts), polarity=check_polarity(polarity, name), inverted=bool(inverted))


def _init_detector(config: Union[str, Config], checkpoint: Optional[str], device: str,
                   cfg_options: Optional[dict]) -> nn.Module:
    """mmdet's ``init_detector`` with the 24 chromosome classes as ``dataset_meta``.

    mmdet falls back to COCO's class names, with a warning, for a checkpoint without them (such as
    a packaged model's plain state dict); that warning is dropped, the others are passed on.
    """
    with warnings.catch_warnings(record=True) as caught:
        model = init_detector(config, checkpoint, device=device, cfg_options=cfg_options)
    for warning in caught:
        if 'use COCO classes by default' not in str(warning.message):
            warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    model.dataset_meta = dict(model.dataset_meta, classes=CHROMOSOME_CLASSES)
    return model


class KaryotypeInferencer:
    """Read karyotypes with a two-stage mmdet detector of the 24 chromosome classes.

    Built on mmdet's ``init_detector`` and ``inference_detector``; the final bbox head is wrapped by
    :func:`attach_class_scores` so each detection keeps its full class-score vector, and the final mask
    head by :func:`attach_mask_crops` so each mask is pasted into its own box region only (memory grows
    with the boxes' areas, not with N x H x W). Each RoI gives at most one instance (its best-scoring
    detection; mmdet's NMS may keep several), and only instances whose detection score reaches
    ``score_thr`` are read.

    Each image is first brought to the polarity the model was trained on (the config's
    ``image_polarity``, see :mod:`mmkaryo.apis.model_keys`): its own polarity is detected
    (:func:`~mmkaryo.apis.polarity.detect_polarity`) or given, and the image is inverted when the two
    differ, exactly as the training copies of fluorescence images were.

    Args:
        config: config file path or Config; None (with ``checkpoint`` None) takes the packaged default
            model (:func:`~mmkaryo.apis.default_model.default_model_files`).
        checkpoint: checkpoint path (an mmengine checkpoint or a plain state dict, fp16 tensors
            allowed); None keeps the initial weights of ``config``.
        device: torch device, e.g. ``'cpu'``.
        score_thr: minimum detection score of an instance; None takes the config's top-level
            ``score_thr``, else 0.3.
        extra_penalty: see :func:`mmkaryo.karyotype.assign_classes`.
        constrained: read classes by constrained assignment (True) or argmax (False).
        cfg_options: overrides merged into the config.
        polarity: the inputs' polarity, ``'auto'`` (detected per image), ``'dark_on_light'`` or
            ``'bright_on_dark'``.

    Raises:
        FileNotFoundError: the packaged model is asked for and absent.
        ValueError: a checkpoint without a config; a detector without the 24 classes; a bad
            ``score_thr``, ``image_polarity`` or ``polarity``.
    """

    def __init__(self, config: Union[str, Config, None] = None, checkpoint: Optional[str] = None,
                 device: str = 'cpu', score_thr: Optional[float] = None,
                 extra_penalty: float = DEFAULT_EXTRA_PENALTY, constrained: bool = True,
                 cfg_options: Optional[dict] = None, polarity: str = AUTO) -> None:
        if config is None:
            if checkpoint is not None:
                raise ValueError(f'checkpoint {checkpoint} given without its config')
            config, checkpoint = default_model_files()
        if polarity != AUTO:
            check_polarity(polarity, 'polarity argument')
        register_all_modules(init_default_scope=False)
        self.model = _init_detector(config, checkpoint, device, cfg_options)
        num_classes = final_bbox_head(self.model).num_classes
        if num_classes != NUM_CLASSES:
            raise ValueError(f'{config}: the detector has {num_classes} classes; karyotype reading needs '
                             f'the {NUM_CLASSES} chromosome classes')
        attach_class_scores(self.model)
        if self.model.with_mask:
            attach_mask_crops(self.model)
        pipeline = self.model.cfg.test_dataloader.dataset.pipeline
        self.grayscale_input = pipeline[0].get('color_type', 'color') == 'grayscale'
        self.score_thr = score_threshold(self.model.cfg, score_thr)
        self.model_polarity = model_polarity(self.model.cfg)
        self.polarity = polarity
        self.extra_penalty = extra_penalty
        self.constrained = constrained

    def __call__(self, inputs: Union[ImageInput, Sequence[ImageInput]]) -> List[KaryotypeResult]:
        """Read one image (path or array), a folder, or a list of them."""
        if isinstance(inputs, (str, Path, np.ndarray)):
            inputs = [inputs]
        sources = []
        for item in inputs:
            sources += [item] if isinstance(item, np.ndarray) else list_images([item])
        return [self.read(source, name=None if not isinstance(source, np.ndarray) else f'image_{k}')
                for k, source in enumerate(sources)]

    def read(self, source: ImageInput, name: Optional[str] = None) -> KaryotypeResult:
        """Detect the chromosomes of one image and read its karyotype."""
        gray = read_gray_image(source)
        if name is None:
            name = Path(source).stem if not isinstance(source, np.ndarray) else 'image'
        polarity = detect_polarity(gray) if self.polarity == AUTO else self.polarity
        gray, inverted = to_polarity(gray, polarity, self.model_polarity)
        model_input = gray if self.grayscale_input else np.repeat(gray[..., None], 3, axis=2)
        pred = inference_detector(self.model, model_input).pred_instances
        scores = pred.scores.cpu().numpy()
        keep = self._reading_instances(pred.roi_index.cpu().numpy(), scores)
        if 'masks' not in pred:  # a detector without a mask head
            masks = MaskCrops.empty(len(keep), gray.shape)
        elif isinstance(pred.masks, MaskCrops):
            masks = pred.masks[keep]
        else:  # mmdet's (0, H, W) result when nothing is detected
            masks = MaskCrops.from_dense(pred.masks.cpu().numpy()[keep])
        return read_karyotype(
            name, gray, pred.bboxes.cpu().numpy()[keep], masks, pred.labels.cpu().numpy()[keep],
            pred.class_scores.cpu().numpy()[keep], extra_penalty=self.extra_penalty,
            constrained=self.constrained, detection_scores=scores[keep], polarity=polarity,
            inverted=inverted)

    def _reading_instances(self, roi_index: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """Indices of the first (highest-scoring) detection of each RoI scoring at least score_thr."""
        order = np.argsort(-scores, kind='stable')
        _, first = np.unique(roi_index[order], return_index=True)
        keep = order[np.sort(first)]
        return keep[scores[keep] >= self.score_thr]
