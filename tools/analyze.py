"""Analyse metaphase images: ``python tools/analyze.py CONFIG CHECKPOINT INPUT... --out-dir DIR``.

Thin wrapper; the logic lives in :mod:`mmkaryo.analyze`.
"""
import sys

from mmkaryo.analyze import main

if __name__ == '__main__':
    sys.exit(main())
