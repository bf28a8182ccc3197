"""Draw a run's learning curve: training losses and validation metrics against iterations.

Usage: python tools/analysis_tools/plot_curves.py WORK_DIR_OR_SCALARS_JSON --out curve.png
       [--losses loss loss_rpn_cls ...] [--metrics aji/agnostic_aji coco/segm_mAP_50 ...] [--val-interval N]

Reads mmengine's ``vis_data/scalars.json`` (one JSON record per logged step: training records carry
``loss*`` keys, validation records the metric keys); a work dir is searched for its newest run that
has one, and a resumed run's several timestamped folders are merged by iteration. Exits 1 naming
the file when nothing to plot is found.
"""
import argparse
import sys

from mmkaryo.evaluation.analysis import find_scalar_files, read_scalars
from mmkaryo.visualization import plot_curves

DEFAULT_LOSSES = ('loss', 'loss_rpn_cls', 'loss_rpn_bbox', 'loss_cls', 'loss_bbox', 'loss_mask')
DEFAULT_METRICS = ('aji/agnostic_aji', 'aji/aji', 'coco/segm_mAP_50', 'coco/agnostic_segm_mAP_50',
                   'coco/bbox_mAP_50', 'coco/agnostic_bbox_mAP_50', 'chromosome/accuracy')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('source', help='a work dir or a scalars.json file')
    parser.add_argument('--out', required=True, help='PNG file to write')
    parser.add_argument('--losses', nargs='+', default=list(DEFAULT_LOSSES), help='loss keys to draw')
    parser.add_argument('--metrics', nargs='+', default=list(DEFAULT_METRICS),
                        help='validation metric keys to draw (absent keys are left out)')
    parser.add_argument('--val-interval', type=int,
                        help='place the k-th validation at iteration k * N (logs whose validation '
                        'records carry the epoch as step, mmengine\'s log_metric_by_epoch=True)')
    parser.add_argument('--title', default=None, help='figure title (default: the source)')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        files = find_scalar_files(args.source)
        train, val = read_scalars(files, args.val_interval)
        plot_curves(train, val, args.losses, args.metrics, args.out, title=args.title or args.source)
    except (FileNotFoundError, ValueError) as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    print(f'wrote {args.out} from {len(files)} file(s): {len(train)} training and {len(val)} '
          'validation records')
    return 0


if __name__ == '__main__':
    sys.exit(main())
