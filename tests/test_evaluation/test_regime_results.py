"""Regime comparison records: written per run, merged into mean ± sd over seeds, paired differences from the
reference regime, best ratio, curve points."""
import json
import statistics

import pytest

from mmkaryo.evaluation.regimes import (NAMED_FILE, best_ratio, find_results, format_paired_table, format_table,
                                        newest_test_metrics, paired_differences, reference_of, run_result,
                                        scarcity_points, summarise)


def record(regime: str, seed: int, aji: float, fraction: float = 0.25, setting: str = 'synthetic',
           minutes: float = 10.0) -> dict:
    metrics = {'coco/bbox_mAP_50': 0.5, 'coco/segm_mAP_50': 0.4, 'aji/aji': aji / 2,
               'coco/agnostic_segm_mAP_50': 0.6, 'aji/agnostic_aji': aji}
    return run_result(metrics, setting, regime, fraction, seed, 600, [60 * minutes])


def test_run_result_sums_the_training_processes_and_checks_its_input():
    result = run_result({'aji/aji': 0.3}, 'mfish', 'two-stage', 0.1, 2, 1500, [600.0, 900.0])
    assert result['train_minutes'] == 25.0 and result['metrics'] == {'aji/aji': 0.3}
    with pytest.raises(ValueError, match='mask_fraction'):
        run_result({}, 'mfish', 'baseline', 0.0, 0, 10, [1.0])
    with pytest.raises(ValueError, match='training times'):
        run_result({}, 'mfish', 'baseline', 0.5, 0, 10, [])


def test_newest_test_metrics_and_find_results_read_the_files(tmp_path):
    for stamp, value in (('20261201_090000', 0.1), ('20261201_100000', 0.2)):
        (tmp_path / 'test' / stamp).mkdir(parents=True)
        (tmp_path / 'test' / stamp / f'{stamp}.json').write_text(json.dumps({'aji/aji': value}))
    assert newest_test_metrics(str(tmp_path / 'test')) == {'aji/aji': 0.2}
    with pytest.raises(FileNotFoundError, match='no tools/test.py metrics'):
        newest_test_metrics(str(tmp_path / 'none'))
    run = tmp_path / 'runs' / 'synthetic' / 'baseline' / 'masks25-seed0'
    run.mkdir(parents=True)
    (run / 'result.json').write_text(json.dumps(record('baseline', 0, 0.5)))
    [found] = find_results(str(tmp_path / 'runs'))
    assert found['regime'] == 'baseline' and found['path'].endswith('masks25-seed0/result.json')
    assert 'named' not in found
    (run / NAMED_FILE).write_text(json.dumps({'segm_mAP50': 0.55, 'recall_overlapping': 0.6}))
    [found] = find_results(str(tmp_path / 'runs'))
    assert found['named'] == {'segm_mAP50': 0.55, 'recall_overlapping': 0.6}


def test_summarise_gives_mean_and_sample_sd_over_seeds():
    rows = summarise([record('baseline', s, aji) for s, aji in ((0, 0.40), (1, 0.50), (2, 0.60))] +
                     [record('alternating-1to1', 0, 0.7, minutes=12.0)])
    assert [(r.regime, r.seeds) for r in rows] == [('baseline', (0, 1, 2)), ('alternating-1to1', (0,))]
    mean, sd = rows[0].values['agnostic_aji']
    assert mean == pytest.approx(0.5) and sd == pytest.approx(statistics.stdev([0.4, 0.5, 0.6]))
    assert rows[1].values['agnostic_aji'] == (0.7, None) and rows[1].train_minutes == (12.0, None)
    table = format_table(rows).splitlines()
    assert table[0].startswith('| setting | regime | masks % | seeds | box mAP@50')
    assert table[2] == ('| synthetic | baseline | 25 | 3 | 50.0 ± 0.0 | 40.0 ± 0.0 | 25.0 ± 5.0 | 60.0 ± 0.0 | '
                        '50.0 ± 10.0 | - | - | 10.0 ± 0.0 |')
    assert '| 70.0 |' in table[3]


def test_rows_follow_the_regime_order_within_a_setting_and_mask_share():
    regimes = ['htc-alternating-1to1', 'final-1to1', 'cascade-baseline', 'alternating-2to1', 'two-stage',
               'htc-baseline', 'baseline', 'alternating-1to2', 'proj-1to1', 'cascade-alternating-1to1']
    rows = summarise([record(r, 0, 0.5) for r in regimes] + [record('baseline', 0, 0.5, fraction=0.05)])
    assert [(r.mask_fraction, r.regime) for r in rows] == [(0.05, 'baseline')] + [(0.25, r) for r in (
        'baseline', 'two-stage', 'alternating-1to2', 'alternating-2to1', 'proj-1to1', 'final-1to1',
        'cascade-baseline', 'cascade-alternating-1to1', 'htc-baseline', 'htc-alternating-1to1')]


def test_a_metric_cocometric_left_out_counts_as_zero_and_a_repeated_run_is_an_error():
    empty = run_result({'aji/aji': 0.0, 'aji/agnostic_aji': 0.0}, 'synthetic', 'baseline', 0.25, 1, 600, [60.0])
    [row] = summarise([record('baseline', 0, 0.4), empty])
    assert row.values['segm_mAP_50'] == pytest.approx((0.2, statistics.stdev([0.4, 0.0])))
    with pytest.raises(ValueError, match='two results'):
        summarise([record('baseline', 0, 0.4), record('baseline', 0, 0.5)])


def test_best_ratio_needs_every_seed_and_picks_the_highest_mean():
    results = ([record('alternating-1to1', s, 0.5) for s in range(3)] +
               [record('alternating-2to1', s, 0.6) for s in range(3)] +
               [record('alternating-1to2', 0, 0.9)] +
               [record('alternating-3to1', s, 0.99, setting='mfish') for s in range(3)] +
               [record('baseline', s, 0.95) for s in range(3)])
    rows = summarise(results)
    assert best_ratio(rows, 'synthetic', 0.25, min_seeds=3) == '2to1'
    assert best_ratio(rows, 'synthetic', 0.25, min_seeds=1) == '1to2'
    assert best_ratio(rows, 'synthetic', 0.5, min_seeds=1) is None


def test_scarcity_points_follow_the_mask_share():
    rows = summarise([record('baseline', 0, aji, fraction) for fraction, aji in ((0.5, 0.6), (0.05, 0.2))] +
                     [record('alternating-1to1', 0, 0.3, 0.05)])
    assert scarcity_points(rows, 'synthetic', 'baseline') == [(0.05, 0.2, None), (0.5, 0.6, None)]
    assert scarcity_points(rows, 'mfish', 'baseline') == []


def test_reference_of_compares_cascade_and_htc_rows_with_their_own_baseline():
    assert reference_of('alternating-1to1') == 'baseline' and reference_of('two-stage') == 'baseline'
    assert reference_of('cascade-baseline') == 'baseline' and reference_of('htc-baseline') == 'baseline'
    assert reference_of('cascade-alternating-2to1') == 'cascade-baseline'
    assert reference_of('htc-alternating-1to1') == 'htc-baseline'
    assert reference_of('baseline') is None


def test_paired_differences_use_only_the_seeds_both_regimes_have():
    results = ([record('baseline', s, aji) for s, aji in ((0, 0.40), (1, 0.60), (2, 0.50))] +
               [record('alternating-1to1', s, aji) for s, aji in ((0, 0.45), (1, 0.57), (3, 0.99))] +
               [record('two-stage', 5, 0.1)] +  # no baseline of seed 5: no row
               [record('cascade-baseline', 0, 0.30), record('cascade-alternating-1to1', 0, 0.35)] +
               [record('alternating-1to1', 0, 0.9, fraction=0.1)])  # no baseline at 10 %: no row
    rows = paired_differences(results)
    assert [(r.regime, r.reference, r.seeds) for r in rows] == [
        ('alternating-1to1', 'baseline', (0, 1)), ('cascade-baseline', 'baseline', (0,)),
        ('cascade-alternating-1to1', 'cascade-baseline', (0,))]
    mean, sd = rows[0].differences['agnostic_aji']
    assert mean == pytest.approx(0.01) and sd == pytest.approx(statistics.stdev([0.05, -0.03]))
    assert rows[0].differences['segm_mAP_50'] == pytest.approx((0.0, 0.0))
    assert rows[0].ahead == 1 and rows[1].ahead == 0 and rows[2].ahead == 1
    table = format_paired_table(rows).splitlines()
    assert table[0].startswith('| setting | regime | minus | masks % | seeds | Δ box mAP@50')
    assert table[2] == ('| synthetic | alternating-1to1 | baseline | 25 | 2 | 0.0 ± 0.0 | 0.0 ± 0.0 | 0.5 ± 2.8 | '
                        '0.0 ± 0.0 | 1.0 ± 5.7 | - | - | 1 of 2 |')
    assert table[3].endswith('| 0.0 | -5.0 | 0.0 | -10.0 | - | - | 0 of 1 |')  # one seed: no sd
    [row] = paired_differences([record('baseline', 0, 0.5), record('two-stage', 0, 0.4999)])
    line = format_paired_table([row]).splitlines()[2]  # differences of -0.005 and -0.01 points
    assert '-0.0' not in line and line.endswith('| 0.0 | 0.0 | 0.0 | - | - | 0 of 1 |')


def named(result: dict, segm_map50: float, overlap_recall: float) -> dict:
    """``result`` with the zoo row of its detections named by a crop classifier (find_results' ``named``)."""
    return dict(result, named={'segm_mAP50': segm_map50, 'recall_overlapping': overlap_recall, 'aji': 0.1})


def test_named_columns_come_from_the_named_row_and_only_when_every_run_has_one():
    results = [named(record('baseline', 0, 0.4), 0.50, 0.60), named(record('baseline', 1, 0.5), 0.60, 0.70),
               named(record('alternating-1to2', 0, 0.4), 0.56, 0.66),
               named(record('alternating-1to2', 1, 0.5), 0.62, 0.71),
               named(record('two-stage', 0, 0.3), 0.40, 0.50), record('two-stage', 1, 0.3)]
    base, two_stage, alternating = summarise(results)
    assert base.values['named/segm_mAP50'] == pytest.approx((0.55, statistics.stdev([0.5, 0.6])))
    assert base.values['named/recall_overlapping'] == pytest.approx((0.65, statistics.stdev([0.6, 0.7])))
    assert base.values['aji'] == pytest.approx((0.225, statistics.stdev([0.2, 0.25])))  # not the named row's aji
    assert 'named/segm_mAP50' not in two_stage.values  # seed 1 was not named: not measured, not 0
    line = format_table([two_stage]).splitlines()[2]
    assert line.endswith('| 30.0 ± 0.0 | - | - | 10.0 ± 0.0 |')
    paired = {row.regime: row for row in paired_differences(results)}
    assert paired['alternating-1to2'].differences['named/segm_mAP50'] == pytest.approx(
        (0.04, statistics.stdev([0.06, 0.02])))
    assert paired['alternating-1to2'].differences['named/recall_overlapping'] == pytest.approx(
        (0.035, statistics.stdev([0.06, 0.01])))
    assert 'named/segm_mAP50' not in paired['two-stage'].differences
    [on_seed0] = paired_differences([r for r in results if r['regime'] != 'alternating-1to2' and r['seed'] == 0])
    assert on_seed0.differences['named/segm_mAP50'] == pytest.approx((-0.1, None))
