"""GrayscaleResNet: 1-channel stem; RGB weights summed on load reproduce the RGB net on gray input."""
import pytest
import torch
from mmdet.models.backbones import ResNet

from mmkaryo.models.backbones import GrayscaleResNet


def test_summed_rgb_weights_match_rgb_network_on_replicated_gray():
    torch.manual_seed(0)
    rgb = ResNet(depth=18, in_channels=3)
    gray = GrayscaleResNet(depth=18)
    gray.load_state_dict(rgb.state_dict())
    rgb.eval()
    gray.eval()
    expected = rgb.state_dict()['conv1.weight'].sum(dim=1, keepdim=True)
    assert gray.conv1.weight.shape == (64, 1, 7, 7)
    assert torch.allclose(gray.conv1.weight, expected)

    image = torch.rand(1, 1, 64, 64)
    with torch.no_grad():
        for got, want in zip(gray(image), rgb(image.expand(-1, 3, -1, -1))):
            assert torch.allclose(got, want, atol=1e-4)


def test_pretrained_init_cfg_sums_weights(tmp_path):
    torch.manual_seed(0)
    rgb = ResNet(depth=18, in_channels=3)
    checkpoint = tmp_path / 'rgb.pth'
    torch.save(dict(state_dict=rgb.state_dict()), checkpoint)
    gray = GrayscaleResNet(depth=18, init_cfg=dict(type='Pretrained', checkpoint=str(checkpoint)))
    gray.init_weights()
    assert torch.allclose(gray.conv1.weight, rgb.conv1.weight.sum(dim=1, keepdim=True))


def test_deep_stem_weights_are_summed_too():
    torch.manual_seed(0)
    rgb = ResNet(depth=18, in_channels=3, deep_stem=True)
    gray = GrayscaleResNet(depth=18, deep_stem=True)
    gray.load_state_dict(rgb.state_dict())
    assert torch.allclose(gray.stem[0].weight, rgb.stem[0].weight.sum(dim=1, keepdim=True))


def test_rejects_multi_channel_input():
    with pytest.raises(ValueError, match='in_channels must be 1'):
        GrayscaleResNet(depth=18, in_channels=3)
