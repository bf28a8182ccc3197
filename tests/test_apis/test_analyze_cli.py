import json
from pathlib import Path

import numpy as np
import pytest
import tifffile
from PIL import Image
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

from mmkaryo.analyze import main, parse_args
from mmkaryo.apis import default_model as default_model_module
from tests.test_apis.conftest import PACKAGED_SCORE_THR


@pytest.mark.parametrize('model_args, error', [
    ([], None),
    (['--config', 'a.py', '--checkpoint', 'a.pth'], None),
    (['--config', 'a.py'], '--config and --checkpoint go together'),
    (['--checkpoint', 'a.pth'], '--config and --checkpoint go together'),
])
def test_config_and_checkpoint_come_both_or_neither(model_args, error, capsys):
    argv = ['images/', '--out-dir', 'out', *model_args]
    if error is None:
        args = parse_args(argv)
        assert (args.config, args.checkpoint) == ((None, None) if not model_args else ('a.py', 'a.pth'))
        assert args.inputs == ['images/'] and args.score_thr is None and args.polarity == 'auto'
    else:
        with pytest.raises(SystemExit) as exit_info:
            parse_args(argv)
        assert exit_info.value.code == 2 and error in capsys.readouterr().err


def test_without_the_packaged_model_the_cli_exits_1_saying_what_to_do(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(default_model_module, 'DEFAULT_MODEL_DIR', tmp_path / 'mfish_24class')
    image = tmp_path / 'a.png'
    Image.fromarray(np.full((32, 32), 200, np.uint8)).save(image)
    assert main([str(image), '--out-dir', str(tmp_path / 'out')]) == 1
    err = capsys.readouterr().err
    assert f'error: {tmp_path / "mfish_24class"}: the packaged default model is incomplete' in err
    assert '--config CFG --checkpoint CKPT' in err and 'package_model.py' in err


@pytest.fixture(scope='module')
def two_polarities(tmp_path_factory):
    """A folder with a synthetic G-banded metaphase (PNG) and its DAPI twin (16-bit TIFF)."""
    from mmkaryo.datasets.synthetic import SyntheticConfig, generate_sample
    sample = generate_sample(SyntheticConfig(image_size=256), seed=0, index=0)
    folder = tmp_path_factory.mktemp('two_polarities')
    Image.fromarray(sample.image).save(folder / 'banded.png')
    tifffile.imwrite(folder / 'dapi.tif', sample.dapi.astype(np.uint16) * 257)
    return folder


@pytest.mark.parametrize('polarity, dapi_inverted', [('auto', True), ('dark_on_light', False)])
def test_packaged_model_reads_images_of_either_polarity(monkeypatch, packaged_model, two_polarities, tmp_path,
                                                       capsys, polarity, dapi_inverted):
    monkeypatch.setattr(default_model_module, 'DEFAULT_MODEL_DIR', packaged_model.folder)
    out_dir = tmp_path / 'out'
    assert main([str(two_polarities), '--out-dir', str(out_dir), '--polarity', polarity]) == 0
    stdout = capsys.readouterr().out
    dapi_note = 'bright_on_dark image, inverted for the model' if dapi_inverted else 'dark_on_light image'
    assert '[1/2] banded.png: dark_on_light image; ' in stdout
    assert f'[2/2] dapi.tif: {dapi_note}; ' in stdout
    banded, dapi = (json.loads((out_dir / f'{name}.json').read_text()) for name in ('banded', 'dapi'))
    assert (banded['polarity'], banded['inverted']) == ('dark_on_light', False)
    assert (dapi['polarity'], dapi['inverted']) == (dapi_note.split()[0], dapi_inverted)
    assert dapi_note in (out_dir / 'report.html').read_text()
    scores = [entry['detection_score'] for record in (banded, dapi) for entry in record['instances']]
    assert scores and min(scores) >= PACKAGED_SCORE_THR  # the packaged config's score_thr applies


@pytest.mark.slow
def test_every_output_is_written(analysis, synthetic_images):
    names = sorted(p.stem for p in (synthetic_images / 'images').iterdir())
    assert len(names) == 2
    for name in names:
        for suffix in ('.json', '_overlay.png', '_karyogram.png'):
            assert (analysis / f'{name}{suffix}').stat().st_size > 0, f'{name}{suffix}'
    assert (analysis / 'results.coco.json').is_file() and (analysis / 'report.html').is_file()


@pytest.mark.slow
def test_per_image_json_holds_the_reading(analysis, synthetic_images):
    from mmkaryo.karyotype import karyotype_sanity, karyotype_string, parse_karyotype
    for path in sorted(analysis.glob('*.json')):
        if path.name == 'results.coco.json':
            continue
        record = json.loads(path.read_text())
        labels = np.array([entry['category_id'] - 1 for entry in record['instances']], dtype=np.int64)
        assert record['num_instances'] == len(labels) > 0
        assert record['karyotype'] == karyotype_string(labels)
        assert record['sanity'] == pytest.approx(karyotype_sanity(parse_karyotype(record['karyotype'])))
        assert (record['polarity'], record['inverted']) == ('dark_on_light', False)  # synthetic: G-banded
        for entry in record['instances']:
            assert len(entry['class_probs']) == 24 and sum(entry['class_probs']) == pytest.approx(1, abs=1e-4)
            assert 0.0 <= entry['detection_score'] <= 1.0
        paired = sorted([i for i, j, _ in record['pairs']] + [j for _, j, _ in record['pairs']] +
                        record['unpaired'])
        assert paired == list(range(len(labels)))


@pytest.mark.slow
def test_results_json_is_valid_coco_results(analysis, synthetic_images):
    ground_truth = COCO(str(synthetic_images / 'annotations.json'))
    results = json.loads((analysis / 'results.coco.json').read_text())
    assert {r['image_id'] for r in results} == set(ground_truth.getImgIds())
    for image_id in ground_truth.getImgIds():
        name = Path(ground_truth.imgs[image_id]['file_name']).stem
        record = json.loads((analysis / f'{name}.json').read_text())
        assert record['image_id'] == image_id and record['num_instances'] == sum(
            r['image_id'] == image_id for r in results)
    detections = ground_truth.loadRes(results)
    for iou_type in ('bbox', 'segm'):
        evaluator = COCOeval(ground_truth, detections, iou_type)
        evaluator.evaluate()
        evaluator.accumulate()
        assert evaluator.eval['precision'].shape[2] == 24


@pytest.mark.slow
def test_report_lists_both_images(analysis, synthetic_images):
    page = (analysis / 'report.html').read_text()
    for path in (synthetic_images / 'images').iterdir():
        record = json.loads((analysis / f'{path.stem}.json').read_text())
        assert f'src="{path.stem}_overlay.png"' in page and f'src="{path.stem}_karyogram.png"' in page
        assert record['karyotype'] in page
