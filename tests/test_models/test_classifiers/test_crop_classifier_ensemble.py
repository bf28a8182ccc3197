"""ChromosomeCropEnsemble: mean of its members' probabilities, embeddings side by side, not trainable."""
import pytest
import torch
from mmengine.structures import BaseDataElement

from mmkaryo.models import ChromosomeCropClassifier, ChromosomeCropEnsemble
from mmkaryo.utils import register_all_modules

MEMBER = dict(type='ChromosomeCropClassifier', backbone=dict(type='CropConvNet', stage_channels=(8, 16),
                                                               stage_convs=(1, 1)), pool_rows=3, hidden=16)


def samples(n):
    out = []
    for label in range(n):
        sample = BaseDataElement()
        sample.sizes = torch.zeros(2)
        sample.gt_label = torch.tensor(label)
        out.append(sample)
    return out


@pytest.fixture
def ensemble():
    register_all_modules(init_default_scope=False)
    torch.manual_seed(0)
    return ChromosomeCropEnsemble(members=[MEMBER, MEMBER]).eval()


def test_probabilities_are_the_members_mean(ensemble):
    images, sizes = torch.rand(3, 1, 24, 12), torch.zeros(3, 2)
    first, second = (m.predict_scores(images, sizes) for m in ensemble.members)
    assert not torch.allclose(first, second)  # members differ, so the mean is a real test
    predicted = torch.stack([s.pred_scores for s in ensemble(images, samples(3), mode='predict')])
    assert torch.allclose(predicted, (first + second) / 2, atol=1e-6)
    assert torch.allclose(ensemble(images, samples(3), mode='tensor').exp(), predicted, atol=1e-6)
    features = ensemble(images, samples(3), mode='predict')[0].pred_features
    assert features.shape == (32, )


def test_one_member_equals_the_member_alone(ensemble):
    """An ensemble of two copies of one classifier reads exactly as that classifier."""
    ensemble.members[1].load_state_dict(ensemble.members[0].state_dict())
    images, sizes = torch.rand(2, 1, 24, 12), torch.zeros(2, 2)
    assert torch.allclose(ensemble.predict_scores(images, sizes),
                          ensemble.members[0].predict_scores(images, sizes), atol=1e-6)
    assert isinstance(ensemble.members[0], ChromosomeCropClassifier)


def test_is_not_trained_and_needs_two_members(ensemble):
    with pytest.raises(RuntimeError, match='join_crop_ensemble'):
        ensemble(torch.rand(2, 1, 24, 12), samples(2), mode='loss')
    with pytest.raises(ValueError, match='at least two'):
        ChromosomeCropEnsemble(members=[MEMBER])
    with pytest.raises(TypeError, match='member 1'):
        ChromosomeCropEnsemble(members=[MEMBER, dict(type='CropConvNet', stage_channels=(8, ), stage_convs=(1, ))])
