"""tools/experiments/compare_regimes.sh drives the regime comparison over many sessions: what it trains,
with which options, and that it never redoes a recorded run, resumes a stopped one and names M-FISH runs.

The script is run for real with ``PYTHON`` set to a stand-in interpreter: the costly tools (train.py,
test.py, split_mask_scarce.py, zoo_row.py) are replaced by writers of the files they leave behind, and
every call is logged; the record tools (write_run_result.py, archive_run.py, collect_regime_results.py)
run with the real interpreter.
"""
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / 'tools' / 'experiments' / 'compare_regimes.sh'

# The stand-in interpreter. FAIL_TRAIN=<work dir>: the first training in that folder saves a checkpoint
# and dies, as a run stopped between two checkpoints does. FAIL_START=<work dir>: every training in that
# folder dies before writing anything, as one that cannot import its packages does.
FAKE_PYTHON = r'''#!/usr/bin/env bash
set -euo pipefail
echo "$*" >> "$CALLS"
arg() { local key=$1; shift; while [ $# -gt 1 ]; do [ "$1" = "$key" ] && { echo "$2"; return; }; shift; done; }
case $(basename "$1") in
    train.py)
        work=$(arg --work-dir "$@"); iters=$(grep -o 'train_cfg.max_iters=[0-9]*' <<< "$*" | cut -d= -f2)
        [ "${FAIL_START:-}" = "$work" ] && exit 1
        mkdir -p "$work/20261202_100000/vis_data"
        echo '{"loss": 1.0, "loss_cls": 0.5, "loss_rpn_cls": 0.2, "step": 1}' \
            > "$work/20261202_100000/vis_data/scalars.json"
        echo log > "$work/20261202_100000/20261202_100000.log"
        echo "$work/iter_1.pth" > "$work/last_checkpoint"
        if [ "${FAIL_TRAIN:-}" = "$work" ] && [ ! -f "$work/failed_once" ]; then
            touch "$work/failed_once"; exit 1
        fi
        touch "$work/iter_$iters.pth" ;;
    test.py)
        work=$(arg --work-dir "$@"); mkdir -p "$work/20261202_110000"
        echo '{"coco/segm_mAP_50": 0.5, "aji/agnostic_aji": 0.6, "coco/agnostic_segm_mAP_50": 0.8}' \
            > "$work/20261202_110000/20261202_110000.json" ;;
    split_mask_scarce.py)
        mkdir -p "$2"; for part in mask box test; do echo '{}' > "$2/$part.json"; done ;;
    zoo_row.py)
        echo '{"segm_mAP50": 0.55, "recall_overlapping": 0.61}' > "$(arg --out "$@")" ;;
    *) exec "$REAL_PYTHON" "$@" ;;
esac
'''


@pytest.fixture
def compare(tmp_path):
    """Run compare_regimes.sh on the M-FISH setting at 8 iterations into ``tmp_path``; returns a function
    of (ONLY regex, extra environment) giving the CompletedProcess and the stand-in's calls."""
    python = tmp_path / 'python'
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    mfish = tmp_path / 'mfish' / 'annotations'
    mfish.mkdir(parents=True)
    (mfish / 'mfish_train.json').write_text('{}')
    calls = tmp_path / 'calls'

    def run(only: str, **env: str):
        calls.write_text('')
        environ = dict(os.environ, PYTHON=str(python), REAL_PYTHON=sys.executable, CALLS=str(calls),
                       SETTINGS='mfish', PLANS='main', SEEDS='0', ITERS='8', ONLY=only,
                       MFISH_DIR=str(tmp_path / 'mfish'), RECORDS=str(tmp_path / 'records'))
        environ.update(env)
        done = subprocess.run(['bash', str(SCRIPT), str(tmp_path / 'out')], cwd=ROOT, env=environ,
                              capture_output=True, text=True, timeout=600)
        return done, calls.read_text().splitlines()

    return run


def tool_calls(calls: List[str], tool: str) -> List[str]:
    return [call for call in calls if call.split()[0].endswith('/' + tool)]


def test_runs_once_with_the_regime_options_then_only_collects(compare, tmp_path):
    first, calls = compare('^mfish/(two-stage|alternating-1to2)/masks25-seed0$')
    assert first.returncode == 0, first.stderr
    assert '== finished: mfish/two-stage/masks25-seed0' in first.stdout
    assert '== mfish: best alternating ratio 1to2' in first.stdout
    trains = tool_calls(calls, 'train.py')
    assert len(trains) == 3
    stage1, finetune, alternating = trains
    # Two-stage: half the budget on box-corner masks, then half fine-tuning from its last checkpoint;
    # warm-up 150 of 1500 iterations scaled to 8 is 0, kept at 1.
    run = tmp_path / 'out' / 'runs' / 'mfish' / 'two-stage' / 'masks25-seed0'
    assert 'mask-scarce-boxmask.py' in stage1 and 'train_cfg.max_iters=4' in stage1
    assert 'param_scheduler.0.end=1 ' in stage1 and 'param_scheduler.1.milestones=[3,3]' in stage1
    assert 'mask-scarce-finetune.py' in finetune and f'load_from={run}/stage1/iter_4.pth' in finetune
    assert 'randomness.seed=0' in finetune and '--resume' not in finetune
    assert 'mask-scarce-alternating.py' in alternating and 'train_dataloader.batch_sampler.ratios=[1,2]' in alternating
    assert 'train_cfg.max_iters=8' in alternating

    records = tmp_path / 'records' / 'mfish'
    two_stage = json.loads((records / 'two-stage' / 'masks25-seed0' / 'result.json').read_text())
    assert two_stage['iters'] == 8 and len(two_stage['train_seconds']) == 2
    assert two_stage['metrics']['aji/agnostic_aji'] == 0.6
    assert json.loads((records / 'two-stage' / 'masks25-seed0' / 'named.json').read_text())['segm_mAP50'] == 0.55
    assert [c for c in tool_calls(calls, 'zoo_row.py') if f'--checkpoint {run}/train/iter_4.pth' in c]
    assert '| mfish | two-stage | 25 | 1 |' in first.stdout

    again, calls = compare('^mfish/(two-stage|alternating-1to2)/masks25-seed0$')
    assert again.returncode == 0, again.stderr
    assert '== done: mfish/two-stage/masks25-seed0' in again.stdout and '== run:' not in again.stdout
    assert not tool_calls(calls, 'train.py') + tool_calls(calls, 'test.py') + tool_calls(calls, 'zoo_row.py')

    (records / 'alternating-1to2' / 'masks25-seed0' / 'named.json').unlink()
    (tmp_path / 'out' / 'runs' / 'mfish' / 'alternating-1to2' / 'masks25-seed0' / 'train' / 'iter_8.pth').unlink()
    unnamed, calls = compare('^mfish/alternating-1to2/masks25-seed0$')
    assert unnamed.returncode == 0, unnamed.stderr
    assert '== not named: mfish/alternating-1to2/masks25-seed0' in unnamed.stderr
    assert not tool_calls(calls, 'zoo_row.py') and not tool_calls(calls, 'split_mask_scarce.py')


def test_a_stopped_training_resumes_and_counts_both_attempts(compare, tmp_path):
    run = tmp_path / 'out' / 'runs' / 'mfish' / 'baseline' / 'masks25-seed0'
    stopped, _ = compare('^mfish/baseline/masks25-seed0$', FAIL_TRAIN=str(run / 'train'))
    assert stopped.returncode != 0
    assert not (tmp_path / 'records' / 'mfish' / 'baseline').exists()
    resumed, calls = compare('^mfish/baseline/masks25-seed0$')
    assert resumed.returncode == 0, resumed.stderr
    (train,) = tool_calls(calls, 'train.py')
    assert '--resume' in train and 'mask-rcnn_r18_fpn-light_1500i_mask-scarce.py' in train
    assert not tool_calls(calls, 'split_mask_scarce.py')  # the split of the stopped attempt is kept
    result = json.loads((tmp_path / 'records' / 'mfish' / 'baseline' / 'masks25-seed0' / 'result.json').read_text())
    assert len(result['train_seconds']) == 2


def test_an_attempt_that_dies_before_logging_adds_no_time(compare, tmp_path):
    train = tmp_path / 'out' / 'runs' / 'mfish' / 'baseline' / 'masks25-seed0' / 'train'
    stopped, _ = compare('^mfish/baseline/masks25-seed0$', FAIL_TRAIN=str(train))
    assert stopped.returncode != 0
    # the stopped attempt began 100 s ago and last logged 40 s ago: it trained 60 s
    now = int(time.time())
    (train / 'attempt_start').write_text(f'{now - 100}\n')
    os.utime(train / '20261202_100000' / '20261202_100000.log', (now - 40, now - 40))
    dead, _ = compare('^mfish/baseline/masks25-seed0$', FAIL_START=str(train))
    assert dead.returncode != 0
    resumed, _ = compare('^mfish/baseline/masks25-seed0$')
    assert resumed.returncode == 0, resumed.stderr
    result = json.loads((tmp_path / 'records' / 'mfish' / 'baseline' / 'masks25-seed0' / 'result.json').read_text())
    assert result['train_seconds'][0] == 60 and len(result['train_seconds']) == 2
    assert result['train_seconds'][1] >= 0


def test_refuses_an_unknown_setting_and_missing_mfish_data(compare, tmp_path):
    unknown, _ = compare('.', SETTINGS='autokary')
    assert unknown.returncode == 2 and 'unknown setting autokary' in unknown.stderr
    missing, calls = compare('.', MFISH_DIR=str(tmp_path / 'nowhere'))
    assert missing.returncode == 2 and 'mfish_train.json not found; convert M-FISH first' in missing.stderr
    assert not calls
