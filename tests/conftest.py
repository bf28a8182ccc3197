"""Fixtures shared across test packages."""
import os
import os.path as osp

import pytest

REPO_ROOT = osp.dirname(osp.dirname(osp.abspath(__file__)))


@pytest.fixture(scope='session')
def synthetic_sets(tmp_path_factory) -> dict:
    """A tiny alternating-regime data pair, 256 px: 4 mask images and 6 box-only images.

    The mask set is the generator's COCO output; the box-only set is written as CIL VOC boxes and
    converted to COCO (``cil24/coco/train.json``), as the header of
    ``configs/synthetic/_base_/synthetic_320px_300i.py`` describes. Returns the two ``data_root``
    values (with a trailing slash) under the keys ``mask`` and ``boxes``. Treat it as read-only.
    """
    from mmkaryo.datasets.converters.cil24 import convert_cil24
    from mmkaryo.datasets.converters.output import dump_coco
    from mmkaryo.datasets.synthetic import write_synthetic_dataset

    root = tmp_path_factory.mktemp('synthetic')
    write_synthetic_dataset(root / 'mask', num_images=4, seed=0, image_size=256, formats=['coco'])
    write_synthetic_dataset(root / 'boxes', num_images=6, seed=1, image_size=256, formats=['cil24'])
    box_root = root / 'boxes' / 'cil24'
    splits, _ = convert_cil24(str(box_root), val_ratio=0.0)
    dump_coco(splits['train'], str(box_root / 'coco' / 'train.json'))
    return dict(mask=f'{root / "mask"}/', boxes=f'{box_root}/')


@pytest.fixture(scope='session')
def mfish_root():
    """The real M-FISH folder (MMKARYO_MFISH_ROOT or <repo>/../shared/data/mfish-dapi)."""
    root = os.environ.get('MMKARYO_MFISH_ROOT', osp.join(REPO_ROOT, '..', 'shared', 'data', 'mfish-dapi'))
    if not osp.isdir(root):
        message = f'real M-FISH data not found at {root} (set MMKARYO_MFISH_ROOT)'
        if os.environ.get('CI') == 'true':
            pytest.fail(message)
        pytest.skip(message)
    return root


def mfish_subset(mfish_root: str, folder: str, count: int, out_root) -> dict:
    """Convert the first ``count`` images of one M-FISH slide folder under ``out_root``.

    Writes ``out_root/coco.json`` (24 classes, masks) and inverted PNGs under ``out_root/images``
    (as ``mfish_to_coco.py --invert-to`` does), and returns the COCO dict with, per image record,
    ``dapi``: the path of its raw ``*D.tif`` (bright on dark, as the set ships).
    """
    from pathlib import Path

    from mmkaryo.datasets.converters import convert_mfish, dump_coco, write_inverted_images

    src = Path(out_root) / 'src' / folder
    src.mkdir(parents=True)
    stems = sorted(p.name[:-5] for p in Path(mfish_root, folder).glob('*K.tif'))[:count]
    for name in [s + suffix for s in stems for suffix in ('D.tif', 'K.tif')] + ['case-info.txt']:
        os.symlink(Path(mfish_root, folder, name), src / name)
    coco, _ = convert_mfish(str(src.parent))
    coco = write_inverted_images(coco, str(src.parent), str(Path(out_root) / 'images'))
    dump_coco(coco, str(Path(out_root) / 'coco.json'))
    by_stem = {s: str(Path(mfish_root, folder, s + 'D.tif')) for s in stems}
    for image in coco['images']:
        image['dapi'] = next(path for stem, path in by_stem.items() if stem in image['file_name'])
    return coco


@pytest.fixture(scope='session')
def save_random_checkpoint():
    """A function ``(config_path, checkpoint_path)`` that saves the config's model, built with torch seed 0
    and initialised (``init_weights``), untrained, as an mmengine checkpoint (``state_dict`` and empty
    ``meta``)."""
    def save(config, checkpoint) -> None:
        import torch
        from mmengine.config import Config
        from mmengine.runner import save_checkpoint

        from mmkaryo.registry import MODELS
        from mmkaryo.utils import register_all_modules

        register_all_modules()
        torch.manual_seed(0)
        model = MODELS.build(Config.fromfile(str(config)).model)
        model.init_weights()
        save_checkpoint({'state_dict': model.state_dict(), 'meta': {}}, str(checkpoint))

    return save
