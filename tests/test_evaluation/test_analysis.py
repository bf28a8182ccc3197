"""Per-image error counts from dumped results and the worst-image ranking."""
import numpy as np
import pytest
import torch

from mmkaryo.evaluation.analysis import image_errors, worst_images
from mmkaryo.evaluation.functional import encode_masks

from .sample_factory import boxes_of, rect, rect_polygon

RECTS = [((0, 3), (0, 1)), ((0, 3), (4, 5)), ((8, 12), (0, 2))]


class FakeDataset:
    """The part of a BaseDetDataset the analysis reads."""
    metainfo = dict(classes=tuple(str(k) for k in range(1, 7)))

    def __init__(self, labels_per_image):
        self.infos = [
            dict(img_id=10 + i, img_path=f'img{i}.png', height=20, width=20, with_mask=True,
                 instances=[dict(bbox=[c[0], r[0], c[1] + 1, r[1] + 1], bbox_label=label, ignore_flag=0,
                                 mask=[rect_polygon(r, c)[0].tolist()])
                            for (r, c), label in zip(RECTS, labels)])
            for i, labels in enumerate(labels_per_image)
        ]

    def __len__(self):
        return len(self.infos)

    def get_data_info(self, index):
        return self.infos[index]


def dumped_result(img_id, labels):
    """A result as DumpDetResults writes it: RLE masks, CPU tensors, no ground truth."""
    masks = np.stack([rect(r, c, (20, 20)) for r, c in RECTS])
    return dict(img_id=img_id, img_path='x.png', ori_shape=(20, 20), pred_instances=dict(
        masks=encode_masks(masks), labels=torch.tensor(labels), scores=torch.full((3, ), 0.9),
        bboxes=torch.from_numpy(boxes_of(masks))))


def test_image_errors_and_worst_ranking():
    dataset = FakeDataset([[0, 1, 2], [0, 1, 2], [3, 4, 5]])
    results = [dumped_result(10, [0, 1, 2]),  # all right
               dumped_result(11, [1, 0, 2]),  # one swapped pair: FN 2, FP 2
               dumped_result(12, [3, 4, 0])]  # chromosome 6 read as 1: FN 1, FP 1
    errors = image_errors(results, dataset)
    assert [(e.fn, e.fp) for e in errors] == [(0, 0), (2, 2), (1, 1)]
    assert errors[1].confusion[0, 1] == 1 and errors[2].confusion[5, 0] == 1
    assert worst_images(errors, 2) == [1, 2]


def test_image_errors_rejects_results_from_another_dataset():
    with pytest.raises(ValueError, match='img_id 99'):
        image_errors([dumped_result(99, [0, 1, 2])], FakeDataset([[0, 1, 2]]))

