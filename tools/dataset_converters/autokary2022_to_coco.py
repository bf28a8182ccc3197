"""Convert AutoKary2022 (LabelMe JSON, patient folders) to COCO train/val/test files.

Usage: python tools/dataset_converters/autokary2022_to_coco.py SRC_ROOT OUT_DIR [--val-ratio 0.1]
Writes OUT_DIR/{train,val,test}.json with file_name relative to SRC_ROOT (so a config's data_root is
SRC_ROOT; the base config expects OUT_DIR = SRC_ROOT/coco). Exits 1 naming the file on fatal input.
"""
import argparse
import sys

from mmkaryo.datasets.converters import ConversionError, convert_autokary2022, write_splits


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('src_root', help='folder holding train_labelme/ and test_labelme/')
    parser.add_argument('out_dir', help='folder for train.json, val.json, test.json')
    parser.add_argument('--val-ratio', type=float, default=0.1, help='share of train patients for val')
    parser.add_argument('--seed', type=int, default=0, help='seed of the patient split')
    parser.add_argument('--min-area', type=float, default=20.0, help='smallest instance area kept, px')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        splits, report = convert_autokary2022(args.src_root, args.val_ratio, args.seed, args.min_area)
    except ConversionError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    write_splits(splits, args.out_dir, report)
    return 0


if __name__ == '__main__':
    sys.exit(main())
