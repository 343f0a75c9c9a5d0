"""Capaian (achievement index, percent) of an IKU and its traffic light.

The formulas are the product's contract (``shared/DOMAIN.md``), after
KMK 467/KMK.01/2014. Decisions on the edges:

* Capaian is clamped to the profile's [floor, cap] and rounded half-up to the
  profile's decimals (2). The status is decided on that rounded value, so a
  table never shows "100,00" beside a yellow light.
* Target 0: maximize and stabilize are not computable (grey, with the reason);
  minimize uses the worst plausible realisasi W: (W − R) / W × 100.
* Negative targets keep the direction of the polarity: maximize uses
  (2 − R/T) × 100, minimize mirrors it to R/T × 100 so that a lower realisasi
  still scores higher; stabilize measures the ratio's distance from 1.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise

from kinerja_core.konsolidasi import NilaiSdTriwulan, konsolidasikan_tepat, pecahan, sd_triwulan
from kinerja_core.model import AlasanAbu, Iku, Polaritas, Status
from kinerja_core.profil import KEMENKEU, ProfilAturan


@dataclass(frozen=True)
class Capaian:
    """A capaian value with its status, or grey with the reason it is missing."""

    nilai: float | None
    status: Status
    alasan: AlasanAbu | None = None


def bulatkan(nilai: float, desimal: int = 2) -> float:
    """Round half-up, as people round by hand (79.995 → 80.0, not 79.99).

    >>> bulatkan(79.995), bulatkan(99.994)
    (80.0, 99.99)
    """
    return float(Decimal(repr(nilai)).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP))


def bulatkan_tepat(nilai: Fraction, desimal: int = 2) -> float:
    """Round an exact value half-up (away from zero) to ``desimal`` decimals; the double nearest to the result.

    >>> bulatkan_tepat(Fraction(825, 8)), bulatkan_tepat(Fraction(-5, 1000)), bulatkan_tepat(Fraction(1, 3))
    (103.13, -0.01, 0.33)
    """
    skala = 10**desimal
    n = math.floor(abs(nilai) * skala + Fraction(1, 2))
    return float(Fraction(n if nilai >= 0 else -n, skala))


def konversi_stabilize(indeks: float, skala: Sequence[tuple[float, float]]) -> float:
    """Piecewise-linear conversion of a stabilize deviation index through ``skala``.

    Below the first point the first y holds, above the last point the last y.
    Default Kemenkeu points 0→0, 90→100, 100→120:

    >>> skala = ((0, 0), (90, 100), (100, 120))
    >>> konversi_stabilize(95, skala), konversi_stabilize(45, skala), konversi_stabilize(-5, skala)
    (110.0, 50.0, 0.0)
    """
    if isinstance(indeks, Fraction):  # the exact path: the scale's points as the decimals they are written as
        skala = tuple((pecahan(x), pecahan(y)) for x, y in skala)
    (x0, y0), (xn, yn) = skala[0], skala[-1]
    if indeks <= x0:
        return y0 if isinstance(indeks, Fraction) else float(y0)
    if indeks >= xn:
        return yn if isinstance(indeks, Fraction) else float(yn)
    for (xa, ya), (xb, yb) in pairwise(skala):
        if xa <= indeks <= xb:
            return ya + (yb - ya) * (indeks - xa) / (xb - xa)
    raise AssertionError("unreachable: skala is sorted")


def status_capaian(nilai: float | None, profil: ProfilAturan = KEMENKEU) -> Status:
    """Traffic light of a capaian (or NKO) value: None is abu-abu.

    >>> [status_capaian(v).value for v in (100, 99.99, 80, 79.99, None)]
    ['hijau', 'kuning', 'kuning', 'merah', 'abu-abu']
    """
    if nilai is None:
        return Status.ABU_ABU
    if nilai >= profil.batas_hijau:
        return Status.HIJAU
    if nilai >= profil.batas_kuning:
        return Status.KUNING
    return Status.MERAH


def _indeks_mentah(
    realisasi: float,
    target: float,
    polaritas: Polaritas,
    realisasi_terburuk: float | None,
    profil: ProfilAturan,
) -> float | AlasanAbu:
    """Capaian before the clamp, or the reason it cannot be computed (exact when given ``Fraction``s)."""
    if polaritas is Polaritas.MINIMIZE:
        if target == 0:
            if realisasi_terburuk is None or realisasi_terburuk <= 0:
                return AlasanAbu.TANPA_REALISASI_TERBURUK
            return (realisasi_terburuk - realisasi) / realisasi_terburuk * 100
        rasio = realisasi / target
        return rasio * 100 if target < 0 else (2 - rasio) * 100
    if target == 0:
        return AlasanAbu.TARGET_NOL
    rasio = realisasi / target
    if polaritas is Polaritas.MAXIMIZE:
        return (2 - rasio) * 100 if target < 0 else rasio * 100
    deviasi = rasio * 100 if rasio <= 1 else 200 - rasio * 100
    return konversi_stabilize(deviasi, profil.skala_stabilize)


def hitung_capaian(
    realisasi: float,
    target: float,
    polaritas: Polaritas,
    *,
    konversi_120: bool = False,
    realisasi_terburuk: float | None = None,
    profil: ProfilAturan = KEMENKEU,
) -> Capaian:
    """Capaian of a realisasi against its target, clamped, rounded, with status.

    A minimize IKU — service time, target 10 days, realisasi 8 days:

    >>> hitung_capaian(8, 10, Polaritas.MINIMIZE)
    Capaian(nilai=120.0, status=<Status.HIJAU: 'hijau'>, alasan=None)
    >>> hitung_capaian(85, 90.9, Polaritas.MAXIMIZE).nilai  # Indeks Kepuasan Mitra
    93.51

    Computed in exact (rational) arithmetic on the decimals the numbers are written as, so a value ending on
    a half cent rounds up as by hand (``capaian_tepat``).
    """
    return capaian_tepat(pecahan(realisasi), pecahan(target), polaritas, konversi_120=konversi_120,
                         realisasi_terburuk=realisasi_terburuk, profil=profil)


def capaian_tepat(
    realisasi: Fraction,
    target: Fraction,
    polaritas: Polaritas,
    *,
    konversi_120: bool = False,
    realisasi_terburuk: float | None = None,
    profil: ProfilAturan = KEMENKEU,
) -> Capaian:
    """``hitung_capaian`` on exact values: the formula, the clamp and the half-up rounding all exact.

    A minimize / average IKU, targets 55; 55; 50 and realisasi 61; 50; 44: (2 − 155/3 ÷ 160/3) × 100 = 103,125:

    >>> capaian_tepat(Fraction(155, 3), Fraction(160, 3), Polaritas.MINIMIZE).nilai
    103.13
    """
    if konversi_120 and (
        (polaritas is Polaritas.MAXIMIZE and realisasi >= target)
        or (polaritas is Polaritas.MINIMIZE and realisasi <= target)
    ):
        return Capaian(profil.batas_atas, status_capaian(profil.batas_atas, profil))
    w = None if realisasi_terburuk is None else pecahan(realisasi_terburuk)
    mentah = _indeks_mentah(realisasi, target, polaritas, w, profil)  # type: ignore[arg-type]
    if isinstance(mentah, AlasanAbu):
        return Capaian(None, Status.ABU_ABU, mentah)
    jepit = min(max(mentah, pecahan(profil.batas_bawah)), pecahan(profil.batas_atas))
    nilai = bulatkan_tepat(jepit, profil.desimal)  # type: ignore[arg-type]
    return Capaian(nilai, status_capaian(nilai, profil))


def hitung_capaian_float(realisasi: float, target: float, iku: Iku, profil: ProfilAturan = KEMENKEU) -> Capaian:
    """The capaian in floats, for values with no exact decimal (infinite): the same formula, clamp and rounding."""
    if iku.konversi_120 and ((iku.polaritas is Polaritas.MAXIMIZE and realisasi >= target)
                             or (iku.polaritas is Polaritas.MINIMIZE and realisasi <= target)):
        return Capaian(profil.batas_atas, status_capaian(profil.batas_atas, profil))
    mentah = _indeks_mentah(realisasi, target, iku.polaritas, iku.realisasi_terburuk, profil)
    if isinstance(mentah, AlasanAbu):
        return Capaian(None, Status.ABU_ABU, mentah)
    if math.isnan(mentah):
        return Capaian(None, Status.ABU_ABU, AlasanAbu.TARGET_NOL)
    nilai = bulatkan(min(max(mentah, profil.batas_bawah), profil.batas_atas), profil.desimal)
    return Capaian(nilai, status_capaian(nilai, profil))


def sd_triwulan_tepat(iku: Iku, realisasi: Sequence[float | None], triwulan: int) -> tuple[Fraction, Fraction] | None:
    """The exact year-to-date (target, realisasi) of ``iku`` through ``triwulan``, None when either is missing.

    >>> from kinerja_core.model import Konsolidasi
    >>> waktu = Iku("U", "X", "x", Polaritas.MINIMIZE, Konsolidasi.AVERAGE, 1, (55.0, 55.0, 50.0, None))
    >>> sd_triwulan_tepat(waktu, (61.0, 50.0, 44.0, None), 3)
    (Fraction(160, 3), Fraction(155, 3))
    """
    terukur = [q for q in iku.triwulan_terukur if q <= triwulan]
    nilai = [realisasi[q - 1] for q in terukur]
    if not terukur or any(r is None for r in nilai):
        return None
    return (konsolidasikan_tepat([iku.target[q - 1] for q in terukur], iku.konsolidasi),  # type: ignore[misc]
            konsolidasikan_tepat(nilai, iku.konsolidasi))  # type: ignore[arg-type]


@dataclass(frozen=True)
class HasilIku:
    """The score of one IKU through one quarter: year-to-date values and capaian."""

    iku: Iku
    sd_triwulan: NilaiSdTriwulan
    capaian: Capaian

    @property
    def status(self) -> Status:
        return self.capaian.status

    @property
    def alasan(self) -> AlasanAbu | None:
        return self.capaian.alasan


def nilai_iku(
    iku: Iku,
    realisasi: Sequence[float | None],
    triwulan: int,
    profil: ProfilAturan = KEMENKEU,
) -> HasilIku:
    """Score ``iku`` through ``triwulan`` from its four quarterly realisasi.

    The satisfaction survey of KPPBC Bogor runs only in TW IV, so in TW III it is grey:

    >>> from kinerja_core.model import Konsolidasi
    >>> survei = Iku("KPPBCBOGOR", "IKU-16", "Indeks Kepuasan Pengguna Jasa",
    ...              Polaritas.MAXIMIZE, Konsolidasi.LAST, bobot=5, target=(None, None, None, 4.25))
    >>> hasil = nilai_iku(survei, (None, None, None, None), 3)
    >>> hasil.status.value, hasil.alasan.value
    ('abu-abu', 'belum-diukur')
    """
    nilai = sd_triwulan(iku, realisasi, triwulan)
    if nilai.realisasi is None or nilai.target is None:
        return HasilIku(iku, nilai, Capaian(None, Status.ABU_ABU, nilai.alasan))
    if not (math.isfinite(nilai.realisasi) and math.isfinite(nilai.target)) or (
            iku.realisasi_terburuk is not None and not math.isfinite(iku.realisasi_terburuk)):
        # no exact value to take (a projection that overflowed): the float formula
        return HasilIku(iku, nilai, hitung_capaian_float(nilai.realisasi, nilai.target, iku, profil))
    tepat = sd_triwulan_tepat(iku, realisasi, triwulan)
    assert tepat is not None  # both year-to-date values exist
    hasil = capaian_tepat(
        tepat[1],
        tepat[0],
        iku.polaritas,
        konversi_120=iku.konversi_120,
        realisasi_terburuk=iku.realisasi_terburuk,
        profil=profil,
    )
    return HasilIku(iku, nilai, hasil)
