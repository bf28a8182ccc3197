"""plot_curves.py: a resumed run's logs merge by iteration into one PNG; bad logs name the file."""
import json
import subprocess
import sys
from pathlib import Path

from mmkaryo.evaluation.analysis import find_scalar_files, read_scalars

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / 'tools' / 'analysis_tools' / 'plot_curves.py'


def write_run(work_dir: Path, stamp: str, records: list) -> None:
    folder = work_dir / stamp / 'vis_data'
    folder.mkdir(parents=True)
    (folder / 'scalars.json').write_text('\n'.join(json.dumps(r) for r in records) + '\n')


def test_resumed_run_merges_and_plots(tmp_path):
    write_run(tmp_path, '20261201_010000', [
        dict(lr=0.02, loss=3.0, loss_cls=1.0, step=25, iter=25), dict(loss=2.0, loss_cls=0.8, step=50),
        {'aji/agnostic_aji': 0.1, 'coco/segm_mAP_50': 0.2, 'step': 50}])
    write_run(tmp_path, '20261201_020000', [
        dict(loss=1.5, loss_cls=0.5, step=50), dict(loss=1.0, loss_cls=0.4, step=75),
        {'aji/agnostic_aji': 0.4, 'coco/segm_mAP_50': 0.5, 'step': 75}])
    train, val = read_scalars(find_scalar_files(str(tmp_path)))
    assert sorted(train) == [25, 50, 75] and train[50]['loss'] == 1.5  # the resumed run wins
    assert val == {50: {'aji/agnostic_aji': 0.1, 'coco/segm_mAP_50': 0.2},
                   75: {'aji/agnostic_aji': 0.4, 'coco/segm_mAP_50': 0.5}}
    out = tmp_path / 'curve.png'
    proc = subprocess.run([sys.executable, str(TOOL), str(tmp_path), '--out', str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'
    assert '3 training and 2 validation records' in proc.stdout


def test_missing_and_broken_logs_name_the_file(tmp_path):
    proc = subprocess.run([sys.executable, str(TOOL), str(tmp_path), '--out', str(tmp_path / 'c.png')],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and 'no scalars.json' in proc.stderr
    write_run(tmp_path, 'run', [])
    (tmp_path / 'run' / 'vis_data' / 'scalars.json').write_text('{"loss": 1, "step": 1}\nnot json\n')
    proc = subprocess.run([sys.executable, str(TOOL), str(tmp_path), '--out', str(tmp_path / 'c.png')],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and 'scalars.json:2: not a JSON record' in proc.stderr


def test_validation_records_logged_by_epoch_are_placed_by_interval(tmp_path):
    write_run(tmp_path, 'run', [dict(loss=2.0, step=250), {'aji/aji': 0.1, 'step': 0},
                                dict(loss=1.0, step=500), {'aji/aji': 0.3, 'step': 0}])
    files = find_scalar_files(str(tmp_path))
    assert read_scalars(files)[1] == {0: {'aji/aji': 0.3}}  # both at "epoch" 0: the later wins
    assert read_scalars(files, val_interval=250)[1] == {250: {'aji/aji': 0.1}, 500: {'aji/aji': 0.3}}
