"""Prognosis: where an IKU, and the NKO, end the year if the rest of it goes as it has so far.

One rule, said on screen in one line: each measured quarter not yet reported is filled with its own target
times the pace of the latest reported quarter (its realisasi over its target). The year is then scored as
usual, through TW IV. An IKU with nothing reported yet (a TW IV survey) has no prognosis.

Why the latest quarter and not the average pace so far: filling the rest of a summed IKU at its average pace
gives back exactly today's capaian, so it could never warn of anything. The latest quarter carries the
trend: an IKU hijau on a strong first half whose last quarter fell short is heading down.

So that the year-end NKO is taken over the same IKU as today's: an IKU grey today because a measured quarter
has passed without realisasi gets no prognosis (a pace from an older quarter would compare other IKU), nor does
one not measured yet; an IKU scored today whose pace cannot be taken (the latest target is 0 or less) or whose
year cannot be scored is kept at today's capaian. A filled value stays within what the satuan allows
(``kinerja_core.kebutuhan.rentang_iku``: a percentage of a whole never above 100, an amount never below 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from kinerja_core.capaian import HasilIku, nilai_iku
from kinerja_core.kebutuhan import Rentang, rentang_iku
from kinerja_core.model import AlasanAbu, Iku
from kinerja_core.profil import KEMENKEU, ProfilAturan


def laju(iku: Iku, realisasi: Sequence[float | None], triwulan: int) -> float | None:
    """The pace: the latest reported quarter's realisasi / its target, through ``triwulan``; None when nothing is
    reported or that target is zero or less.

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, 20, (0.9, 1.2, 1.6, 2.0))
    >>> round(laju(pnbp, (1.0, 1.1, 1.5, None), 3), 4)  # TW III: 1,5 / 1,6
    0.9375
    """
    dilapor = [q for q in iku.triwulan_terukur if q <= triwulan and realisasi[q - 1] is not None]
    if not dilapor or iku.target[dilapor[-1] - 1] <= 0:  # type: ignore[operator]
        return None
    return realisasi[dilapor[-1] - 1] / iku.target[dilapor[-1] - 1]  # type: ignore[operator]


class AlasanPrognosis(str, Enum):
    """Why an IKU's prognosis is not the pace rule."""

    DIPERTAHANKAN = "dipertahankan"  # kept at today's capaian: no pace (target 0 or less) or no year-end score
    BELUM_DILAPORKAN = "belum-dilaporkan"  # grey today: a measured quarter passed without realisasi
    BELUM_DIUKUR = "belum-diukur"  # nothing reported yet (a TW IV survey)
    TIDAK_TERHITUNG = "tidak-terhitung"  # today's capaian cannot be computed


@dataclass(frozen=True)
class Prognosis:
    """An IKU's year-end prognosis: the score (None: no prognosis), the quarter whose pace it takes (None when
    kept or none) and why it is not the pace rule (None when it is)."""

    hasil: HasilIku | None
    triwulan_laju: int | None
    alasan: AlasanPrognosis | None = None


def prognosis_lengkap(iku: Iku, realisasi: Sequence[float | None], triwulan: int, profil: ProfilAturan = KEMENKEU,
                      rentang: Rentang | None = None) -> Prognosis:
    """The prognosis with its source quarter and, when it is not the pace rule, why.

    Audit findings (minimize, target 0 each quarter, worst 10), none found through TW III: capaian 100 today,
    no pace from a target of 0, so kept at 100:

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> temuan = Iku("BTP", "BTP-07", "Temuan", Polaritas.MINIMIZE, Konsolidasi.SUM, 10, (0.0, 0.0, 0.0, 0.0),
    ...              satuan="jumlah", realisasi_terburuk=10)
    >>> p = prognosis_lengkap(temuan, (0.0, 0.0, 0.0, None), 3)
    >>> p.hasil.capaian.nilai, p.triwulan_laju, p.alasan.value
    (100.0, None, 'dipertahankan')
    """
    hari_ini = nilai_iku(iku, realisasi, triwulan, profil)
    if hari_ini.capaian.nilai is None:
        alasan = hari_ini.capaian.alasan
        if alasan is AlasanAbu.REALISASI_BELUM_ADA:
            return Prognosis(None, None, AlasanPrognosis.BELUM_DILAPORKAN)
        if alasan is AlasanAbu.BELUM_DIUKUR:
            return Prognosis(None, None, AlasanPrognosis.BELUM_DIUKUR)
        return Prognosis(None, None, AlasanPrognosis.TIDAK_TERHITUNG)
    empat = isi_prognosis(iku, realisasi, triwulan, rentang)
    akhir = None if empat is None else nilai_iku(iku, empat, 4, profil)
    if akhir is None or akhir.capaian.nilai is None:
        return Prognosis(hari_ini, None, AlasanPrognosis.DIPERTAHANKAN)
    dilapor = [q for q in iku.triwulan_terukur if q <= triwulan and realisasi[q - 1] is not None]
    return Prognosis(akhir, dilapor[-1])


def isi_prognosis(iku: Iku, realisasi: Sequence[float | None], triwulan: int,
                  rentang: Rentang | None = None) -> tuple[float | None, ...] | None:
    """The four quarters with every measured one not yet reported (through ``triwulan``) filled at the pace.

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, 20, (0.9, 1.2, 1.6, 2.0))
    >>> [round(v, 4) for v in isi_prognosis(pnbp, (1.0, 1.1, 1.5, None), 3)]  # TW IV: 2,0 × 1,5 / 1,6
    [1.0, 1.1, 1.5, 1.875]
    """
    rasio = laju(iku, realisasi, triwulan)
    if rasio is None:
        return None
    rentang = rentang_iku(iku) if rentang is None else rentang
    return tuple(
        r if (q <= triwulan and r is not None) else (
            min(max(t * rasio, rentang.bawah), rentang.atas) if t is not None else None)
        for q, r, t in zip(range(1, 5), realisasi, iku.target)
    )


def prognosis_iku(iku: Iku, realisasi: Sequence[float | None], triwulan: int,
                  profil: ProfilAturan = KEMENKEU, rentang: Rentang | None = None) -> HasilIku | None:
    """The IKU scored through TW IV with the quarters still to come filled at the pace (``prognosis_lengkap``:
    today's score when kept); None without a prognosis.

    PNBP 3,6 of 3,7 through TW III (97,30 %), TW III at 1,5 of 1,6: TW IV at 1,875, the year at 5,475 of 5,7,
    capaian 96,05 % — kuning:

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, 20, (0.9, 1.2, 1.6, 2.0))
    >>> h = prognosis_iku(pnbp, (1.0, 1.1, 1.5, None), 3)
    >>> h.capaian.nilai, h.status.value
    (96.05, 'kuning')
    """
    return prognosis_lengkap(iku, realisasi, triwulan, profil, rentang).hasil
