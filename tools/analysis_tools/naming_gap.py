"""How much end-to-end naming loses to the detector's masks and to the chromosomes it misses.

    python tools/analysis_tools/naming_gap.py ANN_FILE IMG_DIR [--config CFG --checkpoint CKPT]
        [--classifier-config CCFG --classifier-checkpoint CCKPT] [--out gap.json]

Reads every image of ANN_FILE (24-class COCO, file_names relative to IMG_DIR) with a detector and crop
classifier pair (default: the packaged model; the classifier the detector config names unless given),
at the config's operating threshold, and names the found chromosomes three ways: from the detector's
masks as the analysis path does, from crops of their ground-truth masks read among the found ones, and
read among all the image's chromosomes (mmkaryo.evaluation.zoo.naming_gap). Prints the accuracies and
the detected masks' area ratio and IoU to their ground truth; exits 1 naming the file on bad input.
"""
import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pycocotools.mask as mask_util

from mmkaryo.apis.classifier_args import add_classifier_arguments, classifier_pair
from mmkaryo.apis.inferencer import KaryotypeInferencer
from mmkaryo.apis.polarity import DARK_ON_LIGHT
from mmkaryo.evaluation.zoo import load_ground_truth, prediction_from_result
from mmkaryo.evaluation.zoo.naming_gap import READINGS, image_naming_gap, naming_gap_summary
from mmkaryo.structures import MaskCrops


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('ann_file', help='24-class COCO file of labelled images')
    parser.add_argument('img_dir', help='folder the file_name entries are relative to')
    parser.add_argument('--config', help='detector config (default: the packaged model)')
    parser.add_argument('--checkpoint', help='weights of --config')
    add_classifier_arguments(parser, detector_switch=False)
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--out', help='write the summary as JSON here')
    args = parser.parse_args()
    if (args.config is None) != (args.checkpoint is None):
        parser.error('--config and --checkpoint go together')
    classifier_pair(parser, args)
    return args


def main() -> int:
    args = parse_args()
    try:
        images = load_ground_truth(args.ann_file)
        inferencer = KaryotypeInferencer(args.config, args.checkpoint, device=args.device,
                                         classifier_config=args.classifier_config,
                                         classifier_checkpoint=args.classifier_checkpoint)
        if inferencer.namer is None:
            raise ValueError(f'{args.config or "the packaged model"}: names no crop classifier; pass '
                             '--classifier-config and --classifier-checkpoint')
        gaps = []
        for gt in images:
            path = Path(args.img_dir) / gt.file_name
            if not path.is_file():
                raise ValueError(f'{path}: image {gt.file_name!r} of the annotation file not found')
            result = inferencer.read(path)
            kept = prediction_from_result(result, inferencer.score_thr, inferencer.extra_penalty).kept
            truth_masks = MaskCrops.from_dense(np.stack([mask_util.decode(rle).astype(bool) for rle in gt.rles]))
            truth_probs, _ = inferencer.namer.class_probs(result.image, truth_masks,
                                                          inferencer.model_polarity == DARK_ON_LIGHT)
            gaps.append(image_naming_gap(gt, kept, truth_probs, inferencer.extra_penalty))
    except (ValueError, TypeError, FileNotFoundError) as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    summary = naming_gap_summary(gaps)
    print(f'{summary["matched"]} of {summary["num_truth"]} chromosomes found (mask IoU >= 0.5) in {len(images)} '
          f'images of {args.ann_file}; accuracy over the found ones:')
    print('| named from | read among | constrained | argmax |\n|---|---|---:|---:|')
    among = dict(detected=('detector masks', 'kept detections'), truth_found=('truth masks', 'found ones'),
                 truth_all=('truth masks', 'all chromosomes'))
    for name in READINGS:
        accuracy = summary['accuracy'][name]
        print(f'| {among[name][0]} | {among[name][1]} | {accuracy["constrained"]:.3f} | {accuracy["argmax"]:.3f} |')
    for key in ('area_ratio', 'iou'):
        if summary[key]:
            print(f'{key} of the detected mask to its truth: median {summary[key]["p50"]:.3f} '
                  f'(10th {summary[key]["p10"]:.3f}, 90th {summary[key]["p90"]:.3f})')
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(summary, indent=2) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
