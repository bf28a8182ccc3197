"""Per-image error counts from dumped predictions (``tools/test.py --out results.pkl``).

mmdet's ``DumpDetResults`` drops the ground truth, so it is read back from the test dataset's
``data_info`` (raw ``instances``), matched to each result by ``img_id``.
"""
from typing import Any, Dict, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np

from mmkaryo.evaluation.functional.class_matching import class_confusion, per_class_counts
from mmkaryo.evaluation.metrics.sample_instances import ground_truth, pairwise_iou, predictions


class ImageErrors(NamedTuple):
    """One image's confusion matrix (classes + background) and its FN / FP totals."""
    data_info: Dict[str, Any]
    result: Dict[str, Any]
    confusion: np.ndarray
    fn: int
    fp: int


def image_errors(results: Sequence[dict], dataset: Any, iou_thr: float = 0.5,
                 score_thr: float = 0.5) -> List[ImageErrors]:
    """Pair each dumped result with its data_info and count its errors (see ChromosomeClassMetric).

    IoU is on masks when both sides have them, else on boxes. Raises ``ValueError`` for a result
    whose ``img_id`` is not in the dataset (results and config do not belong together).
    """
    infos = {}
    for index in range(len(dataset)):
        info = dataset.get_data_info(index)
        infos[info['img_id']] = info
    num_classes = len(dataset.metainfo['classes'])
    errors = []
    for result in results:
        info = infos.get(result['img_id'])
        if info is None:
            raise ValueError(f'result for img_id {result["img_id"]} ({result.get("img_path")}) has no '
                             'image in the test dataset; are results and config from the same run?')
        sample = dict(result, ori_shape=(info['height'], info['width']), instances=info['instances'],
                      with_mask=info.get('with_mask', True))
        gt = ground_truth(sample, require_masks=False)
        pred = predictions(sample, score_thr)
        iou = pairwise_iou(gt, pred, gt.rles is not None and pred.rles is not None)
        confusion = class_confusion(iou, gt.labels, pred.labels, num_classes, iou_thr)
        counts = per_class_counts(confusion)
        errors.append(ImageErrors(info, result, confusion, int(counts['fn'].sum()), int(counts['fp'].sum())))
    return errors


def worst_images(errors: Sequence[ImageErrors], top: int) -> List[int]:
    """Indices into ``errors`` of the ``top`` images with most FN + FP (ties: dataset order)."""
    order = sorted(range(len(errors)), key=lambda i: (-(errors[i].fn + errors[i].fp), i))
    return order[:top]


def errors_of_dump(config: str, results_file: str, cfg_options: Optional[dict] = None,
                   iou_thr: float = 0.5, score_thr: float = 0.5) -> Tuple[Any, List[ImageErrors]]:
    """Build ``config``'s test dataset and match the predictions of ``results_file`` against it.

    ``results_file`` is what ``tools/test.py CONFIG CKPT --out results_file`` dumped. Returns the
    dataset and each image's :class:`ImageErrors`.
    """
    from mmengine.fileio import load

    from mmkaryo.registry import DATASETS
    from mmkaryo.utils import load_config, register_all_modules

    register_all_modules()
    cfg = load_config(config, cfg_options)
    dataset = DATASETS.build(cfg.test_dataloader.dataset)
    return dataset, image_errors(load(results_file), dataset, iou_thr, score_thr)
