"""Merging run records (see run_result.py) into mean +- standard deviation over seeds.

Pure functions over the records: rows per (setting, regime, mask fraction), each regime's difference
from its reference on the same seeds, the alternating ratio that works best, the points of the
mask-scarcity curve.
"""
import re
import statistics
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

from mmkaryo.evaluation.summary import find_metric

# (column header, metric name) in the seed report's shape: boxes, masks, AJI (classes from the detector's
# head), then the class-agnostic mask mAP@50 and AJI; then, from the run's ``named`` row (zoo_row.py with
# a crop classifier naming the detections), the class-aware mask mAP@50 and the recall of the chromosomes
# that overlap another. A name is matched after its prefix (``coco/segm_mAP_50``), ``named/`` ones in
# ``named``.
NAMED = 'named/'
COLUMNS: Tuple[Tuple[str, str], ...] = (
    ('box mAP@50', 'bbox_mAP_50'),
    ('mask mAP@50', 'segm_mAP_50'),
    ('AJI', 'aji'),
    ('agnostic mask mAP@50', 'agnostic_segm_mAP_50'),
    ('agnostic AJI', 'agnostic_aji'),
    ('named mask mAP@50', NAMED + 'segm_mAP50'),
    ('overlap recall', NAMED + 'recall_overlapping'),
)
RATIO = re.compile(r'^alternating-(\d+)to(\d+)$')
# Row order within a setting and mask share: regimes by the first of these prefixes they start with.
REGIME_ORDER = ('baseline', 'two-stage', 'alternating-', 'proj-', 'final-', 'cascade-baseline', 'cascade-',
                'htc-baseline', 'htc-')


class RegimeRow(NamedTuple):
    """One table row: the runs of one (setting, regime, mask fraction) over their seeds."""
    setting: str
    regime: str
    mask_fraction: float
    seeds: Tuple[int, ...]
    # metric name -> (mean, standard deviation or None with one seed); a metric no run reports is absent
    values: Dict[str, Tuple[float, Optional[float]]]
    train_minutes: Tuple[float, Optional[float]]


def mean_sd(values: Sequence[float]) -> Tuple[float, Optional[float]]:
    """Mean and sample standard deviation of ``values`` (None for one value)."""
    return statistics.fmean(values), (statistics.stdev(values) if len(values) > 1 else None)


def _regime_rank(regime: str) -> int:
    return next((i for i, prefix in enumerate(REGIME_ORDER) if regime.startswith(prefix)), len(REGIME_ORDER))


class PairedRow(NamedTuple):
    """One regime against its reference (:func:`reference_of`) on the seeds both have run: the same seed
    means the same split of the images, so the differences are paired."""
    setting: str
    regime: str
    reference: str
    mask_fraction: float
    seeds: Tuple[int, ...]
    # metric name -> (mean, standard deviation or None with one seed) of regime minus reference
    differences: Dict[str, Tuple[float, Optional[float]]]
    # seeds on which the regime's class-agnostic AJI is above the reference's
    ahead: int


Groups = Dict[Tuple[str, str, float], Dict[int, Dict[str, Any]]]


def group_runs(results: Iterable[Dict[str, Any]]) -> Groups:
    """``(setting, regime, mask fraction) -> seed -> record``, in table order.

    Raises:
        ValueError: two records of the same run (setting, regime, fraction, seed).
    """
    groups: Groups = {}
    for result in results:
        key = (result['setting'], result['regime'], float(result['mask_fraction']))
        runs = groups.setdefault(key, {})
        if result['seed'] in runs:
            raise ValueError(f'table.py: two results of {key} seed {result["seed"]}: '
                             f'{runs[result["seed"]].get("path")} and {result.get("path")}')
        runs[result['seed']] = result
    return dict(sorted(groups.items(), key=lambda g: (g[0][0], g[0][2], _regime_rank(g[0][1]), g[0][1])))


def _metric(run: Dict[str, Any], name: str) -> Optional[float]:
    if name.startswith(NAMED):
        value = run.get('named', {}).get(name[len(NAMED):])
        return None if value is None else float(value)
    return find_metric(run['metrics'], name)


def _values(runs: Sequence[Dict[str, Any]], name: str) -> Optional[List[float]]:
    """``name`` of each run, or None when the runs cannot give it.

    A metric a run lacks counts as 0 where another run reports it (CocoMetric reports nothing for a model
    without a detection). A ``named/`` metric is given only when every run was named: a run without a
    ``named`` row was not measured, which is not a 0.
    """
    found = [_metric(run, name) for run in runs]
    if all(v is None for v in found) or (name.startswith(NAMED) and None in found):
        return None
    return [0.0 if v is None else v for v in found]


def summarise(results: Iterable[Dict[str, Any]]) -> List[RegimeRow]:
    """Rows sorted by setting, mask fraction and regime (:data:`REGIME_ORDER`, then by name).

    A metric the runs of a row cannot give (:func:`_values`) is left out of the row.

    Raises:
        ValueError: two records of the same run (setting, regime, fraction, seed).
    """
    rows = []
    for (setting, regime, fraction), runs in group_runs(results).items():
        values = {}
        for _, name in COLUMNS:
            found = _values(list(runs.values()), name)
            if found is not None:
                values[name] = mean_sd(found)
        rows.append(RegimeRow(setting, regime, fraction, tuple(sorted(runs)), values,
                              mean_sd([run['train_minutes'] for run in runs.values()])))
    return rows


def reference_of(regime: str) -> Optional[str]:
    """The regime a row is compared with: ``cascade-baseline`` for the other Cascade rows (likewise HTC),
    ``baseline`` for every other regime, None for ``baseline`` itself."""
    for family in ('cascade', 'htc'):
        if regime.startswith(f'{family}-') and regime != f'{family}-baseline':
            return f'{family}-baseline'
    return None if regime == 'baseline' else 'baseline'


def paired_differences(results: Iterable[Dict[str, Any]]) -> List[PairedRow]:
    """Each regime minus its reference (:func:`reference_of`) of the same setting and mask fraction, over
    the seeds both have run; regimes sharing no seed with their reference are left out. A metric is
    compared where the runs of both sides can give it (:func:`_values`).

    Raises:
        ValueError: two records of the same run.
    """
    groups = group_runs(results)
    rows = []
    for (setting, regime, fraction), runs in groups.items():
        reference = reference_of(regime)
        base = groups.get((setting, reference, fraction), {})
        seeds = tuple(sorted(set(runs) & set(base)))
        if reference is None or not seeds:
            continue
        per_seed = {}  # metric name -> regime minus reference, seed by seed
        for _, name in COLUMNS:
            found = _values([runs[s] for s in seeds] + [base[s] for s in seeds], name)
            if found is not None:
                per_seed[name] = [a - b for a, b in zip(found[:len(seeds)], found[len(seeds):])]
        ahead = sum(d > 0 for d in per_seed.get('agnostic_aji', []))
        rows.append(PairedRow(setting, regime, reference, fraction, seeds,
                              {name: mean_sd(d) for name, d in per_seed.items()}, ahead))
    return rows


def _cell(value: Optional[Tuple[float, Optional[float]]], scale: float, digits: int) -> str:
    if value is None:
        return '-'
    mean, sd = value
    text = f'{scale * mean:.{digits}f}'
    if float(text) == 0:  # a difference that rounds to zero reads 0.0, not -0.0
        text = f'{0:.{digits}f}'
    return text + ('' if sd is None else f' ± {scale * sd:.{digits}f}')


def _markdown(headers: List[str], body: List[List[str]]) -> str:
    return '\n'.join('| ' + ' | '.join(line) + ' |' for line in [headers, ['---'] * len(headers)] + body)


def format_table(rows: Sequence[RegimeRow]) -> str:
    """A Markdown table: metrics in percent, mean ± sd over the seeds (the mean alone for one seed)."""
    headers = ['setting', 'regime', 'masks %', 'seeds'] + [h for h, _ in COLUMNS] + ['train min']
    return _markdown(headers, [
        [row.setting, row.regime, f'{100 * row.mask_fraction:g}', str(len(row.seeds))] +
        [_cell(row.values.get(name), 100, 1) for _, name in COLUMNS] + [_cell(row.train_minutes, 1, 1)]
        for row in rows])


def format_paired_table(rows: Sequence[PairedRow]) -> str:
    """A Markdown table of :func:`paired_differences`: percentage points, mean ± sd over the paired seeds."""
    headers = (['setting', 'regime', 'minus', 'masks %', 'seeds'] + [f'Δ {h}' for h, _ in COLUMNS] +
               ['ahead on agnostic AJI'])
    return _markdown(headers, [
        [row.setting, row.regime, row.reference, f'{100 * row.mask_fraction:g}', str(len(row.seeds))] +
        [_cell(row.differences.get(name), 100, 1) for _, name in COLUMNS] + [f'{row.ahead} of {len(row.seeds)}']
        for row in rows])


def best_ratio(rows: Sequence[RegimeRow], setting: str, mask_fraction: float, min_seeds: int,
               metric: str = 'agnostic_aji') -> Optional[str]:
    """The ``<box>to<mask>`` ratio of the ``alternating-<box>to<mask>`` row of ``setting`` at
    ``mask_fraction`` with the highest mean ``metric``, among rows of at least ``min_seeds`` seeds;
    None when there is no such row."""
    candidates = [(row.values[metric][0], RATIO.match(row.regime)) for row in rows
                  if row.setting == setting and row.mask_fraction == mask_fraction
                  and RATIO.match(row.regime) and len(row.seeds) >= min_seeds and metric in row.values]
    if not candidates:
        return None
    match = max(candidates, key=lambda c: c[0])[1]
    return f'{match.group(1)}to{match.group(2)}'


def scarcity_points(rows: Sequence[RegimeRow], setting: str, regime: str,
                    metric: str = 'agnostic_aji') -> List[Tuple[float, float, Optional[float]]]:
    """``(mask fraction, mean, sd)`` of ``regime``'s rows of ``setting`` reporting ``metric``, by fraction."""
    return [(row.mask_fraction,) + row.values[metric] for row in rows
            if row.setting == setting and row.regime == regime and metric in row.values]
