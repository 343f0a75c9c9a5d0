"""Kebutuhan realisasi: what the rest of the year must bring for an IKU to end the year hijau (or leave merah).

The year-end value of an IKU consolidates all its measured quarters. Some are
reported (through the quarter being discussed); the rest are still to come.
What those must bring depends on the consolidation:

* ``sum`` — the **total** of the remaining quarters (what remains of the target);
* ``average`` — what the remaining quarters must **average**;
* ``last`` — the **value** the last measured quarter must show.

The bound follows from inverting the capaian formula of the polarity
(``DOMAIN.md``): a maximize IKU needs the year's realisasi R ≥ T × ambang / 100;
a minimize IKU needs R ≤ (2 − ambang / 100) × T; a stabilize IKU needs R/T within
the band whose conversion reaches the threshold.

What a value can be at all comes from what the unit declared in ``iku.csv`` (``batas_bawah``, ``bilangan_bulat``;
an upload refuses values outside it), else from the IKU's satuan (``rentang_iku``, ``rentang_nilai``): amounts (Rp, jumlah, hari, nilai,
indeks …) and counts (jiwa, orang, unit, dokumen, kegiatan …) are never negative, a percentage of a whole
(satuan "%", "persen", "persentase") lies in 0–100, counts are whole numbers. A change (growth, selisih,
deviasi … in the satuan or the IKU's name, or a ``selisih`` komponen formula) and a satuan that says nothing
(e.g. "poin") have no bound, nor does any IKU with a negative target or realisasi. A bound outside what can
be is *tidak mungkin tercapai*; a requirement every possible value meets is *sudah aman* — so *sudah aman* is
only said where the declaration or the satuan makes it true.

A measured quarter that has passed without realisasi keeps the IKU grey until it is reported, even for a
last-value IKU whose year is made by its last quarter alone: ``wajib_lapor`` names those quarters.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum
from itertools import accumulate, pairwise

from kinerja_core.konsolidasi import konsolidasikan
from kinerja_core.model import Iku, Konsolidasi, Polaritas
from kinerja_core.profil import KEMENKEU, ProfilAturan


class Keadaan(str, Enum):
    """Where an IKU stands against a threshold for the year."""

    PERLU = "perlu"  # the remaining quarters must bring the bound
    AMAN = "sudah-aman"  # every possible value keeps it at the threshold
    MUSTAHIL = "tidak-mungkin"  # no possible value reaches it
    LENGKAP = "lengkap"  # nothing remains to report: the year is decided
    TIDAK_TERHITUNG = "tidak-terhitung"  # the capaian itself is not computable (target 0 …)
    BELUM_DILAPOR = "belum-dilapor"  # decided but for a passed quarter not yet reported (grey until it is)


class Makna(str, Enum):
    """What the bound is a bound of."""

    JUMLAH = "jumlah"  # the total of the remaining quarters (sum)
    RATA_RATA = "rata-rata"  # their average (average)
    NILAI = "nilai"  # the value of the last measured quarter (last)


@dataclass(frozen=True)
class Kebutuhan:
    """What the remaining quarters must bring for capaian ≥ ``ambang`` at year end.

    ``paling_sedikit`` / ``paling_banyak``: the bound(s) on the quantity ``makna`` (None: no bound that way);
    a maximize IKU gets a lower bound, a minimize one an upper bound, a stabilize one both.
    """

    ambang: float
    keadaan: Keadaan
    makna: Makna
    triwulan_sisa: tuple[int, ...]
    paling_sedikit: float | None = None
    paling_banyak: float | None = None
    wajib_lapor: tuple[int, ...] = ()
    """Passed measured quarters without realisasi that do not enter the year's value (a last-value IKU) but
    keep it grey until reported."""
    bulat: bool = False
    """The values are whole numbers (counts): the bound is said rounded the safe way to a whole number."""

    def batas_aman(self) -> tuple[float | None, float | None]:
        """The bounds as said: a lower one rounded up, an upper one down, to a whole number for counts, else to
        2 decimals — so the figure said is always enough.

        >>> Kebutuhan(100, Keadaan.PERLU, Makna.JUMLAH, (4,), paling_sedikit=2.6, bulat=True).batas_aman()
        (3.0, None)
        """
        kali = 1 if self.bulat else 100
        lo = None if self.paling_sedikit is None else math.ceil(round(self.paling_sedikit * kali, 6)) / kali
        hi = None if self.paling_banyak is None else math.floor(round(self.paling_banyak * kali, 6)) / kali
        return lo, hi


_KATA_PERUBAHAN = ("pertumbuhan", "perubahan", "kenaikan", "penurunan", "selisih", "deviasi", "growth", "yoy",
                   "inflasi", "laju", "change")
_POLA_PERUBAHAN = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(_KATA_PERUBAHAN, key=len, reverse=True)) + r")(?![a-z])")
"""A word of ``_KATA_PERUBAHAN`` among the words (runs of a–z) of a lower-cased name: all ``rentang_nilai`` reads
of an IKU's name."""
_KATA_BULAT = ("jiwa", "orang", "unit", "dokumen", "kegiatan", "laporan", "kali", "buah", "paket", "berkas",
               "pegawai", "kasus", "perkara", "temuan", "rekomendasi", "peserta", "lembaga", "satker", "kantor")
_KATA_TIDAK_NEGATIF = ("rp", "rupiah", "ribu", "juta", "miliar", "triliun", "jumlah", "hari", "jam", "menit",
                       "detik", "minggu", "bulan", "tahun", "nilai", "indeks", "skor", "ton", "kg", "km", "meter",
                       "mw", "liter")
_KATA_PERSEN = ("%", "persen", "persentase")


@dataclass(frozen=True)
class Rentang:
    """What a realisasi of the IKU can be: ``bawah`` ≤ value ≤ ``atas``; ``bulat``: whole numbers only."""

    bawah: float = -math.inf
    atas: float = math.inf
    bulat: bool = False


def rentang_iku(iku: Iku, rumus_komponen: str | None = None) -> Rentang:
    """What a value of ``iku`` can be: its declared lower bound and whole numbers, else its satuan's words.

    A growth IKU in % can go negative, unless the unit declares it cannot:

    >>> from kinerja_core.model import Konsolidasi
    >>> tumbuh = Iku("U", "G", "Pertumbuhan layanan", Polaritas.MAXIMIZE, Konsolidasi.AVERAGE, 1, (2.0,) * 4,
    ...              satuan="%")
    >>> rentang_iku(tumbuh), rentang_iku(replace(tumbuh, batas_bawah=0.0))
    (Rentang(bawah=-inf, atas=inf, bulat=False), Rentang(bawah=0.0, atas=inf, bulat=False))
    """
    return rentang_nilai(iku.satuan, iku.nama_iku, rumus_komponen, batas_bawah=iku.batas_bawah,
                         bulat=iku.bilangan_bulat)


def rentang_nilai(satuan: str, nama_iku: str = "", rumus_komponen: str | None = None, *,
                  batas_bawah: float | None = None, bulat: bool = False) -> Rentang:
    """What a value of an IKU can be, from the words of its satuan (and its name, its komponen formula), or from
    what the unit declared: ``batas_bawah`` replaces the lower bound read from the words, ``bulat`` asks for
    whole numbers.

    >>> rentang_nilai("%", "Persentase penyerapan anggaran")
    Rentang(bawah=0.0, atas=100.0, bulat=False)
    >>> rentang_nilai("%", "Pertumbuhan penerimaan")  # growth can be negative, and above 100
    Rentang(bawah=-inf, atas=inf, bulat=False)
    >>> rentang_nilai("jiwa")
    Rentang(bawah=0.0, atas=inf, bulat=True)
    >>> rentang_nilai("", batas_bawah=0.0, bulat=True)  # declared: a count whose satuan says nothing
    Rentang(bawah=0.0, atas=inf, bulat=True)
    """
    dari_kata = _rentang_kata(satuan, nama_iku, rumus_komponen)
    return Rentang(dari_kata.bawah if batas_bawah is None else float(batas_bawah), dari_kata.atas,
                   dari_kata.bulat or bulat)


def rentang_per_iku(satuan: Sequence[str], nama_iku: Sequence[str], rumus_komponen: Sequence[str | None],
                    batas_bawah: Sequence[float | None], bulat: Sequence[bool]) -> list[Rentang]:
    """``rentang_nilai`` of many IKU (one per position of the five sequences), worked out once per kind of IKU: a
    name counts only by whether it names a change, so a ministry's 15,000 names make a handful of kinds.

    >>> rentang_per_iku(["%", "%"], ["Persentase penyerapan", "Pertumbuhan penerimaan"], [None, None], [None, None],
    ...                 [False, False])  # doctest: +NORMALIZE_WHITESPACE
    [Rentang(bawah=0.0, atas=100.0, bulat=False), Rentang(bawah=-inf, atas=inf, bulat=False)]
    """
    per_jenis: dict[tuple[str, bool, str | None, float | None, bool], Rentang] = {}
    hasil = []
    for s, n, r, b, u, berubah in zip(satuan, nama_iku, rumus_komponen, batas_bawah, bulat,
                                      menyebut_perubahan(nama_iku)):
        jenis = (s, berubah, r, b, u)
        if jenis not in per_jenis:
            per_jenis[jenis] = rentang_nilai(s, n, r, batas_bawah=b, bulat=u)
        hasil.append(per_jenis[jenis])
    return hasil


def menyebut_perubahan(nama_iku: Sequence[str]) -> list[bool]:
    """Per name, whether it names a change (``_POLA_PERUBAHAN``): the names searched as one text for each word of
    ``_KATA_PERUBAHAN`` first, so that only those holding one are matched word by word (a ministry's 150,000 names,
    nearly all without, in a few fast scans instead of 150,000 regular-expression searches).

    >>> menyebut_perubahan(["Pertumbuhan PNBP", "Persentase penyelesaian", "Kelajuan layanan", "Laju İnflasi"])
    [True, False, False, True]
    """
    teks = "\n".join(nama_iku).lower()
    awal = list(accumulate(map((1).__add__, map(len, nama_iku)), initial=0))  # where each name starts in it
    if len(teks) != awal[-1] - 1:  # a letter whose lower case is longer (İ): the names one by one
        return [_POLA_PERUBAHAN.search(n.lower()) is not None for n in nama_iku]
    calon = set()
    for kata in _KATA_PERUBAHAN:
        i = teks.find(kata)
        while i >= 0:
            calon.add(bisect.bisect_right(awal, i) - 1)
            i = teks.find(kata, i + 1)
    hasil = [False] * len(nama_iku)
    for j in calon:
        hasil[j] = _POLA_PERUBAHAN.search(teks, awal[j], awal[j + 1] - 1) is not None
    return hasil


def _rentang_kata(satuan: str, nama_iku: str, rumus_komponen: str | None) -> Rentang:
    """What the words of a satuan, an IKU's name and its komponen formula say a value can be."""
    kata_satuan = satuan.strip().lower()
    kata = set(re.findall(r"[a-z]+|%", kata_satuan))
    if ((rumus_komponen or "").strip().lower().startswith("selisih") or kata & set(_KATA_PERUBAHAN)
            or _POLA_PERUBAHAN.search(nama_iku.lower())):
        return Rentang()
    if kata & set(_KATA_PERSEN) or "%" in kata_satuan:
        return Rentang(0.0, 100.0)
    if kata & set(_KATA_BULAT):
        return Rentang(0.0, math.inf, True)
    if kata & set(_KATA_TIDAK_NEGATIF):
        return Rentang(0.0)
    return Rentang()


def _batas_r(iku: Iku, target: float, ambang: float, profil: ProfilAturan) -> tuple[float, float] | None:
    """The year's realisasi R that give capaian ≥ ``ambang`` (before rounding), as [lo, hi]; None when the
    capaian cannot be computed."""
    a = ambang / 100
    if iku.polaritas is Polaritas.MAXIMIZE:
        if target == 0:
            return None
        batas = target * a if target > 0 else target * (2 - a)  # (2 − R/T)·100 ≥ ambang with T < 0
        if iku.konversi_120 and target > 0:
            batas = min(batas, target)  # meeting the target scores the cap
        return batas, math.inf
    if iku.polaritas is Polaritas.MINIMIZE:
        if target == 0:
            w = iku.realisasi_terburuk
            return None if w is None or w <= 0 else (-math.inf, w * (1 - a))
        batas = target * (2 - a) if target > 0 else target * a  # R/T·100 ≥ ambang with T < 0
        if iku.konversi_120 and target > 0:
            batas = max(batas, target)
        return -math.inf, batas
    if target == 0:
        return None
    indeks = _balik_skala(ambang, profil.skala_stabilize)  # the deviation index needed
    if indeks is None:
        return (math.inf, -math.inf)  # no index reaches it: an empty band
    c = indeks / 100
    lo, hi = target * c, target * (2 - c)
    return (min(lo, hi), max(lo, hi))


def _balik_skala(y: float, skala: Sequence[tuple[float, float]]) -> float | None:
    """The smallest deviation index whose conversion reaches ``y`` (None when none does).

    >>> _balik_skala(100, ((0, 0), (90, 100), (100, 120))), _balik_skala(80, ((0, 0), (90, 100), (100, 120)))
    (90.0, 72.0)
    """
    if y <= skala[0][1]:
        return float(skala[0][0])
    for (xa, ya), (xb, yb) in pairwise(skala):
        if ya < y <= yb:
            return xa + (xb - xa) * (y - ya) / (yb - ya)
    return None


def kebutuhan_realisasi(iku: Iku, realisasi: Sequence[float | None], triwulan: int, ambang: float | None = None,
                        profil: ProfilAturan = KEMENKEU, rentang: Rentang | None = None) -> Kebutuhan:
    """What the quarters after ``triwulan`` (and any measured quarter not yet reported) must bring for the
    IKU to end the year with capaian ≥ ``ambang`` (default: the profile's hijau threshold).

    PNBP of Balai Teknologi Polimer 2017: targets 0,9 / 1,2 / 1,6 / 2,0 (Rp miliar, summed: 5,7 for the
    year), realisasi 1,0 / 1,1 / 1,5 through TW III. To end hijau TW IV must bring at least 5,7 − 3,6 = 2,1;
    to leave merah, 0,8 × 5,7 − 3,6 = 0,96:

    >>> from kinerja_core.model import Konsolidasi
    >>> pnbp = Iku("BTP", "PNBP", "Penerimaan PNBP", Polaritas.MAXIMIZE, Konsolidasi.SUM, bobot=20,
    ...            target=(0.9, 1.2, 1.6, 2.0))
    >>> k = kebutuhan_realisasi(pnbp, (1.0, 1.1, 1.5, None), 3)
    >>> k.keadaan.value, k.makna.value, k.triwulan_sisa, round(k.paling_sedikit, 2)
    ('perlu', 'jumlah', (4,), 2.1)
    >>> round(kebutuhan_realisasi(pnbp, (1.0, 1.1, 1.5, None), 3, 80).paling_sedikit, 2)
    0.96

    ``rentang``: what a value can be (default ``rentang_iku``: declared, else the satuan's words).
    """
    rentang = rentang_iku(iku) if rentang is None else rentang
    hasil = _kebutuhan(iku, realisasi, triwulan, profil.batas_hijau if ambang is None else ambang, profil, rentang)
    if hasil.wajib_lapor and hasil.keadaan in (Keadaan.AMAN, Keadaan.LENGKAP):
        return replace(hasil, keadaan=Keadaan.BELUM_DILAPOR)
    return hasil


def _kebutuhan(iku: Iku, realisasi: Sequence[float | None], triwulan: int, ambang: float, profil: ProfilAturan,
               rentang: Rentang) -> Kebutuhan:
    makna = {Konsolidasi.SUM: Makna.JUMLAH, Konsolidasi.AVERAGE: Makna.RATA_RATA, Konsolidasi.LAST: Makna.NILAI}[
        iku.konsolidasi]
    terukur = iku.triwulan_terukur
    diketahui = [q for q in terukur if q <= triwulan and realisasi[q - 1] is not None]
    sisa = tuple(q for q in terukur if q not in diketahui)
    wajib: tuple[int, ...] = ()
    if iku.konsolidasi is Konsolidasi.LAST:  # only the last measured quarter makes the year's value …
        # … but a passed measured quarter without realisasi keeps the IKU grey until it is reported
        wajib = tuple(q for q in terukur[:-1] if q <= triwulan and realisasi[q - 1] is None)
        sisa = () if terukur[-1] in diketahui else (terukur[-1],)
    if not sisa:
        return Kebutuhan(ambang, Keadaan.LENGKAP, makna, (), wajib_lapor=wajib)
    target_tahun = konsolidasikan([iku.target[q - 1] for q in terukur], iku.konsolidasi)  # type: ignore[misc]
    batas = _batas_r(iku, target_tahun, ambang, profil)
    if batas is None:
        return Kebutuhan(ambang, Keadaan.TIDAK_TERHITUNG, makna, sisa, wajib_lapor=wajib)
    nilai = [float(realisasi[q - 1]) for q in diketahui]  # type: ignore[arg-type]
    jumlah, n, n_sisa = sum(nilai), len(terukur), len(sisa)
    # R as a function of x, the quantity asked for: R = a + b·x
    if iku.konsolidasi is Konsolidasi.SUM:
        a, b = jumlah, 1.0
    elif iku.konsolidasi is Konsolidasi.AVERAGE:
        a, b = jumlah / n, n_sisa / n
    else:
        a, b = 0.0, 1.0
    x_lo, x_hi = (batas[0] - a) / b, (batas[1] - a) / b
    # what x can be at all (``rentang``); a negative target or realisasi means values can go below 0
    negatif = any(v < 0 for v in nilai) or any(t is not None and t < 0 for t in iku.target)
    kali = n_sisa if iku.konsolidasi is Konsolidasi.SUM else 1
    mungkin_lo = -math.inf if negatif else rentang.bawah * kali
    mungkin_hi = rentang.atas * kali
    if rentang.bulat:  # whole numbers: the least whole number reaching the bound, the largest staying within it
        # (an average of several quarters need not be whole; asking a whole one is the safe side)
        x_lo = math.ceil(round(x_lo, 9)) if math.isfinite(x_lo) else x_lo
        x_hi = math.floor(round(x_hi, 9)) if math.isfinite(x_hi) else x_hi
    if x_lo > x_hi or x_lo > mungkin_hi or x_hi < mungkin_lo:
        return Kebutuhan(ambang, Keadaan.MUSTAHIL, makna, sisa, wajib_lapor=wajib)
    if x_lo <= mungkin_lo and x_hi >= mungkin_hi:
        return Kebutuhan(ambang, Keadaan.AMAN, makna, sisa, wajib_lapor=wajib)
    return Kebutuhan(ambang, Keadaan.PERLU, makna, sisa,
                     paling_sedikit=x_lo if x_lo > mungkin_lo else None,
                     paling_banyak=x_hi if x_hi < mungkin_hi else None, wajib_lapor=wajib, bulat=rentang.bulat)

