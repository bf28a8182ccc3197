"""mmkaryo: chromosome instance segmentation and karyotype reading on MMDetection 3.x."""
from mmkaryo.utils.checkpoint_compat import allow_trusted_checkpoints

__version__ = '0.1.0'

allow_trusted_checkpoints()

__all__ = ['__version__']
