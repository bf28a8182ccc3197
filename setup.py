"""Ship ``configs/`` and ``tools/`` inside the package as ``mmkaryo/.mim`` for ``mim``.

mim looks for ``<pkg>/.mim/tools/train.py`` and for configs by base name under ``<pkg>/.mim/configs``.
A wheel build copies both folders in; an editable install links them, as mmdet's setup.py does.
All other metadata lives in pyproject.toml.
"""
import os
import os.path as osp
import shutil
import sys

from setuptools import setup


def add_mim_extension() -> None:
    """Copy (build) or symlink (editable) ``configs`` and ``tools`` into ``mmkaryo/.mim``."""
    editable = any(cmd in sys.argv for cmd in ('develop', 'editable_wheel'))
    root = osp.dirname(osp.abspath(__file__))
    mim_dir = osp.join(root, 'mmkaryo', '.mim')
    os.makedirs(mim_dir, exist_ok=True)
    for name in ('configs', 'tools'):
        src, dst = osp.join(root, name), osp.join(mim_dir, name)
        if osp.islink(dst) or osp.isfile(dst):
            os.remove(dst)
        elif osp.isdir(dst):
            shutil.rmtree(dst)
        if editable:
            os.symlink(osp.relpath(src, mim_dir), dst)
        else:
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns('__pycache__'))


if __name__ == '__main__':
    add_mim_extension()
    setup()
