"""Synthetic G-banded metaphases with exact instance annotations, written in every format mmkaryo reads.

Public API:

- :class:`SyntheticConfig` — what an image looks like (``image_size``, ``overlap_rate``,
  ``touch_rate``, ``aneuploidy_rate``, sizes, nuclei/debris counts, degradation ranges).
- :func:`generate_sample` ``(config, seed, index, patient=None) -> SyntheticSample`` — one image,
  deterministic in (config, seed, index, patient); the karyotype depends on (seed, patient) only.
- :class:`SyntheticSample` — ``image`` (uint8 H x W, dark chromosomes on a light ground), ``dapi``
  (uint8 fluorescence twin), ``instances`` (list of :class:`SyntheticInstance`: ``label`` 0-based class,
  ``polygon`` (N, 2) x, y, ``bbox`` (x1, y1, x2, y2), ``mask`` (bool H x W), ``mask_crop``, ``offset``,
  ``area``), ``karyotype`` (ISCN string, e.g. ``47,XY,+21``), ``karyotype_code``.
- :func:`write_synthetic_dataset` ``(out_dir, num_images, seed, image_size=640, formats=FORMATS,
  images_per_patient=4, test_fraction=0.2, embed_image_data=False, **config_options)`` — writes
  ``coco``, ``autokary2022``, ``cil24``, ``custom``, ``mfish`` under ``out_dir``; returns {format: folder}.
- :func:`dataset_layout` — name, patient and split of each image the writer produces.
- :func:`sample_karyotype`, :class:`Karyotype` — numerical karyotypes (ISCN strings from
  :func:`mmkaryo.karyotype.counts_to_karyotype`).
- :func:`label_image` — the M-FISH-style label image (class + 1, 255 on overlaps) of instances.

:func:`mmkaryo.visualization.render_preview` draws a sample beside its masks in class colours.
"""
from mmkaryo.datasets.synthetic.config import SyntheticConfig
from mmkaryo.datasets.synthetic.dataset import FORMATS, dataset_layout, write_synthetic_dataset
from mmkaryo.datasets.synthetic.generator import (SyntheticInstance, SyntheticSample, generate_metaphase,
                                                  generate_sample, patient_karyotype)
from mmkaryo.datasets.synthetic.karyotypes import Karyotype, normal_karyotype, sample_karyotype
from mmkaryo.datasets.synthetic.writers import label_image

__all__ = ['FORMATS', 'Karyotype', 'SyntheticConfig', 'SyntheticInstance', 'SyntheticSample',
           'dataset_layout', 'generate_metaphase', 'generate_sample', 'label_image',
           'normal_karyotype', 'patient_karyotype', 'sample_karyotype', 'write_synthetic_dataset']
