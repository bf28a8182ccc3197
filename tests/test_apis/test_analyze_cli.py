import json
from pathlib import Path

import numpy as np
import pytest
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval


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
        for entry in record['instances']:
            assert len(entry['class_probs']) == 24 and sum(entry['class_probs']) == pytest.approx(1, abs=1e-4)
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
