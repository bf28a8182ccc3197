"""Each base dataset config on converted synthetic files: the training pipeline keeps masks on the image."""
import os.path as osp

import cv2
import numpy as np
import pytest
from mmengine.config import Config

from mmkaryo.datasets.converters import (convert_autokary2022, convert_cil24, convert_instance_masks,
                                         convert_mfish, dump_coco, split_coco, to_class_agnostic,
                                         write_inverted_images)
from mmkaryo.registry import DATASETS
from mmkaryo.utils.setup_env import register_all_modules

REPO = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))
SIZE = 128


@pytest.fixture(scope='module')
def roots(synthetic_root):
    """data_root per config name, with the converted files where each config expects them."""
    register_all_modules()
    src = synthetic_root
    for name, convert in (('autokary2022', convert_autokary2022), ('cil24', convert_cil24),
                          ('custom', convert_instance_masks)):
        splits, _ = convert(str(src / name))
        for split, coco in splits.items():
            dump_coco(coco, str(src / name / 'coco' / f'{split}.json'))
    coco, _ = convert_mfish(str(src / 'mfish'))
    coco = write_inverted_images(coco, str(src / 'mfish'), str(src / 'mfish_converted' / 'images'))
    # The slide split of `mfish_to_coco.py --test-ratio`, which the mfish config reads.
    splits = split_coco(coco, {'train': 0.75, 'test': 0.25}, 0, group_of=lambda image: image['slide'])
    for split, part in splits.items():
        dump_coco(part, str(src / 'mfish_converted' / 'annotations' / f'mfish_{split}.json'))
    return dict(synthetic=src, autokary2022=src / 'autokary2022', cil24=src / 'cil24',
                custom=src / 'custom', mfish=src / 'mfish_converted')


def _dataset(name, roots, which='train', size=SIZE, **pipeline_changes):
    cfg = Config.fromfile(osp.join(REPO, 'configs', '_base_', 'datasets', f'{name}.py'))
    dataset = cfg[f'{which}_dataloader'].dataset
    dataset.data_root = str(roots[name]) + '/'
    for step in dataset.pipeline:
        if step['type'] in ('Resize', 'Pad'):
            step.update(scale=(size, size)) if step['type'] == 'Resize' else step.update(size=(size, size))
        step.update(pipeline_changes.get(step['type'], {}))
    return DATASETS.build(dataset)


@pytest.mark.parametrize('name', ['synthetic', 'autokary2022', 'custom', 'mfish'])
def test_training_pipeline_keeps_masks_on_the_chromosomes(name, roots):
    """Chromosomes are dark on light: after flips, rotation and brightness, masks cover dark pixels."""
    np.random.seed(0)
    dataset = _dataset(name, roots)
    assert len(dataset) > 0
    for index in range(min(len(dataset), 3)):
        out = dataset[index]
        sample = out['data_samples']
        assert out['inputs'].shape == (3, SIZE, SIZE)
        assert sample.metainfo['with_mask'] is True
        masks = sample.gt_instances.masks.to_ndarray().astype(bool)
        assert len(masks) == len(sample.gt_instances.bboxes) > 0
        image = out['inputs'][0].numpy().astype(float)
        inside = masks.any(axis=0)
        assert image[inside].mean() + 40 < image[~inside].mean(), (name, index)
        boxes = sample.gt_instances.bboxes.tensor.numpy()
        for mask, box in zip(masks, boxes):
            ys, xs = np.nonzero(mask)
            assert np.allclose(box, [xs.min(), ys.min(), xs.max() + 1, ys.max() + 1]), (name, index)


def test_box_only_config_marks_samples_without_masks(roots):
    dataset = _dataset('cil24', roots)
    out = dataset[0]
    assert out['data_samples'].metainfo['with_mask'] is False
    assert 'masks' not in out['data_samples'].gt_instances
    assert len(out['data_samples'].gt_instances.bboxes) > 0


def test_rotation_turns_image_and_masks_together(roots):
    """A 90-degree turn equals np.rot90 of the unrotated sample; 30 degrees matches cv2 on the masks."""
    off = dict(RandomFlip=dict(prob=0.0), RandomBrightnessContrast=dict(prob=0.0))
    plain = _dataset('autokary2022', roots, Rotate=dict(prob=0.0), **off)[0]['data_samples']
    turned = _dataset('autokary2022', roots, Rotate=dict(prob=1.0, min_mag=90.0, max_mag=90.0,
                                                         reversal_prob=1.0), **off)[0]
    source = plain.gt_instances.masks.to_ndarray()
    rotated = turned['data_samples'].gt_instances.masks.to_ndarray()
    assert len(source) == len(rotated)
    assert np.array_equal(rotated, np.rot90(source, k=-1, axes=(1, 2)))
    plain_image = _dataset('autokary2022', roots, Rotate=dict(prob=0.0), **off)[0]['inputs'][0].numpy()
    assert np.abs(turned['inputs'][0].numpy().astype(int) - np.rot90(plain_image, k=-1)).max() <= 1

    source = _dataset('autokary2022', roots, size=256, Rotate=dict(prob=0.0), **off)[0]
    source = source['data_samples'].gt_instances.masks.to_ndarray()
    turned30 = _dataset('autokary2022', roots, size=256, Rotate=dict(
        prob=1.0, min_mag=30.0, max_mag=30.0, reversal_prob=1.0), **off)[0]['data_samples']
    matrix = cv2.getRotationMatrix2D((255 / 2, 255 / 2), -30, 1.0)
    got = turned30.gt_instances.masks.to_ndarray().astype(bool)
    kept = 0
    for mask in source:
        expected = cv2.warpAffine(mask.astype(np.uint8), matrix, (256, 256)) > 0
        if expected.sum() < 20:
            continue
        ious = (got & expected).sum(axis=(1, 2)) / (got | expected).sum(axis=(1, 2))
        assert ious.max() > 0.7
        kept += 1
    assert kept >= len(source) // 2
