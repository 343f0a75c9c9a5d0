"""Capaian of many IKU at once: whole columns (numpy) instead of one IKU at a time.

The scalar functions (``konsolidasi.sd_triwulan``, ``capaian.nilai_iku``) stay the readable reference;
this module computes the same year-to-date target and realisasi, capaian, status and reason for every
IKU of a ministry-year in a few array operations. The same floating-point operations run in the same
order, and rounding goes through the reference's own ``bulatkan``, so the results are equal, not
merely close (``tests/core/test_kolom.py`` checks that on random IKU of every kind).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kinerja_core.capaian import bulatkan
from kinerja_core.model import AlasanAbu, Konsolidasi, Polaritas, Status
from kinerja_core.profil import KEMENKEU, ProfilAturan

KODE_POLARITAS = {Polaritas.MAXIMIZE: 0, Polaritas.MINIMIZE: 1, Polaritas.STABILIZE: 2}
KODE_KONSOLIDASI = {Konsolidasi.SUM: 0, Konsolidasi.AVERAGE: 1, Konsolidasi.LAST: 2}


@dataclass(frozen=True)
class KolomIku:
    """The IKU to score, one array element per IKU (NaN where a value is missing).

    ``polaritas`` and ``konsolidasi`` hold the codes of ``KODE_POLARITAS`` / ``KODE_KONSOLIDASI``;
    ``target`` and ``realisasi`` are (n, 4): TW I–IV.
    """

    polaritas: np.ndarray
    konsolidasi: np.ndarray
    target: np.ndarray
    realisasi: np.ndarray
    konversi_120: np.ndarray
    realisasi_terburuk: np.ndarray


@dataclass(frozen=True)
class SkorKolom:
    """Per IKU: year-to-date target and realisasi, capaian (NaN when grey), status and reason (None if any)."""

    target: np.ndarray
    realisasi: np.ndarray
    capaian: np.ndarray
    status: np.ndarray
    alasan: np.ndarray


_bulatkan = np.frompyfunc(bulatkan, 2, 1)
_bulat10 = np.frompyfunc(round, 2, 1)


def _konsolidasikan(nilai: np.ndarray, terukur: np.ndarray, cara: np.ndarray) -> np.ndarray:
    """``konsolidasi.konsolidasikan`` per row over the measured quarters (sum from 0 in quarter order)."""
    jumlah = np.zeros(len(nilai))
    terakhir = np.full(len(nilai), np.nan)
    for q in range(nilai.shape[1]):
        ada = terukur[:, q]
        jumlah = np.where(ada, jumlah + np.where(ada, nilai[:, q], 0.0), jumlah)
        terakhir = np.where(ada, nilai[:, q], terakhir)
    n = terukur.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        rata = jumlah / np.maximum(n, 1)
    hasil = np.where(cara == 0, jumlah, np.where(cara == 1, rata, terakhir))
    bulat = cara != 2
    if bulat.any():
        hasil[bulat] = _bulat10(hasil[bulat], 10).astype(float)
    return hasil


def _stabilize(indeks: np.ndarray, skala: tuple[tuple[float, float], ...]) -> np.ndarray:
    """``capaian.konversi_stabilize`` on a column: the same expression per segment, the ends held."""
    (x0, y0), (xn, yn) = skala[0], skala[-1]
    hasil = np.where(indeks <= x0, float(y0), float(yn))
    for (xa, ya), (xb, yb) in reversed(list(zip(skala, skala[1:]))):  # the first matching segment wins
        di = (xa <= indeks) & (indeks <= xb) & (indeks > x0) & (indeks < xn)
        hasil = np.where(di, ya + (yb - ya) * (indeks - xa) / (xb - xa), hasil)
    return hasil


def nilai_kolom(iku: KolomIku, triwulan: int, profil: ProfilAturan = KEMENKEU) -> SkorKolom:
    """Score every IKU through ``triwulan`` (1–4), as ``nilai_iku`` does one by one.

    Three IKU through TW III — PNBP (sum, targets 0,9/1,2/1,6), a service time (minimize, target 10 days,
    realisasi 8) and a survey measured only in TW IV:

    >>> nan = np.nan
    >>> iku = KolomIku(np.array([0, 1, 0]), np.array([0, 2, 2]),
    ...                np.array([[0.9, 1.2, 1.6, 2.0], [10, 10, 10, 10], [nan, nan, nan, 4.25]]),
    ...                np.array([[1.0, 1.1, 1.5, nan], [9, 9, 8, nan], [nan, nan, nan, nan]]),
    ...                np.array([False, False, False]), np.array([nan, nan, nan]))
    >>> s = nilai_kolom(iku, 3)
    >>> s.target.tolist(), s.capaian.tolist()[:2], s.status.tolist(), s.alasan.tolist()
    ([3.7, 10.0, nan], [97.3, 120.0], ['kuning', 'hijau', 'abu-abu'], [None, None, 'belum-diukur'])
    """
    if triwulan not in (1, 2, 3, 4):
        raise ValueError(f"triwulan harus 1–4, bukan {triwulan!r}")
    n = len(iku.polaritas)
    target_q = np.asarray(iku.target, dtype=float)[:, :triwulan]
    realisasi_q = np.asarray(iku.realisasi, dtype=float)[:, :triwulan]
    terukur = ~np.isnan(target_q)
    ada_ukur = terukur.any(axis=1)
    lengkap = ~(terukur & np.isnan(realisasi_q)).any(axis=1)
    cara = np.asarray(iku.konsolidasi)
    target = np.where(ada_ukur, _konsolidasikan(target_q, terukur, cara), np.nan)
    realisasi = np.where(ada_ukur & lengkap, _konsolidasikan(np.where(np.isnan(realisasi_q), 0.0, realisasi_q), terukur, cara), np.nan)

    alasan = np.full(n, None, dtype=object)
    alasan[~ada_ukur] = AlasanAbu.BELUM_DIUKUR.value
    alasan[ada_ukur & ~lengkap] = AlasanAbu.REALISASI_BELUM_ADA.value
    dihitung = ada_ukur & lengkap

    pol = np.asarray(iku.polaritas)
    T, R, W = target, realisasi, np.asarray(iku.realisasi_terburuk, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        rasio = R / T
        maks = np.where(T < 0, (2 - rasio) * 100, rasio * 100)
        mins = np.where(T == 0, (W - R) / W * 100, np.where(T < 0, rasio * 100, (2 - rasio) * 100))
        deviasi = np.where(rasio <= 1, rasio * 100, 200 - rasio * 100)
        stab = _stabilize(deviasi, profil.skala_stabilize)
    mentah = np.where(pol == 0, maks, np.where(pol == 1, mins, stab))
    tanpa_w = dihitung & (pol == 1) & (T == 0) & ~(W > 0)
    target_nol = dihitung & (pol != 1) & (T == 0)
    penuh = dihitung & np.asarray(iku.konversi_120, dtype=bool) & (((pol == 0) & (R >= T)) | ((pol == 1) & (R <= T)))
    alasan[tanpa_w & ~penuh] = AlasanAbu.TANPA_REALISASI_TERBURUK.value
    alasan[target_nol & ~penuh] = AlasanAbu.TARGET_NOL.value
    nilai = dihitung & ~((tanpa_w | target_nol) & ~penuh)

    capaian = np.full(n, np.nan)
    pakai = nilai & ~penuh
    if pakai.any():
        jepit = np.minimum(np.maximum(mentah[pakai], profil.batas_bawah), profil.batas_atas)
        capaian[pakai] = _bulatkan(jepit, profil.desimal).astype(float)
    capaian[penuh] = profil.batas_atas

    status = np.where(capaian >= profil.batas_hijau, Status.HIJAU.value,
                      np.where(capaian >= profil.batas_kuning, Status.KUNING.value, Status.MERAH.value)).astype(object)
    status[~nilai] = Status.ABU_ABU.value
    return SkorKolom(target, realisasi, capaian, status, alasan)


def nko_kolom(capaian: np.ndarray, bobot: np.ndarray, perspektif: np.ndarray, kelompok: np.ndarray,
              profil: ProfilAturan = KEMENKEU) -> dict[object, float | None]:
    """The NKO of each group (e.g. each unit) from its IKU's capaian, as ``nko.hitung_nko`` computes it.

    ``perspektif`` holds ``Perspektif`` members. Grey IKU (capaian NaN) and IKU without bobot are left out;
    a group with none left has NKO None.
    One pass in IKU order, with the reference's operations in its order, so the values are equal.

    >>> nko_kolom(np.array([120.0, 90.0, np.nan]), np.array([30.0, 70.0, 10.0]),
    ...           np.array(["Customer"] * 3), np.array(["BTP"] * 3))
    {'BTP': 99.0}
    """
    isi: dict[object, dict[object, list[tuple[float, float]]]] = {}
    for c, b, p, k in zip(capaian.tolist(), bobot.tolist(), perspektif.tolist(), kelompok.tolist()):
        per_perspektif = isi.setdefault(k, {})
        if c == c and b > 0:  # not NaN: a grey IKU does not count
            per_perspektif.setdefault(p, []).append((b, c))
    hasil: dict[object, float | None] = {}
    for k, per_perspektif in isi.items():
        skala = max((b for daftar in per_perspektif.values() for b, _ in daftar), default=1.0)
        pembilang = penyebut = 0.0
        for p, daftar in per_perspektif.items():
            bobot_iku = sum(b / skala for b, _ in daftar)
            n_p = sum(b / skala * c for b, c in daftar) / bobot_iku
            w_p = profil.bobot_perspektif.get(p, 0.0) if profil.bobot_perspektif else bobot_iku
            pembilang += w_p * n_p
            penyebut += w_p
        hasil[k] = bulatkan(pembilang / penyebut, profil.desimal) if penyebut > 0 else None
    return hasil
