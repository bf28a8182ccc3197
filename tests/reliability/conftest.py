"""Reliability fixtures: the tiny random model and synthetic images of tests/test_apis, reused."""
from tests.test_apis.conftest import synthetic_images, tiny_model_files  # noqa: F401
