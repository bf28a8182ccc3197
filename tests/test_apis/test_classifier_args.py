"""The shared classifier flags: both or neither, and the detector switch only where asked for."""
import argparse

import pytest

from mmkaryo.apis.classifier_args import add_classifier_arguments, classifier_pair


def parse(argv, detector_switch=True):
    parser = argparse.ArgumentParser()
    add_classifier_arguments(parser, detector_switch)
    args = parser.parse_args(argv)
    return classifier_pair(parser, args), args


def test_pair_none_and_switch():
    pair, args = parse(['--classifier-config', 'c.py', '--classifier-checkpoint', 'w.pth'])
    assert pair == ('c.py', 'w.pth') and args.detector_classes is False
    pair, args = parse(['--detector-classes'])
    assert pair is None and args.detector_classes is True
    _, args = parse([], detector_switch=False)
    assert not hasattr(args, 'detector_classes')


def test_one_flag_alone_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        parse(['--classifier-config', 'c.py'])
    assert exit_info.value.code == 2
    assert 'go together' in capsys.readouterr().err
