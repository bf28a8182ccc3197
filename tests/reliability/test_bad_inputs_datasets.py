"""Bad inputs to ChromosomeDataset: clear errors naming the file; odd images and empty ones are valid."""
import json
from pathlib import Path

import numpy as np
import pytest
import torch
from mmengine.config import Config
from mmengine.dataset import pseudo_collate

from mmkaryo.datasets import ChromosomeDataset
from mmkaryo.utils import register_all_modules
from .bad_files import metaphase, variant_image, write_bad_image, write_image

REPO = Path(__file__).resolve().parents[2]
SYNTHETIC_CONFIG = REPO / 'configs' / 'synthetic' / 'mask-rcnn_r18_fpn_300i_synthetic.py'
POLYGON = [[10, 10, 30, 10, 30, 40, 10, 40]]


def _categories():
    from mmkaryo.datasets.converters import chromosome_categories
    return chromosome_categories()


def _ann(ann_id, image_id, category_id=1):
    return dict(id=ann_id, image_id=image_id, category_id=category_id, bbox=[10, 10, 20, 30], area=600,
                iscrowd=0, segmentation=POLYGON)


def _write(folder: Path, images, annotations, write_images=True) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    for im in images:
        if write_images and not (folder / im['file_name']).exists():
            write_image(folder / im['file_name'], metaphase(64))
    path = folder / 'ann.json'
    path.write_text(json.dumps(dict(images=images, annotations=annotations, categories=_categories())))
    return str(path)


def _image(image_id, name=None):
    return dict(id=image_id, file_name=name or f'{image_id}.png', height=64, width=64)


def _dataset(ann_file, pipeline=(), **kwargs):
    return ChromosomeDataset(ann_file=ann_file, data_prefix=dict(img=str(Path(ann_file).parent)),
                             pipeline=list(pipeline), **kwargs)


@pytest.mark.parametrize('images,annotations,message', [
    ([_image(1), _image(1, 'b.png')], [_ann(1, 1)], r'image ids \[1\] repeated'),
    ([_image(1), _image(2)], [_ann(1, 1), _ann(1, 2)], r'annotation ids \[1\] repeated'),
    ([_image(1)], [_ann(1, 1), _ann(2, 7)], 'annotations name an unknown image_id, e.g. annotation 2'),
    ([_image(1)], [_ann(1, 1, category_id=25)], 'category_id 25, not one of the classes'),
], ids=['repeated-image-id', 'repeated-annotation-id', 'unknown-image-id', 'category-25'])
def test_inconsistent_coco_files_are_refused_naming_the_file(tmp_path, images, annotations, message):
    ann_file = _write(tmp_path, images, annotations)
    with pytest.raises(ValueError, match=message) as error:
        _dataset(ann_file)
    assert str(error.value).startswith(ann_file)


def test_image_listed_but_missing_on_disk_is_refused(tmp_path):
    ann_file = _write(tmp_path, [_image(1), _image(2, 'gone.png')], [_ann(1, 1)], write_images=False)
    write_image(tmp_path / '1.png', metaphase(64))
    with pytest.raises(ValueError, match=r'1 of 2 listed images are missing on disk, e.g. \[.*gone\.png'):
        _dataset(ann_file)


@pytest.fixture(scope='module')
def synthetic_cfg():
    register_all_modules(init_default_scope=True)
    return Config.fromfile(str(SYNTHETIC_CONFIG))


@pytest.mark.parametrize('kind', ['rgb', 'rgba', '16bit', 'tiny'])
def test_rgb_rgba_16_bit_and_10_px_images_go_through_the_train_pipeline(tmp_path, synthetic_cfg, kind):
    image = metaphase(10) if kind == 'tiny' else variant_image(kind, size=64)
    write_image(tmp_path / 'odd.png', image)
    polygon = [[2, 2, 8, 2, 8, 9, 2, 9]] if kind == 'tiny' else POLYGON
    ann = dict(_ann(1, 1), segmentation=polygon, bbox=[2, 2, 6, 7] if kind == 'tiny' else [10, 10, 20, 30])
    ann_file = _write(tmp_path, [dict(_image(1, 'odd.png'), height=image.shape[0], width=image.shape[1])], [ann])
    sample = _dataset(ann_file, synthetic_cfg.train_dataloader.dataset.pipeline, with_mask=True)[0]
    assert tuple(sample['inputs'].shape) == (3, 320, 320)  # one grey channel presented as three
    assert sample['inputs'][0].equal(sample['inputs'][1])
    assert len(sample['data_samples'].gt_instances) == 1


def test_truncated_image_fails_loading_with_its_name(tmp_path, synthetic_cfg):
    bad = write_bad_image(tmp_path / 'bad', 'truncated_png')
    ann_file = _write(tmp_path, [dict(_image(1, bad.name), height=120, width=120)], [_ann(1, 1)])
    dataset = _dataset(ann_file, synthetic_cfg.test_dataloader.dataset.pipeline, test_mode=True)
    with pytest.raises(Exception, match=f'failed to load image: .*{bad.name}'):
        dataset[0]


@pytest.mark.slow
def test_an_image_without_chromosomes_trains_and_evaluates(tmp_path, synthetic_cfg, tiny_model_files):
    from mmengine.evaluator import Evaluator

    from mmkaryo.registry import MODELS
    write_image(tmp_path / 'empty.png', np.full((64, 64), 230, np.uint8))
    ann_file = _write(tmp_path, [_image(1, 'empty.png')], [])
    train_set = _dataset(ann_file, synthetic_cfg.train_dataloader.dataset.pipeline, with_mask=True,
                         filter_cfg=dict(filter_empty_gt=False))
    assert len(train_set) == 1 and train_set.get_data_info(0)['instances'] == []
    torch.manual_seed(0)
    model = MODELS.build(Config.fromfile(tiny_model_files[0]).model)
    model.init_weights()
    data = model.data_preprocessor(pseudo_collate([train_set[0]]), True)
    total, log_vars = model.parse_losses(model(**data, mode='loss'))
    assert torch.isfinite(total) and log_vars['loss_mask'] == 0  # no instance, no mask loss
    total.backward()

    test_set = _dataset(ann_file, synthetic_cfg.test_dataloader.dataset.pipeline, test_mode=True,
                        with_mask=True)
    metric_cfgs = {metric['type']: metric for metric in synthetic_cfg.test_evaluator}
    coco_metric, aji_metric, class_metric = (metric_cfgs[name] for name in  # scoring every prediction:
                                             ('CocoMetric', 'AJIMetric', 'ChromosomeClassMetric'))
    evaluator = Evaluator([coco_metric, dict(aji_metric, score_thr=0.0), dict(class_metric, score_thr=0.0)])
    evaluator.dataset_meta = test_set.metainfo
    model.eval()
    with torch.no_grad():
        outputs = model.test_step(pseudo_collate([test_set[0]]))
    assert len(outputs[0].pred_instances) > 0  # the random model predicts instances on the empty image
    evaluator.process(outputs)
    metrics = evaluator.evaluate(1)
    # Predictions and no ground truth: AJI 0 (all predicted pixels are false), every prediction a
    # false positive, mAP -1 (pycocotools' value for "no ground truth"), accuracy undefined (NaN).
    assert metrics['aji/num_images'] == 1 and metrics['aji/skipped_no_mask'] == 0
    assert metrics['aji/aji'] == metrics['aji/agnostic_aji'] == metrics['aji/pooled_aji'] == 0.0
    assert metrics['chromosome/fp'] == len(outputs[0].pred_instances) and metrics['chromosome/tp'] == 0
    assert metrics['coco/bbox_mAP_50'] == metrics['coco/segm_mAP_50'] == -1.0
    assert np.isnan(metrics['chromosome/accuracy'])
