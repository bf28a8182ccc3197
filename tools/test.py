"""Test a checkpoint with the evaluators its config lists and print the seed report's tables.

    python tools/test.py CONFIG CHECKPOINT [--work-dir DIR] [--out results.pkl] [--show-dir DIR]
                         [--cfg-options k=v ...] [--launcher pytorch]
    bash tools/dist_test.sh CONFIG CHECKPOINT NUM_PROCS [...]
"""
import argparse

from mmdet.evaluation import DumpDetResults
from mmengine.dist import is_main_process

from mmkaryo.engine.runner_setup import add_runner_arguments, build_runner, runner_config
from mmkaryo.evaluation.metrics import ChromosomeClassMetric
from mmkaryo.evaluation.run_config import dataset_display_name, enable_visualization
from mmkaryo.evaluation.summary import format_test_report


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description='Test (and evaluate) an mmkaryo model')
    parser.add_argument('config', help='test config file path')
    parser.add_argument('checkpoint', help='checkpoint file')
    parser.add_argument('--out', help='dump predictions to this pickle file (.pkl), for analysis tools')
    parser.add_argument('--show', action='store_true', help='show prediction overlays in a window')
    parser.add_argument('--show-dir', help='write prediction overlays here (inside the work dir)')
    parser.add_argument('--wait-time', type=float, default=2, help='seconds per shown image')
    add_runner_arguments(parser, 'test_dataloader.dataset.data_root=/data/autokary')
    args = parser.parse_args()
    if args.out is not None and not args.out.endswith(('.pkl', '.pickle')):
        parser.error(f'--out must name a .pkl or .pickle file, got {args.out}')
    return args


def main() -> None:
    args = parse_args()
    cfg = runner_config(args)
    cfg.load_from = args.checkpoint
    if args.show or args.show_dir:
        enable_visualization(cfg, args.show_dir, args.show, args.wait_time)
    runner = build_runner(cfg)
    if args.out is not None:
        runner.test_evaluator.metrics.append(DumpDetResults(out_file_path=args.out))
    metrics = runner.test()
    if is_main_process():
        class_metric = next((m for m in runner.test_evaluator.metrics
                             if isinstance(m, ChromosomeClassMetric)), None)
        print(format_test_report(
            dataset_display_name(cfg), metrics,
            class_metric.class_counts if class_metric else None,
            class_metric.class_names if class_metric else ()))


if __name__ == '__main__':
    main()
