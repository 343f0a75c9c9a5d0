"""Cascading: an IKU supports an IKU of a unit above it, and a parent IKU may take its realisasi from them.

A unit's IKU names the IKU it supports (``kode_unit_induk``, ``kode_iku_induk``: the parent unit's or any
unit's above it, the same year). The links form a forest: the ministry's IKU at the roots, the Eselon I IKU
that carry it below, the offices' IKU at the leaves. A parent may be set to take its realisasi from its
children (``agregasi_anak``): each quarter's realisasi is then the sum, the average or the minimum of its
children's realisasi of that quarter, instead of an uploaded value. A quarter in which a child is measured
(has a target) but has not reported leaves the parent's quarter open (not yet available): a total of
what has come in so far would look like a shortfall.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kinerja_core.model import _Kosakata

Kunci = tuple[str, str]
"""An IKU within one year: (kode_unit, kode_iku)."""

Nilai4 = tuple[float | None, float | None, float | None, float | None]


class Agregasi(_Kosakata):
    """How a parent IKU's quarter realisasi is made from its children's.

    >>> Agregasi.dari_teks("Sum"), Agregasi.dari_teks("rata rata"), Agregasi.dari_teks("terbesar")
    (<Agregasi.JUMLAH: 'jumlah'>, <Agregasi.RATA_RATA: 'rata-rata'>, None)
    """

    JUMLAH = "jumlah"  # the children's values added up (revenue collected by the offices)
    RATA_RATA = "rata-rata"  # their mean (an index every office measures)
    MINIMUM = "minimum"  # the lowest (a standard every office must meet)

    @classmethod
    def _sinonim(cls) -> dict[str, str]:
        return {"sum": "jumlah", "total": "jumlah", "penjumlahan": "jumlah", "average": "rata-rata",
                "mean": "rata-rata", "rerata": "rata-rata", "min": "minimum", "terendah": "minimum"}


def agregasikan(agregasi: Agregasi, nilai: Sequence[float]) -> float | None:
    """One quarter of a parent from its children's values of that quarter; None when there are none.

    PNBP of Pusat Teknologi Material as the sum of its two Balai (Rp 1,5 and 2,25 miliar):

    >>> agregasikan(Agregasi.JUMLAH, [1.5, 2.25]), agregasikan(Agregasi.RATA_RATA, [90.0, 85.0])
    (3.75, 87.5)
    >>> agregasikan(Agregasi.MINIMUM, [96.2, 91.0, 99.5]), agregasikan(Agregasi.JUMLAH, [])
    (91.0, None)
    """
    if not nilai:
        return None
    if agregasi is Agregasi.JUMLAH:
        return float(sum(nilai))
    if agregasi is Agregasi.RATA_RATA:
        return float(sum(nilai)) / len(nilai)
    return float(min(nilai))


def siklus(tautan: Mapping[Kunci, Kunci]) -> list[list[Kunci]]:
    """The cycles among the links (child → parent), each once, starting at its smallest IKU.

    >>> siklus({("A", "1"): ("B", "1"), ("B", "1"): ("A", "1"), ("C", "1"): ("A", "1")})
    [[('A', '1'), ('B', '1')]]
    """
    hasil, selesai = [], set()
    for awal in sorted(tautan):
        jalan, posisi = [], {}
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
) -> dict[Kunci, Nilai4]:
    """The four quarters' realisasi of every parent set to ``agregasi``, from its children, bottom up (a parent
    that is itself a child counts with what its own children give it). Links must be free of cycles.

    ``realisasi``: what was reported (None: not yet); ``terukur``: the quarters in which each IKU has a target.
    A quarter's value is None when no child is measured then, or when a measured child has not reported.

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
    hasil: dict[Kunci, Nilai4] = {}

    def nilai(k: Kunci) -> Nilai4:
        if k in agregasi:
            if k not in hasil:
                hasil[k] = _dari_anak(agregasi[k], [(nilai(a), terukur.get(a, (False,) * 4)) for a in anak.get(k, [])])
            return hasil[k]
        return realisasi.get(k, (None, None, None, None))

    for k in agregasi:
        nilai(k)
    return hasil


def _dari_anak(agregasi: Agregasi, anak: Sequence[tuple[Nilai4, tuple[bool, ...]]]) -> Nilai4:
    per_triwulan: list[float | None] = []
    for q in range(4):
        diukur = [n[q] for n, ukur in anak if ukur[q]]
        per_triwulan.append(None if any(v is None for v in diukur) else agregasikan(agregasi, diukur))  # type: ignore[arg-type]
    return tuple(per_triwulan)  # type: ignore[return-value]
