"""Every number explained: the capaian formula of an IKU with its numbers put in, and the NKO's sums.

The same steps as ``capaian.nilai_iku`` and ``nko.hitung_nko``, kept as data (which formula, which numbers,
which quarters counted, whether the cap or floor applied), so the screen can show an auditor how to
recompute a figure by hand. The words are the edge's (``kinerja.texts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from kinerja_core.capaian import HasilIku, _indeks_mentah, bulatkan, nilai_iku, sd_triwulan_tepat
from kinerja_core.konsolidasi import pecahan
from kinerja_core.model import AlasanAbu, Iku, Polaritas
from kinerja_core.nko import hitung_nko
from kinerja_core.profil import KEMENKEU, ProfilAturan


class Bentuk(str, Enum):
    """Which capaian formula applied (``DOMAIN.md``)."""

    RASIO = "rasio"  # R / T × 100
    DUA_KURANG = "dua-kurang"  # (2 − R / T) × 100
    TERBURUK = "terburuk"  # (W − R) / W × 100
    STABILIZE = "stabilize"  # deviation index, then the conversion scale
    KONVERSI_120 = "konversi-120"  # the target met: the cap


@dataclass(frozen=True)
class RumusCapaian:
    """How one IKU's capaian came about through one quarter (``bentuk`` None: grey, ``alasan`` says why)."""

    iku: Iku
    triwulan: tuple[int, ...]
    """The measured quarters counted (up to the chosen one)."""
    target: float | None
    realisasi: float | None
    bentuk: Bentuk | None
    mentah: float | None
    """The formula's result before the floor and the cap (for stabilize: after the conversion)."""
    nilai: float | None
    """The capaian shown: clamped and rounded."""
    deviasi: float | None = None
    """Stabilize only: the deviation index R/T × 100 (or 200 − R/T × 100 above the target)."""
    alasan: AlasanAbu | None = None

    @property
    def dibatasi(self) -> bool:
        """Whether the floor or the cap changed the formula's result."""
        return self.mentah is not None and self.nilai is not None and bulatkan(self.mentah) != self.nilai


def rumus_capaian(iku: Iku, realisasi: Sequence[float | None], triwulan: int,
                  profil: ProfilAturan = KEMENKEU) -> RumusCapaian:
    """The capaian of ``iku`` through ``triwulan`` as its formula with the numbers put in.

    A minimize IKU, target 10 days, realisasi 8: (2 − 8 / 10) × 100 = 120:

    >>> from kinerja_core.model import Konsolidasi
    >>> waktu = Iku("KPPBCBOGOR", "BGR-04", "Waktu layanan", Polaritas.MINIMIZE, Konsolidasi.LAST, 5,
    ...             (10.0, 10.0, 10.0, 10.0))
    >>> r = rumus_capaian(waktu, (9.0, 8.0, None, None), 2)
    >>> r.bentuk.value, r.target, r.realisasi, r.nilai, r.triwulan
    ('dua-kurang', 10.0, 8.0, 120.0, (1, 2))
    """
    hasil = nilai_iku(iku, realisasi, triwulan, profil)
    sd = hasil.sd_triwulan
    terhitung = tuple(q for q in iku.triwulan_terukur if q <= triwulan)
    if hasil.capaian.nilai is None:
        return RumusCapaian(iku, terhitung, sd.target, sd.realisasi, None, None, None, alasan=hasil.alasan)
    r, t = sd.realisasi, sd.target
    assert r is not None and t is not None  # a capaian exists
    if iku.konversi_120 and ((iku.polaritas is Polaritas.MAXIMIZE and r >= t)
                             or (iku.polaritas is Polaritas.MINIMIZE and r <= t)):
        return RumusCapaian(iku, terhitung, t, r, Bentuk.KONVERSI_120, profil.batas_atas, hasil.capaian.nilai)
    tepat = sd_triwulan_tepat(iku, realisasi, triwulan)  # exact, so 103,125 is shown as the 103,13 it rounds to
    assert tepat is not None
    w = None if iku.realisasi_terburuk is None else pecahan(iku.realisasi_terburuk)
    mentah_tepat = _indeks_mentah(tepat[1], tepat[0], iku.polaritas, w, profil)  # type: ignore[arg-type]
    assert not isinstance(mentah_tepat, AlasanAbu)
    mentah = float(mentah_tepat)
    if iku.polaritas is Polaritas.STABILIZE:
        rasio = r / t * 100
        deviasi = rasio if r / t <= 1 else 200 - rasio
        return RumusCapaian(iku, terhitung, t, r, Bentuk.STABILIZE, mentah, hasil.capaian.nilai, deviasi)
    if iku.polaritas is Polaritas.MINIMIZE and t == 0:
        bentuk = Bentuk.TERBURUK
    elif (iku.polaritas is Polaritas.MAXIMIZE) == (t > 0):
        bentuk = Bentuk.RASIO
    else:
        bentuk = Bentuk.DUA_KURANG
    return RumusCapaian(iku, terhitung, t, r, bentuk, mentah, hasil.capaian.nilai)


@dataclass(frozen=True)
class RumusNko:
    """How an NKO came about: the computable IKU's bobot and capaian, their sums, and how many were grey.

    With the default profile NKO = Σ bobot × capaian / Σ bobot over the computable IKU.
    """

    suku: tuple[tuple[str, float, float], ...]
    """(kode_iku, bobot, capaian) of each IKU that counts."""
    jumlah_bobot: float
    jumlah_kali: float
    nilai: float | None
    abu_abu: int
    per_perspektif: bool
    """Whether the profile weighs perspectives itself (then the NKO is not the plain weighted mean)."""


def rumus_nko(hasil: Iterable[HasilIku], profil: ProfilAturan = KEMENKEU) -> RumusNko:
    """The NKO's sums with the numbers put in.

    Capaian 120 (bobot 30) and 90 (bobot 70), one grey: (30 × 120 + 70 × 90) / (30 + 70) = 9 900 / 100 = 99:

    >>> from kinerja_core.capaian import Capaian, HasilIku, status_capaian
    >>> from kinerja_core.konsolidasi import NilaiSdTriwulan
    >>> from kinerja_core.model import Konsolidasi
    >>> def hasil(kode, bobot, nilai):
    ...     iku = Iku("U", kode, "x", Polaritas.MAXIMIZE, Konsolidasi.SUM, bobot, (1.0, None, None, None))
    ...     return HasilIku(iku, NilaiSdTriwulan(1, 1.0, None), Capaian(nilai, status_capaian(nilai)))
    >>> r = rumus_nko([hasil("A", 30, 120.0), hasil("B", 70, 90.0), hasil("C", 10, None)])
    >>> r.jumlah_kali, r.jumlah_bobot, r.nilai, r.abu_abu
    (9900.0, 100.0, 99.0, 1)
    """
    semua = list(hasil)
    suku = tuple((h.iku.kode_iku, float(h.iku.bobot), float(h.capaian.nilai)) for h in semua
                 if h.capaian.nilai is not None and h.iku.bobot > 0)
    return RumusNko(suku, sum(b for _, b, _ in suku), sum(b * c for _, b, c in suku),
                    hitung_nko(semua, profil).nilai, sum(h.capaian.nilai is None for h in semua),
                    bool(profil.bobot_perspektif))
