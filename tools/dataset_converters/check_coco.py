"""Validate a COCO file written by our converters.

Usage: python tools/dataset_converters/check_coco.py FILE [--boxes-only]
Checks ids, categories (the 24 classes or the single "chromosome"), boxes and masks inside the image
and, unless --boxes-only, a non-empty segmentation on every annotation. Prints the problems and exits 1
if there are any.
"""
import argparse
import sys

from mmkaryo.datasets.converters import ConversionError, check_coco
from mmkaryo.datasets.converters.io_utils import read_json


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('file', help='COCO JSON file')
    parser.add_argument('--boxes-only', action='store_true',
                        help='a box-only set (CIL): segmentations are not required')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        coco = read_json(args.file)
    except ConversionError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    if not isinstance(coco, dict):
        print(f'error: {args.file}: not a COCO dict', file=sys.stderr)
        return 1
    problems = check_coco(coco, require_masks=not args.boxes_only)
    for problem in problems[:50]:
        print(f'{args.file}: {problem}')
    if len(problems) > 50:
        print(f'{args.file}: ... and {len(problems) - 50} more problems')
    print(f'{args.file}: {len(coco.get("images", []))} images, '
          f'{len(coco.get("annotations", []))} annotations, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
