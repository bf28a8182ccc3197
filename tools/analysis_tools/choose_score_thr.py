"""Choose a detector's operating score threshold on validation images (never the test images).

    python tools/analysis_tools/choose_score_thr.py CONFIG CHECKPOINT ANN_FILE IMG_DIR [--out thr.json]
        [--cfg-options KEY=VALUE ...]

Runs the model once over the images of ANN_FILE (a 24-class COCO file of validation slides, e.g.
mfish_val.json), keeps the detections scoring at least each threshold 0.05, 0.10, ..., 0.95 and
prints the class-agnostic AJI (mean over images) of each; the best one is the value to set as the
config's top-level ``score_thr``, which AJIMetric, tools/test.py, the zoo tool and tools/analyze.py
then use. ``--cfg-options`` compare test-time settings on the same images (e.g. mmdet's class-wise
NMS: ``model.roi_head.bbox_head.type=Shared2FCBBoxHead``). Exits 1 naming the file on bad input.
"""
import argparse
import json
import sys
from pathlib import Path

from mmengine.config import DictAction

from mmkaryo.evaluation.zoo import load_ground_truth, model_predictor, predict_images
from mmkaryo.evaluation.zoo.threshold import aji_by_threshold, best_threshold


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('config', help='detector config')
    parser.add_argument('checkpoint', help='trained weights')
    parser.add_argument('ann_file', help='COCO annotation file of the validation images')
    parser.add_argument('img_dir', help='folder the file_name entries are relative to')
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--out', help='write {threshold: AJI} and the best threshold as JSON here')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction, metavar='KEY=VALUE',
                        help='overrides merged into the config')
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    try:
        images = load_ground_truth(args.ann_file)
        predict, _ = model_predictor(args.config, args.checkpoint, 0.0, args.device, args.cfg_options)
        predictions = predict_images(images, args.img_dir, predict)
    except (ValueError, FileNotFoundError) as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    aji = aji_by_threshold(images, predictions)
    best = best_threshold(aji)
    print('| score_thr | class-agnostic AJI |\n|---:|---:|')
    for threshold, value in aji.items():
        print(f'| {threshold:.2f} | {value:.3f}{" (best)" if threshold == best else ""} |')
    print(f'best score_thr on {len(images)} images of {args.ann_file}: {best:.2f} (AJI {aji[best]:.3f})')
    if args.out:
        Path(args.out).write_text(json.dumps(dict(aji={f'{t:.2f}': v for t, v in aji.items()}, best=best,
                                                  ann_file=args.ann_file, checkpoint=args.checkpoint),
                                             indent=2) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
