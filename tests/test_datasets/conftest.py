"""Fixtures for the dataset tests: one small synthetic set in every format, the real M-FISH folder."""
import os
import os.path as osp

import pytest

REPO_ROOT = osp.dirname(osp.dirname(osp.dirname(osp.abspath(__file__))))


@pytest.fixture(scope='session')
def synthetic_root(tmp_path_factory):
    """12 synthetic 256 px images, 2 per patient (5 train + 1 test patients), in every format."""
    from mmkaryo.datasets.synthetic import write_synthetic_dataset
    root = tmp_path_factory.mktemp('synthetic')
    write_synthetic_dataset(root, num_images=12, seed=3, image_size=256, images_per_patient=2)
    return root


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
