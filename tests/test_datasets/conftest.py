"""Fixtures for the dataset tests: one small synthetic set in every format."""
import pytest


@pytest.fixture(scope='session')
def synthetic_root(tmp_path_factory):
    """12 synthetic 256 px images, 2 per patient (5 train + 1 test patients), in every format."""
    from mmkaryo.datasets.synthetic import write_synthetic_dataset
    root = tmp_path_factory.mktemp('synthetic')
    write_synthetic_dataset(root, num_images=12, seed=3, image_size=256, images_per_patient=2)
    return root
