"""Analyse metaphase images with the packaged model, or another one:

    python tools/analyze.py INPUT... --out-dir DIR [--config CFG --checkpoint CKPT]

Without --config/--checkpoint the packaged default model (mmkaryo/model_zoo/mfish_24class) reads the
images. Thin wrapper; the logic and the other options live in :mod:`mmkaryo.analyze`.
"""
import sys

from mmkaryo.analyze import main

if __name__ == '__main__':
    sys.exit(main())
