"""The M-FISH converter's report: the common counts plus what each ``case-info.txt`` gave."""
from dataclasses import dataclass, field
from typing import Dict

from .case_info import CaseKaryotype
from .report import ConversionReport


@dataclass
class MfishReport(ConversionReport):
    """A :class:`ConversionReport` that also keeps the karyotype read from each ``case-info.txt``.

    Attributes:
        case_info: ``{path of case-info.txt: what was read}``, one entry per folder.
        images_without_karyotype: images written with ``karyotype`` null (their file gave none).
    """
    case_info: Dict[str, CaseKaryotype] = field(default_factory=dict)
    images_without_karyotype: int = 0

    def format_table(self, max_files: int = 5) -> str:
        """The common summary, then karyotype counts and every file's note in full."""
        noted = {path: read for path, read in self.case_info.items() if read.note}
        unread = sum(read.karyotype is None for read in self.case_info.values())
        lines = [super().format_table(max_files),
                 f'-- karyotypes ({len(self.case_info)} case-info.txt files) --',
                 f'{"read as written":<28}{len(self.case_info) - len(noted):>8}',
                 f'{"read, text cut":<28}{len(noted) - unread:>8}',
                 f'{"not read (written as null)":<28}{unread:>8}',
                 f'{"images with karyotype null":<28}{self.images_without_karyotype:>8}']
        lines += [f'    {path}: {read.note}' for path, read in sorted(noted.items())]
        return '\n'.join(lines)
