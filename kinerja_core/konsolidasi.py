"""Year-to-date (s.d. triwulan) target and realisasi of one IKU.

Only quarters up to the chosen one that carry a target count. Their targets
and their realisasi are consolidated the same way: summed (revenue, counts),
averaged, or the last one taken (indices, levels).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

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


def pecahan(nilai: float | Fraction) -> Fraction:
    """The exact decimal a value is written as, as a fraction: 0.1 is 1/10, not the double nearest to it.

    >>> pecahan(0.1), pecahan(51.25), pecahan(-3)
    (Fraction(1, 10), Fraction(205, 4), Fraction(-3, 1))
    """
    if isinstance(nilai, (Fraction, int)):
        return Fraction(nilai)
    desimal = _desimal(float(nilai))
    if desimal is None:
        return Fraction(repr(float(nilai)))
    return Fraction(desimal[0], 10 ** desimal[1])


def _desimal(x: float) -> tuple[int, int] | None:
    """The decimal a double is written as (its shortest repr), as an integer and a count of decimals: x = m / 10^k.
    None for the forms with an exponent, infinity and NaN (read as fractions instead).

    >>> _desimal(51.25), _desimal(-0.1), _desimal(3.0), _desimal(1e-07)
    ((5125, 2), (-1, 1), (30, 1), None)
    """
    teks = float.__repr__(x)
    if "e" in teks or "n" in teks:
        return None
    utuh, _, pecah = teks.partition(".")
    return int(utuh + pecah), len(pecah)


def _pecahan_desimal(nilai: Sequence[float | Fraction], cara: Konsolidasi) -> tuple[int, int] | None:
    """The exact sum or average of values written as decimals, as integers (numerator, denominator): integers
    scaled to a common number of decimals add exactly, with no fraction reduced at each step. None when a value is
    not a plain decimal double (a Fraction, an exponent form, infinity); not for ``LAST``.

    >>> _pecahan_desimal([0.9, 1.2, 1.6], Konsolidasi.SUM), _pecahan_desimal([61.0, 50.0], Konsolidasi.AVERAGE)
    ((37, 10), (1110, 20))
    """
    bagian = []
    for x in nilai:
        d = _desimal(x) if isinstance(x, float) else None
        if d is None:
            return None
        bagian.append(d)
    k = max(d for _, d in bagian)
    pembilang = sum(m * 10 ** (k - d) for m, d in bagian)
    return pembilang, 10**k if cara is Konsolidasi.SUM else 10**k * len(nilai)


def konsolidasikan_tepat(nilai: Sequence[float | Fraction], cara: Konsolidasi) -> Fraction:
    """``konsolidasikan`` in exact (rational) arithmetic on the decimals the values are written as.

    >>> konsolidasikan_tepat([61.0, 50.0, 44.0], Konsolidasi.AVERAGE)
    Fraction(155, 3)
    """
    if not nilai:
        raise ValueError("tidak ada nilai untuk dikonsolidasikan")
    if cara is Konsolidasi.LAST:
        return pecahan(nilai[-1])
    desimal = _pecahan_desimal(nilai, cara)
    if desimal is not None:
        return Fraction(*desimal)
    jumlah = sum((pecahan(x) for x in nilai), Fraction(0))
    return jumlah if cara is Konsolidasi.SUM else jumlah / len(nilai)


def konsolidasikan(nilai: Sequence[float], cara: Konsolidasi) -> float:
    """Combine quarterly values into one year-to-date value: exactly, then the double nearest to it.

    >>> konsolidasikan([0.9, 1.2, 1.6], Konsolidasi.SUM)  # PNBP, Rp miliar
    3.7
    >>> konsolidasikan([95.0, 97.0], Konsolidasi.AVERAGE), konsolidasikan([4.1, 4.3], Konsolidasi.LAST)
    (96.0, 4.3)
    """
    if cara is Konsolidasi.LAST and nilai:
        return nilai[-1]
    if not all(math.isfinite(x) for x in nilai):  # no exact value to take (a projection that overflowed)
        return sum(nilai) if cara is Konsolidasi.SUM else sum(nilai) / len(nilai)
    desimal = _pecahan_desimal(nilai, cara) if nilai else None
    try:  # an integer quotient: Python rounds it to the nearest double, as float(Fraction) does, without reducing
        return desimal[0] / desimal[1] if desimal is not None else float(konsolidasikan_tepat(nilai, cara))
    except OverflowError:  # a sum beyond what a double holds: infinite, as float arithmetic would give it
        return math.inf if konsolidasikan_tepat(nilai, cara) > 0 else -math.inf


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
