"""Draw the chromosome confusion matrix (24 classes + background) of dumped predictions as a PNG.

    python tools/test.py CONFIG CHECKPOINT --out results.pkl
    python tools/analysis_tools/confusion_matrix.py CONFIG results.pkl --out confusion.png
"""
import argparse

import numpy as np
from mmengine.config import DictAction

from mmkaryo.evaluation.analysis import errors_of_dump
from mmkaryo.visualization import plot_confusion_matrix


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description='Draw the confusion matrix of dumped predictions')
    parser.add_argument('config', help='the config the results were tested with')
    parser.add_argument('results', help='predictions dumped by tools/test.py --out (.pkl)')
    parser.add_argument('--out', required=True, help='PNG file to write')
    parser.add_argument('--iou-thr', type=float, default=0.5)
    parser.add_argument('--score-thr', type=float, default=0.5)
    parser.add_argument('--cfg-options', nargs='+', action=DictAction, help='override config settings')
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    dataset, errors = errors_of_dump(args.config, args.results, args.cfg_options, args.iou_thr,
                                     args.score_thr)
    confusion = np.sum([item.confusion for item in errors], axis=0)
    plot_confusion_matrix(confusion, dataset.metainfo['classes'], args.out)
    print(f'confusion matrix of {len(errors)} images written to {args.out}')


if __name__ == '__main__':
    main()
