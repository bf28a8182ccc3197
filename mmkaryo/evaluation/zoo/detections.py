"""Predicted instances of one image, as plain arrays, and the two sets the zoo row scores."""
from dataclasses import dataclass
from typing import List, NamedTuple, Optional

import numpy as np

from mmkaryo.evaluation.functional.masks import RLE


def _optional_labels(values: Optional[np.ndarray], count: int, name: str) -> Optional[np.ndarray]:
    if values is None:
        return None
    values = np.asarray(values, np.int64).reshape(-1)
    if len(values) != count:
        raise ValueError(f'Detections: {name} has {len(values)} entries for {count} masks')
    return values


@dataclass(frozen=True)
class Detections:
    """N predicted instances of one image.

    Attributes:
        rles: N COCO RLE masks in original-image coordinates.
        boxes: (N, 4) xyxy boxes in pixels.
        scores: (N,) detection scores (higher = more surely a chromosome).
        detector_labels: (N,) the detector's classes 0..23, None for a class-free method.
        labels: (N,) classes read by the constrained karyotype assignment, or None.
        argmax_labels: (N,) classes read by argmax, or None.
    """
    rles: List[RLE]
    boxes: np.ndarray
    scores: np.ndarray
    detector_labels: Optional[np.ndarray] = None
    labels: Optional[np.ndarray] = None
    argmax_labels: Optional[np.ndarray] = None

    def __post_init__(self) -> None:
        count = len(self.rles)
        boxes = np.asarray(self.boxes, np.float64).reshape(-1, 4)
        scores = np.asarray(self.scores, np.float64).reshape(-1)
        if len(boxes) != count or len(scores) != count:
            raise ValueError(f'Detections: {count} masks but {len(boxes)} boxes and {len(scores)} scores')
        object.__setattr__(self, 'rles', list(self.rles))
        object.__setattr__(self, 'boxes', boxes)
        object.__setattr__(self, 'scores', scores)
        for name in ('detector_labels', 'labels', 'argmax_labels'):
            object.__setattr__(self, name, _optional_labels(getattr(self, name), count, name))

    def __len__(self) -> int:
        return len(self.rles)

    def subset(self, keep: np.ndarray) -> 'Detections':
        """The instances at the integer indices ``keep``, every field kept."""
        keep = np.asarray(keep, np.int64).reshape(-1)

        def pick(values: Optional[np.ndarray]) -> Optional[np.ndarray]:
            return None if values is None else values[keep]

        return Detections([self.rles[i] for i in keep], self.boxes[keep], self.scores[keep],
                          pick(self.detector_labels), pick(self.labels), pick(self.argmax_labels))


class Prediction(NamedTuple):
    """What one image contributes to the zoo row.

    ``ranked``: every detection with its score (down to the model's score floor), for mAP@50.
    ``kept``: the detections at the operating threshold, with ``labels`` and ``argmax_labels`` read
    over exactly these instances, for AJI, recall, class accuracy and the karyotype.
    """
    ranked: Detections
    kept: Detections
