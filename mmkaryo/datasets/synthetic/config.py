"""Settings of the synthetic metaphase generator."""
from dataclasses import dataclass
from typing import Tuple

_MIN_IMAGE_SIZE = 256


def _check_range(name: str, value: Tuple[float, float], low: float, high: float) -> None:
    if len(value) != 2 or not low <= value[0] <= value[1] <= high:
        raise ValueError(f'synthetic/config.py: {name} must be (min, max) with '
                         f'{low} <= min <= max <= {high}, got {value!r}')


@dataclass(frozen=True)
class SyntheticConfig:
    """What a synthetic metaphase looks like. Sizes are fractions of ``image_size`` unless noted.

    - ``image_size``: side of the square image in pixels (>= 256; 640 default, 1600 like AutoKary2022).
    - ``overlap_rate``: probability that a chromosome is placed across another one (pixel overlap);
      ``touch_rate``: probability that it is placed touching one without overlap. Others lie free.
    - ``aneuploidy_rate``: probability that a patient's karyotype carries a numerical aberration.
    - ``chromosome_length``: length of chromosome 1; ``chromosome_width``: chromatid-pair width;
      ``spread_radius``: radius of the roughly circular region the chromosomes are scattered in.
    - ``max_nuclei`` / ``max_debris``: up to this many interphase nuclei / debris specks per image.
    - ``blur_sigma`` (pixels at 640 px, scaled with the size), ``contrast`` (1 = full stain contrast),
      ``noise_std`` (grey levels), ``illumination`` (max relative fall-off of the lamp field): ranges
      each image draws from.
    """

    image_size: int = 640
    overlap_rate: float = 0.15
    touch_rate: float = 0.1
    aneuploidy_rate: float = 0.0
    chromosome_length: float = 0.13
    chromosome_width: float = 0.014
    spread_radius: float = 0.3
    max_nuclei: int = 3
    max_debris: int = 25
    blur_sigma: Tuple[float, float] = (0.4, 1.3)
    contrast: Tuple[float, float] = (0.6, 1.0)
    noise_std: Tuple[float, float] = (2.0, 8.0)
    illumination: Tuple[float, float] = (0.0, 0.3)

    def __post_init__(self) -> None:
        if not isinstance(self.image_size, int) or self.image_size < _MIN_IMAGE_SIZE:
            raise ValueError(f'synthetic/config.py: image_size must be an int >= {_MIN_IMAGE_SIZE}, '
                             f'got {self.image_size!r}')
        for name in ('overlap_rate', 'touch_rate', 'aneuploidy_rate'):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f'synthetic/config.py: {name} must be in [0, 1], got {getattr(self, name)}')
        if self.overlap_rate + self.touch_rate > 1.0:
            raise ValueError(f'synthetic/config.py: overlap_rate + touch_rate must be <= 1, got '
                             f'{self.overlap_rate} + {self.touch_rate}')
        for name, high in (('chromosome_length', 0.3), ('chromosome_width', 0.05), ('spread_radius', 0.5)):
            value = getattr(self, name)
            if not 0.0 < value <= high:
                raise ValueError(f'synthetic/config.py: {name} must be in (0, {high}], got {value}')
        if self.chromosome_width >= self.chromosome_length / 4:
            raise ValueError('synthetic/config.py: chromosome_width must be < chromosome_length / 4')
        for name in ('max_nuclei', 'max_debris'):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 0:
                raise ValueError(f'synthetic/config.py: {name} must be an int >= 0, got {value!r}')
        _check_range('blur_sigma', self.blur_sigma, 0.0, 5.0)
        _check_range('contrast', self.contrast, 0.1, 1.0)
        _check_range('noise_std', self.noise_std, 0.0, 50.0)
        _check_range('illumination', self.illumination, 0.0, 0.9)
