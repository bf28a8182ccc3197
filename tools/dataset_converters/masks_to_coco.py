"""Convert a custom instance-mask set (no classes) to class-agnostic COCO files.

Usage: python tools/dataset_converters/masks_to_coco.py SRC_ROOT OUT_DIR
       [--layout instance_pngs|label_images|labelme] [--val-ratio 0.1]
Layouts: images/<name>.* + masks/<name>/<k>.png (one binary PNG per instance); images/<name>.* +
labels/<name>.png (0 background, one id per instance); or LabelMe .json files with images beside.
Writes OUT_DIR/{train,val}.json with file_name relative to SRC_ROOT (the base config expects
OUT_DIR = SRC_ROOT/coco). Exits 1 naming the file on fatal input.
"""
import argparse
import sys

from mmkaryo.datasets.converters import ConversionError, convert_instance_masks, write_splits
from mmkaryo.datasets.converters.instance_masks import LAYOUTS


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('src_root', help='folder holding the images and masks')
    parser.add_argument('out_dir', help='folder for train.json and val.json')
    parser.add_argument('--layout', choices=LAYOUTS, default='instance_pngs', help='input layout')
    parser.add_argument('--val-ratio', type=float, default=0.1, help='share of images for val')
    parser.add_argument('--seed', type=int, default=0, help='seed of the split')
    parser.add_argument('--min-area', type=float, default=20.0, help='smallest instance area kept, px')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        splits, report = convert_instance_masks(args.src_root, args.layout, args.val_ratio, args.seed,
                                                args.min_area)
    except ConversionError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    write_splits(splits, args.out_dir, report)
    return 0


if __name__ == '__main__':
    sys.exit(main())
