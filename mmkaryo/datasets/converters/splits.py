"""Deterministic group-level splits of a COCO dict (e.g. by patient, so no patient is in two splits)."""
import random
from typing import Any, Callable, Dict, List, Mapping

GroupFn = Callable[[Dict[str, Any]], str]


def assign_groups(groups: List[str], ratios: Mapping[str, float], seed: int) -> Dict[str, str]:
    """Map each distinct group to a split name.

    Groups are sorted, shuffled with ``random.Random(seed)`` and cut in the order of ``ratios``;
    each split after the first gets ``round(ratio * n)`` groups (at least one if its ratio > 0 and at
    least two groups exist), the first split gets the rest. Same groups + seed -> same assignment.
    """
    if not ratios:
        raise ValueError('ratios must name at least one split')
    if any(r < 0 for r in ratios.values()) or abs(sum(ratios.values()) - 1.0) > 1e-6:
        raise ValueError(f'split ratios must be >= 0 and sum to 1, got {dict(ratios)}')
    unique = sorted(set(groups))
    random.Random(seed).shuffle(unique)
    names = list(ratios)
    sizes = {}
    for name in names[1:]:
        size = round(ratios[name] * len(unique))
        sizes[name] = max(size, 1) if ratios[name] > 0 and len(unique) >= 2 else size
    first = len(unique) - sum(sizes.values())
    if first < 0 or (ratios[names[0]] > 0 and first == 0 and unique):
        raise ValueError(f'{len(unique)} groups are too few for the splits {dict(ratios)}')
    assignment, start = {}, 0
    for name, size in [(names[0], first)] + [(n, sizes[n]) for n in names[1:]]:
        for group in unique[start:start + size]:
            assignment[group] = name
        start += size
    return assignment


def split_coco(coco: Dict[str, Any], ratios: Mapping[str, float], seed: int,
               group_of: GroupFn) -> Dict[str, Dict[str, Any]]:
    """Split ``coco`` into one COCO dict per split name, keeping every group in one split.

    ``group_of(image_record)`` names the group (e.g. ``lambda im: im['patient_id']``). Image and
    annotation ids are kept from the input (unique within each output file).
    """
    assignment = assign_groups([group_of(im) for im in coco['images']], ratios, seed)
    out = {name: dict(images=[], annotations=[], categories=coco['categories']) for name in ratios}
    split_of_image = {}
    for im in coco['images']:
        split = assignment[group_of(im)]
        split_of_image[im['id']] = split
        out[split]['images'].append(im)
    for ann in coco['annotations']:
        out[split_of_image[ann['image_id']]]['annotations'].append(ann)
    return out
