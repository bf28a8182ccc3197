"""Write a mask-scarce setting: masks on a share of the training images, boxes only on the rest.

Usage: python tools/dataset_converters/split_mask_scarce.py OUT_DIR --masks COCO IMAGE_ROOT
       --mask-fraction F --seed S --test COCO IMAGE_ROOT [--boxes COCO IMAGE_ROOT]
Each COCO file's file_names are relative to its IMAGE_ROOT. Writes OUT_DIR/mask.json (the images of
--masks chosen to keep their masks), OUT_DIR/box.json (the other images, boxes only: from --boxes,
matched by file stem, when given, else from --masks with the masks dropped) and OUT_DIR/test.json (a
copy of --test), all with file_names relative to OUT_DIR, so a config reads them with
data_root=OUT_DIR. The choice depends on the image ids and S only (mmkaryo.datasets.converters.
split_mask_scarce). Exits 1 with a message on unusable input.
"""
import argparse
import os.path as osp
import sys

from mmkaryo.datasets.converters import (boxes_of_images, dump_coco, rebase_file_names,
                                         split_mask_scarce, split_summary)
from mmkaryo.datasets.converters.io_utils import read_json


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('out_dir', help='folder for mask.json, box.json and test.json')
    parser.add_argument('--masks', nargs=2, required=True, metavar=('COCO', 'IMAGE_ROOT'),
                        help='training images with masks, and the folder their file_names start in')
    parser.add_argument('--mask-fraction', type=float, required=True,
                        help='share of the --masks images that keep their masks, in (0, 1]')
    parser.add_argument('--seed', type=int, default=0, help='seed of the choice of images')
    parser.add_argument('--test', nargs=2, required=True, metavar=('COCO', 'IMAGE_ROOT'),
                        help='held-out test images with masks')
    parser.add_argument('--boxes', nargs=2, metavar=('COCO', 'IMAGE_ROOT'),
                        help='box-only records of the same images (e.g. converted from the CIL format)')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        masks, box_part = split_mask_scarce(read_json(args.masks[0]), args.mask_fraction, args.seed)
        box_root = args.masks[1]
        if args.boxes:
            box_part, box_root = boxes_of_images(read_json(args.boxes[0]), box_part['images']), args.boxes[1]
        files = {osp.join(args.out_dir, 'mask.json'): rebase_file_names(masks, args.masks[1], args.out_dir),
                 osp.join(args.out_dir, 'box.json'): rebase_file_names(box_part, box_root, args.out_dir),
                 osp.join(args.out_dir, 'test.json'): rebase_file_names(read_json(args.test[0]), args.test[1],
                                                                        args.out_dir)}
    except ValueError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    except KeyError as err:
        print(f'error: a COCO file lacks the key {err}', file=sys.stderr)
        return 1
    for path, coco in files.items():
        dump_coco(coco, path)
    print(split_summary(files))
    return 0


if __name__ == '__main__':
    sys.exit(main())
