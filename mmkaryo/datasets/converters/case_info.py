"""The karyotype in a lab's ``case-info.txt``: the ISCN string the project's parser reads, never a guess.

Case-info files in the wild hold the karyotype followed by free text: NUL padding, a lab's name run
into the last term (``46,XY,+8Lab of X``), lines such as ``Patient Name:``, remarks (``8,10,13 on edge
of image``). :func:`extract_karyotype` reads them by these rules:

* NUL bytes, blank lines and white space around lines and comma-separated fields are not content.
* The karyotype line is the first line that starts with a chromosome count (digits, then a comma or
  the end of the line). Every other line is cut, unless it also reads as a karyotype (then the file is
  ambiguous and nothing is read).
* On that line, text is cut only inside the first field that is not a whole numerical term (count,
  sex chromosomes, ``+n``/``-n``): right after a term that starts the field (``+8`` in ``+8Lab of X``,
  ``XY`` in ``XY Lab``), when the cut text starts, after optional spaces, with a word holding a letter
  other than X and Y. The cut runs to the end of the line. Nothing else is cut: not a field that no
  numerical term starts (``+der(5)``, ``t(5;16)``), nor text starting with a digit, sign or bracket
  (``-13 -18``, ``+8[20]``), so a karyotype is never shortened into another one.
* No karyotype is read when any cut text (the line's end or another line) holds ISCN notation: a
  rearrangement (``t(``, ``der(``), a cell count (``[20]``), a next clone (``/46,``) or a gain or loss
  field (``,+8``, ``,-mar``). ``47,XY,+8mat,t(5;16)`` is not read as ``47,XY,+8``.
* What is kept must parse with :func:`mmkaryo.karyotype.iscn.parse_karyotype` as written (fields
  joined by ``,`` without spaces); otherwise no karyotype is read and the parser's reason is given.
  A structural karyotype (``45,XX,-13,-18,+der(5)``) is therefore not read: the parser handles
  numerical karyotypes only.
"""
import os.path as osp
import re
from typing import List, NamedTuple, Optional, Pattern, Tuple

from mmkaryo.karyotype.iscn import parse_karyotype
from .report import ConversionError

_COUNT_LINE = re.compile(r'\d+\s*(,|$)')
_COUNT_TERM = re.compile(r'\d+')
_LATER_TERM = re.compile(r'[XY]+|[+-]\d{1,2}')
_FIRST_WORD = re.compile(r'\s*([A-Za-z]+)')
# a rearrangement ``der(``, a cell count ``[20]``, a next clone ``/46,``, a gain or loss ``,+8`` ``,-mar``
_ISCN_MARK = re.compile(r'[A-Za-z]\(|\[\d+\]|/\s*\d+\s*,|,\s*[+-]\s*\w')


class CaseKaryotype(NamedTuple):
    """What :func:`extract_karyotype` read.

    ``karyotype``: an ISCN string :func:`parse_karyotype` accepts, or None when none can be read.
    ``note``: '' when the text (bar NULs and white space) was the karyotype alone; else what was cut
    and, when ``karyotype`` is None, why nothing was read.
    """
    karyotype: Optional[str]
    note: str = ''


def extract_karyotype(text: str) -> CaseKaryotype:
    """Read the karyotype of a case-info text by the rules of the module docstring."""
    lines = [line.strip() for line in text.replace('\x00', '').splitlines() if line.strip()]
    if not lines:
        return CaseKaryotype(None, 'no karyotype read: no text')
    starts = [i for i, line in enumerate(lines) if _COUNT_LINE.match(line)]
    if not starts:
        return CaseKaryotype(None, 'no karyotype read: no line starts with a chromosome count (digits, '
                             f'then a comma or the line end); text: {_quoted(lines)}')
    first = starts[0]
    others = lines[:first] + lines[first + 1:]
    karyotype, cut, reason = _read_line(lines[first])
    if karyotype is None:
        return CaseKaryotype(None, f'no karyotype read: {reason}' +
                             (f'; other lines: {_quoted(others)}' if others else ''))
    cut_text = ([cut] if cut else []) + others
    if any(_read_line(lines[i])[0] is not None for i in starts[1:]):
        reason = 'several lines read as karyotypes'
    elif any(_ISCN_MARK.search(part) for part in cut_text):
        reason = f'text that would be cut from around {karyotype!r} holds ISCN notation'
    else:
        return CaseKaryotype(karyotype, f'read {karyotype!r}, cut {_quoted(cut_text)}' if cut_text else '')
    return CaseKaryotype(None, f'no karyotype read: {reason}; text: {_quoted(lines)}')


def read_case_info(folder: str) -> CaseKaryotype:
    """:func:`extract_karyotype` of ``folder/case-info.txt``; ConversionError naming it if unreadable."""
    path = osp.join(folder, 'case-info.txt')
    try:
        with open(path, 'rb') as f:
            text = f.read().decode('utf-8', errors='replace')
    except OSError as err:
        raise ConversionError(f'{path}: cannot read case-info ({err})') from err
    return extract_karyotype(text)


def _read_line(line: str) -> Tuple[Optional[str], str, str]:
    """(karyotype or None, text cut from the line's end, the parser's reason when None) of a line."""
    raw = line.split(',')
    fields = [field.strip() for field in raw]
    whole = ','.join(fields)
    bad = next((i for i, field in enumerate(fields) if not _term(i).fullmatch(field)), None)
    candidates = [(whole, '')] if bad is None else _cuts(raw, fields, bad) or [(whole, '')]
    reason = ''
    for kept, cut in candidates:
        try:
            parse_karyotype(kept)
        except ValueError as err:
            reason = reason or str(err)
            continue
        return kept, cut, ''
    return None, '', reason


def _cuts(raw: List[str], fields: List[str], bad: int) -> List[Tuple[str, str]]:
    """(kept, cut) pairs, longest kept first, that end the line in field ``bad`` after a term."""
    field, after = fields[bad], ''.join(',' + part for part in raw[bad + 1:])
    return [(','.join(fields[:bad] + [field[:end]]), (field[end:] + after).strip())
            for end in range(len(field) - 1, 0, -1)
            if _term(bad).fullmatch(field[:end]) and _is_free_text(field[end:])]


def _term(index: int) -> Pattern[str]:
    """The numerical term a field at ``index`` may hold: the count first, then sex or +n/-n."""
    return _COUNT_TERM if index == 0 else _LATER_TERM


def _is_free_text(tail: str) -> bool:
    """Whether ``tail`` starts (after spaces) with a word holding a letter other than X and Y."""
    match = _FIRST_WORD.match(tail)
    return match is not None and bool(set(match.group(1).upper()) - {'X', 'Y'})


def _quoted(parts: List[str]) -> str:
    """``parts`` as a comma-separated list of Python string literals."""
    return ', '.join(repr(part) for part in parts)
