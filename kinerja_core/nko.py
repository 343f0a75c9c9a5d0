"""NKO (Nilai Kinerja Organisasi): a unit's weighted score over its IKU.

Grey (abu-abu) IKU are left out, not counted as zero; they are counted apart
("16 IKU: 15 hijau, 1 abu-abu"). Within each perspective capaian is weighted
by bobot; perspectives are then weighted by the profile. By default a
perspective weighs the sum of its IKU's bobot, which makes NKO the
bobot-weighted mean of capaian (Kemenkeu). With every IKU grey, NKO is
undefined (None, shown "—"), never 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from kinerja_core.capaian import HasilIku, bulatkan_tepat, status_capaian
from kinerja_core.konsolidasi import pecahan
from kinerja_core.model import Perspektif, Status
from kinerja_core.profil import KEMENKEU, ProfilAturan


@dataclass(frozen=True)
class JumlahStatus:
    """How many IKU carry each traffic light."""

    hijau: int = 0
    kuning: int = 0
    merah: int = 0
    abu_abu: int = 0

    @property
    def total(self) -> int:
        return self.hijau + self.kuning + self.merah + self.abu_abu

    def menurut_status(self) -> dict[Status, int]:
        """The counts keyed by status, in traffic-light order."""
        return {Status.HIJAU: self.hijau, Status.KUNING: self.kuning,
                Status.MERAH: self.merah, Status.ABU_ABU: self.abu_abu}


def hitung_status(hasil: Iterable[HasilIku]) -> JumlahStatus:
    """Count IKU per status.

    >>> from kinerja_core.capaian import nilai_iku
    >>> from kinerja_core.model import Iku, Konsolidasi, Polaritas
    >>> iku = Iku("BTP", "IKM", "Indeks Kepuasan Mitra", Polaritas.MAXIMIZE, Konsolidasi.LAST,
    ...           bobot=10, target=(None, 90.9, None, 90.9))
    >>> hitung_status([nilai_iku(iku, (None, 91.0, None, None), q) for q in (1, 2, 3)])
    JumlahStatus(hijau=2, kuning=0, merah=0, abu_abu=1)
    """
    n = Counter(h.status for h in hasil)
    return JumlahStatus(n[Status.HIJAU], n[Status.KUNING], n[Status.MERAH], n[Status.ABU_ABU])


@dataclass(frozen=True)
class Nko:
    """The NKO of one unit in one quarter, with its light and the status counts."""

    nilai: float | None
    status: Status
    jumlah: JumlahStatus


def hitung_nko(hasil: Iterable[HasilIku], profil: ProfilAturan = KEMENKEU) -> Nko:
    """NKO over the IKU results of one unit and quarter.

    Two computable IKU — capaian 120 (bobot 30) and 90 (bobot 70) — and a grey one:

    >>> from kinerja_core.capaian import Capaian, HasilIku
    >>> from kinerja_core.konsolidasi import NilaiSdTriwulan
    >>> from kinerja_core.model import Iku, Konsolidasi, Polaritas
    >>> def hasil(bobot, nilai):
    ...     iku = Iku("U", "X", "x", Polaritas.MAXIMIZE, Konsolidasi.SUM, bobot, (1.0, None, None, None))
    ...     return HasilIku(iku, NilaiSdTriwulan(1, 1.0, None), Capaian(nilai, status_capaian(nilai)))
    >>> hitung_nko([hasil(30, 120.0), hasil(70, 90.0), hasil(10, None)])
    Nko(nilai=99.0, status=<Status.KUNING: 'kuning'>, jumlah=JumlahStatus(hijau=1, kuning=1, merah=0, abu_abu=1))
    """
    semua = list(hasil)
    tepat = nko_tepat([(h.capaian.nilai, h.iku.bobot, h.iku.perspektif) for h in semua], profil)
    nilai = None if tepat is None else bulatkan_tepat(tepat, profil.desimal)
    return Nko(nilai, status_capaian(nilai, profil), hitung_status(semua))


def nko_tepat(iku: Sequence[tuple[float | None, float, Perspektif]], profil: ProfilAturan = KEMENKEU) -> Fraction | None:
    """The exact NKO (before rounding) of IKU given as (capaian, bobot, perspektif); None when none counts.

    Exact arithmetic on the decimals the values are written as, so an NKO that is exactly a half cent
    rounds up, as Excel's ROUND and a hand computation do: capaian 104,07 (bobot 30) and 99,81 (bobot 10)
    make exactly 103,005, which floats would have made 103,00499… and rounded to 103,00.

    >>> nko_tepat([(104.07, 30, Perspektif.STAKEHOLDER), (99.81, 10, Perspektif.STAKEHOLDER)])
    Fraction(20601, 200)
    >>> bulatkan_tepat(Fraction(20601, 200))
    103.01
    """
    per_perspektif: dict[Perspektif, list[tuple[Fraction, Fraction]]] = {}
    for capaian, bobot, perspektif in iku:
        if capaian is not None and capaian == capaian and bobot > 0:  # noqa: PLR0124 - not NaN
            per_perspektif.setdefault(perspektif, []).append((pecahan(capaian), pecahan(bobot)))
    pembilang = penyebut = Fraction(0)
    for perspektif, daftar in per_perspektif.items():
        bobot_iku = sum((b for _, b in daftar), Fraction(0))
        n_p = sum((b * c for c, b in daftar), Fraction(0)) / bobot_iku
        w_p = pecahan(profil.bobot_perspektif.get(perspektif, 0.0)) if profil.bobot_perspektif else bobot_iku
        pembilang += w_p * n_p
        penyebut += w_p
    return pembilang / penyebut if penyebut > 0 else None


def biaya_nko(hasil: Iterable[HasilIku], profil: ProfilAturan = KEMENKEU) -> list[float | None]:
    """The NKO points each IKU costs its unit: its share of the NKO × (100 − capaian); None when grey.

    The share is the IKU's bobot within its perspective times the perspective's weight, as ``hitung_nko``
    weighs them, so the costs add up to 100 − NKO (before rounding). A capaian above 100 costs less than
    nothing: it lifts the NKO. The meeting's agenda is the largest costs first.

    The same three IKU as ``hitung_nko``'s example: 0,3 × (100 − 120) = −6 and 0,7 × (100 − 90) = 7, which
    make the 1 point between 99 and 100:

    >>> from kinerja_core.capaian import Capaian, HasilIku
    >>> from kinerja_core.konsolidasi import NilaiSdTriwulan
    >>> from kinerja_core.model import Iku, Konsolidasi, Polaritas
    >>> def hasil(bobot, nilai):
    ...     iku = Iku("U", "X", "x", Polaritas.MAXIMIZE, Konsolidasi.SUM, bobot, (1.0, None, None, None))
    ...     return HasilIku(iku, NilaiSdTriwulan(1, 1.0, None), Capaian(nilai, status_capaian(nilai)))
    >>> [None if b is None else round(b, 2) for b in biaya_nko([hasil(30, 120.0), hasil(70, 90.0), hasil(10, None)])]
    [-6.0, 7.0, None]
    """
    semua = list(hasil)
    dihitung = [h for h in semua if h.capaian.nilai is not None and h.iku.bobot > 0]
    bobot_p: dict[Perspektif, float] = {}
    for h in dihitung:
        bobot_p[h.iku.perspektif] = bobot_p.get(h.iku.perspektif, 0.0) + h.iku.bobot
    w_p = {p: (profil.bobot_perspektif.get(p, 0.0) if profil.bobot_perspektif else b) for p, b in bobot_p.items()}
    total = sum(w_p.values())
    if total <= 0:
        return [None] * len(semua)
    masuk = {id(h) for h in dihitung}
    return [
        w_p[h.iku.perspektif] / total * h.iku.bobot / bobot_p[h.iku.perspektif] * (100 - h.capaian.nilai)
        if id(h) in masuk and h.capaian.nilai is not None else None  # (counted ones are never None: for mypy)
        for h in semua
    ]
