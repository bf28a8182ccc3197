"""What a converter did: counts of images and instances, and every dropped item with its reason.

Contract: ``num_input_instances == num_written + len(dropped)`` for every report a converter returns
(:meth:`ConversionReport.check_balance` raises if not), so nothing disappears without a trace.
"""
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List


class ConversionError(ValueError):
    """A fatal problem in the input (unreadable or missing file, malformed JSON/XML); names the file."""


@dataclass(frozen=True)
class DroppedItem:
    """One instance that was not written: why, from which file, and details (label, area...)."""
    reason: str
    file: str
    detail: str = ''


@dataclass
class ConversionReport:
    """Counts kept by a converter while it runs.

    Attributes:
        dataset: name of the source format, for the summary.
        num_images: images written.
        num_input_instances: instances found in the input, written or not.
        class_counts: written instances per class name.
        dropped: every instance that was not written.
        notes: changes that dropped nothing (a clipped box, an image size taken from the image).
    """
    dataset: str
    num_images: int = 0
    num_input_instances: int = 0
    class_counts: Counter = field(default_factory=Counter)
    dropped: List[DroppedItem] = field(default_factory=list)
    notes: List[str] = field(default_factory=list)

    @property
    def num_written(self) -> int:
        """Instances written into the COCO output."""
        return sum(self.class_counts.values())

    def count_written(self, class_name: str) -> None:
        """Record one input instance that was written with class ``class_name``."""
        self.num_input_instances += 1
        self.class_counts[class_name] += 1

    def drop(self, reason: str, file: str, detail: str = '') -> None:
        """Record one input instance that was not written, and why."""
        self.num_input_instances += 1
        self.dropped.append(DroppedItem(reason, file, detail))

    def dropped_by_reason(self) -> Dict[str, int]:
        """Number of dropped instances per reason."""
        return dict(Counter(item.reason for item in self.dropped))

    def check_balance(self) -> None:
        """Raise ValueError unless input instances = written + dropped."""
        if self.num_input_instances != self.num_written + len(self.dropped):
            raise ValueError(f'{self.dataset}: {self.num_input_instances} input instances but '
                             f'{self.num_written} written and {len(self.dropped)} dropped')

    def format_table(self, max_files: int = 5) -> str:
        """A plain-text summary: totals, per-class counts, dropped items by reason with file names."""
        lines = [f'== {self.dataset} conversion summary ==',
                 f'{"images":<28}{self.num_images:>8}',
                 f'{"input instances":<28}{self.num_input_instances:>8}',
                 f'{"instances written":<28}{self.num_written:>8}',
                 f'{"instances dropped":<28}{len(self.dropped):>8}',
                 '-- written per class --']
        lines += [f'{name:<28}{count:>8}' for name, count in sorted(
            self.class_counts.items(), key=lambda kv: _class_sort_key(kv[0]))]
        if self.dropped:
            lines.append('-- dropped by reason --')
        for reason, count in sorted(self.dropped_by_reason().items()):
            items = [item for item in self.dropped if item.reason == reason]
            lines.append(f'{reason:<28}{count:>8}')
            for item in items[:max_files]:
                lines.append(f'    {item.file}' + (f' ({item.detail})' if item.detail else ''))
            if len(items) > max_files:
                lines.append(f'    ... and {len(items) - max_files} more')
        if self.notes:
            lines.append(f'-- notes ({len(self.notes)}) --')
            lines += [f'    {note}' for note in self.notes[:max_files]]
            if len(self.notes) > max_files:
                lines.append(f'    ... and {len(self.notes) - max_files} more')
        return '\n'.join(lines)


def _class_sort_key(name: str) -> tuple:
    """Sort '1'..'22' numerically, then 'X', 'Y' and other names alphabetically."""
    return (0, int(name), '') if name.isdigit() else (1, 0, name)
