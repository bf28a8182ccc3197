"""Compute one row of the README's model-zoo table on held-out images: a trained model or Otsu.

    python tools/analysis_tools/zoo_row.py ANN_FILE IMG_DIR --config CFG --checkpoint CKPT \
        [--classifier-config CCFG --classifier-checkpoint CCKPT | --detector-classes] \
        [--score-thr T] [--name NAME] [--out row.json]
    python tools/analysis_tools/zoo_row.py ANN_FILE IMG_DIR --otsu [--name NAME] [--out row.json]

ANN_FILE is a 24-class COCO file (e.g. from tools/dataset_converters/mfish_to_coco.py), IMG_DIR the
folder its ``file_name`` entries are relative to. Prints the markdown row (columns in
mmkaryo/evaluation/zoo/row.py) and writes the row as JSON to --out. --score-thr is the operating
threshold (default: the config's score_thr). Classes come from the crop classifier given, or the one
the detector config names (``chromosome_classifier``), unless --detector-classes. Exits 1 naming the
file on bad input.
"""
import argparse
import json
import sys
from pathlib import Path

from mmkaryo.apis.classifier_args import add_classifier_arguments, classifier_pair
from mmkaryo.apis.image_io import read_gray_image
from mmkaryo.evaluation.zoo import (Prediction, load_ground_truth, markdown_header, markdown_row, model_predictor,
                                    otsu_instances, predict_images, zoo_row)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('ann_file', help='24-class COCO annotation file of the held-out images')
    parser.add_argument('img_dir', help='folder the file_name entries are relative to')
    method = parser.add_mutually_exclusive_group(required=True)
    method.add_argument('--config', help='detector config (with --checkpoint)')
    method.add_argument('--otsu', action='store_true', help='score the Otsu-threshold baseline')
    parser.add_argument('--checkpoint', help='trained weights of --config')
    parser.add_argument('--score-thr', type=float, help="operating threshold (default: the config's)")
    add_classifier_arguments(parser)
    parser.add_argument('--name', help='the row\'s model name (default: config stem, or "Otsu")')
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--out', help='write the row as JSON here')
    args = parser.parse_args()
    if args.config and not args.checkpoint:
        parser.error('--config needs --checkpoint')
    if args.otsu and (args.checkpoint or args.score_thr is not None):
        parser.error('--otsu takes neither --checkpoint nor --score-thr')
    classifier_pair(parser, args)
    return args


def otsu_prediction(path: Path) -> Prediction:
    """The Otsu instances of one image: every one ranked and kept (score 1.0, no classes)."""
    detections = otsu_instances(read_gray_image(path))
    return Prediction(detections, detections)


def main() -> int:
    args = parse_args()
    try:
        images = load_ground_truth(args.ann_file)
        if args.otsu:
            predict, score_thr, name = otsu_prediction, None, args.name or 'Otsu'
        else:
            predict, score_thr = model_predictor(
                args.config, args.checkpoint, args.score_thr, args.device,
                classifier_config=args.classifier_config, classifier_checkpoint=args.classifier_checkpoint,
                use_classifier=not args.detector_classes)
            name = args.name or Path(args.config).stem
        predictions = predict_images(images, args.img_dir, predict)
    except (ValueError, TypeError, FileNotFoundError) as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    row = zoo_row(name, images, predictions, score_thr)
    for reason in row['karyotype_skip_reasons']:
        print(f'karyotype skipped: {reason}', file=sys.stderr)
    print(markdown_header())
    print(markdown_row(row))
    print(f'ground truth: {row["num_isolated"]} isolated, {row["num_touching"]} touching, '
          f'{row["num_overlapping"]} overlapping chromosomes in {row["num_images"]} images; karyotype '
          f'truth parsed for {row["karyotype_images"]} ({row["karyotype_skipped_no_karyotype"]} without, '
          f'{row["karyotype_skipped_unparsable"]} unparsable); operating score_thr {score_thr}')
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(row, indent=2) + '\n')
        print(f'row written to {args.out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
