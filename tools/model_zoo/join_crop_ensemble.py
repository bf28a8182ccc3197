"""Join trained crop-classifier checkpoints into one checkpoint of a ChromosomeCropEnsemble config.

    python tools/model_zoo/join_crop_ensemble.py ENSEMBLE_CONFIG CKPT_1 CKPT_2 [...] --out FILE

Checkpoint i holds the weights of the config's member i (same order). The output is a plain state dict
that ``tools/test.py``, ``package_model.py --classifier-checkpoint`` and the inferencer load like any
classifier's. Exits 1 with a message, writing nothing, when a file is missing or a checkpoint does not
fit its member. Logic: :mod:`mmkaryo.apis.crop_ensemble`.
"""
import argparse
import sys
from pathlib import Path

import torch

from mmkaryo.apis.crop_ensemble import join_crop_ensemble


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('config', help='the ensemble config (model type ChromosomeCropEnsemble)')
    parser.add_argument('checkpoints', nargs='+', help='one trained checkpoint per member, in member order')
    parser.add_argument('--out', required=True, help='file of the joined state dict')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        state_dict = join_crop_ensemble(args.config, args.checkpoints)
    except (FileNotFoundError, ValueError) as error:
        print(f'join_crop_ensemble.py: {error}', file=sys.stderr)
        return 1
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    torch.save(dict(state_dict=state_dict), args.out)
    print(f'{args.out}: {len(args.checkpoints)} members, {len(state_dict)} tensors')
    return 0


if __name__ == '__main__':
    sys.exit(main())
