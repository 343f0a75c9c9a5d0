"""Follow-up of rencana aksi: last quarter's actions come back to this quarter's meeting with a status, and
an action stays on the agenda, quarter after quarter, until the meeting closes it (selesai or batal).

An action whose tenggat has passed while it is still open is flagged overdue, whatever status it carries.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from kinerja_core.model import StatusAksi


@dataclass(frozen=True)
class Aksi:
    """A rencana aksi written for one IKU in one quarter, and what the meeting later said of it."""

    triwulan: int
    rencana_aksi: str
    pic: str | None = None
    tenggat: datetime.date | None = None
    status: StatusAksi | None = None
    """None until a meeting reviews it: it counts as open."""
    catatan: str | None = None

    @property
    def terbuka(self) -> bool:
        """Not closed yet: no status, berjalan or terlambat."""
        return self.status is None or not self.status.tertutup

    def lewat_tenggat(self, per: datetime.date) -> bool:
        """Open, with a tenggat before ``per`` (the meeting's date, or today).

        >>> a = Aksi(2, "Asistensi importir", tenggat=datetime.date(2019, 9, 30))
        >>> a.lewat_tenggat(datetime.date(2019, 10, 2)), a.lewat_tenggat(datetime.date(2019, 9, 30))
        (True, False)
        """
        return self.terbuka and self.tenggat is not None and self.tenggat < per


def untuk_dibahas(aksi: Iterable[Aksi], triwulan: int) -> list[Aksi]:
    """The actions a meeting on ``triwulan`` reviews: every action of the quarter before, and any older one
    still open; the latest quarter first.

    >>> aksi = [Aksi(1, "Sosialisasi", status=StatusAksi.SELESAI), Aksi(1, "Kontrak surveyor"),
    ...         Aksi(2, "Asistensi importir"), Aksi(3, "Belum dibahas")]
    >>> [(a.triwulan, a.rencana_aksi) for a in untuk_dibahas(aksi, 3)]
    [(2, 'Asistensi importir'), (1, 'Kontrak surveyor')]
    """
    pilih = [a for a in aksi if a.triwulan == triwulan - 1 or (a.triwulan < triwulan - 1 and a.terbuka)]
    return sorted(pilih, key=lambda a: -a.triwulan)
