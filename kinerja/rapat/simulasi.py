"""What-if for the meeting: type a value for a quarter still open and see the capaian, the light and the NKO it
would give. Nothing here stores anything: the figures come from kinerja_core's scoring (``nilai_iku``) and the
NKO from the same columns the page shows (``scores.hitung_nko``), with this one IKU's capaian replaced."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from kinerja import scores
from kinerja_core.capaian import HasilIku, nilai_iku
from kinerja_core.model import TRIWULAN, Iku
from kinerja_core.nko import Nko


def triwulan_terbuka(iku: Iku, realisasi: Sequence[float | None]) -> list[int]:
    """The quarters a value can still be typed for: a target is set and nothing is reported yet.

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> iku = Iku("U", "X", "x", Polaritas.MAXIMIZE, Konsolidasi.SUM, 10, (1.0, 1.0, None, 1.0))
    >>> triwulan_terbuka(iku, (1.0, None, None, None))
    [2, 4]
    """
    return [q for q in TRIWULAN if iku.target[q - 1] is not None and realisasi[q - 1] is None]


@dataclass(frozen=True)
class Simulasi:
    """The IKU scored with the typed values, and the NKO before and after (the NKO the page shows)."""

    triwulan: int
    """Through which quarter the simulated capaian is taken: the meeting's quarter, or the last one typed."""
    hasil: HasilIku
    nko_kini: Nko
    nko: Nko

    @property
    def selisih_nko(self) -> float | None:
        """The NKO's change in points (None when either is undefined)."""
        if self.nko.nilai is None or self.nko_kini.nilai is None:
            return None
        return round(self.nko.nilai - self.nko_kini.nilai, 2)


def simulasikan(iku: Iku, realisasi: Sequence[float | None], isian: Mapping[int, float], triwulan: int,
                dasar_nko: pd.DataFrame) -> Simulasi:
    """Score ``iku`` with ``isian`` ({quarter: value}) added to its ``realisasi`` through ``triwulan`` or the last
    quarter typed, and the NKO over ``dasar_nko`` (the IKU the page's NKO is taken over, scored) with this IKU's
    capaian and light replaced by the simulated ones. ``dasar_nko`` is copied, never changed."""
    baru = list(realisasi)
    for q, v in isian.items():
        baru[q - 1] = v
    sampai = max([triwulan, *isian])
    hasil = nilai_iku(iku, tuple(baru), sampai)
    tabel = dasar_nko.copy()
    ini = (tabel["kode_unit"] == iku.kode_unit) & (tabel["kode_iku"] == iku.kode_iku)
    tabel.loc[ini, "capaian"] = float("nan") if hasil.capaian.nilai is None else hasil.capaian.nilai
    tabel.loc[ini, "status"] = hasil.status.value
    return Simulasi(sampai, hasil, scores.hitung_nko(dasar_nko), scores.hitung_nko(tabel))
