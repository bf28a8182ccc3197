"""Plain-text tables of evaluation results: the seed report's "Evaluation on Test Sets" and
"Top classification errors". Pure functions over metric dicts, used by tools and metrics."""
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

# (column header, metric name as reported after the metric prefix)
EVALUATION_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ('mAP50 bbox', 'bbox_mAP_50'),
    ('mAP50 segm', 'segm_mAP_50'),
    ('AJI', 'aji'),
    ('AJI+', 'aji_plus'),
    ('agnostic mAP50 bbox', 'agnostic_bbox_mAP_50'),
    ('agnostic mAP50 segm', 'agnostic_segm_mAP_50'),
    ('agnostic AJI', 'agnostic_aji'),
    ('agnostic AJI+', 'agnostic_aji_plus'),
    ('class accuracy', 'accuracy'),
    ('top-3 accuracy', 'top3_accuracy'),
    ('constrained accuracy', 'constrained_accuracy'),
    ('karyotype exact', 'exact_rate'),
)


def format_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Left-aligned text table with a rule under the header; cells are ``str()``-ed."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ['  '.join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, '  '.join('-' * width for width in widths))
    return '\n'.join(lines)


def find_metric(metrics: Mapping[str, float], name: str) -> Optional[float]:
    """Value of ``name`` whether or not it carries a metric prefix (``aji/aji`` or ``aji``).

    ``name`` must match the part after the last ``/`` exactly, so ``aji`` does not pick up
    ``agnostic_aji``. Returns None when absent; raises ``ValueError`` when two prefixes give it.
    """
    found = {key: value for key, value in metrics.items() if key.rsplit('/', 1)[-1] == name}
    if len(found) > 1:
        raise ValueError(f'metric {name!r} is reported by several metrics: {sorted(found)}')
    return next(iter(found.values()), None)


def _percent(value: Optional[float]) -> str:
    if value is None:
        return '-'
    return 'nan' if np.isnan(value) else f'{100 * value:.1f}%'


def format_evaluation_table(results: Mapping[str, Mapping[str, float]]) -> str:
    """One row per dataset (key of ``results``) with the headline metrics as percentages.

    Columns no dataset reports are left out; a metric missing for one dataset shows ``-``.
    """
    columns = [(header, name) for header, name in EVALUATION_COLUMNS
               if any(find_metric(m, name) is not None for m in results.values())]
    rows = [[dataset] + [_percent(find_metric(metrics, name)) for _, name in columns]
            for dataset, metrics in results.items()]
    return format_table(['dataset'] + [header for header, _ in columns], rows)


def top_errors(class_counts: Mapping[str, np.ndarray], top_k: int = 15) -> List[int]:
    """Class indices sorted by ERR (descending, ties by class order), at most ``top_k``."""
    err = np.asarray(class_counts['err'])
    order = sorted(range(len(err)), key=lambda k: (-int(err[k]), k))
    return order[:top_k]


def format_top_errors(class_counts: Mapping[str, np.ndarray], class_names: Sequence[str],
                      top_k: int = 15) -> str:
    """The seed's "Top classification errors" table: chr, TP, FP, FN, ERR, accuracy by ERR."""
    if len(class_names) != len(class_counts['err']):
        raise ValueError(f'{len(class_names)} class names for {len(class_counts["err"])} classes')
    rows = []
    for rank, k in enumerate(top_errors(class_counts, top_k)):
        counts: Dict[str, object] = {key: class_counts[key][k] for key in ('tp', 'fp', 'fn', 'err')}
        rows.append([rank, class_names[k]] + [int(counts[key]) for key in ('tp', 'fp', 'fn', 'err')] +
                    [_percent(float(class_counts['accuracy'][k]))])
    return format_table(['', 'chr', 'TP', 'FP', 'FN', 'ERR', 'accuracy'], rows)


def format_test_report(dataset: str, metrics: Mapping[str, float],
                       class_counts: Optional[Mapping[str, np.ndarray]] = None,
                       class_names: Sequence[str] = (), top_k: int = 15) -> str:
    """What ``tools/test.py`` prints: the evaluation table of one dataset, then (when a
    ChromosomeClassMetric ran) the top classification errors."""
    parts = [f'Evaluation on {dataset}', format_evaluation_table({dataset: metrics})]
    if class_counts is not None:
        parts += ['', 'Top classification errors', format_top_errors(class_counts, class_names, top_k)]
    return '\n'.join(parts)
