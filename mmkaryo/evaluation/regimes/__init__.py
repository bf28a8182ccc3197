"""The mask-scarce regime comparison (tools/experiments/compare_regimes.sh): one result file per run,
merged into a table of means and standard deviations over seeds, and its training-loss curves."""
from .loss_curves import regime_loss_curves, run_losses
from .run_result import NAMED_FILE, RESULT_FILE, archive_run, find_results, newest_test_metrics, run_result
from .table import (COLUMNS, PairedRow, RegimeRow, best_ratio, format_paired_table, format_table,
                    paired_differences, reference_of, scarcity_points, summarise)

__all__ = [
    'COLUMNS', 'NAMED_FILE', 'RESULT_FILE', 'PairedRow', 'RegimeRow', 'archive_run', 'best_ratio', 'find_results',
    'format_paired_table', 'format_table', 'newest_test_metrics', 'paired_differences', 'reference_of',
    'regime_loss_curves', 'run_losses', 'run_result', 'scarcity_points', 'summarise'
]
