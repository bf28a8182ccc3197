"""A box head that finds chromosomes by chromosome-ness and names them afterwards.

mmdet's ``BBoxHead`` scores a detection by its best class's softmax probability and runs NMS per class.
A young 24-class model spreads its probability over 24 classes, so that score says little about
whether the RoI holds a chromosome at all, and two neighbouring RoIs that name one chromosome
differently both survive class-wise NMS. :class:`ChromosomenessBBoxHead` trains exactly like
``Shared2FCBBoxHead``; at test time each RoI gives at most one detection:

* ``scores``: its chromosome-ness ``1 - p(background)``;
* ``labels``: its most probable chromosome class;
* ``bboxes``: the box regressed for that class (the only one when ``reg_class_agnostic``);
* NMS is class-agnostic (``rcnn_test_cfg.nms``), then ``max_per_img`` by score;
* ``class_scores`` (K + 1 softmax, background last) and ``roi_index`` ride along for karyotype reading
  (the same fields :func:`mmkaryo.apis.class_scores.attach_class_scores` adds to mmdet's heads).
"""
from typing import Optional

import torch
from mmcv.ops import batched_nms
from mmdet.models.roi_heads.bbox_heads import Shared2FCBBoxHead
from mmengine.config import ConfigDict
from mmengine.structures import InstanceData
from torch import Tensor

from mmkaryo.registry import MODELS


@MODELS.register_module()
class ChromosomenessBBoxHead(Shared2FCBBoxHead):
    """``Shared2FCBBoxHead`` scored by ``1 - p(background)`` with class-agnostic NMS at test time."""

    #: its predictions already carry ``class_scores`` and ``roi_index``
    provides_class_scores = True

    def _predict_by_feat_single(self, roi: Tensor, cls_score: Tensor, bbox_pred: Tensor, img_meta: dict,
                                rescale: bool = False,
                                rcnn_test_cfg: Optional[ConfigDict] = None) -> InstanceData:
        """One detection per RoI kept by chromosome-ness (see the module docstring).

        With ``rcnn_test_cfg=None`` (mmdet's augmented-test path) the raw per-RoI boxes and scores of
        ``BBoxHead`` are returned unchanged.
        """
        raw = super()._predict_by_feat_single(roi, cls_score, bbox_pred, img_meta, rescale=rescale,
                                              rcnn_test_cfg=None)
        if rcnn_test_cfg is None:
            return raw
        if roi.shape[0] == 0:
            return InstanceData(bboxes=roi.new_zeros((0, 4)), scores=roi.new_zeros((0, )),
                                labels=roi.new_zeros((0, ), dtype=torch.long),
                                class_scores=roi.new_zeros((0, self.num_classes + 1)),
                                roi_index=roi.new_zeros((0, ), dtype=torch.long))
        scores = raw.scores
        chromosomeness = 1.0 - scores[:, -1]
        labels = scores[:, :-1].argmax(dim=1)
        boxes = raw.bboxes.view(roi.size(0), -1, 4)
        boxes = boxes[:, 0] if boxes.size(1) == 1 else boxes[torch.arange(roi.size(0)), labels]
        candidates = torch.nonzero(chromosomeness > rcnn_test_cfg.score_thr).squeeze(1)
        dets, kept = batched_nms(boxes[candidates], chromosomeness[candidates],
                                 torch.zeros_like(candidates), rcnn_test_cfg.nms, class_agnostic=True)
        if rcnn_test_cfg.max_per_img > 0:
            dets, kept = dets[:rcnn_test_cfg.max_per_img], kept[:rcnn_test_cfg.max_per_img]
        roi_index = candidates[kept]
        return InstanceData(bboxes=dets[:, :4], scores=dets[:, 4], labels=labels[roi_index],
                            class_scores=scores[roi_index], roi_index=roi_index)
