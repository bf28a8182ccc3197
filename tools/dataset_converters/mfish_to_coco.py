"""Convert M-FISH label maps (*D.tif + *K.tif + case-info.txt per folder) to COCO.

Usage: python tools/dataset_converters/mfish_to_coco.py SRC_ROOT OUT_JSON [--invert-to DIR]
       [--min-area 30] [--test-ratio 0.2 [--val-ratio 0.1] --seed 0]
Writes OUT_JSON (24 classes, overlapping RLE masks, karyotype per image) and OUT_JSON with the suffix
_agnostic (one class). The karyotype is the ISCN string read from the folder's case-info.txt with any
free text after it cut, or null when none can be read; never a guess. The summary counts the
case-info files read as written, read with text cut and not read, and prints each one's note.
With --test-ratio, also a slide-level split (no slide in both) into <stem>_train/<stem>_test files,
each in both forms. --val-ratio then moves that share of all slides from the training slides into
<stem>_val (for choosing thresholds; the test slides stay the same). Without --invert-to, file_name
points at SRC_ROOT's *D.tif (bright on dark); with it, inverted PNG copies (dark on light, the form
the models see) and README.TXT (the licence) are written under DIR and file_name is relative to DIR.
Never point DIR inside SRC_ROOT.
Exits 1 naming the file on fatal input.
"""
import argparse
import os.path as osp
import sys

from mmkaryo.datasets.converters import (ConversionError, convert_mfish, split_coco,
                                         to_class_agnostic, write_files, write_inverted_images)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('src_root', help='folder holding <folder>/<name>{D,K}.tif and case-info.txt')
    parser.add_argument('out_json', help='24-class COCO file to write')
    parser.add_argument('--invert-to', help='write inverted PNG copies of the images under this folder')
    parser.add_argument('--min-area', type=int, default=30,
                        help='components with fewer class pixels are dropped as fragments')
    parser.add_argument('--test-ratio', type=float, default=0.0,
                        help='also write a slide-level train/test split with this share of slides')
    parser.add_argument('--val-ratio', type=float, default=0.0,
                        help='with --test-ratio: this share of all slides, taken from the training '
                        'slides, goes to <stem>_val')
    parser.add_argument('--seed', type=int, default=0, help='seed of the slide split')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    if args.val_ratio and not 0 < args.val_ratio < 1.0 - args.test_ratio:
        print(f'error: --val-ratio {args.val_ratio} needs --test-ratio and must lie in '
              f'(0, 1 - test ratio)', file=sys.stderr)
        return 1
    try:
        coco, report = convert_mfish(args.src_root, args.min_area)
        if args.invert_to:
            coco = write_inverted_images(coco, args.src_root, args.invert_to)
    except (ConversionError, ValueError) as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    stem, ext = osp.splitext(args.out_json)
    ext = ext or '.json'
    sets = {stem: coco}
    if args.test_ratio > 0:
        splits = split_coco(coco, {'train': 1.0 - args.test_ratio, 'test': args.test_ratio},
                            args.seed, group_of=lambda image: image['slide'])
        if args.val_ratio > 0:
            train_share = 1.0 - args.test_ratio
            splits.update(split_coco(splits['train'], {'train': 1.0 - args.val_ratio / train_share,
                                                         'val': args.val_ratio / train_share},
                                     args.seed, group_of=lambda image: image['slide']))
        sets.update({f'{stem}_{name}': split for name, split in splits.items()})
    files = {}
    for name, data in sets.items():
        files[f'{name}{ext}'] = data
        files[f'{name}_agnostic{ext}'] = to_class_agnostic(data)
    write_files(files, report)
    return 0


if __name__ == '__main__':
    sys.exit(main())
