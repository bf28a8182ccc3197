"""Keep each detection's full class-score vector, which mmdet's predict path drops.

mmdet's ``BBoxHead._predict_by_feat_single`` softmaxes every RoI's class logits, runs
``multiclass_nms`` and keeps only the winning class's score. :func:`attach_class_scores` wraps that
method on one model's final bbox head (an instance attribute: the class, other models and the config
are untouched). The wrapper asks the original method for the raw per-RoI boxes and scores
(``rcnn_test_cfg=None``, mmdet's own aug-test path), runs mmdet's ``multiclass_nms`` with the same
test config and ``return_inds=True``, and stores on each kept detection:

* ``class_scores``: (K + 1,) softmax over the K classes and background (last) of its RoI;
* ``roi_index``: the RoI it came from (one RoI may yield detections of several classes).

Boxes, scores and labels are exactly those the unwrapped head returns. A head whose predictions already
carry both fields (``provides_class_scores``, e.g. :class:`ChromosomenessBBoxHead`) is left as it is.
"""
import torch
from mmdet.models.layers import multiclass_nms
from mmengine.structures import InstanceData
from torch import nn

_MARK = '_mmkaryo_keeps_class_scores'


def final_bbox_head(model: nn.Module) -> nn.Module:
    """Return the bbox head whose predictions a two-stage (or cascade) detector outputs."""
    roi_head = getattr(model, 'roi_head', None)
    head = getattr(roi_head, 'bbox_head', None)
    if isinstance(head, nn.ModuleList):
        head = head[-1]
    if head is None or not hasattr(head, '_predict_by_feat_single'):
        raise TypeError(f'{type(model).__name__} has no RoI bbox head; karyotype reading needs a two-stage '
                        'detector such as Mask R-CNN, Cascade Mask R-CNN or HTC')
    return head


def attach_class_scores(model: nn.Module) -> nn.Module:
    """Make ``model``'s predictions carry ``class_scores`` and ``roi_index`` (idempotent)."""
    head = final_bbox_head(model)
    if getattr(head, _MARK, False) or getattr(head, 'provides_class_scores', False):
        return model
    original = head._predict_by_feat_single

    def predict_single(roi, cls_score, bbox_pred, img_meta, rescale=False, rcnn_test_cfg=None):
        if rcnn_test_cfg is None or roi.shape[0] == 0:
            results = original(roi, cls_score, bbox_pred, img_meta, rescale=rescale,
                               rcnn_test_cfg=rcnn_test_cfg)
            if rcnn_test_cfg is not None:
                results.class_scores = roi.new_zeros((0, head.num_classes + 1))
                results.roi_index = roi.new_zeros((0, ), dtype=torch.long)
            return results
        raw = original(roi, cls_score, bbox_pred, img_meta, rescale=rescale, rcnn_test_cfg=None)
        box_dim = raw.bboxes.size(-1) // (1 if head.reg_class_agnostic else head.num_classes)
        dets, labels, inds = multiclass_nms(
            raw.bboxes, raw.scores, rcnn_test_cfg.score_thr, rcnn_test_cfg.nms, rcnn_test_cfg.max_per_img,
            box_dim=box_dim, return_inds=True)
        results = InstanceData(bboxes=dets[:, :-1], scores=dets[:, -1], labels=labels)
        results.roi_index = inds // head.num_classes
        results.class_scores = raw.scores[results.roi_index]
        return results

    head._predict_by_feat_single = predict_single
    setattr(head, _MARK, True)
    return model
