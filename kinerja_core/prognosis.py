"""Prognosis: where an IKU, and the NKO, end the year if the rest of it goes as it has so far.

One rule, said on screen in one line: each measured quarter not yet reported is filled with its own target
times the pace of the latest reported quarter (its realisasi over its target). The year is then scored as
usual, through TW IV. An IKU with nothing reported yet (a TW IV survey) has no prognosis.

Why the latest quarter and not the average pace so far: filling the rest of a summed IKU at its average pace
gives back exactly today's capaian, so it could never warn of anything. The latest quarter carries the
trend: an IKU hijau on a strong first half whose last quarter fell short is heading down.
"""

from __future__ import annotations

from collections.abc import Sequence

from kinerja_core.capaian import HasilIku, nilai_iku
from kinerja_core.model import Iku
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


def isi_prognosis(iku: Iku, realisasi: Sequence[float | None], triwulan: int) -> tuple[float | None, ...] | None:
    """The four quarters with every measured one not yet reported (through ``triwulan``) filled at the pace.

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, 20, (0.9, 1.2, 1.6, 2.0))
    >>> [round(v, 4) for v in isi_prognosis(pnbp, (1.0, 1.1, 1.5, None), 3)]  # TW IV: 2,0 × 1,5 / 1,6
    [1.0, 1.1, 1.5, 1.875]
    """
    rasio = laju(iku, realisasi, triwulan)
    if rasio is None:
        return None
    return tuple(
        r if (q <= triwulan and r is not None) else (t * rasio if t is not None else None)
        for q, r, t in zip(range(1, 5), realisasi, iku.target)
    )


def prognosis_iku(iku: Iku, realisasi: Sequence[float | None], triwulan: int,
                  profil: ProfilAturan = KEMENKEU) -> HasilIku | None:
    """The IKU scored through TW IV with the quarters still to come filled at the pace; None without one.

    PNBP 3,6 of 3,7 through TW III (97,30 %), TW III at 1,5 of 1,6: TW IV at 1,875, the year at 5,475 of 5,7,
    capaian 96,05 % — kuning:

    >>> from kinerja_core.model import Konsolidasi, Polaritas
    >>> pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, 20, (0.9, 1.2, 1.6, 2.0))
    >>> h = prognosis_iku(pnbp, (1.0, 1.1, 1.5, None), 3)
    >>> h.capaian.nilai, h.status.value
    (96.05, 'kuning')
    """
    empat = isi_prognosis(iku, realisasi, triwulan)
    return None if empat is None else nilai_iku(iku, empat, 4, profil)
