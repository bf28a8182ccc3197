"""Write RUN_DIR/result.json for one finished run of tools/experiments/compare_regimes.sh.

    python tools/experiments/write_run_result.py RUN_DIR --setting S --regime R --mask-fraction F
        --seed N --iters I --train-seconds T [T ...]

Reads the metrics of the newest tools/test.py run under RUN_DIR/test/. Exits 1 naming what is missing.
"""
import argparse
import json
import os.path as osp
import sys

from mmkaryo.evaluation.regimes import RESULT_FILE, newest_test_metrics, run_result


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('run_dir')
    parser.add_argument('--setting', required=True)
    parser.add_argument('--regime', required=True)
    parser.add_argument('--mask-fraction', type=float, required=True)
    parser.add_argument('--seed', type=int, required=True)
    parser.add_argument('--iters', type=int, required=True, help='training iterations of the run in all')
    parser.add_argument('--train-seconds', type=float, nargs='+', required=True,
                        help='wall-clock seconds of each training process')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        metrics = newest_test_metrics(osp.join(args.run_dir, 'test'))
        result = run_result(metrics, args.setting, args.regime, args.mask_fraction, args.seed, args.iters,
                            args.train_seconds)
    except (FileNotFoundError, ValueError) as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    with open(osp.join(args.run_dir, RESULT_FILE), 'w', encoding='utf-8') as f:
        json.dump(result, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
