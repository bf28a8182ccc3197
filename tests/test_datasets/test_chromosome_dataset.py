"""ChromosomeDataset / ChromosomeAgnosticDataset: with_mask, karyotype, refused categories."""
import numpy as np
import pytest
from PIL import Image

from mmkaryo.datasets import ChromosomeAgnosticDataset, ChromosomeDataset
from mmkaryo.datasets.converters import CocoBuilder, chromosome_categories, dump_coco, to_class_agnostic


def _write(tmp_path, with_segmentation=True, karyotype='47,XY,+21'):
    Image.fromarray(np.full((20, 20), 200, np.uint8)).save(tmp_path / 'a.png')
    builder = CocoBuilder(chromosome_categories())
    extra = dict(karyotype=karyotype) if karyotype else {}
    image_id = builder.add_image('a.png', 20, 20, **extra)
    builder.add_annotation(image_id, 23, [2, 2, 5, 5], 25,
                           segmentation=[[2, 2, 7, 2, 7, 7, 2, 7]] if with_segmentation else None)
    coco = builder.to_dict()
    dump_coco(coco, str(tmp_path / 'ann.json'))
    dump_coco(to_class_agnostic(coco), str(tmp_path / 'agnostic.json'))
    return str(tmp_path / 'ann.json')


def test_data_info_has_karyotype_and_with_mask(tmp_path):
    ann = _write(tmp_path)
    dataset = ChromosomeDataset(ann_file=ann, data_prefix=dict(img=str(tmp_path)), pipeline=[])
    info = dataset.get_data_info(0)
    assert info['karyotype'] == '47,XY,+21' and info['with_mask'] is True
    assert info['instances'][0]['bbox_label'] == 22
    assert dataset.metainfo['classes'][22] == 'X' and len(dataset.metainfo['palette']) == 24
    forced = ChromosomeDataset(ann_file=ann, with_mask=False, data_prefix=dict(img=str(tmp_path)),
                               pipeline=[])
    assert forced.get_data_info(0)['with_mask'] is False


def test_box_only_file_gives_with_mask_false_and_refuses_true(tmp_path):
    ann = _write(tmp_path, with_segmentation=False, karyotype=None)
    dataset = ChromosomeDataset(ann_file=ann, data_prefix=dict(img=str(tmp_path)), pipeline=[])
    assert dataset.get_data_info(0)['with_mask'] is False
    assert dataset.get_data_info(0)['karyotype'] is None
    with pytest.raises(ValueError, match='with_mask=True but some annotations'):
        ChromosomeDataset(ann_file=ann, with_mask=True, data_prefix=dict(img=str(tmp_path)), pipeline=[])
    with pytest.raises(TypeError, match='with_mask'):
        ChromosomeDataset(ann_file=ann, with_mask='yes', pipeline=[])


def test_agnostic_dataset_reads_agnostic_files_and_refuses_24_class_ones(tmp_path):
    ann = _write(tmp_path)
    dataset = ChromosomeAgnosticDataset(ann_file=str(tmp_path / 'agnostic.json'),
                                        data_prefix=dict(img=str(tmp_path)), pipeline=[])
    assert dataset.metainfo['classes'] == ('chromosome', )
    assert dataset.get_data_info(0)['instances'][0]['bbox_label'] == 0
    with pytest.raises(ValueError, match='category_id 23'):
        ChromosomeAgnosticDataset(ann_file=ann, pipeline=[])
