"""Capaian of many IKU at once: whole columns (numpy) instead of one IKU at a time.

The scalar functions (``konsolidasi.sd_triwulan``, ``capaian.nilai_iku``) stay the readable reference;
this module computes the same year-to-date target and realisasi, capaian, status and reason for every
IKU of a ministry-year in a few array operations. The reference is exact (rational arithmetic on the
decimals the values are written as); here the year-to-date values are exact too (decimals of up to six
places summed as integers), the capaian is computed in floats, and the few IKU whose float result lies
within its error bound of a rounding half (103,125), or on an edge the formula jumps at (target 0, realisasi
equal to the target with ``konversi_120``), are recomputed exactly: in 64-bit integers where both year-to-date
values are integers over one denominator (values of a few decimals, most of a ministry's), else by the reference
itself. So the results are equal,
not merely close (``tests/core/test_kolom.py`` checks that on random IKU of every kind, half cents included).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import MAX_PREC, Context, Decimal, localcontext
from itertools import compress, pairwise
from typing import cast

import numpy as np

from kinerja_core.capaian import bulatkan, bulatkan_tepat, capaian_tepat
from kinerja_core.konsolidasi import konsolidasikan, konsolidasikan_tepat
from kinerja_core.model import AlasanAbu, Konsolidasi, Perspektif, Polaritas, Status
from kinerja_core.nko import nko_tepat
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


_bulatkan_satu = np.frompyfunc(bulatkan, 2, 1)


def _bulatkan(nilai: np.ndarray, desimal: int, lewati: np.ndarray | None = None) -> np.ndarray:
    """``capaian.bulatkan`` (half-up on the decimal the value is written as) on a column, with equal results.

    Away from a half, half-up and rounding to the nearest agree: n = round(|x| × 10^d) and n / 10^d, which
    IEEE division rounds to the double nearest to the decimal n·10^-d, as ``float(Decimal(...))`` does. A
    value within 10^-6 of a half (in units of the last decimal), or too large for that margin to hold, goes
    through ``bulatkan`` itself, unless ``lewati`` marks it (its caller works it out exactly another way).

    >>> _bulatkan(np.array([79.995, 99.994, 97.2999999, -2.5, 120.0]), 2).tolist()
    [80.0, 99.99, 97.3, -2.5, 120.0]
    """
    x = np.asarray(nilai, dtype=float)
    skala = 10.0 ** desimal
    besar = np.abs(x) * skala
    n = np.floor(besar + 0.5)
    hasil: np.ndarray = np.copysign(n, x) / skala
    ragu = (np.abs(besar - np.floor(besar) - 0.5) < 1e-6) | ~(besar < 1e8)  # a half, or beyond the margin
    if lewati is not None:
        ragu &= ~lewati
    if ragu.any():
        hasil[ragu] = _bulatkan_satu(x[ragu], desimal).astype(float)
    return hasil


_LAMPU = np.array([Status.MERAH.value, Status.KUNING.value, Status.HIJAU.value, Status.ABU_ABU.value], dtype=object)
_KONSOLIDASI = {v: k for k, v in KODE_KONSOLIDASI.items()}
_POLARITAS = {v: k for k, v in KODE_POLARITAS.items()}


def _terakhir(nilai: np.ndarray, terukur: np.ndarray) -> np.ndarray:
    """Per row, the value of its latest measured quarter (NaN when none is measured)."""
    terakhir = np.full(len(nilai), np.nan)
    for q in range(nilai.shape[1]):
        terakhir = np.where(terukur[:, q], nilai[:, q], terakhir)
    return terakhir


@dataclass(frozen=True)
class _SdKolom:
    """Year-to-date values of a column of IKU: the doubles, and where they are exact integers over a power of ten,
    that integer (``bilangan``) and the power (``desimal``; −1 where not): a sum is ``bilangan`` / 10^desimal,
    an average the same over the count of quarters, the last value its own."""

    nilai: np.ndarray
    bilangan: np.ndarray
    desimal: np.ndarray


def _konsolidasikan(nilai: np.ndarray, terukur: np.ndarray, cara: np.ndarray) -> _SdKolom:
    """``konsolidasi.konsolidasikan`` per row over the measured quarters: the double nearest to the exact value.

    A value of at most k decimals (k = 6, 3 or 0) below 2^30, 2^40 or 2^50 is the integer m = x × 10^k exactly
    (x is the double nearest to m / 10^k, and no other such decimal is, its spacing being finer than 10^-k), so a
    sum or an average of a row's values is an integer sum (below 2^53), divided once: IEEE division rounds to
    nearest, as ``float(Fraction)`` does. Other rows are summed as decimals (``_konsolidasikan_desimal``); a LAST
    row is its latest value, whatever it is.

    >>> sd = _konsolidasikan(np.array([[0.9, 1.2, 1.6], [61.0, 50.0, 44.0]]), np.ones((2, 3), bool), np.array([0, 1]))
    >>> sd.nilai, sd.bilangan, sd.desimal
    (array([ 3.7       , 51.66666667]), array([  3700000, 155000000]), array([6, 6]))
    """
    terakhir = _terakhir(nilai, terukur)
    n = terukur.sum(axis=1)
    akhir = cara == 2
    # the integers of a LAST row are its latest measured value's alone
    x, ukur = np.where(terukur, nilai, 0.0), terukur.copy()
    x[akhir], ukur[akhir] = 0.0, False
    if nilai.shape[1]:
        x[akhir, 0], ukur[akhir, 0] = terakhir[akhir], True
    hasil = terakhir.copy()
    bilangan = np.zeros(len(nilai), dtype=np.int64)
    desimal = np.full(len(nilai), -1, dtype=np.int64)
    sisa = np.flatnonzero(n > 0)  # the rows still to take, fewer at each scale (a ministry's: nearly all at the first)
    for k, batas in ((6, 2.0**30), (3, 2.0**40), (0, 2.0**50)):
        if not len(sisa):
            break
        skala = 10.0**k
        xs, us = (x, ukur) if len(sisa) == len(x) else (x[sisa], ukur[sisa])
        with np.errstate(invalid="ignore", over="ignore"):
            m = np.rint(xs * skala)
            bersih = (((m / skala == xs) & (np.abs(xs) < batas)) | ~us).all(axis=1)
            # integers below 2^50, four at most: their sum in doubles is exact
            jumlah_m = np.where(us, m, 0.0).sum(axis=1)
        if not bersih.any():
            continue
        baris = sisa[bersih]
        bilangan[baris] = jumlah_m[bersih].astype(np.int64)
        desimal[baris] = k
        jumlah = bilangan[baris].astype(float)
        cara_b = cara[baris]
        hasil[baris] = np.where(cara_b == 0, jumlah / skala,
                                np.where(cara_b == 1, jumlah / (n[baris] * skala), hasil[baris]))
        sisa = sisa[~bersih]
    lain = sisa[~akhir[sisa]]
    if len(lain):
        hasil[lain] = _konsolidasikan_desimal(nilai[lain], terukur[lain], cara[lain])
    return _SdKolom(hasil, bilangan, desimal)


_NOL = Decimal(0)


def _konsolidasikan_desimal(nilai: np.ndarray, terukur: np.ndarray, cara: np.ndarray) -> np.ndarray:
    """``konsolidasi.konsolidasikan`` of rows (SUM or AVERAGE) whose values are not all decimals of a few places, as
    a quarter the prognosis fills is (2,0 × 0,9375…): each value's decimal (its shortest repr) summed exactly in
    ``decimal`` arithmetic, then the double nearest to the sum, or to the average (an integer quotient, which Python
    rounds to nearest). A row with a value that is not finite takes the reference.

    >>> _konsolidasikan_desimal(np.array([[1.5, 1.7250000000000001, 0.1]]), np.array([[True, True, False]]),
    ...                         np.array([1])).tolist()
    [1.6125]
    """
    hasil = np.empty(len(nilai))
    with localcontext(Context(prec=MAX_PREC)):  # a sum in as many digits as it takes: exact
        for i, (baris, ukur, c) in enumerate(zip(nilai.tolist(), terukur.tolist(), cara.tolist())):
            x = list(compress(baris, ukur))
            if all(map(math.isfinite, x)):
                jumlah = sum(map(Decimal, map(float.__repr__, x)), _NOL)
                if c == 0:
                    hasil[i] = float(jumlah)  # beyond a double: infinite, as the reference gives it
                    continue
                p, q = jumlah.as_integer_ratio()
                hasil[i] = p / (q * len(x))  # an average of doubles is within their range
            else:
                hasil[i] = konsolidasikan(x, _KONSOLIDASI[c])
    return hasil


def _per_nilai_beda(nilai: np.ndarray, f: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """``f(nilai)`` with ``f`` run once per distinct value (told apart by its bits, so -0.0 is not 0.0): a
    ministry's targets repeat.

    >>> _per_nilai_beda(np.array([1.5, -0.0, 1.5]), np.negative).tolist()
    [-1.5, 0.0, -1.5]
    """
    bit = np.ascontiguousarray(nilai, dtype=float).view(np.int64)
    unik, kode = np.unique(bit, return_inverse=True)
    return f(unik.view(np.float64))[kode.ravel()]


def _stabilize(indeks: np.ndarray, skala: tuple[tuple[float, float], ...]) -> np.ndarray:
    """``capaian.konversi_stabilize`` on a column: the same expression per segment, the ends held."""
    (x0, y0), (xn, yn) = skala[0], skala[-1]
    hasil = np.where(indeks <= x0, float(y0), float(yn))
    for (xa, ya), (xb, yb) in reversed(list(pairwise(skala))):  # the first matching segment wins
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
    sd_t = _konsolidasikan(target_q, terukur, cara)
    sd_r = _konsolidasikan(np.where(np.isnan(realisasi_q), 0.0, realisasi_q), terukur, cara)
    target = np.where(ada_ukur, sd_t.nilai, np.nan)
    realisasi = np.where(ada_ukur & lengkap, sd_r.nilai, np.nan)

    alasan = np.full(n, None, dtype=object)
    alasan[~ada_ukur] = AlasanAbu.BELUM_DIUKUR.value
    alasan[ada_ukur & ~lengkap] = AlasanAbu.REALISASI_BELUM_ADA.value
    dihitung = ada_ukur & lengkap

    pol = np.asarray(iku.polaritas)
    T, R, W = target, realisasi, np.asarray(iku.realisasi_terburuk, dtype=float)
    mentah, rasio = _rumus(T, R, W, pol, profil)
    tanpa_w = dihitung & (pol == 1) & (T == 0) & ~(W > 0)
    target_nol = dihitung & (pol != 1) & (T == 0)
    penuh = dihitung & np.asarray(iku.konversi_120, dtype=bool) & (((pol == 0) & (R >= T)) | ((pol == 1) & (R <= T)))
    alasan[tanpa_w & ~penuh] = AlasanAbu.TANPA_REALISASI_TERBURUK.value
    alasan[target_nol & ~penuh] = AlasanAbu.TARGET_NOL.value
    nilai = dihitung & ~((tanpa_w | target_nol) & ~penuh)

    capaian = np.full(n, np.nan)
    pakai = nilai & ~penuh
    ragu = np.zeros(n, dtype=bool)
    ada_tepat = np.isfinite(T) & np.isfinite(R) & ~np.isinf(W)  # else no exact value to take: the float result stands
    if pakai.any():
        jepit = np.minimum(np.maximum(mentah[pakai], profil.batas_bawah), profil.batas_atas)
        galat = _galat(rasio[pakai], R[pakai], W[pakai], (pol == 1)[pakai] & (T[pakai] == 0), profil)
        ragu[pakai] = ada_tepat[pakai] & _dekat_setengah(jepit, galat, profil.desimal)
        capaian[pakai] = _bulatkan(jepit, profil.desimal, lewati=ragu[pakai])  # those are worked out exactly below
    capaian[penuh] = profil.batas_atas
    # where the float formula may differ from the exact one: a result within its error of a half, and the
    # edges the formula jumps at (realisasi equal to the target under konversi_120; a target that is 0)
    # (a double of 0 is an exact 0 unless the measured targets underflow to it)
    with np.errstate(invalid="ignore"):
        nol_semu = (T == 0) & (np.abs(np.where(terukur, target_q, 0.0)).max(axis=1, initial=0.0) > 0)
    ragu |= dihitung & ((np.asarray(iku.konversi_120, dtype=bool) & (R == T)) | nol_semu)
    ragu &= ada_tepat
    # a half taken in integers where both year-to-date values are integers over one denominator (most are)
    bulat = (ragu & pakai & (sd_t.desimal >= 0) & (sd_t.desimal == sd_r.desimal) & (pol != 2) & (sd_t.bilangan != 0)
             & ~(np.asarray(iku.konversi_120, dtype=bool) & (R == T)))
    bulat[bulat] = _muat_bulat(sd_t.bilangan[bulat], sd_r.bilangan[bulat], profil)
    if bulat.any():
        capaian[bulat] = _capaian_bulat(sd_r.bilangan[bulat], sd_t.bilangan[bulat], pol[bulat], profil)
        ragu &= ~bulat
    for i in np.flatnonzero(ragu).tolist():
        ukur = terukur[i]
        cara_i = _KONSOLIDASI[int(cara[i])]
        t = konsolidasikan_tepat(target_q[i][ukur].tolist(), cara_i)
        r = konsolidasikan_tepat(realisasi_q[i][ukur].tolist(), cara_i)
        w = None if np.isnan(W[i]) else float(W[i])
        c = capaian_tepat(r, t, _POLARITAS[int(pol[i])], konversi_120=bool(iku.konversi_120[i]),
                          realisasi_terburuk=w, profil=profil)
        capaian[i] = np.nan if c.nilai is None else c.nilai
        alasan[i] = None if c.alasan is None else c.alasan.value
        nilai[i] = c.nilai is not None

    with np.errstate(invalid="ignore"):  # a light per row: the step it reaches, one word object per light
        langkah = (capaian >= profil.batas_kuning).astype(np.intp) + (capaian >= profil.batas_hijau)
    status = _LAMPU[np.where(nilai, langkah, 3)]
    return SkorKolom(target, realisasi, capaian, status, alasan)


def _rumus(T: np.ndarray, R: np.ndarray, W: np.ndarray, pol: np.ndarray,
           profil: ProfilAturan) -> tuple[np.ndarray, np.ndarray]:
    """The capaian formula of every polarity on columns, in floats, before the clamp; and R / T."""
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        rasio = R / T
        maks = np.where(T < 0, (2 - rasio) * 100, rasio * 100)
        mins = np.where(T == 0, (W - R) / W * 100, np.where(T < 0, rasio * 100, (2 - rasio) * 100))
        deviasi = np.where(rasio <= 1, rasio * 100, 200 - rasio * 100)
        stab = _stabilize(deviasi, profil.skala_stabilize)
    return np.where(pol == 0, maks, np.where(pol == 1, mins, stab)), rasio


def pasti_setidaknya(iku: KolomIku, triwulan: int, batas: float, profil: ProfilAturan = KEMENKEU) -> np.ndarray:
    """Per IKU, whether its capaian through ``triwulan`` is certainly ``batas`` or more (a light's threshold), told
    from floats alone: a screen, so that ``nilai_kolom``'s exact work is spent only on the IKU it cannot settle
    (the Ringkasan's warnings: of a ministry's 67,000 IKU hijau today, the 7,000 that may not end the year so).

    False wherever floats cannot tell: within a rounding step (and far more than their error) of ``batas``, on an
    edge the formula jumps at (realisasi and target within 10^-9 of each other under ``konversi_120``, a target
    near 0 against its quarters), grey, not finite.

    A service time (minimize, target 10 days) at 8, 10 and 11 days; PNBP of 12 against 10 (maximize):

    >>> nan = np.nan
    >>> iku = KolomIku(np.array([1, 1, 1, 0]), np.zeros(4, int), np.array([[10.0, nan, nan, nan]] * 4),
    ...                np.array([[8.0, nan, nan, nan], [10.0, nan, nan, nan], [11.0, nan, nan, nan],
    ...                          [12.0, nan, nan, nan]]), np.zeros(4, bool), np.full(4, nan))
    >>> pasti_setidaknya(iku, 1, 100.0).tolist()  # 10 days is exactly 100: a rounding step away, not certain
    [True, False, False, True]
    """
    target_q = np.asarray(iku.target, dtype=float)[:, :triwulan]
    realisasi_q = np.asarray(iku.realisasi, dtype=float)[:, :triwulan]
    terukur = ~np.isnan(target_q)
    n = terukur.sum(axis=1)
    cara = np.asarray(iku.konsolidasi)
    lengkap = ~(terukur & np.isnan(realisasi_q)).any(axis=1)

    def sd(x: np.ndarray) -> np.ndarray:  # sum, average or last of the measured quarters, in floats
        with np.errstate(invalid="ignore", divide="ignore"):
            jumlah = np.where(terukur, x, 0.0).sum(axis=1)
            return np.where(cara == 0, jumlah, np.where(cara == 1, jumlah / n, _terakhir(x, terukur)))

    T, R = sd(target_q), sd(realisasi_q)
    W, pol = np.asarray(iku.realisasi_terburuk, dtype=float), np.asarray(iku.polaritas)
    mentah, _ = _rumus(T, R, W, pol, profil)
    k120 = np.asarray(iku.konversi_120, dtype=bool)
    with np.errstate(invalid="ignore", over="ignore"):
        penuh = k120 & (((pol == 0) & (R >= T)) | ((pol == 1) & (R <= T)))
        jepit = np.minimum(np.maximum(mentah, profil.batas_bawah), profil.batas_atas)
        nilai = np.where(penuh, profil.batas_atas, jepit)
        besar_t = np.abs(np.where(terukur, target_q, 0.0)).max(axis=1, initial=0.0)
        tepi = ((k120 & ~(np.abs(R - T) > 1e-9 * np.maximum(np.abs(R), np.abs(T))))
                | ~(np.abs(T) > 1e-9 * besar_t))
        pasti: np.ndarray = ((n > 0) & lengkap & np.isfinite(T) & np.isfinite(R) & ~tepi
                             & (nilai >= batas + 10.0**-profil.desimal + 1e-9 * max(1.0, abs(batas))))
    return pasti


def _muat_bulat(a_t: np.ndarray, a_r: np.ndarray, profil: ProfilAturan) -> np.ndarray:
    """Whether ``_capaian_bulat`` can take these rows in 64-bit integers: a profile whose floor and cap are whole
    numbers, and values small enough that no product overflows."""
    bawah, atas, d = profil.batas_bawah, profil.batas_atas, profil.desimal
    if not (float(bawah).is_integer() and float(atas).is_integer() and 0 <= d <= 15):
        return np.zeros(len(a_t), dtype=bool)
    kali = 2 * (300 + max(abs(bawah), abs(atas))) * 10.0**d + 1
    muat: np.ndarray = np.maximum(np.abs(a_t), np.abs(a_r)).astype(float) * kali < 2.0**62
    return muat


def _capaian_bulat(a_r: np.ndarray, a_t: np.ndarray, pol: np.ndarray, profil: ProfilAturan) -> np.ndarray:
    """``capaian_tepat`` of maximize and minimize IKU whose year-to-date realisasi and target are a_r / D and a_t / D
    (one denominator D, a_t ≠ 0), in integers: R / T is a_r / a_t, the formula a fraction p / q, the clamp and the
    half-up rounding (away from zero) integer comparisons and one floor division.

    Realisasi 8,1935 of a target of 10 (maximize): 81,935 % exactly, a half, rounded up:

    >>> _capaian_bulat(np.array([81935]), np.array([100000]), np.array([0]), KEMENKEU).tolist()
    [81.94]
    """
    tanda = np.sign(a_t)
    q, r = np.abs(a_t), tanda * a_r  # R / T = r / q, q > 0
    dua_kurang = ((pol == 0) & (tanda < 0)) | ((pol == 1) & (tanda > 0))  # (2 − R/T) × 100, else R/T × 100
    p = np.where(dua_kurang, 200 * q - 100 * r, 100 * r)
    skala = 10**profil.desimal
    n = (2 * np.abs(p) * skala + q) // (2 * q)
    nilai: np.ndarray = np.where(p < 0, -n, n).astype(float) / skala
    bawah, atas = int(profil.batas_bawah), int(profil.batas_atas)
    return np.where(p < bawah * q, float(bawah), np.where(p > atas * q, float(atas), nilai))


def _galat(rasio: np.ndarray, realisasi: np.ndarray, terburuk: np.ndarray, pakai_terburuk: np.ndarray,
           profil: ProfilAturan) -> np.ndarray:
    """A generous bound on how far the float capaian (before rounding) can be from the exact one.

    T and R are the doubles nearest to their exact values, so R / T is within a few units of the last place;
    the formula multiplies that by 100 and the stabilize scale by at most its steepest slope.
    """
    titik = profil.skala_stabilize
    curam = max([1.0] + [abs((yb - ya) / (xb - xa)) for (xa, ya), (xb, yb) in pairwise(titik)])
    besar = max(abs(v) for p in titik for v in p)
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        dari_rasio = (np.abs(rasio) + 2) * 100 * curam
        dari_terburuk = (np.abs(realisasi / terburuk) + 2) * 100
        galat: np.ndarray = 1e-12 * (np.where(pakai_terburuk, dari_terburuk, dari_rasio) + besar * curam + 200)
        return galat


def _dekat_setengah(nilai: np.ndarray, galat: np.ndarray, desimal: int) -> np.ndarray:
    """Whether a value may lie, within ``galat``, on the other side of a rounding half (or is not finite)."""
    with np.errstate(invalid="ignore", over="ignore"):
        besar = np.abs(nilai) * 10.0**desimal
        jarak = np.abs(besar - np.floor(besar) - 0.5)
        dekat: np.ndarray = ~(jarak > galat * 10.0**desimal + 1e-6) | ~np.isfinite(galat)
        return dekat


def nko_kolom(capaian: np.ndarray, bobot: np.ndarray, perspektif: np.ndarray, kelompok: np.ndarray,
              profil: ProfilAturan = KEMENKEU) -> dict[object, float | None]:
    """The NKO of each group (e.g. each unit) from its IKU's capaian, as ``nko.hitung_nko`` computes it.

    ``perspektif`` holds ``Perspektif`` members. Grey IKU (capaian NaN) and IKU without bobot are left out;
    a group with none left has NKO None.
    Whole columns at once, with the reference's additions in its order, so the values are equal.

    >>> nko_kolom(np.array([120.0, 90.0, np.nan]), np.array([30.0, 70.0, 10.0]),
    ...           np.array(["Customer"] * 3), np.array(["BTP"] * 3))
    {'BTP': 99.0}
    """
    t = _timbangan(capaian, bobot, perspektif, kelompok, profil)
    n_p = np.bincount(t.pi, weights=t.relatif * t.c, minlength=len(t.bobot_iku)) / t.bobot_iku
    pembilang = np.bincount(t.kelompok_pasangan, weights=t.w_p * n_p, minlength=len(t.label))
    penyebut = np.bincount(t.kelompok_pasangan, weights=t.w_p, minlength=len(t.label))
    ada = penyebut > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        mentah = np.where(ada, pembilang / np.where(ada, penyebut, 1.0), 0.0)
    nilai = _bulatkan(mentah, profil.desimal)
    # a float NKO within reach of a rounding half is computed again exactly, as the reference does
    ragu = np.flatnonzero(ada & _dekat_setengah(mentah, np.abs(mentah) * 1e-12, profil.desimal))
    if len(ragu):
        nilai = nilai.astype(float)
        gi_semua = np.full(len(t.dihitung), -1, dtype=np.intp)
        gi_semua[t.dihitung] = t.gi
        c, b, p = np.asarray(capaian, dtype=float), np.asarray(bobot, dtype=float), np.asarray(perspektif, dtype=object)
        for g in ragu.tolist():
            baris = np.flatnonzero(gi_semua == g)
            tepat = nko_tepat(list(zip(c[baris].tolist(), b[baris].tolist(), p[baris].tolist())), profil)
            nilai[g] = bulatkan_tepat(tepat, profil.desimal) if tepat is not None else np.nan
    return {k: float(v) if a else None for k, v, a in zip(t.label, nilai.tolist(), ada.tolist())}


def bagian_kolom(capaian: np.ndarray, bobot: np.ndarray, perspektif: np.ndarray, kelompok: np.ndarray,
                 profil: ProfilAturan = KEMENKEU) -> np.ndarray:
    """Each IKU's share of its group's NKO (NaN when grey), whole columns at once: the weight ``nko.biaya_nko``
    multiplies by (100 − capaian) to give the NKO points the IKU costs.

    >>> bagian_kolom(np.array([120.0, 90.0, np.nan]), np.array([30.0, 70.0, 10.0]),
    ...              np.array(["Customer"] * 3), np.array(["BTP"] * 3)).round(2).tolist()
    [0.3, 0.7, nan]
    """
    t = _timbangan(capaian, bobot, perspektif, kelompok, profil)
    penyebut = np.bincount(t.kelompok_pasangan, weights=t.w_p, minlength=len(t.label))
    hasil = np.full(len(t.dihitung), np.nan)
    hasil[t.dihitung] = t.w_p[t.pi] / penyebut[t.gi] * t.relatif / t.bobot_iku[t.pi]
    return hasil


@dataclass(frozen=True)
class _Timbangan:
    """How the IKU of each group weigh in its NKO (the computable ones: ``dihitung``)."""

    label: list[object]
    dihitung: np.ndarray
    gi: np.ndarray
    c: np.ndarray
    pi: np.ndarray
    relatif: np.ndarray
    bobot_iku: np.ndarray
    w_p: np.ndarray
    kelompok_pasangan: np.ndarray


def _timbangan(capaian: np.ndarray, bobot: np.ndarray, perspektif: np.ndarray, kelompok: np.ndarray,
               profil: ProfilAturan) -> _Timbangan:
    label, gi = _nomori(np.asarray(kelompok))
    n_kelompok = len(label)
    c, b = np.asarray(capaian, dtype=float), np.asarray(bobot, dtype=float)
    with np.errstate(invalid="ignore"):
        dihitung = ~np.isnan(c) & (b > 0)  # a grey IKU (and one without bobot) does not count
    gi, c, b = gi[dihitung], c[dihitung], b[dihitung]
    anggota, pk = _nomori(np.asarray(perspektif, dtype=object)[dihitung])
    # bobot are normalised per group, so dividing by the largest changes nothing but keeps huge bobot finite
    skala = np.full(n_kelompok, -np.inf)
    np.maximum.at(skala, gi, b)
    skala[np.isinf(skala)] = 1.0
    # (group, perspective) pairs numbered in order of first appearance, as the reference's dicts fill
    n_anggota = max(len(anggota), 1)
    pasangan, pi = _nomori(gi * n_anggota + pk)
    # np.bincount adds in index order: the same sequence of additions as the reference's sums
    relatif = b / skala[gi]
    bobot_iku = np.bincount(pi, weights=relatif, minlength=len(pasangan))
    w_p: np.ndarray
    if profil.bobot_perspektif:
        nomor_pasangan = cast("list[int]", pasangan)  # numbers in, numbers out (_nomori)
        perspektif_pasangan = cast("list[Perspektif]", anggota)
        w_p = np.array([profil.bobot_perspektif.get(perspektif_pasangan[x % n_anggota], 0.0) for x in nomor_pasangan],
                       dtype=float)
    else:
        w_p = bobot_iku
    return _Timbangan(label, dihitung, gi, c, pi, relatif, bobot_iku, w_p,
                      np.array(pasangan, dtype=np.intp) // n_anggota)


def _nomori(nilai: np.ndarray) -> tuple[list[object], np.ndarray]:
    """The distinct values in order of first appearance, and each element's number among them.

    >>> _nomori(np.array(["KPPBCBOGOR", "KWBCJABAR", "KPPBCBOGOR"], dtype=object))
    (['KPPBCBOGOR', 'KWBCJABAR'], array([0, 1, 0]))
    >>> from kinerja_core.model import Perspektif
    >>> _nomori(np.array([Perspektif.CUSTOMER, Perspektif.STAKEHOLDER, Perspektif.CUSTOMER], dtype=object))[1]
    array([0, 1, 0])
    """
    if nilai.dtype.kind in "iu":  # numbers: sorted by numpy, then put back in order of appearance
        unik, awal, nomor = np.unique(nilai, return_index=True, return_inverse=True)
        urut = np.argsort(awal, kind="stable")
        peringkat = np.empty(len(urut), dtype=np.intp)
        peringkat[urut] = np.arange(len(urut))
        return unik[urut].tolist(), peringkat[nomor.reshape(-1)].astype(np.intp)
    beda = set(nilai.tolist())
    if len(beda) <= 16:  # a few values (the perspectives): one comparison per value, not per element
        sama: dict[object, np.ndarray] = {}
        for v in beda:
            skalar = np.empty((), dtype=object)  # compared as an object: numpy would read a str Enum as text
            skalar[()] = v
            sama[v] = nilai == skalar
        muncul = sorted(((int(np.argmax(sama[v])), i) for i, v in enumerate(beda)))
        urutan: list[object] = [list(beda)[i] for _, i in muncul]
        nomor = np.zeros(len(nilai), dtype=np.intp)
        for i, v in enumerate(urutan):
            nomor[sama[v]] = i
        return urutan, nomor
    kode: dict[object, int] = {}
    nomor = np.array([kode.setdefault(k, len(kode)) for k in nilai.tolist()], dtype=np.intp)
    return list(kode), nomor
