"""Year-to-date (s.d. triwulan) target and realisasi of one IKU.

Only quarters up to the chosen one that carry a target count. Their targets
and their realisasi are consolidated the same way: summed (revenue, counts),
averaged, or the last one taken (indices, levels).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kinerja_core.model import AlasanAbu, Iku, Konsolidasi


@dataclass(frozen=True)
class NilaiSdTriwulan:
    """Target and realisasi of an IKU from TW I through ``triwulan``.

    ``realisasi`` is None when the value is missing; ``alasan`` then says why.
    ``target`` is known whenever a measured quarter exists, even without realisasi.
    """

    triwulan: int
    target: float | None
    realisasi: float | None
    alasan: AlasanAbu | None = None


def konsolidasikan(nilai: Sequence[float], cara: Konsolidasi) -> float:
    """Combine quarterly values into one year-to-date value.

    >>> konsolidasikan([0.9, 1.2, 1.6], Konsolidasi.SUM)  # PNBP, Rp miliar
    3.7
    >>> konsolidasikan([95.0, 97.0], Konsolidasi.AVERAGE), konsolidasikan([4.1, 4.3], Konsolidasi.LAST)
    (96.0, 4.3)
    """
    if not nilai:
        raise ValueError("tidak ada nilai untuk dikonsolidasikan")
    if cara is Konsolidasi.SUM:
        return round(sum(nilai), 10)  # keep 0.9 + 1.2 + 1.6 at 3.7, not 3.7000000000000006
    if cara is Konsolidasi.AVERAGE:
        return round(sum(nilai) / len(nilai), 10)
    return nilai[-1]


def sd_triwulan(
    iku: Iku,
    realisasi: Sequence[float | None],
    triwulan: int,
) -> NilaiSdTriwulan:
    """Year-to-date target and realisasi of ``iku`` through ``triwulan`` (1–4).

    ``realisasi`` holds the four quarters' values, None where none is reported;
    a value reported for a quarter without target is ignored.

    PNBP of Balai Teknologi Polimer 2017 (targets 0.9, 1.2, 1.6, 2.0 Rp miliar):

    >>> from kinerja_core.model import Polaritas
    >>> pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM,
    ...            bobot=20, target=(0.9, 1.2, 1.6, 2.0))
    >>> sd_triwulan(pnbp, (1.0, 1.1, 1.5, None), 3)
    NilaiSdTriwulan(triwulan=3, target=3.7, realisasi=3.6, alasan=None)
    >>> sd_triwulan(pnbp, (1.0, 1.1, None, None), 3).alasan
    <AlasanAbu.REALISASI_BELUM_ADA: 'realisasi-belum-ada'>
    """
    if triwulan not in (1, 2, 3, 4):
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan!r}")
    if len(realisasi) != 4:
        raise ValueError("realisasi harus berisi empat triwulan")
    terukur = [q for q in iku.triwulan_terukur if q <= triwulan]
    if not terukur:
        return NilaiSdTriwulan(triwulan, None, None, AlasanAbu.BELUM_DIUKUR)
    target = konsolidasikan([iku.target[q - 1] for q in terukur], iku.konsolidasi)  # type: ignore[misc]
    nilai = [realisasi[q - 1] for q in terukur]
    if any(r is None for r in nilai):
        return NilaiSdTriwulan(triwulan, target, None, AlasanAbu.REALISASI_BELUM_ADA)
    return NilaiSdTriwulan(triwulan, target, konsolidasikan(nilai, iku.konsolidasi))  # type: ignore[arg-type]
