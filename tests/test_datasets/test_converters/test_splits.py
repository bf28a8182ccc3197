"""Group-level splits: deterministic, disjoint, sized by the ratios."""
import pytest

from mmkaryo.datasets.converters import assign_groups, split_coco


def test_assign_groups_is_deterministic_and_sized():
    groups = [f'p{i}' for i in range(20)]
    first = assign_groups(groups, {'train': 0.9, 'val': 0.1}, seed=5)
    assert first == assign_groups(list(reversed(groups)), {'train': 0.9, 'val': 0.1}, seed=5)
    assert sorted(first.values()).count('val') == 2
    assert first != assign_groups(groups, {'train': 0.9, 'val': 0.1}, seed=6)


def test_small_sets_get_one_val_group_and_bad_ratios_fail():
    assert sorted(assign_groups(['a', 'b'], {'train': 0.9, 'val': 0.1}, 0).values()) == ['train', 'val']
    with pytest.raises(ValueError, match='sum to 1'):
        assign_groups(['a'], {'train': 0.5, 'val': 0.4}, 0)


def test_split_coco_keeps_groups_together():
    images = [dict(id=i, file_name=f'{i}.png', patient_id=f'p{i % 4}') for i in range(1, 13)]
    anns = [dict(id=i, image_id=i) for i in range(1, 13)]
    coco = dict(images=images, annotations=anns, categories=[])
    out = split_coco(coco, {'train': 0.5, 'val': 0.5}, 0, group_of=lambda im: im['patient_id'])
    patients = {k: {im['patient_id'] for im in v['images']} for k, v in out.items()}
    assert not patients['train'] & patients['val'] and len(patients['val']) == 2
    for split in out.values():
        assert {a['image_id'] for a in split['annotations']} == {im['id'] for im in split['images']}
