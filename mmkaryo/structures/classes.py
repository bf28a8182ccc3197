"""The 24 chromosome classes and the names datasets give them.

Class index k (0-based, mmdet's label convention) is chromosome k + 1 for k < 22, X for 22, Y for 23.
Datasets name classes three ways, all accepted by :func:`class_index_from_name`:
AutoKary2022 integer strings ``"1"``..``"24"`` (23 = X, 24 = Y), CIL Denver-group names
``"A1"``..``"G22"``, ``"X"``, ``"Y"``, and our own names ``"1"``..``"22"``, ``"X"``, ``"Y"``.
This module imports nothing heavy, so pure code (karyotype reading, converters) can use it.
"""
from typing import Optional, Tuple

CHROMOSOME_CLASSES: Tuple[str, ...] = tuple(str(i) for i in range(1, 23)) + ('X', 'Y')
NUM_CLASSES = len(CHROMOSOME_CLASSES)

_DENVER_GROUPS = 'A' * 3 + 'B' * 2 + 'C' * 7 + 'D' * 3 + 'E' * 3 + 'F' * 2 + 'G' * 2
DENVER_NAMES: Tuple[str, ...] = tuple(f'{g}{i + 1}' for i, g in enumerate(_DENVER_GROUPS)) + ('X', 'Y')

_NAME_TO_INDEX = {name: k for k, name in enumerate(CHROMOSOME_CLASSES)}
_NAME_TO_INDEX.update({name: k for k, name in enumerate(DENVER_NAMES)})
_NAME_TO_INDEX.update({'23': 22, '24': 23})


def class_index_from_name(name: str) -> Optional[int]:
    """Return the 0-based class index of a dataset's class name, or None if it names no class.

    Accepts ``"1"``..``"24"`` (AutoKary2022: 23 = X, 24 = Y), ``"A1"``..``"G22"`` (CIL), ``"X"``,
    ``"Y"``, case-insensitively and ignoring surrounding white space. ``"-1"``, ``"119"``, ``"abc"``
    give None; the caller decides how to report them.
    """
    return _NAME_TO_INDEX.get(str(name).strip().upper())
