"""ChromosomenessBBoxHead: scored by 1 - p(background), one detection per RoI, NMS across classes."""
import torch
from mmengine.config import ConfigDict

from mmkaryo.models.roi_heads.bbox_heads import ChromosomenessBBoxHead

TEST_CFG = ConfigDict(score_thr=0.05, nms=dict(type='nms', iou_threshold=0.5), max_per_img=100)


def make_head(reg_class_agnostic: bool = True) -> ChromosomenessBBoxHead:
    return ChromosomenessBBoxHead(in_channels=8, fc_out_channels=16, roi_feat_size=7, num_classes=3,
                                  reg_class_agnostic=reg_class_agnostic)


def logits(probs):
    return torch.log(torch.tensor(probs, dtype=torch.float32))


def predict(head, rois, probs, deltas=None):
    bbox_pred = deltas if deltas is not None else torch.zeros(len(rois), 4 if head.reg_class_agnostic else 12)
    return head._predict_by_feat_single(torch.tensor(rois, dtype=torch.float32), logits(probs), bbox_pred,
                                        dict(img_shape=(100, 100)), rcnn_test_cfg=TEST_CFG)


def test_spread_class_probabilities_still_score_as_chromosome():
    # p(background) = 0.1, the classes share the rest: mmdet's score would be 0.35 at best.
    out = predict(make_head(), [[0, 10, 10, 30, 30]], [[0.3, 0.35, 0.25, 0.1]])
    assert torch.allclose(out.scores, torch.tensor([0.9]))
    assert out.labels.tolist() == [1]
    assert out.roi_index.tolist() == [0]
    assert torch.allclose(out.class_scores, torch.tensor([[0.3, 0.35, 0.25, 0.1]]))
    assert torch.allclose(out.bboxes, torch.tensor([[10., 10., 30., 30.]]))


def test_overlapping_rois_of_different_classes_give_one_detection():
    rois = [[0, 10, 10, 30, 30], [0, 11, 10, 31, 30], [0, 60, 60, 80, 80]]
    probs = [[0.8, 0.1, 0.05, 0.05], [0.1, 0.7, 0.1, 0.1], [0.1, 0.1, 0.2, 0.6]]
    out = predict(make_head(), rois, probs)
    # The third RoI is background-most (0.4 chromosome-ness) but far away: kept; RoI 1 suppressed by RoI 0.
    assert out.roi_index.tolist() == [0, 2]
    assert out.labels.tolist() == [0, 2]
    assert torch.allclose(out.scores, torch.tensor([0.95, 0.4]))


def test_threshold_and_class_specific_boxes():
    head = make_head(reg_class_agnostic=False)
    deltas = torch.zeros(2, 12)
    # class 1's box moves right: delta 1 x the coder's std 0.1 x width 20 = 2 px
    deltas[0, 4:8] = torch.tensor([1.0, 0.0, 0.0, 0.0])
    out = predict(head, [[0, 10, 10, 30, 30], [0, 50, 50, 70, 70]], [[0.1, 0.8, 0.05, 0.05],
                                                                       [0.01, 0.01, 0.01, 0.97]], deltas)
    assert out.roi_index.tolist() == [0]  # the second RoI's 0.03 is below score_thr
    assert torch.allclose(out.bboxes, torch.tensor([[12., 10., 32., 30.]]))


def test_no_rois_and_raw_path():
    head = make_head()
    empty = head._predict_by_feat_single(torch.zeros(0, 5), torch.zeros(0, 4), torch.zeros(0, 4),
                                         dict(img_shape=(10, 10)), rcnn_test_cfg=TEST_CFG)
    assert empty.bboxes.shape == (0, 4) and empty.scores.shape == (0, ) and empty.labels.numel() == 0
    assert empty.class_scores.shape == (0, 4) and empty.roi_index.numel() == 0
    raw = head._predict_by_feat_single(torch.tensor([[0., 1, 1, 5, 5]]), logits([[0.25] * 4]),
                                       torch.zeros(1, 4), dict(img_shape=(10, 10)), rcnn_test_cfg=None)
    assert raw.scores.shape == (1, 4) and 'labels' not in raw
