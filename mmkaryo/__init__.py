"""mmkaryo: chromosome instance segmentation and karyotype reading on MMDetection 3.x."""
__version__ = '0.1.0'

__all__ = ['__version__']
