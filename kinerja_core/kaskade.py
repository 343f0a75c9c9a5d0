"""Cascading: an IKU supports an IKU of a unit above it, and a parent IKU may take its realisasi from them.

A unit's IKU names the IKU it supports (``kode_unit_induk``, ``kode_iku_induk``: the parent unit's or any
unit's above it, the same year). The links form a forest: the ministry's IKU at the roots, the Eselon I IKU
that carry it below, the offices' IKU at the leaves. A parent may be set to take its realisasi from its
children (``agregasi_anak``): each quarter's realisasi is then the sum, the average, the minimum, the worst by
the parent's polarity (``terburuk``) of its children's realisasi of that quarter, or, for percentages computed
from komponen (``rasio(a; b)``), the pooled ratio of their komponen (``gabungan``: Σa × 100 / Σb, so an office
with 500 cases weighs more than one with 2), instead of an uploaded value. A quarter in which a child is measured
(has a target) but has not reported leaves the parent's quarter open (not yet available): a total of
what has come in so far would look like a shortfall.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kinerja_core.model import Polaritas, _Kosakata

Kunci = tuple[str | int, ...]
"""An IKU within one year: (kode_unit, kode_iku); or, across years, (tahun, kode_unit, kode_iku)."""

Nilai4 = tuple[float | None, float | None, float | None, float | None]

Pasangan4 = tuple[tuple[float, float] | None, tuple[float, float] | None, tuple[float, float] | None,
                  tuple[float, float] | None]
"""Per quarter, the (pembilang, penyebut) of a ``rasio(a; b)`` IKU (None: not computable yet)."""


class Agregasi(_Kosakata):
    """How a parent IKU's quarter realisasi is made from its children's.

    >>> Agregasi.dari_teks("Sum"), Agregasi.dari_teks("rata rata"), Agregasi.dari_teks("terbesar")
    (<Agregasi.JUMLAH: 'jumlah'>, <Agregasi.RATA_RATA: 'rata-rata'>, None)
    """

    JUMLAH = "jumlah"  # the children's values added up (revenue collected by the offices)
    RATA_RATA = "rata-rata"  # their mean, unweighted (an index every office measures)
    MINIMUM = "minimum"  # the lowest value, whatever the polarity (a level every office must reach)
    TERBURUK = "terburuk"  # the worst office by the parent's polarity (``terburuk``)
    GABUNGAN = "gabungan"  # rasio IKU: the children's komponen pooled, Σ pembilang × 100 / Σ penyebut

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {"sum": "jumlah", "total": "jumlah", "penjumlahan": "jumlah", "average": "rata-rata",
                "mean": "rata-rata", "rerata": "rata-rata", "min": "minimum", "terendah": "minimum",
                "worst": "terburuk", "paling buruk": "terburuk", "pooled": "gabungan", "rasio gabungan": "gabungan"}


def terburuk(nilai: Sequence[float], polaritas: Polaritas, target: float | None = None) -> float | None:
    """The worst of the children's values by the parent's polarity: the lowest for maximize, the highest for
    minimize, for stabilize the one farthest from the parent's target of that quarter (the first of equals;
    None without a target). None when there are none.

    Service time in days (minimize) of three offices, and a stabilize inflation of 3 %:

    >>> terburuk([2.0, 9.0, 4.0], Polaritas.MINIMIZE), terburuk([2.0, 9.0, 4.0], Polaritas.MAXIMIZE)
    (9.0, 2.0)
    >>> terburuk([2.5, 4.0, 3.2], Polaritas.STABILIZE, 3.0)
    4.0
    """
    if not nilai:
        return None
    if polaritas is Polaritas.MAXIMIZE:
        return float(min(nilai))
    if polaritas is Polaritas.MINIMIZE:
        return float(max(nilai))
    if target is None:
        return None
    return float(max(nilai, key=lambda v: abs(v - target)))


def gabungkan(pasangan: Sequence[tuple[float, float]]) -> float | None:
    """A pooled percentage: the children's pembilang and penyebut added up, Σa × 100 / Σb (None when Σb is 0).

    Two offices with 481 of 500 and 1 of 2 services on time: 482 of 502, 96,0 %, not the 73,1 % of the mean:

    >>> round(gabungkan([(481, 500), (1, 2)]), 2)
    96.02
    """
    if not pasangan:
        return None
    a, b = sum(p[0] for p in pasangan), sum(p[1] for p in pasangan)
    return None if b == 0 else float(a * 100 / b)


def agregasikan(agregasi: Agregasi, nilai: Sequence[float], polaritas: Polaritas | None = None,
                target: float | None = None) -> float | None:
    """One quarter of a parent from its children's values of that quarter; None when there are none.

    PNBP of Pusat Teknologi Material as the sum of its two Balai (Rp 1,5 and 2,25 miliar):

    >>> agregasikan(Agregasi.JUMLAH, [1.5, 2.25]), agregasikan(Agregasi.RATA_RATA, [90.0, 85.0])
    (3.75, 87.5)
    >>> agregasikan(Agregasi.MINIMUM, [96.2, 91.0, 99.5]), agregasikan(Agregasi.JUMLAH, [])
    (91.0, None)

    ``terburuk`` needs the parent's ``polaritas`` (and, for stabilize, its ``target`` of the quarter);
    ``gabungan`` is made from komponen, not from values: see ``gabungkan``.
    """
    if not nilai:
        return None
    if agregasi is Agregasi.JUMLAH:
        return float(sum(nilai))
    if agregasi is Agregasi.RATA_RATA:
        return float(sum(nilai)) / len(nilai)
    if agregasi is Agregasi.TERBURUK:
        if polaritas is None:
            raise ValueError("agregasi terburuk memerlukan polaritas induk")
        return terburuk(nilai, polaritas, target)
    if agregasi is Agregasi.GABUNGAN:
        raise ValueError("agregasi gabungan dihitung dari komponen anak, bukan dari nilainya")
    return float(min(nilai))


def siklus(tautan: Mapping[Kunci, Kunci]) -> list[list[Kunci]]:
    """The cycles among the links (child → parent), each once, starting at its smallest IKU.

    >>> siklus({("A", "1"): ("B", "1"), ("B", "1"): ("A", "1"), ("C", "1"): ("A", "1")})
    [[('A', '1'), ('B', '1')]]
    """
    hasil, selesai = [], set()
    for awal in sorted(tautan):
        jalan: list[Kunci] = []
        posisi: dict[Kunci, int] = {}
        k: Kunci | None = awal
        while k is not None and k not in selesai and k not in posisi:
            posisi[k] = len(jalan)
            jalan.append(k)
            k = tautan.get(k)
        if k is not None and k in posisi:  # came back to this walk: the part from k on is a cycle
            lingkar = jalan[posisi[k]:]
            i = lingkar.index(min(lingkar))
            hasil.append(lingkar[i:] + lingkar[:i])
        selesai.update(jalan)
    return hasil


def realisasi_induk(
    tautan: Mapping[Kunci, Kunci],
    agregasi: Mapping[Kunci, Agregasi],
    realisasi: Mapping[Kunci, Nilai4],
    terukur: Mapping[Kunci, tuple[bool, bool, bool, bool]],
    *,
    polaritas: Mapping[Kunci, Polaritas] | None = None,
    target: Mapping[Kunci, Nilai4] | None = None,
    komponen: Mapping[Kunci, Pasangan4] | None = None,
) -> dict[Kunci, Nilai4]:
    """The four quarters' realisasi of every parent set to ``agregasi``, from its children, bottom up (a parent
    that is itself a child counts with what its own children give it). Links must be free of cycles.

    ``realisasi``: what was reported (None: not yet); ``terukur``: the quarters in which each IKU has a target.
    A quarter's value is None when no child is measured then, or when a measured child has not reported.
    ``terburuk`` parents need their ``polaritas`` (and ``target``, for stabilize); ``gabungan`` parents pool the
    ``komponen`` (pembilang, penyebut) of their children, a ``gabungan`` child passing on its pooled sums; a
    measured child without them leaves the quarter open.

    The BPPT sample: PTM's PNBP is the sum of BTP's and another Balai's; BPPT's the sum of PTM's and another
    Pusat's (TW I and II reported, TW III not yet by one Balai):

    >>> tautan = {("BTP", "P"): ("PTM", "P"), ("B2", "P"): ("PTM", "P"),
    ...           ("PTM", "P"): ("BPPT", "P"), ("P2", "P"): ("BPPT", "P")}
    >>> agregasi = {("PTM", "P"): Agregasi.JUMLAH, ("BPPT", "P"): Agregasi.JUMLAH}
    >>> realisasi = {("BTP", "P"): (1.0, 1.1, 1.5, None), ("B2", "P"): (2.0, 2.0, None, None),
    ...              ("P2", "P"): (4.0, 4.5, 5.0, None)}
    >>> semua = (True, True, True, True)
    >>> terukur = {k: semua for k in [*tautan, ("PTM", "P"), ("BPPT", "P")]}
    >>> hasil = realisasi_induk(tautan, agregasi, realisasi, terukur)
    >>> hasil[("PTM", "P")], hasil[("BPPT", "P")]
    ((3.0, 3.1, None, None), (7.0, 7.6, None, None))
    """
    anak: dict[Kunci, list[Kunci]] = {}
    for a, i in tautan.items():
        anak.setdefault(i, []).append(a)
    polaritas, target, komponen = polaritas or {}, target or {}, komponen or {}
    hasil: dict[Kunci, Nilai4] = {}
    pasangan: dict[Kunci, Pasangan4] = {}
    kosong = (None, None, None, None)

    def nilai(k: Kunci) -> Nilai4:
        if k in agregasi:
            if k not in hasil:
                cara = agregasi[k]
                daftar = anak.get(k, [])
                if cara is Agregasi.GABUNGAN:
                    dari = [(pasangan_dari(a), terukur.get(a, (False,) * 4)) for a in daftar]
                    pasangan[k] = _pasangan_dari_anak(dari)
                    hasil[k] = tuple(None if p is None else gabungkan([p]) for p in pasangan[k])  # type: ignore[assignment]
                else:
                    hasil[k] = _dari_anak(cara, [(nilai(a), terukur.get(a, (False,) * 4)) for a in daftar],
                                          polaritas.get(k), target.get(k, kosong))
            return hasil[k]
        return realisasi.get(k, kosong)

    def pasangan_dari(k: Kunci) -> Pasangan4:
        if agregasi.get(k) is Agregasi.GABUNGAN:
            nilai(k)
            return pasangan[k]
        return komponen.get(k, kosong)

    for k in agregasi:
        nilai(k)
    return hasil


def _dari_anak(agregasi: Agregasi, anak: Sequence[tuple[Nilai4, tuple[bool, ...]]],
               polaritas: Polaritas | None = None, target: Nilai4 = (None, None, None, None)) -> Nilai4:
    per_triwulan: list[float | None] = []
    for q in range(4):
        diukur = [n[q] for n, ukur in anak if ukur[q]]
        if any(v is None for v in diukur) or (agregasi is Agregasi.TERBURUK and polaritas is None):
            per_triwulan.append(None)
        else:
            per_triwulan.append(agregasikan(agregasi, diukur, polaritas, target[q]))  # type: ignore[arg-type]
    return tuple(per_triwulan)  # type: ignore[return-value]


def _pasangan_dari_anak(anak: Sequence[tuple[Pasangan4, tuple[bool, ...]]]) -> Pasangan4:
    per_triwulan: list[tuple[float, float] | None] = []
    for q in range(4):
        diukur = [p[q] for p, ukur in anak if ukur[q]]
        lengkap = [p for p in diukur if p is not None]
        if not diukur or len(lengkap) < len(diukur):
            per_triwulan.append(None)
        else:
            per_triwulan.append((sum(p[0] for p in lengkap), sum(p[1] for p in lengkap)))
    return tuple(per_triwulan)  # type: ignore[return-value]
