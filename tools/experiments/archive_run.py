"""Copy a finished run of tools/experiments/compare_regimes.sh into its committed record folder.

    python tools/experiments/archive_run.py RUN_DIR RECORD_DIR

Copies RUN_DIR/result.json and each training stage's <stage>/<stamp>/vis_data/scalars.json to the same
relative paths under RECORD_DIR (no checkpoints): the part of a run that outlives work_dirs/, from which
collect_regime_results.py builds the tables and the loss curves. Exits 1 naming what is missing.
"""
import argparse
import sys

from mmkaryo.evaluation.regimes import archive_run


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('run_dir', help='a run folder holding result.json')
    parser.add_argument('record_dir', help='where its record and training logs are copied')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        written = archive_run(args.run_dir, args.record_dir)
    except FileNotFoundError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    print(f'archived {args.run_dir} -> {args.record_dir} ({len(written)} files)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
