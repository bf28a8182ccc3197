"""Generate a synthetic G-banded metaphase dataset in every format mmkaryo reads.

Usage: python tools/dataset_converters/make_synthetic.py --out-dir DIR --num-images N --seed S
       --image-size PX [--overlap-rate R] [--aneuploidy-rate R]
       [--formats coco autokary2022 cil24 custom mfish] [--images-per-patient K] [--embed-image-data]
       [--preview PNG]
Always writes DIR/coco/annotations.json with its images when coco is among the formats (the default:
all). Layout per format: see mmkaryo/datasets/synthetic/dataset.py.
"""
import argparse
import sys

from mmkaryo.datasets.synthetic import FORMATS, SyntheticConfig, generate_sample, write_synthetic_dataset
from mmkaryo.visualization import save_preview


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out-dir', required=True, help='folder to write the formats into')
    parser.add_argument('--num-images', type=int, required=True)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--image-size', type=int, default=640, help='square image side in pixels')
    parser.add_argument('--overlap-rate', type=float, default=SyntheticConfig.overlap_rate,
                        help='probability that a chromosome overlaps another one')
    parser.add_argument('--aneuploidy-rate', type=float, default=SyntheticConfig.aneuploidy_rate,
                        help='probability that a patient has a numerical aberration')
    parser.add_argument('--chromosome-length', type=float, default=SyntheticConfig.chromosome_length,
                        help='length of chromosome 1 as a fraction of the image side')
    parser.add_argument('--chromosome-width', type=float, default=SyntheticConfig.chromosome_width,
                        help='chromatid-pair width as a fraction of the image side')
    parser.add_argument('--spread-radius', type=float, default=SyntheticConfig.spread_radius,
                        help='radius of the region the chromosomes lie in, as a fraction of the side')
    parser.add_argument('--formats', nargs='+', choices=FORMATS, default=list(FORMATS))
    parser.add_argument('--images-per-patient', type=int, default=4)
    parser.add_argument('--embed-image-data', action='store_true',
                        help='fill LabelMe imageData with the base64 PNG (as AutoKary2022 does)')
    parser.add_argument('--preview', help='also save image 0 beside its masks as this PNG')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    options = dict(overlap_rate=args.overlap_rate, aneuploidy_rate=args.aneuploidy_rate,
                   chromosome_length=args.chromosome_length, chromosome_width=args.chromosome_width,
                   spread_radius=args.spread_radius)
    try:
        folders = write_synthetic_dataset(
            args.out_dir, args.num_images, args.seed, args.image_size, formats=args.formats,
            images_per_patient=args.images_per_patient, embed_image_data=args.embed_image_data, **options)
        if args.preview:
            config = SyntheticConfig(image_size=args.image_size, **options)
            print(f'preview: {save_preview(generate_sample(config, args.seed, 0, 0), args.preview)}')
    except ValueError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    print(f'wrote {args.num_images} synthetic metaphases ({args.image_size} px, seed {args.seed}):')
    for name, folder in folders.items():
        print(f'  {name:13s} {folder}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
