"""Convert Cell Image Library "24 chromosomes" (Pascal VOC boxes) to box-only COCO files.

Usage: python tools/dataset_converters/cil24_to_coco.py SRC_ROOT OUT_DIR [--val-ratio 0.1]
       [--test-ratio 0]
SRC_ROOT holds 24_chromosomes_object/{JEPG,annotations}/. Writes OUT_DIR/{train,val[,test]}.json with
file_name relative to SRC_ROOT (the base config expects OUT_DIR = SRC_ROOT/coco). Exits 1 naming the
file on fatal input.
"""
import argparse
import sys

from mmkaryo.datasets.converters import ConversionError, convert_cil24, write_splits


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('src_root', help='folder holding 24_chromosomes_object/')
    parser.add_argument('out_dir', help='folder for train.json, val.json (and test.json)')
    parser.add_argument('--val-ratio', type=float, default=0.1, help='share of images for val')
    parser.add_argument('--test-ratio', type=float, default=0.0, help='share of images for test')
    parser.add_argument('--seed', type=int, default=0, help='seed of the split')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        splits, report = convert_cil24(args.src_root, args.val_ratio, args.test_ratio, args.seed)
    except ConversionError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    write_splits(splits, args.out_dir, report)
    return 0


if __name__ == '__main__':
    sys.exit(main())
