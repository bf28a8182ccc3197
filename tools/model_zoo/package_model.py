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

from mmkaryo.apis.classifier_args import add_classifier_arguments, classifier_pair
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
    add_classifier_arguments(parser, detector_switch=False)
    args = parser.parse_args()
    args.classifier = classifier_pair(parser, args)
    return args


def main() -> int:
    args = parse_args()
    try:
        paths = package_model(args.config, args.checkpoint, args.out_dir, args.licence, args.score_thr,
                              classifier=args.classifier)
    except (OSError, TypeError, ValueError) as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    for path in paths.values():
        print(f'{path} ({path.stat().st_size / 2**20:.2f} MiB)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
