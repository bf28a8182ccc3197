"""check_coco finds the problems it promises to find."""
from mmkaryo.datasets.converters import CocoBuilder, chromosome_categories, check_coco


def _coco(**ann_changes):
    builder = CocoBuilder(chromosome_categories())
    image_id = builder.add_image('a.png', 20, 20)
    builder.add_annotation(image_id, 3, [2, 2, 5, 5], 25, segmentation=[[2, 2, 7, 2, 7, 7, 2, 7]])
    coco = builder.to_dict()
    coco['annotations'][0].update(ann_changes)
    return coco


def test_valid_file_has_no_problems():
    assert check_coco(_coco(), require_masks=True) == []


def test_each_problem_is_found():
    assert any('outside' in p for p in check_coco(_coco(bbox=[15, 15, 10, 10]), True))
    assert any('polygon outside' in p for p in check_coco(_coco(segmentation=[[0, 0, 30, 0, 30, 5]]), True))
    assert any('no segmentation' in p for p in check_coco(_coco(segmentation=[]), True))
    assert check_coco(_coco(segmentation=[]), False) == []
    assert any('category' in p for p in check_coco(_coco(category_id=99), True))
    coco = _coco()
    coco['annotations'].append(dict(coco['annotations'][0]))
    assert any('id repeated' in p for p in check_coco(coco, True))
    coco = _coco()
    coco['categories'] = coco['categories'][:5]
    assert any('neither the 24' in p for p in check_coco(coco, True))
