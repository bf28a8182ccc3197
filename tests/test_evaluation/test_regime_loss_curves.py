"""Training-loss curves of the regime comparison: a run's stages joined, the seeds of a regime averaged."""
import json
from pathlib import Path
from typing import Dict, Sequence

import pytest

from mmkaryo.evaluation.regimes import regime_loss_curves, run_losses


def write_log(stage_dir: Path, losses: Dict[int, Dict[str, float]]) -> None:
    """mmengine's scalars.json of one training stage: a record per logged iteration, plus a record
    without losses (as a validation writes) that must not count as a training record."""
    vis = stage_dir / '20261202_010000' / 'vis_data'
    vis.mkdir(parents=True)
    lines = [json.dumps(dict(values, loss=sum(values.values()), step=step)) for step, values in losses.items()]
    lines.append(json.dumps({'coco/segm_mAP_50': 0.5, 'step': 0}))
    (vis / 'scalars.json').write_text('\n'.join(lines) + '\n')


def run_dir(root: Path, regime: str, seed: int, cls: Sequence[float], fraction: float = 0.25,
            setting: str = 'synthetic') -> dict:
    """A finished run whose loss_cls is ``cls`` at iterations 10, 20, ...; returns its result record."""
    folder = root / setting / regime / f'masks{round(100 * fraction)}-seed{seed}'
    write_log(folder / 'train', {10 * (i + 1): {'loss_cls': v} for i, v in enumerate(cls)})
    return dict(setting=setting, regime=regime, mask_fraction=fraction, seed=seed,
                path=str(folder / 'result.json'))


def test_run_losses_count_the_fine_tuning_on_from_the_pretraining(tmp_path):
    write_log(tmp_path / 'stage1', {50: {'loss_cls': 2.0}, 100: {'loss_cls': 1.5}})
    write_log(tmp_path / 'train', {50: {'loss_cls': 1.2}, 100: {'loss_cls': 1.0}})
    assert run_losses(str(tmp_path)) == {
        50: {'loss_cls': 2.0, 'loss': 2.0}, 100: {'loss_cls': 1.5, 'loss': 1.5},
        150: {'loss_cls': 1.2, 'loss': 1.2}, 200: {'loss_cls': 1.0, 'loss': 1.0}}
    with pytest.raises(FileNotFoundError, match='no scalars.json'):
        run_losses(str(tmp_path / 'missing'))


def test_curves_average_the_seeds_on_the_iterations_every_seed_logged(tmp_path):
    results = [run_dir(tmp_path, 'baseline', 0, [1.0, 0.8, 0.6]), run_dir(tmp_path, 'baseline', 1, [1.2, 0.6]),
               run_dir(tmp_path, 'alternating-1to1', 0, [1.5]),
               run_dir(tmp_path, 'baseline', 0, [9.0], fraction=0.05),
               run_dir(tmp_path, 'baseline', 0, [9.0], setting='mfish')]
    curves = regime_loss_curves(results, 'synthetic', 0.25, ['loss_cls', 'loss_mask'])
    assert sorted(curves) == ['alternating-1to1', 'baseline']
    assert list(curves['baseline']) == ['loss_cls']  # no regime logged loss_mask
    [(step, mean, sd), (step2, mean2, sd2)] = curves['baseline']['loss_cls']
    assert (step, step2) == (10, 20) and mean == pytest.approx(1.1) and mean2 == pytest.approx(0.7)
    assert sd == pytest.approx(0.1414, abs=1e-4) and sd2 == pytest.approx(0.1414, abs=1e-4)
    assert curves['alternating-1to1']['loss_cls'] == [(10, 1.5, None)]
