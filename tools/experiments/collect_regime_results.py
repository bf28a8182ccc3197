"""Merge the result files of tools/experiments/compare_regimes.sh into one table (and the curves).

    python tools/experiments/collect_regime_results.py RECORDS [--plot PNG] [--loss-curves DIR]
        [--main-fraction 0.25]
    python tools/experiments/collect_regime_results.py RECORDS --best-ratio SETTING [--min-seeds 3]

RECORDS is the committed record folder (docs/regime_runs, archive_run.py) or any folder of run folders.
Reads every RECORDS/**/result.json and prints a Markdown table, one row per (setting, regime, mask
share): metrics in percent as mean ± sd over the seeds, training minutes likewise. The last two
metric columns come from the runs' named.json (zoo_row.py with a crop classifier naming the detections):
class-aware mask mAP@50 and the recall of the chromosomes that overlap another; a row shows them when
every run of it was named, and the count of named runs is printed under the table. A second table gives
each regime minus its reference (the baseline; cascade-/htc-baseline for the other Cascade/HTC rows) seed
by seed, on the seeds both have run (one seed is one split of the images), in percentage points. --plot
also writes the mask-scarcity curve (class-agnostic AJI of `baseline` and `alternating-1to1` against the
mask share, one panel line per setting and regime) when such runs exist. --loss-curves writes
DIR/regime_losses_<setting>_masks<pct>.png for each setting and mask share with a Mask R-CNN regime (one
regime alone, e.g. the baseline at 100 %, is its learning curve): the detection losses every Mask R-CNN
regime computes on every batch (RPN, box classification and regression), mean ± sd over seeds against the
iteration; the mask loss is left out because a box-only batch logs it as 0, and the Cascade/HTC rows
because they log box losses per stage and their RPN has a smooth-L1 box loss (Mask R-CNN's: L1).
--best-ratio prints the <box>to<mask> ratio of the alternating rows of SETTING at --main-fraction with
the best mean class-agnostic AJI over rows of at least --min-seeds seeds, and exits 1 when there is none
yet.
"""
import argparse
import os.path as osp
import sys
from typing import Any, Dict, List

from mmkaryo.evaluation.regimes import (best_ratio, find_results, format_paired_table, format_table, paired_differences,
                                        regime_loss_curves, scarcity_points, summarise)
from mmkaryo.visualization import plot_loss_curves, plot_scarcity_curve

CURVE_REGIMES = ('baseline', 'alternating-1to1')
# Losses every Mask R-CNN regime logs on every batch; Cascade/HTC regimes, whose losses differ, are left out.
LOSS_KEYS = ('loss_rpn_cls', 'loss_rpn_bbox', 'loss_cls', 'loss_bbox')
CASCADE_FAMILIES = ('cascade-', 'htc-')


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('records', help='folder of run records (compare_regimes.sh: RECORDS)')
    parser.add_argument('--plot', help='write the mask-scarcity curve to this PNG')
    parser.add_argument('--loss-curves', metavar='DIR', help='write the training-loss curves into DIR')
    parser.add_argument('--best-ratio', metavar='SETTING', help='print the best alternating ratio and stop')
    parser.add_argument('--main-fraction', type=float, default=0.25, help='mask share of the main table')
    parser.add_argument('--min-seeds', type=int, default=3, help='seeds a row needs for --best-ratio')
    return parser.parse_args()


def write_loss_curves(results: List[Dict[str, Any]], out_dir: str) -> List[str]:
    """One PNG per (setting, mask share) with a Mask R-CNN regime; returns the files written."""
    mask_rcnn = [r for r in results if not r['regime'].startswith(CASCADE_FAMILIES)]
    written = []
    for setting, fraction in sorted({(r['setting'], float(r['mask_fraction'])) for r in mask_rcnn}):
        curves = regime_loss_curves(mask_rcnn, setting, fraction, LOSS_KEYS)
        out = osp.join(out_dir, f'regime_losses_{setting}_masks{round(100 * fraction)}.png')
        plot_loss_curves(curves, LOSS_KEYS, out, f'{setting}, masks on {100 * fraction:g} % of the training '
                         'images: training losses, mean ± sd over seeds')
        written.append(out)
    return written


def main() -> int:
    args = parse_args()
    try:
        results = find_results(args.records)
        rows = summarise(results)
    except (OSError, ValueError, KeyError) as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    if args.best_ratio:
        ratio = best_ratio(rows, args.best_ratio, args.main_fraction, args.min_seeds)
        if ratio is None:
            print(f'error: no alternating row of {args.best_ratio} at {args.main_fraction:g} with '
                  f'{args.min_seeds} seeds under {args.records}', file=sys.stderr)
            return 1
        print(ratio)
        return 0
    if not rows:
        print(f'error: no result.json under {args.records}', file=sys.stderr)
        return 1
    print(format_table(rows))
    print(f'\nruns named by a crop classifier (named.json): {sum("named" in r for r in results)} of {len(results)}')
    paired = paired_differences(results)
    if paired:
        print('\nDifferences from the reference regime on the same seeds (percentage points):\n')
        print(format_paired_table(paired))
    if args.plot:
        series = {f'{setting} {regime}': scarcity_points(rows, setting, regime)
                  for setting in sorted({row.setting for row in rows}) for regime in CURVE_REGIMES}
        if any(series.values()):
            plot_scarcity_curve(series, args.plot, 'class-agnostic AJI (mean ± sd over seeds)',
                                'Mask scarcity: baseline vs alternating 1:1')
            print(f'\nscarcity curve: {args.plot}')
    if args.loss_curves:
        try:
            written = write_loss_curves(results, args.loss_curves)
        except (OSError, ValueError) as err:
            print(f'error: {err}', file=sys.stderr)
            return 1
        print('\nloss curves: ' + (', '.join(written) or 'none (no Mask R-CNN run)'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
