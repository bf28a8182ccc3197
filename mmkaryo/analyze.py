"""Analyse metaphase images: detections, karyotype, overlays, karyograms, COCO results, HTML report.

``python tools/analyze.py INPUT... --out-dir DIR [--config CFG --checkpoint CKPT]`` (or
``python -m mmkaryo.analyze``, or ``mmkaryo-analyze``) reads the images with the packaged default
model, or with the model given by ``--config`` and ``--checkpoint`` (both or neither). It writes per
image ``<name>.json``, ``<name>_overlay.png``, ``<name>_karyogram.png``, and once
``results.coco.json`` (COCO results, image ids 1..n in input order) and ``report.html``, and prints
one line per image with its polarity and whether it was inverted for the model. Image files that
cannot be decoded are skipped and listed at the end; the exit status is 1 when the model cannot be
loaded, an input is missing or no image could be read. The CLI only: reading and writing a batch is
:func:`mmkaryo.apis.analyze_images`.
"""
import argparse
import sys
from pathlib import Path
from typing import Optional, Sequence

from mmengine.config import DictAction

from mmkaryo.apis import POLARITIES, KaryotypeInferencer, analyze_images
from mmkaryo.apis.classifier_args import add_classifier_arguments, classifier_pair
from mmkaryo.apis.model_keys import DEFAULT_SCORE_THR
from mmkaryo.apis.polarity import AUTO
from mmkaryo.karyotype import DEFAULT_EXTRA_PENALTY


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    """Parse the CLI; exits 2 (argparse's usage error) when only one of --config/--checkpoint is given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('inputs', nargs='+', help='image files or folders of images')
    parser.add_argument('--out-dir', required=True, help='folder for the outputs')
    parser.add_argument('--config', help='detector config file (with --checkpoint; default: the packaged '
                        'model, mmkaryo/model_zoo/mfish_24class)')
    parser.add_argument('--checkpoint', help='checkpoint file (with --config)')
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--score-thr', type=float, default=None,
                        help='minimum detection score (default: the config\'s score_thr, else '
                        f'{DEFAULT_SCORE_THR})')
    parser.add_argument('--polarity', choices=(AUTO, ) + POLARITIES, default=AUTO,
                        help='the images\' polarity: detected per image (auto) or given; an image whose '
                        'polarity differs from the model\'s (its config\'s image_polarity, dark_on_light '
                        'when absent) is inverted')
    parser.add_argument('--extra-penalty', type=float, default=DEFAULT_EXTRA_PENALTY,
                        help='cost in nats of each chromosome beyond the normal count')
    parser.add_argument('--argmax', action='store_true', help='read classes by argmax, no karyotype prior')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction, metavar='KEY=VALUE',
                        help='config overrides, e.g. model.test_cfg.rcnn.score_thr=0.1')
    add_classifier_arguments(parser)
    args = parser.parse_args(argv)
    if (args.config is None) != (args.checkpoint is None):
        parser.error('--config and --checkpoint go together: give both, or neither for the packaged model')
    classifier_pair(parser, args)
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the CLI; return 0, or 1 (with the problem on stderr) when the model cannot be loaded, an
    input is missing or no image could be read."""
    args = parse_args(argv)
    try:
        inferencer = KaryotypeInferencer(
            args.config, args.checkpoint, device=args.device, score_thr=args.score_thr,
            extra_penalty=args.extra_penalty, constrained=not args.argmax, cfg_options=args.cfg_options,
            polarity=args.polarity, classifier_config=args.classifier_config,
            classifier_checkpoint=args.classifier_checkpoint, use_classifier=not args.detector_classes)
        records, skipped = analyze_images(inferencer, args.inputs, Path(args.out_dir))
    except (OSError, ValueError) as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    flagged = sum(not r['normal'] for r in records)
    print(f'\n{len(records)} images read, {flagged} not a normal karyotype; report: '
          f'{Path(args.out_dir) / "report.html"}')
    if skipped:
        print(f'{len(skipped)} images skipped (unreadable):\n' + '\n'.join(f'  {m}' for m in skipped))
    if not records:
        print('error: no image could be read', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
