"""The colour of each chromosome class in every picture mmkaryo draws."""
from typing import Tuple

# One colour per homologous pair, indexed by 0-based class: 24 well-separated hues (RGB).
PALETTE: Tuple[Tuple[int, int, int], ...] = (
    (230, 25, 75), (60, 180, 75), (255, 225, 25), (0, 130, 200), (245, 130, 48), (145, 30, 180),
    (70, 240, 240), (240, 50, 230), (210, 245, 60), (250, 190, 212), (0, 128, 128), (220, 190, 255),
    (170, 110, 40), (255, 250, 200), (128, 0, 0), (170, 255, 195), (128, 128, 0), (255, 215, 180),
    (0, 0, 128), (128, 128, 128), (255, 99, 71), (46, 139, 87), (255, 105, 180), (30, 144, 255))
