"""ChromosomeCropClassifier: loss, flip-invariant prediction, and it learns a separable toy problem."""
import pytest
import torch
from mmengine.structures import BaseDataElement

from mmkaryo.models import ChromosomeCropClassifier

BACKBONE = dict(type='CropConvNet', stage_channels=(8, 16), stage_convs=(1, 1))


def samples(labels, sizes=None):
    out = []
    for i, label in enumerate(labels):
        sample = BaseDataElement()
        sample.sizes = torch.zeros(2) if sizes is None else sizes[i]
        sample.gt_label = torch.tensor(label)
        out.append(sample)
    return out


def test_modes_and_shapes():
    torch.manual_seed(0)
    model = ChromosomeCropClassifier(backbone=BACKBONE, pool_rows=3, hidden=16)
    images = torch.rand(4, 1, 24, 12)
    assert model(images, samples([0, 1, 2, 3]), mode='tensor').shape == (4, 24)
    loss = model(list(images), samples([0, 1, 2, 3]), mode='loss')['loss_cls']
    assert torch.isfinite(loss) and loss > 0
    model.eval()
    predicted = model(images, samples([0, 1, 2, 3]), mode='predict')
    scores = torch.stack([s.pred_scores for s in predicted])
    assert scores.shape == (4, 24) and torch.allclose(scores.sum(1), torch.ones(4))
    with pytest.raises(ValueError, match='mode'):
        model(images, samples([0, 1, 2, 3]), mode='bad')
    with pytest.raises(ValueError, match='data_samples'):
        model(images, None, mode='tensor')


def test_flip_averaged_prediction_does_not_depend_on_the_chromosome_end():
    torch.manual_seed(0)
    model = ChromosomeCropClassifier(backbone=BACKBONE, pool_rows=3, hidden=16).eval()
    images = torch.rand(2, 1, 24, 12)
    up = torch.stack([s.pred_scores for s in model(images, samples([0, 0]), mode='predict')])
    down = torch.stack([s.pred_scores for s in model(images.flip(2), samples([0, 0]), mode='predict')])
    assert torch.allclose(up, down, atol=1e-6)
    model.test_flips = False
    plain = torch.stack([s.pred_scores for s in model(images.flip(2), samples([0, 0]), mode='predict')])
    assert not torch.allclose(up, plain, atol=1e-6)


def test_learns_banding_position_and_size():
    """Class 0: dark band at the top; class 1: at the bottom; class 2: no band, large size."""
    torch.manual_seed(0)
    images = torch.zeros(48, 1, 24, 12)
    labels = [k % 3 for k in range(48)]
    sizes = []
    for k, label in enumerate(labels):
        images[k, 0, 2:22, 4:8] = 0.5
        if label == 0:
            images[k, 0, 3:7, 4:8] = 1.5
        elif label == 1:
            images[k, 0, 17:21, 4:8] = 1.5
        sizes.append(torch.tensor([1.0, 1.0]) if label == 2 else torch.zeros(2))
    model = ChromosomeCropClassifier(backbone=BACKBONE, pool_rows=3, hidden=16, dropout=0.0, test_flips=False)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(60):
        optimizer.zero_grad()
        loss = model(images, samples(labels, sizes), mode='loss')['loss_cls']
        loss.backward()
        optimizer.step()
    model.eval()
    predicted = model(images, samples(labels, sizes), mode='predict')
    assert [int(s.pred_scores.argmax()) for s in predicted] == labels
