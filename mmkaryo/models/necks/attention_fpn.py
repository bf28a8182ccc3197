"""AttentionFPN: mmdet's FPN with CBAM attention (Woo et al., ECCV 2018) on each output level.

Every pyramid output is refined by its own CBAM block (channel then spatial attention), so the neck
can emphasise chromosome-bearing channels and locations against the background. It takes FPN's
arguments plus ``reduction`` and ``spatial_kernel`` and returns the same number and shapes of levels:
replace ``type='FPN'`` by ``type='AttentionFPN'`` in any config. FPN's weights load unchanged from an
FPN checkpoint; the attention blocks start from their initialisation.
"""
from typing import Tuple

from mmdet.models.necks import FPN
from torch import Tensor, nn

from mmkaryo.models.necks.cbam import CBAM
from mmkaryo.registry import MODELS


@MODELS.register_module()
class AttentionFPN(FPN):
    """FPN whose ``num_outs`` outputs each pass through a CBAM block.

    Args:
        reduction: channel-attention MLP reduction ratio (16 in the CBAM paper).
        spatial_kernel: spatial-attention convolution size (7 in the CBAM paper).
        *args, **kwargs: mmdet ``FPN`` arguments.
    """

    def __init__(self, *args, reduction: int = 16, spatial_kernel: int = 7, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.attentions = nn.ModuleList(
            CBAM(self.out_channels, reduction, spatial_kernel) for _ in range(self.num_outs))

    def forward(self, inputs: Tuple[Tensor]) -> tuple:
        """Return FPN's outputs, each refined by its level's CBAM block."""
        outs = super().forward(inputs)
        return tuple(attention(out) for attention, out in zip(self.attentions, outs))
