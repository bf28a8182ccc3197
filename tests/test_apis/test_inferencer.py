import numpy as np
import pytest
import torch

from mmkaryo.apis import KaryotypeInferencer
from mmkaryo.karyotype import karyotype_string
from mmkaryo.structures import MaskCrops


@pytest.fixture(scope='module')
def inferencer(tiny_model_files):
    config, checkpoint = tiny_model_files
    return KaryotypeInferencer(config, checkpoint, score_thr=0.0)


def test_kept_detections_carry_their_rois_full_softmax(inferencer, tiny_model_files, metaphase):
    from mmdet.apis import inference_detector, init_detector

    config, checkpoint = tiny_model_files
    plain = init_detector(config, checkpoint, device='cpu')
    assert inferencer.grayscale_input  # configs/synthetic/ read one grey channel
    model_input = metaphase
    with torch.no_grad():
        expected = inference_detector(plain, model_input).pred_instances
        got = inference_detector(inferencer.model, model_input).pred_instances
    assert len(got) == len(expected) > 0
    for key in ('bboxes', 'scores', 'labels'):
        torch.testing.assert_close(got[key], expected[key])
    assert got.class_scores.shape == (len(got), 25)
    torch.testing.assert_close(got.class_scores.sum(1), torch.ones(len(got)))
    torch.testing.assert_close(got.class_scores[torch.arange(len(got)), got.labels], got.scores)


def test_read_gives_one_instance_per_roi_and_a_consistent_reading(inferencer, metaphase):
    result = inferencer.read(metaphase, name='synthetic')
    n = len(result.labels)
    assert n > 0
    assert isinstance(result.masks, MaskCrops) and result.masks.shape == (n, ) + metaphase.shape
    assert result.class_probs.shape == (n, 24)
    np.testing.assert_allclose(result.class_probs.sum(1), 1.0)
    assert karyotype_string(result.labels) == result.karyotype
    np.testing.assert_array_equal(result.argmax_labels, result.class_probs.argmax(1))
    assert 0.0 <= result.sanity <= 1.0
    assert sorted(i for g in result.pairing.groups for i in g) == list(range(n))


def test_detection_scores_are_the_detectors_and_pass_the_threshold(tiny_model_files, metaphase):
    config, checkpoint = tiny_model_files
    inferencer = KaryotypeInferencer(config, checkpoint, cfg_options={'score_thr': 0.041})
    assert inferencer.score_thr == 0.041  # the config's top-level score_thr, as no argument is given
    result = inferencer.read(metaphase)
    n = len(result.labels)
    assert n > 0 and result.detection_scores.shape == (n, ) and np.all(result.detection_scores >= 0.041)
    # mmdet's head scores a detection by its class's softmax probability
    detector_class_scores = result.class_scores[np.arange(n), result.detector_labels]
    np.testing.assert_allclose(result.detection_scores, detector_class_scores, rtol=1e-6)
    np.testing.assert_array_equal(result.scores, result.class_scores[np.arange(n), result.labels])


def test_an_image_of_the_other_polarity_is_inverted_for_the_model(inferencer, metaphase):
    assert inferencer.model_polarity == 'dark_on_light'  # no image_polarity key in the config
    direct, flipped = inferencer.read(metaphase), inferencer.read(255 - metaphase)
    assert (direct.polarity, direct.inverted) == ('dark_on_light', False)
    assert (flipped.polarity, flipped.inverted) == ('bright_on_dark', True)
    np.testing.assert_array_equal(flipped.image, metaphase)
    np.testing.assert_array_equal(flipped.boxes, direct.boxes)
    assert flipped.karyotype == direct.karyotype


def test_polarity_given_or_declared_by_the_model(tiny_model_files, metaphase):
    config, checkpoint = tiny_model_files
    forced = KaryotypeInferencer(config, checkpoint, score_thr=0.0, polarity='bright_on_dark')
    result = forced.read(metaphase)  # told bright on dark: inverted for the dark-on-light model
    assert (result.polarity, result.inverted) == ('bright_on_dark', True)
    np.testing.assert_array_equal(result.image, 255 - metaphase)
    fluorescence_model = KaryotypeInferencer(config, checkpoint, score_thr=0.0,
                                             cfg_options={'image_polarity': 'bright_on_dark'})
    result = fluorescence_model.read(metaphase)
    assert (result.polarity, result.inverted) == ('dark_on_light', True)
    with pytest.raises(ValueError, match="polarity argument: image polarity 'negative'"):
        KaryotypeInferencer(config, checkpoint, polarity='negative')
    with pytest.raises(ValueError, match="image polarity 'negative' is not one of"):
        KaryotypeInferencer(config, checkpoint, cfg_options={'image_polarity': 'negative'})


def test_inputs_of_every_kind(inferencer, metaphase, tmp_path):
    import tifffile
    tifffile.imwrite(tmp_path / 'deep.tif', metaphase.astype(np.uint16) * 200)
    rgb = np.repeat(metaphase[..., None], 3, axis=2)
    results = inferencer([tmp_path, rgb])
    assert [r.name for r in results] == ['deep', 'image_1']
    assert results[0].image.dtype == np.uint8 and results[0].image.max() == 255
    (tmp_path / 'broken.png').write_bytes(b'no')
    with pytest.raises(ValueError, match='broken.png'):
        inferencer(tmp_path / 'broken.png')


def test_refuses_a_detector_without_24_classes(tiny_model_files):
    config, _ = tiny_model_files
    with pytest.raises(ValueError, match='24 chromosome classes'):
        KaryotypeInferencer(config, None, cfg_options={'model.roi_head.bbox_head.num_classes': 3})


def test_read_karyotype_without_a_model():
    from mmkaryo.apis import read_karyotype
    from mmkaryo.karyotype import parse_karyotype
    labels = np.repeat(np.arange(24), parse_karyotype('46,XY'))
    scores = np.full((46, 25), 0.002)
    scores[np.arange(46), labels] = 0.9
    a_20 = np.flatnonzero(labels == 19)[0]  # a 20 the detector calls a 19
    scores[a_20, 18], scores[a_20, 19] = 0.5, 0.4
    masks = np.zeros((46, 8, 8), dtype=bool)
    result = read_karyotype('case', np.zeros((8, 8), np.uint8), np.zeros((46, 4)), masks, labels, scores)
    assert result.karyotype == '46,XY' and result.normal and result.sanity == 1.0
    assert karyotype_string(result.argmax_labels) == '46,XY,+19,-20'
    argmax = read_karyotype('case', np.zeros((8, 8), np.uint8), np.zeros((46, 4)), masks, labels, scores,
                            constrained=False)
    assert argmax.karyotype == '46,XY,+19,-20' and not argmax.normal
    np.testing.assert_array_equal(result.detection_scores, np.ones(46))  # no detector
    assert (result.polarity, result.inverted) == ('dark_on_light', False)
    with pytest.raises(ValueError, match='case: class_scores'):
        read_karyotype('case', np.zeros((8, 8), np.uint8), np.zeros((46, 4)), masks, labels, scores[:, :24])
