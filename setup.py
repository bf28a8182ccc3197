"""Ship ``configs/`` and ``tools/`` inside the package as ``mmkaryo/.mim`` for ``mim``.

mim looks for ``<pkg>/.mim/tools/train.py`` and finds configs by base name under ``<pkg>/.mim/configs``.
``mmkaryo/.mim/{configs,tools}`` are symlinks to the top-level folders: an editable install sees the
live files, and a wheel build (setuptools follows the links) packs real copies. All other metadata
lives in pyproject.toml.
"""
import os
import os.path as osp

from setuptools import setup


def link_mim_folders() -> None:
    """Make ``mmkaryo/.mim/configs`` and ``mmkaryo/.mim/tools`` link to ``configs/`` and ``tools/``."""
    root = osp.dirname(osp.abspath(__file__))
    mim_dir = osp.join(root, 'mmkaryo', '.mim')
    os.makedirs(mim_dir, exist_ok=True)
    for name in ('configs', 'tools'):
        dst = osp.join(mim_dir, name)
        # An unpacked sdist already holds real copies; a checkout gets the link once.
        if not osp.lexists(dst):
            os.symlink(osp.join('..', '..', name), dst)


if __name__ == '__main__':
    link_mim_folders()
    setup()
