"""Bad inputs to KaryotypeInferencer and tools/analyze.py (a tiny random Mask R-CNN, built once)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mmkaryo.apis import KaryotypeInferencer
from .bad_files import BAD_IMAGE_KINDS, metaphase, variant_image, write_bad_image, write_image

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope='module')
def inferencer(tiny_model_files):
    return KaryotypeInferencer(*tiny_model_files, score_thr=0.0)


@pytest.mark.slow
@pytest.mark.parametrize('kind', BAD_IMAGE_KINDS)
def test_unreadable_image_is_a_value_error_naming_it(inferencer, tmp_path, kind):
    bad = write_bad_image(tmp_path / 'bad', kind)
    with pytest.raises(ValueError, match=f'{bad}: cannot read image'):
        inferencer(bad)


@pytest.mark.slow
@pytest.mark.parametrize('kind', ['rgb', 'rgba', '16bit'])
def test_rgb_rgba_and_16_bit_files_are_read_as_8_bit_grey(inferencer, tmp_path, kind):
    path = write_image(tmp_path / f'{kind}.png', variant_image(kind, size=96))
    (result, ) = inferencer(path)
    assert result.image.dtype == np.uint8 and result.image.shape == (96, 96)
    expected = metaphase(96)
    if kind == '16bit':  # rescaled from its own min..max
        expected = np.round((expected - 40.0) * 255 / 180).astype(np.uint8)
    np.testing.assert_array_equal(result.image, expected)
    assert result.masks.shape == (len(result.labels), 96, 96)


@pytest.mark.slow
def test_a_10_by_10_image_is_read(inferencer, tmp_path):
    (result, ) = inferencer(write_image(tmp_path / 'tiny.png', metaphase(10)))
    assert len(result.labels) > 0 and result.masks.shape == (len(result.labels), 10, 10)
    assert np.all(result.boxes >= 0) and np.all(result.boxes <= 10)


@pytest.mark.slow
def test_a_6000_px_image_stays_within_its_memory_bound(tiny_model_files, tmp_path):
    """Peak memory is a few full-frame arrays (image, overlay canvas, one dense mask at a time) plus the
    instances' mask crops (their box regions), not N x H x W: masks are pasted and kept as
    MaskCrops. 40 instances: the dense (N, H, W) stacks of mmdet's FCNMaskHead and of the old
    KaryotypeResult.masks needed 2.7 GiB here, over five times the bound."""
    size, instances = 6000, 40
    image = np.full((size, size), 225, np.uint8)
    image[1000:5000:40, 2000:2600] = 40
    path = write_image(tmp_path / 'big.png', image)
    command = [sys.executable, str(HERE / 'big_image_memory.py'), *tiny_model_files, str(path),
               str(tmp_path), str(instances)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, OMP_NUM_THREADS='1'), cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    measured = json.loads(done.stdout.strip().splitlines()[-1])
    assert (measured['height'], measured['width'], measured['instances']) == (size, size, instances)
    pixels_mib = size * size / 2**20  # one byte per pixel
    # The crops are the boxes: far below one full frame per instance, so the bound excludes N x H x W.
    assert measured['crops_mib'] <= instances * pixels_mib / 10, measured
    bound = 8 * pixels_mib + measured['crops_mib'] + 200
    assert measured['peak_mib'] <= bound, measured


@pytest.mark.slow
def test_analyze_cli_skips_and_reports_bad_images_in_a_non_ascii_folder(tiny_model_files, tmp_path):
    folder = tmp_path / 'mes images' / 'Métaphases 染色体'
    write_image(folder / 'good one.png', metaphase(96))
    bad = [write_bad_image(folder / f'bad {kind}', kind) for kind in ('truncated_jpeg', 'zero_byte')]
    out_dir = tmp_path / 'sortie é'
    config, checkpoint = tiny_model_files
    command = [sys.executable, str(REPO / 'tools' / 'analyze.py'), str(folder), '--config', config,
               '--checkpoint', checkpoint, '--out-dir', str(out_dir), '--score-thr', '0']
    done = subprocess.run(command, capture_output=True, text=True, timeout=300,
                          env=dict(os.environ, OMP_NUM_THREADS='1'), cwd=REPO)
    assert done.returncode == 0, done.stderr[-3000:]
    assert '1 images read' in done.stdout and '2 images skipped (unreadable)' in done.stdout
    for path in bad:
        assert f'{path}: cannot read image' in done.stdout
    for suffix in ('.json', '_overlay.png', '_karyogram.png'):
        assert (out_dir / f'good one{suffix}').stat().st_size > 0
    results = json.loads((out_dir / 'results.coco.json').read_text())
    assert {r['image_id'] for r in results} == {1}
    assert 'good one' in (out_dir / 'report.html').read_text(encoding='utf-8')


@pytest.mark.slow
def test_analyze_exits_1_on_a_missing_input_or_only_bad_images(tiny_model_files, tmp_path, capsys):
    from mmkaryo.analyze import main
    config, checkpoint = tiny_model_files
    options = ['--config', config, '--checkpoint', checkpoint, '--out-dir', str(tmp_path / 'out')]
    assert main([str(tmp_path / 'nowhere.png'), *options]) == 1
    assert f'error: {tmp_path / "nowhere.png"}: no such image file' in capsys.readouterr().err
    bad = write_bad_image(tmp_path / 'only', 'not_an_image')
    assert main([str(bad), *options]) == 1
    captured = capsys.readouterr()
    assert f'{bad}: cannot read image' in captured.out and 'no image could be read' in captured.err
