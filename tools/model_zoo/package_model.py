"""Package a trained model for ``mmkaryo/model_zoo/`` (config + fp16 state dict + M-FISH licence).

    python tools/model_zoo/package_model.py CONFIG CHECKPOINT --out-dir mmkaryo/model_zoo/mfish_24class
        [--score-thr T] [--licence ../shared/data/mfish-dapi/README.TXT] \
        [--classifier-config CCFG --classifier-checkpoint CCKPT]

Writes OUT_DIR/config.py (dumped, self-contained; ``score_thr`` set when given, also in the
thresholded evaluators; ``load_from=None``, ``model.backbone.init_cfg=None``), OUT_DIR/weights.pth
(the checkpoint's state dict in fp16) and OUT_DIR/LICENSE-MFISH.txt; with a crop classifier also
OUT_DIR/classifier_config.py and OUT_DIR/classifier_weights.pth, named by config.py. Exits 1 with a
message, writing nothing, when a file is missing, weights do not fit their config's model or all the weights together
would exceed 32 MiB. Logic: :mod:`mmkaryo.apis.model_packaging`.
"""
import argparse
import sys
from pathlib import Path

from mmkaryo.apis.model_packaging import package_model

REPO = Path(__file__).resolve().parents[2]
DEFAULT_LICENCE = REPO / '..' / 'shared' / 'data' / 'mfish-dapi' / 'README.TXT'


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('config', help='the trained model\'s config file')
    parser.add_argument('checkpoint', help='its mmengine checkpoint')
    parser.add_argument('--out-dir', required=True, help='folder of the packaged model')
    parser.add_argument('--score-thr', type=float, help='the model\'s reading score threshold (config key)')
    parser.add_argument('--licence', default=str(DEFAULT_LICENCE),
                        help='licence of the training data, copied to LICENSE-MFISH.txt')
    parser.add_argument('--classifier-config', help='chromosome crop classifier config (with its checkpoint)')
    parser.add_argument('--classifier-checkpoint', help='trained weights of --classifier-config')
    args = parser.parse_args()
    if (args.classifier_config is None) != (args.classifier_checkpoint is None):
        parser.error('--classifier-config and --classifier-checkpoint go together')
    return args


def main() -> int:
    args = parse_args()
    try:
        classifier = (args.classifier_config, args.classifier_checkpoint) if args.classifier_config else None
        paths = package_model(args.config, args.checkpoint, args.out_dir, args.licence, args.score_thr,
                              classifier=classifier)
    except (OSError, TypeError, ValueError) as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    for path in paths.values():
        print(f'{path} ({path.stat().st_size / 2**20:.2f} MiB)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
