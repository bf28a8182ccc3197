"""Read the zoo's inputs: the annotation file and each image's prediction, checked against each other."""
import json
from pathlib import Path
from typing import Callable, List, Sequence, Union

from mmkaryo.evaluation.zoo.detections import Prediction
from mmkaryo.evaluation.zoo.ground_truth import GroundTruthImage, ground_truth_images


def load_ground_truth(ann_file: Union[str, Path]) -> List[GroundTruthImage]:
    """The records of a 24-class COCO file; ``ValueError`` naming the file when it is missing, not
    json, holds no image, or fails :func:`.ground_truth.ground_truth_images`."""
    path = Path(ann_file)
    if not path.is_file():
        raise ValueError(f'{path}: no such annotation file')
    try:
        coco = json.loads(path.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ValueError(f'{path}: not a json file ({error})') from error
    images = ground_truth_images(coco, str(path))
    if not images:
        raise ValueError(f'{path}: the annotation file holds no image')
    return images


def predict_images(images: Sequence[GroundTruthImage], img_dir: Union[str, Path],
                   predict: Callable[[Path], Prediction]) -> List[Prediction]:
    """``predict(img_dir / file_name)`` for each image, in order.

    Raises ``ValueError`` naming the file when an image is missing or a predicted mask's size
    differs from the image record's height and width (masks must be in original coordinates).
    """
    predictions = []
    for image in images:
        path = Path(img_dir) / image.file_name
        if not path.is_file():
            raise ValueError(f'{path}: image {image.file_name!r} of the annotation file not found')
        prediction = predict(path)
        sizes = {tuple(rle['size']) for rle in prediction.ranked.rles + prediction.kept.rles}
        if sizes - {(image.height, image.width)}:
            raise ValueError(f'{path}: predicted masks of size {sorted(sizes)} but the annotation file '
                             f'says {image.height} x {image.width}')
        predictions.append(prediction)
    return predictions
