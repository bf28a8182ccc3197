"""write_run_result.py writes a run's record from its test metrics; collect_regime_results.py merges the
records, names the best alternating ratio once the sweep has its seeds, and draws the scarcity curve and the
training-loss curves."""
import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

from mmkaryo.evaluation.regimes import run_result

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / 'tools' / 'experiments'


@pytest.fixture
def tool(capsys, monkeypatch):
    """Run a tool of tools/experiments as ``python TOOL ARGS...`` would, in this process (no interpreter
    start-up per call); returns its exit status and output as a CompletedProcess."""
    def run(name: str, *args) -> subprocess.CompletedProcess:
        argv = [str(TOOLS / name), *map(str, args)]
        monkeypatch.setattr(sys, 'argv', argv)
        capsys.readouterr()
        with pytest.raises(SystemExit) as exited:
            runpy.run_path(argv[0], run_name='__main__')
        out = capsys.readouterr()
        return subprocess.CompletedProcess(argv, exited.value.code, out.out, out.err)

    return run


def finished_run(tool, out: Path, regime: str, pct: int, seed: int, aji: float,
                 with_tool: bool = False) -> None:
    """A run folder with its test metrics and result.json (written by write_run_result.py if with_tool)."""
    run = out / 'runs' / 'synthetic' / regime / f'masks{pct}-seed{seed}'
    (run / 'test' / '20261201_100000').mkdir(parents=True)
    metrics = {'aji/aji': aji / 2, 'aji/agnostic_aji': aji, 'coco/segm_mAP_50': 0.3}
    (run / 'test' / '20261201_100000' / '20261201_100000.json').write_text(json.dumps(metrics))
    (run / 'train' / '20261201_090000' / 'vis_data').mkdir(parents=True)
    (run / 'train' / '20261201_090000' / 'vis_data' / 'scalars.json').write_text(
        json.dumps({'loss': 1.0 + aji, 'loss_cls': aji, 'loss_rpn_cls': 0.5, 'step': 25}) + '\n')
    if not with_tool:
        (run / 'result.json').write_text(json.dumps(run_result(metrics, 'synthetic', regime, pct / 100, seed, 600,
                                                               [300, 330])))
        return
    written = tool('write_run_result.py', run, '--setting', 'synthetic', '--regime', regime, '--mask-fraction',
                   pct / 100, '--seed', seed, '--iters', 600, '--train-seconds', 300, 330)
    assert written.returncode == 0, written.stderr


def test_records_merge_into_a_table_a_best_ratio_and_a_curve(tmp_path, tool):
    assert 'no tools/test.py metrics' in tool('write_run_result.py', tmp_path, '--setting', 's', '--regime', 'r',
                                              '--mask-fraction', 0.5, '--seed', 0, '--iters', 1,
                                              '--train-seconds', 1).stderr
    for seed, (aji_1to1, aji_2to1) in enumerate(((0.4, 0.5), (0.5, 0.6))):
        finished_run(tool, tmp_path, 'alternating-1to1', 25, seed, aji_1to1)
        finished_run(tool, tmp_path, 'alternating-2to1', 25, seed, aji_2to1)
        finished_run(tool, tmp_path, 'baseline', 5, seed, 0.2, with_tool=seed == 1)
    record = json.loads((tmp_path / 'runs/synthetic/baseline/masks5-seed1/result.json').read_text())
    assert record['train_minutes'] == 10.5 and record['mask_fraction'] == 0.05
    best = tool('collect_regime_results.py', tmp_path, '--best-ratio', 'synthetic', '--min-seeds', 2)
    assert best.returncode == 0 and best.stdout.strip() == '2to1'
    assert tool('collect_regime_results.py', tmp_path, '--best-ratio', 'synthetic', '--min-seeds', 3).returncode == 1
    table = tool('collect_regime_results.py', tmp_path, '--plot', tmp_path / 'curve.png')
    assert table.returncode == 0, table.stderr
    assert ('| synthetic | alternating-2to1 | 25 | 2 | - | 30.0 ± 0.0 | 27.5 ± 3.5 | - | 55.0 ± 7.1 | - | - | '
            '10.5 ± 0.0 |') in table.stdout
    assert 'runs named by a crop classifier (named.json): 0 of 6' in table.stdout
    assert (tmp_path / 'curve.png').stat().st_size > 0
    finished_run(tool, tmp_path, 'cascade-baseline', 10, 0, 0.3)  # its per-stage losses are not drawn
    losses = tool('collect_regime_results.py', tmp_path, '--loss-curves', tmp_path)
    assert losses.returncode == 0, losses.stderr
    assert sorted(p.name for p in tmp_path.glob('regime_losses_*.png')) == [  # masks5: the baseline alone
        'regime_losses_synthetic_masks25.png', 'regime_losses_synthetic_masks5.png']
    for log in (tmp_path / 'runs/synthetic/baseline/masks5-seed0/train').rglob('scalars.json'):
        log.unlink()
    broken = tool('collect_regime_results.py', tmp_path, '--loss-curves', tmp_path)
    assert broken.returncode == 1 and 'masks5-seed0/train: no scalars.json' in broken.stderr


def test_archived_records_stand_in_for_the_run_folders(tmp_path, tool):
    """archive_run.py keeps a run's record and training logs, not its checkpoints; the collector reads the
    record folder as it reads the run folders."""
    work, records = tmp_path / 'work', tmp_path / 'records'
    for regime, aji in (('baseline', 0.5), ('alternating-1to1', 0.4)):
        finished_run(tool, work, regime, 25, 0, aji)
        run = work / 'runs' / 'synthetic' / regime / 'masks25-seed0'
        (run / 'train' / 'iter_600.pth').write_bytes(b'weights')
        if regime == 'baseline':
            (run / 'named.json').write_text(json.dumps({'segm_mAP50': 0.5, 'recall_overlapping': 0.4}))
        archived = tool('archive_run.py', run, records / regime)
        assert archived.returncode == 0, archived.stderr
    assert sorted(str(p.relative_to(records)) for p in records.rglob('*') if p.is_file()) == [
        'alternating-1to1/result.json', 'alternating-1to1/train/20261201_090000/vis_data/scalars.json',
        'baseline/named.json', 'baseline/result.json', 'baseline/train/20261201_090000/vis_data/scalars.json']
    from_runs = tool('collect_regime_results.py', work, '--loss-curves', work)
    from_records = tool('collect_regime_results.py', records, '--loss-curves', records)
    assert from_records.returncode == 0, from_records.stderr
    assert from_records.stdout.replace(str(records), '') == from_runs.stdout.replace(str(work), '')
    assert '| synthetic | baseline | 25 | 1 | - | 30.0 | 25.0 | - | 50.0 | 50.0 | 40.0 | 10.5 |' in from_records.stdout
    assert 'runs named by a crop classifier (named.json): 1 of 2' in from_records.stdout
    assert (records / 'regime_losses_synthetic_masks25.png').stat().st_size > 0

    unfinished = work / 'runs' / 'synthetic' / 'two-stage' / 'masks25-seed0'
    unfinished.mkdir(parents=True)
    refused = tool('archive_run.py', unfinished, records / 'two-stage')
    assert refused.returncode == 1 and 'no result.json; the run is not finished' in refused.stderr
    (unfinished / 'result.json').write_text('{}')
    refused = tool('archive_run.py', unfinished, records / 'two-stage')
    assert refused.returncode == 1 and 'two-stage/masks25-seed0/train: no scalars.json' in refused.stderr
    assert not (records / 'two-stage').exists()
