"""The command-line flags that choose a crop classifier, shared by the tools that read or package models.

``--classifier-config CFG --classifier-checkpoint CKPT`` (both or neither) give a crop classifier, and,
for the tools that read images, ``--detector-classes`` names the chromosomes with the detector's class
head even when the detector config names a classifier (:mod:`mmkaryo.apis.crop_namer`).
"""
import argparse
from typing import Optional, Tuple


def add_classifier_arguments(parser: argparse.ArgumentParser, detector_switch: bool = True) -> None:
    """Add the classifier pair and, with ``detector_switch``, ``--detector-classes`` to ``parser``."""
    parser.add_argument('--classifier-config', help='chromosome crop classifier config (with '
                        '--classifier-checkpoint; default: the one the detector config names, if any)')
    parser.add_argument('--classifier-checkpoint', help='trained weights of --classifier-config')
    if detector_switch:
        parser.add_argument('--detector-classes', action='store_true',
                            help="name the chromosomes with the detector's class head, not a crop classifier")


def classifier_pair(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Optional[Tuple[str, str]]:
    """(config, checkpoint) of the classifier ``args`` give, None when they give none; a usage error
    (``parser.error``, exit 2) when only one of the two flags is there."""
    if (args.classifier_config is None) != (args.classifier_checkpoint is None):
        parser.error('--classifier-config and --classifier-checkpoint go together')
    return (args.classifier_config, args.classifier_checkpoint) if args.classifier_config else None
