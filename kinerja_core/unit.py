"""The unit tree: a customs office under its regional office under its directorate general."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    """An organisational unit; ``kode_induk`` None for a root (a ministry, an agency)."""

    kode_unit: str
    nama_unit: str
    kode_induk: str | None = None


def anak_per_induk(units: Iterable[Unit]) -> dict[str, list[str]]:
    """Direct sub-units of every unit, in the order given."""
    anak: dict[str, list[str]] = {}
    for u in units:
        if u.kode_induk:
            anak.setdefault(u.kode_induk, []).append(u.kode_unit)
    return anak


def subpohon(units: Iterable[Unit], kode_unit: str, *, dengan_sub_unit: bool = True) -> list[str]:
    """``kode_unit`` followed by every unit below it (depth first); just itself without sub-units.

    A cycle in bad data cannot loop forever: each unit is visited once.

    >>> units = [Unit("DJBC", "DJBC"), Unit("KWJABAR", "Kanwil Jawa Barat", "DJBC"),
    ...          Unit("KPPBCBOGOR", "KPPBC Bogor", "KWJABAR")]
    >>> subpohon(units, "DJBC"), subpohon(units, "DJBC", dengan_sub_unit=False)
    (['DJBC', 'KWJABAR', 'KPPBCBOGOR'], ['DJBC'])
    """
    if not dengan_sub_unit:
        return [kode_unit]
    return _turun(anak_per_induk(units), kode_unit, set())


def _turun(anak: Mapping[str, list[str]], kode_unit: str, dilihat: set[str]) -> list[str]:
    """Depth first from ``kode_unit``, skipping (and adding to) ``dilihat``: each unit once, linear time."""
    hasil: list[str] = []
    tumpukan = [kode_unit]
    while tumpukan:
        kode = tumpukan.pop()
        if kode in dilihat:
            continue
        dilihat.add(kode)
        hasil.append(kode)
        tumpukan.extend(reversed(anak.get(kode, [])))
    return hasil


def kedalaman(units: Iterable[Unit]) -> Mapping[str, int]:
    """Depth of each unit in its tree (roots 0): used to indent unit pickers.

    >>> kedalaman([Unit("BPPT", "BPPT"), Unit("PTM", "Pusat Teknologi Material", "BPPT")])
    {'BPPT': 0, 'PTM': 1}
    """
    induk = {u.kode_unit: u.kode_induk for u in units}
    return {kode: _naik(induk, kode) for kode in induk}


def _naik(induk: Mapping[str, str | None], kode_unit: str) -> int:
    """How many stored parents are above ``kode_unit`` (a cycle counted once round)."""
    d, kode, dilihat = 0, induk[kode_unit], {kode_unit}
    while kode and kode in induk and kode not in dilihat:
        dilihat.add(kode)
        d, kode = d + 1, induk[kode]
    return d


def siklus(units: Iterable[Unit]) -> list[str] | None:
    """The first cycle in the parent links, as the path that closes it; None for a proper forest.

    A unit's parents never include itself (DOMAIN.md), so an upload that would
    make one is refused. Each unit is walked up at most once (linear time).

    >>> siklus([Unit("KEMENKEU", "Kemenkeu", "KPPBCBOGOR"), Unit("DJBC", "DJBC", "KEMENKEU"),
    ...         Unit("KPPBCBOGOR", "KPPBC Bogor", "DJBC")])
    ['KEMENKEU', 'KPPBCBOGOR', 'DJBC', 'KEMENKEU']
    >>> siklus([Unit("DJBC", "DJBC"), Unit("KPPBCBOGOR", "KPPBC Bogor", "DJBC")]) is None
    True
    """
    induk = {u.kode_unit: u.kode_induk for u in units}
    selesai: set[str] = set()
    for awal in induk:
        jalur: list[str] = []
        di_jalur: set[str] = set()
        kode: str | None = awal
        while kode is not None and kode in induk and kode not in selesai:
            if kode in di_jalur:
                return [*jalur[jalur.index(kode):], kode]
            jalur.append(kode)
            di_jalur.add(kode)
            kode = induk[kode]
        selesai.update(jalur)
    return None


@dataclass(frozen=True)
class Pohon:
    """The unit tree indexed once, so every question about it takes time linear in the number of units.

    A ministry has a thousand units or more; walking the tree once per unit (to order a picker, or to find
    which units have IKU below them) would take seconds. ``urutan`` lists roots first, each followed by its
    sub-units depth first, then any unit caught in a cycle of bad data.

    >>> pohon = Pohon.dari([Unit("DJBC", "DJBC"), Unit("KWJABAR", "Kanwil Jawa Barat", "DJBC"),
    ...                     Unit("KPPBCBOGOR", "KPPBC Bogor", "KWJABAR"), Unit("KWJATIM", "Kanwil Jatim", "DJBC")])
    >>> pohon.urutan
    ('DJBC', 'KWJABAR', 'KPPBCBOGOR', 'KWJATIM')
    >>> pohon.subpohon("KWJABAR"), pohon.anak["DJBC"], pohon.dalam["KPPBCBOGOR"]
    (['KWJABAR', 'KPPBCBOGOR'], ['KWJABAR', 'KWJATIM'], 2)
    >>> sorted(pohon.dengan_turunan({"KPPBCBOGOR"}))  # the units that have Bogor at or below them
    ['DJBC', 'KPPBCBOGOR', 'KWJABAR']
    """

    induk: Mapping[str, str | None]
    anak: Mapping[str, list[str]]
    dalam: Mapping[str, int]
    urutan: tuple[str, ...]

    @classmethod
    def dari(cls, units: Iterable[Unit]) -> Pohon:
        daftar = list(units)
        induk = {u.kode_unit: u.kode_induk for u in daftar}
        anak = anak_per_induk(daftar)
        dilihat: set[str] = set()
        urut: list[str] = []
        for u in daftar:
            if not (u.kode_induk and u.kode_induk in induk):  # a root (or under a parent that is not stored)
                urut += _turun(anak, u.kode_unit, dilihat)
        dalam: dict[str, int] = {}
        for kode in urut:  # depth first: a parent comes before its sub-units
            atas = induk[kode]
            dalam[kode] = dalam[atas] + 1 if atas in dalam else 0
        siklus = [u.kode_unit for u in daftar if u.kode_unit not in dilihat]  # in or under a cycle (bad data)
        dalam.update({kode: _naik(induk, kode) for kode in siklus})
        urut += siklus
        return cls(induk, anak, dalam, tuple(urut))

    def subpohon(self, kode_unit: str, *, dengan_sub_unit: bool = True) -> list[str]:
        """``kode_unit`` and every unit below it, depth first (as the module's ``subpohon``)."""
        return _turun(self.anak, kode_unit, set()) if dengan_sub_unit else [kode_unit]

    def dengan_turunan(self, ada: Iterable[str]) -> set[str]:
        """The units in ``ada`` and every unit above one of them: e.g. the units with IKU at or below them."""
        hasil: set[str] = set()
        for kode in ada:
            while kode in self.induk and kode not in hasil:  # stops at a unit already marked: linear overall
                hasil.add(kode)
                kode = self.induk[kode]  # type: ignore[assignment]
        return hasil
