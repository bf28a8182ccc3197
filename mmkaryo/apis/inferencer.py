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
from mmkaryo.apis.crop_namer import CropNamer, classifier_files
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
        class_scores: (N, 25) probabilities of the 24 classes and background (last): the softmax of each
            instance's RoI or, when a crop classifier names the chromosomes, the classifier's class
            probabilities times the RoI's 1 - p(background), beside that p(background).
        class_probs: (N, 24) the same restricted to the classes and renormalised (rows sum to 1).
        labels: (N,) classes read (constrained assignment, or argmax if the inferencer says so).
        argmax_labels: (N,) unconstrained argmax of ``class_probs``.
        pairing: the 23 homologous groups of ``labels``.
        karyotype: ISCN string of ``labels``; ``sanity`` in [0, 1]; ``normal`` for 46,XX / 46,XY.
        polarity: the input image's polarity, detected or given (:mod:`mmkaryo.apis.polarity`).
        inverted: whether the input was inverted to the model's polarity to make ``image``.
        class_source: ``'classifier'`` when a crop classifier named the chromosomes, else ``'detector'``.
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
    class_source: str = 'detector'

    @property
    def scores(self) -> np.ndarray:
        """(N,) softmax probability of each instance's read class (used as the COCO result score)."""
        return self.class_scores[np.arange(len(self.labels)), self.labels]


def read_karyotype(name: str, image: np.ndarray, boxes: np.ndarray, masks: Union[MaskCrops, np.ndarray],
                   detector_labels: np.ndarray, class_scores: np.ndarray,
                   extra_penalty: float = DEFAULT_EXTRA_PENALTY, constrained: bool = True,
                   detection_scores: Optional[np.ndarray] = None, polarity: str = DARK_ON_LIGHT,
                   inverted: bool = False, class_source: str = 'detector') -> KaryotypeResult:
    """Read the karyotype of N detected instances (the model-free half of the inferencer).

    Args:
        name: image name; image: (H, W) uint8; boxes: (N, 4) xyxy; masks: MaskCrops or (N, H, W) bool;
        detector_labels: (N,) the detector's classes; class_scores: (N, 25) softmax incl. background.
        extra_penalty, constrained: see :class:`KaryotypeInferencer`.
        detection_scores: (N,) the detector's scores; None (instances from no detector, e.g. ground
            truth) gives 1.0 each.
        polarity, inverted: the input's polarity and whether ``image`` is its inversion.
        class_source: what named the instances, ``'detector'`` or ``'classifier'``.
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
        normal=is_normal_karyotype(counts), polarity=check_polarity(polarity, name), inverted=bool(inverted),
        class_source=class_source)


def classifier_class_scores(class_scores: np.ndarray, probs: np.ndarray, named: np.ndarray) -> np.ndarray:
    """(N, 25) class scores whose 24 class columns are ``probs`` (N, 24) times each RoI's 1 - p(background)
    for the ``named`` rows; the other rows and the background column stay the detector's."""
    out = np.array(class_scores, dtype=np.float64)
    foreground = 1.0 - out[named, -1:]
    out[named, :NUM_CLASSES] = probs[named] * foreground
    return out


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

    Naming: a crop classifier (:class:`~mmkaryo.apis.crop_namer.CropNamer`) names the instances from
    their masks' crops when one is given or the detector config names one (``chromosome_classifier``);
    the metaphase statistics of the crops come from the instances scoring at least the config's own
    ``score_thr``. Otherwise, or with ``use_classifier=False``, the detector's class head names them.

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
        classifier_config, classifier_checkpoint: a crop classifier (both or neither); None takes the
            one the detector config names, if any.
        use_classifier: False reads the detector's classes even when a classifier is named.

    Raises:
        FileNotFoundError: the packaged model is asked for and absent.
        ValueError: a checkpoint without a config; a detector without the 24 classes; a bad
            ``score_thr``, ``image_polarity`` or ``polarity``; a classifier config without its
            checkpoint, or a ``chromosome_classifier`` entry naming missing files.
    """

    def __init__(self, config: Union[str, Config, None] = None, checkpoint: Optional[str] = None,
                 device: str = 'cpu', score_thr: Optional[float] = None,
                 extra_penalty: float = DEFAULT_EXTRA_PENALTY, constrained: bool = True,
                 cfg_options: Optional[dict] = None, polarity: str = AUTO,
                 classifier_config: Optional[str] = None, classifier_checkpoint: Optional[str] = None,
                 use_classifier: bool = True) -> None:
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
        self.reference_thr = score_threshold(self.model.cfg)
        if (classifier_config is None) != (classifier_checkpoint is None):
            raise ValueError('classifier_config and classifier_checkpoint go together')
        files = (classifier_config, classifier_checkpoint) if classifier_config else \
            classifier_files(self.model.cfg)
        self.namer = CropNamer(*files, device=device) if files and use_classifier else None
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
        class_scores = pred.class_scores.cpu().numpy()[keep]
        if self.namer is not None:
            probs, named = self.namer.class_probs(gray, masks, self.model_polarity == DARK_ON_LIGHT,
                                                  reference=scores[keep] >= self.reference_thr)
            class_scores = classifier_class_scores(class_scores, probs, named)
        return read_karyotype(
            name, gray, pred.bboxes.cpu().numpy()[keep], masks, pred.labels.cpu().numpy()[keep],
            class_scores, extra_penalty=self.extra_penalty, constrained=self.constrained,
            detection_scores=scores[keep], polarity=polarity, inverted=inverted,
            class_source='detector' if self.namer is None else 'classifier')

    def _reading_instances(self, roi_index: np.ndarray, scores: np.ndarray) -> np.ndarray:
        """Indices of the first (highest-scoring) detection of each RoI scoring at least score_thr."""
        order = np.argsort(-scores, kind='stable')
        _, first = np.unique(roi_index[order], return_index=True)
        keep = order[np.sort(first)]
        return keep[scores[keep] >= self.score_thr]
