"""Write a synthetic dataset in every format the project reads.

Layout under ``out_dir`` (one folder per format):
``coco/`` (annotations.json + images/), ``autokary2022/`` ({train,test}_labelme/<patientID>/),
``cil24/`` (24_chromosomes_object/{JEPG,annotations}/), ``custom/`` (images/ + masks/<name>/<k>.png),
``mfish/`` (<P01__XY>/<P0101XYD.tif>, <P0101XYK.tif>, case-info.txt). See each writer's docstring.

Image ``i`` is ``synth_<i:06d>`` of patient ``i // images_per_patient`` (``patient_<p:04d>``); all
images of a patient share its karyotype. Patients are split train/test (``test_fraction``, at least
one test patient when there are two or more patients) by a permutation drawn from the seed.
"""
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Set, Union

import numpy as np

from mmkaryo.datasets.synthetic.config import SyntheticConfig
from mmkaryo.datasets.synthetic.generator import generate_sample
from mmkaryo.datasets.synthetic.writers import (CocoWriter, LabelMeWriter, MaskFolderWriter, MFishWriter,
                                                SampleRecord, VocWriter)

FORMATS = ('coco', 'autokary2022', 'cil24', 'custom', 'mfish')


def image_name(index: int) -> str:
    """File stem of image ``index``."""
    return f'synth_{index:06d}'


def patient_name(patient: int) -> str:
    """Folder / ``patient_id`` of patient number ``patient`` (0-based)."""
    return f'patient_{patient:04d}'


def split_test_patients(num_patients: int, seed: int, test_fraction: float) -> Set[int]:
    """The patient numbers of the test split: a seeded permutation's first ``round(fraction * n)``."""
    if not 0.0 <= test_fraction < 1.0:
        raise ValueError(f'synthetic/dataset.py: test_fraction must be in [0, 1), got {test_fraction}')
    count = int(round(test_fraction * num_patients))
    if test_fraction > 0 and num_patients >= 2:
        count = max(count, 1)
    order = np.random.default_rng([seed, 2]).permutation(num_patients)
    return set(int(p) for p in order[:count])


def _writers(out_dir: Path, formats: Iterable[str], num_patients: int, images_per_patient: int,
             embed_image_data: bool) -> Dict[str, Any]:
    factories: Dict[str, Callable[[Path], Any]] = dict(
        coco=CocoWriter,
        autokary2022=lambda root: LabelMeWriter(root, embed_image_data=embed_image_data),
        cil24=VocWriter,
        custom=MaskFolderWriter,
        mfish=lambda root: MFishWriter(root, slide_digits=max(2, len(str(num_patients))),
                                       image_digits=max(2, len(str(images_per_patient)))))
    return {name: factories[name](out_dir / name) for name in formats}


def write_synthetic_dataset(out_dir: Union[str, Path], num_images: int, seed: int, image_size: int = 640,
                            formats: Iterable[str] = FORMATS, images_per_patient: int = 4,
                            test_fraction: float = 0.2, embed_image_data: bool = False,
                            **config_options: Any) -> Dict[str, Path]:
    """Generate ``num_images`` metaphases and write them in ``formats``; return {format: its folder}.

    ``config_options`` are further :class:`SyntheticConfig` fields (``overlap_rate``,
    ``aneuploidy_rate``, ``touch_rate``, ...). ``embed_image_data`` fills LabelMe's ``imageData``.
    Images are generated one at a time, so memory does not grow with ``num_images``.
    """
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ValueError(f'synthetic/dataset.py: formats must be a non-empty subset of {FORMATS}, '
                         f'got {formats}')
    for name, value in (('num_images', num_images), ('images_per_patient', images_per_patient)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f'synthetic/dataset.py: {name} must be an int >= 1, got {value!r}')
    config = SyntheticConfig(image_size=image_size, **config_options)
    out_dir = Path(out_dir)
    layout = dataset_layout(num_images, seed, images_per_patient, test_fraction)
    num_patients = layout[-1]['patient'] + 1
    writers = _writers(out_dir, formats, num_patients, images_per_patient, embed_image_data)
    for entry in layout:
        sample = generate_sample(config, seed, entry['index'], entry['patient'])
        for writer in writers.values():
            writer.add(SampleRecord(sample=sample, **entry))
    for writer in writers.values():
        writer.close()
    return {name: out_dir / name for name in formats}


def dataset_layout(num_images: int, seed: int, images_per_patient: int = 4,
                   test_fraction: float = 0.2) -> List[Dict[str, Any]]:
    """Per image: ``name``, ``index``, ``patient``, ``patient_id``, ``image_in_patient``, ``split``.

    This is where ``write_synthetic_dataset`` puts each image; it generates nothing.
    """
    num_patients = -(-num_images // images_per_patient)
    test = split_test_patients(num_patients, seed, test_fraction)
    return [dict(name=image_name(i), index=i, patient=i // images_per_patient,
                 patient_id=patient_name(i // images_per_patient), image_in_patient=i % images_per_patient,
                 split='test' if i // images_per_patient in test else 'train')
            for i in range(num_images)]
