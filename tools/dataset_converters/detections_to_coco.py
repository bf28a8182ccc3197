"""Write a detector's masks on labelled images as a COCO file, each with its matched chromosome's class.

    python tools/dataset_converters/detections_to_coco.py CONFIG CHECKPOINT ANN_FILE IMG_DIR OUT
        [--score-thr T] [--device cpu]

Runs the detector (its own class head; a classifier the config names is not used) over the images of
ANN_FILE (a 24-class COCO file, file_names relative to IMG_DIR), keeps the detections scoring at least
the operating threshold (default: the config's ``score_thr``), matches them one to one to the ground
truth at mask IoU >= 0.5 and writes OUT: ANN_FILE's images and categories, one annotation per matched
detection (its RLE mask, the ground truth's category). A crop classifier config reads OUT like any
COCO file, with IMG_DIR as its image folder, so it trains on the crops it meets behind the detector
(mmkaryo.evaluation.zoo.detected_coco). Prints the counts; exits 1 naming the file on bad input.
"""
import argparse
import json
import sys

from mmkaryo.datasets.converters import dump_coco
from mmkaryo.evaluation.zoo import detections_coco, load_ground_truth, model_predictor, predict_images


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('config', help='detector config')
    parser.add_argument('checkpoint', help='trained detector weights')
    parser.add_argument('ann_file', help='24-class COCO file of the labelled images')
    parser.add_argument('img_dir', help='folder the file_name entries are relative to')
    parser.add_argument('out', help='COCO file to write')
    parser.add_argument('--score-thr', type=float, help='operating threshold (default: the config\'s score_thr)')
    parser.add_argument('--device', default='cpu')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        images = load_ground_truth(args.ann_file)
        with open(args.ann_file, encoding='utf-8') as f:
            coco = json.load(f)
        predict, score_thr = model_predictor(args.config, args.checkpoint, args.score_thr, args.device,
                                             use_classifier=False)
        predictions = predict_images(images, args.img_dir, predict)
        out, counts = detections_coco(coco, images, [p.kept for p in predictions], args.ann_file)
    except (ValueError, TypeError, FileNotFoundError) as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    dump_coco(out, args.out)
    print(f'{len(images)} images, score_thr {score_thr}: {counts["matched"]} of {counts["ground_truth"]} '
          f'chromosomes matched by a detection (mask IoU >= 0.5) and written to {args.out}; '
          f'{counts["unmatched_detections"]} unmatched detections left out (no class)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
