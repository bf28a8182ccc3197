"""Two-stage reading: a crop classifier names what the detector found; packaged as a pair; switchable."""
import numpy as np
import pytest
import torch
from mmengine.config import Config
from mmengine.runner import save_checkpoint

from mmkaryo.apis import KaryotypeInferencer, default_model_files
from mmkaryo.apis.crop_namer import CropNamer, classifier_files
from mmkaryo.apis.inferencer import classifier_class_scores
from mmkaryo.apis.model_packaging import package_model
from mmkaryo.apis.outputs import result_record
from mmkaryo.structures import MaskCrops
from tests.test_apis.conftest import REPO

CLASSIFIER_CONFIG = REPO / 'configs' / 'chromosome_classifier' / 'cropnet_30e_mfish.py'


@pytest.fixture(scope='module')
def classifier(tmp_path_factory):
    """(config, checkpoint) of the M-FISH crop classifier with random weights (seed 0)."""
    from mmkaryo.registry import MODELS
    from mmkaryo.utils import register_all_modules

    register_all_modules()
    torch.manual_seed(0)
    model = MODELS.build(Config.fromfile(str(CLASSIFIER_CONFIG)).model)
    model.init_weights()
    checkpoint = tmp_path_factory.mktemp('classifier') / 'random.pth'
    save_checkpoint({'state_dict': model.state_dict(), 'meta': {}}, str(checkpoint))
    return str(CLASSIFIER_CONFIG), str(checkpoint)


def test_classifier_files_resolve_relative_to_the_config(tmp_path, classifier):
    (tmp_path / 'c.py').write_text('x = 1\n')
    (tmp_path / 'w.pth').write_bytes(b'')
    (tmp_path / 'det.py').write_text('y = 1\n')
    cfg = Config(dict(chromosome_classifier=dict(config='c.py', checkpoint='w.pth')),
                 filename=str(tmp_path / 'det.py'))
    assert classifier_files(cfg) == (str(tmp_path / 'c.py'), str(tmp_path / 'w.pth'))
    assert classifier_files(Config(dict(chromosome_classifier=None))) is None
    with pytest.raises(ValueError, match='does not exist'):
        classifier_files(Config(dict(chromosome_classifier=dict(config='no.py', checkpoint='w.pth')),
                                filename=str(tmp_path / 'det.py')))
    with pytest.raises(ValueError, match='must be dict'):
        classifier_files(Config(dict(chromosome_classifier='c.py')))


def test_namer_gives_probabilities_and_flags_empty_masks(classifier):
    gray = np.full((80, 80), 240, np.uint8)
    gray[10:40, 10:18] = 60
    gray[50:60, 40:70] = 90
    full = np.zeros((3, 80, 80), bool)
    full[0, 10:40, 10:18] = True
    full[1, 50:60, 40:70] = True
    probs, named = CropNamer(*classifier).class_probs(gray, MaskCrops.from_dense(full))
    assert named.tolist() == [True, True, False]
    assert np.allclose(probs[:2].sum(1), 1.0) and np.all(probs[2] == 0)


def test_classifier_class_scores_scale_by_chromosomeness():
    detector = np.full((2, 25), 0.02)
    detector[:, 24] = [0.2, 0.52]
    probs = np.zeros((2, 24))
    probs[:, 3] = 1.0
    out = classifier_class_scores(detector, probs, np.array([True, False]))
    assert out[0, 3] == pytest.approx(0.8) and out[0, :3].sum() == 0 and out[0, 24] == 0.2
    assert np.array_equal(out[1], detector[1])


def test_inferencer_names_with_the_classifier_or_the_detector(tiny_model_files, synthetic_images, classifier):
    image = next((synthetic_images / 'images').glob('*.png'))
    two_stage = KaryotypeInferencer(*tiny_model_files, score_thr=0.0, classifier_config=classifier[0],
                                    classifier_checkpoint=classifier[1])
    detector_only = KaryotypeInferencer(*tiny_model_files, score_thr=0.0)
    named, plain = two_stage.read(image), detector_only.read(image)
    assert named.class_source == 'classifier' and plain.class_source == 'detector'
    assert result_record(named, 1)['class_source'] == 'classifier'
    assert len(named.labels) == len(plain.labels) > 0
    assert np.allclose(named.class_scores[:, 24], plain.class_scores[:, 24])
    assert not np.allclose(named.class_probs, plain.class_probs)
    probs, valid = two_stage.namer.class_probs(named.image, named.masks,
                                               reference=named.detection_scores >= two_stage.reference_thr)
    assert np.allclose(named.class_probs[valid], probs[valid])
    with pytest.raises(ValueError, match='go together'):
        KaryotypeInferencer(*tiny_model_files, classifier_config=classifier[0])


def test_packaged_pair_reads_with_its_classifier_and_switches_off(tmp_path, packaged_model, classifier):
    paths = package_model(packaged_model.config, packaged_model.checkpoint, tmp_path / 'pair',
                          packaged_model.licence, score_thr=0.0, classifier=classifier)
    assert {'classifier_config.py', 'classifier_weights.pth'} <= set(paths)
    cfg = Config.fromfile(str(paths['config.py']))
    assert cfg.chromosome_classifier == dict(config='classifier_config.py', checkpoint='classifier_weights.pth')
    gray = np.full((128, 128), 230, np.uint8)
    gray[20:60, 30:40] = 40
    pair = KaryotypeInferencer(*default_model_files(tmp_path / 'pair'))
    assert pair.namer is not None and pair.read(gray).class_source == 'classifier'
    switched = KaryotypeInferencer(*default_model_files(tmp_path / 'pair'),
                                   cfg_options=dict(chromosome_classifier=None))
    assert switched.namer is None
    alone = package_model(packaged_model.config, packaged_model.checkpoint, tmp_path / 'alone',
                          packaged_model.licence)
    assert Config.fromfile(str(alone['config.py'])).chromosome_classifier is None
