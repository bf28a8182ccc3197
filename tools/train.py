"""Train a model from an mmkaryo config (mmdet's tools/train.py, for mmkaryo).

    python tools/train.py CONFIG [--work-dir DIR] [--resume [CKPT]] [--amp] [--cfg-options k=v ...]
    bash tools/dist_train.sh CONFIG NUM_PROCS [...]      # torch.distributed through torchrun
"""
import argparse

from mmkaryo.engine.runner_setup import add_runner_arguments, build_runner, runner_config


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description='Train an mmkaryo model')
    parser.add_argument('config', help='train config file path')
    parser.add_argument('--amp', action='store_true', help='automatic mixed precision (GPU only)')
    parser.add_argument(
        '--resume', nargs='?', type=str, const='auto',
        help='resume from CKPT, or from the latest checkpoint in the work dir when CKPT is omitted')
    add_runner_arguments(parser, 'train_cfg.max_iters=10 data_root=/data/autokary')
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    cfg = runner_config(args)
    if args.amp:
        cfg.optim_wrapper.type = 'AmpOptimWrapper'
        cfg.optim_wrapper.loss_scale = 'dynamic'
    if args.resume == 'auto':
        cfg.resume = True
        cfg.load_from = None
    elif args.resume is not None:
        cfg.resume = True
        cfg.load_from = args.resume
    build_runner(cfg).train()


if __name__ == '__main__':
    main()
