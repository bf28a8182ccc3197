"""The zoo row as a markdown table line, in the README's column order."""
from typing import Any, Dict, Sequence, Tuple

# (row key, column heading)
COLUMNS: Tuple[Tuple[str, str], ...] = (
    ('name', 'model'), ('bbox_mAP50', 'bbox mAP@50'), ('segm_mAP50', 'segm mAP@50'),
    ('agnostic_bbox_mAP50', 'agnostic bbox mAP@50'), ('agnostic_segm_mAP50', 'agnostic segm mAP@50'),
    ('aji', 'AJI'), ('aji_plus', 'AJI+'), ('recall_isolated', 'recall isolated'),
    ('recall_touching', 'recall touching'), ('recall_overlapping', 'recall overlapping'),
    ('recall', 'recall'), ('class_acc', 'class acc.'), ('class_acc_argmax', 'class acc. (argmax)'),
    ('karyotype_exact', 'karyotype exact'), ('karyotype_exact_argmax', 'karyotype exact (argmax)'),
    ('num_images', 'images'))


def _cell(value: Any) -> str:
    if value is None:
        return 'n/a'
    if isinstance(value, float):
        return f'{value:.3f}'
    return str(value)


def markdown_header(columns: Sequence[Tuple[str, str]] = COLUMNS) -> str:
    """The heading line and the separator line of the zoo table."""
    return '\n'.join(['| ' + ' | '.join(h for _, h in columns) + ' |',
                      '|' + '|'.join('---' for _ in columns) + '|'])


def markdown_row(row: Dict[str, Any], columns: Sequence[Tuple[str, str]] = COLUMNS) -> str:
    """One table line of a :func:`mmkaryo.evaluation.zoo.row.zoo_row` dict; None prints 'n/a'.

    Raises ``ValueError`` naming the first column the row lacks.
    """
    missing = [key for key, _ in columns if key not in row]
    if missing:
        raise ValueError(f'zoo row lacks the column {missing[0]!r}')
    return '| ' + ' | '.join(_cell(row[key]) for key, _ in columns) + ' |'
