"""Markdown table of the regimes compared by tools/experiments/compare_regimes.sh.

    python tools/experiments/collect_regime_results.py OUT_DIR --iters N

Reads, for each regime, the metrics tools/test.py logged (OUT_DIR/<regime>/<test dir>/<run>/<run>.json,
the newest run; test dirs `test` with the configs' settings and `test-thr0` keeping every box) and the
training wall time (OUT_DIR/<regime>/seconds). A metric CocoMetric did not report (it reports nothing
when the model made no detection) shows as '-'. Exits 1 naming the missing file.
"""
import argparse
import glob
import json
import os.path as osp
import sys
from typing import Dict, List, Optional

from mmkaryo.evaluation.summary import find_metric

REGIMES = ('baseline', 'two-stage', 'alternating')
# (column header, test dir, metric name after its prefix)
COLUMNS = (('mAP@50 bbox', 'test', 'bbox_mAP_50'), ('mAP@50 segm', 'test', 'segm_mAP_50'),
           ('AJI', 'test', 'aji'), ('AJI+', 'test', 'aji_plus'),
           ('class-agnostic AJI', 'test', 'agnostic_aji'),
           ('mAP@50 bbox, all boxes', 'test-thr0', 'bbox_mAP_50'),
           ('mAP@50 segm, all boxes', 'test-thr0', 'segm_mAP_50'))


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('out_dir', help='OUT_DIR of compare_regimes.sh')
    parser.add_argument('--iters', type=int, required=True, help='ITERS of compare_regimes.sh')
    return parser.parse_args()


def test_metrics(out_dir: str, regime: str, test_dir: str) -> Dict[str, float]:
    """Metrics of the newest tools/test.py run in OUT_DIR/regime/test_dir; FileNotFoundError when
    there is none."""
    logs = sorted(glob.glob(osp.join(out_dir, regime, test_dir, '*', '*.json')))
    if not logs:
        raise FileNotFoundError(f'no test metrics under {osp.join(out_dir, regime, test_dir)}')
    with open(logs[-1]) as f:
        return json.load(f)


def cell(value: Optional[float]) -> str:
    return '-' if value is None else f'{100 * value:.1f}'


def row(out_dir: str, regime: str, iters: int) -> List[str]:
    metrics = {test_dir: test_metrics(out_dir, regime, test_dir)
               for test_dir in {test_dir for _, test_dir, _ in COLUMNS}}
    seconds_file = osp.join(out_dir, regime, 'seconds')
    if not osp.isfile(seconds_file):
        raise FileNotFoundError(f'no training wall time: {seconds_file}')
    with open(seconds_file) as f:
        seconds = int(f.read())
    return ([regime] + [cell(find_metric(metrics[test_dir], name)) for _, test_dir, name in COLUMNS] +
            [f'{seconds / 60:.1f}', f'{seconds / iters:.2f}'])


def main() -> int:
    args = parse_args()
    try:
        rows = [row(args.out_dir, regime, args.iters) for regime in REGIMES]
    except FileNotFoundError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    headers = ['regime'] + [header for header, _, _ in COLUMNS] + ['train min', 's/iter']
    for line in [headers, ['---'] * len(headers)] + rows:
        print('| ' + ' | '.join(line) + ' |')
    return 0


if __name__ == '__main__':
    sys.exit(main())
