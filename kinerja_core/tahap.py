"""Where a unit's quarter stands in the reporting cycle (``kinerja_core.siklus``): its stages alone, so a reader
that only names a stage (``python -m kinerja score`` prints each unit's) need not load the cycle's rules.

>>> Tahap("final") is Tahap.FINAL, str(Tahap.DRAF)
(True, 'draf')
"""

from __future__ import annotations

from enum import StrEnum


class Tahap(StrEnum):
    """Where a unit's quarter stands. A quarter nobody has submitted yet is ``draf``."""

    DRAF = "draf"
    DIAJUKAN = "diajukan"
    TERVERIFIKASI = "terverifikasi"
    DIKEMBALIKAN = "dikembalikan"
    FINAL = "final"
