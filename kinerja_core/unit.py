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
    anak = anak_per_induk(units)
    hasil: list[str] = []
    tumpukan = [kode_unit]
    while tumpukan:
        kode = tumpukan.pop()
        if kode in hasil:
            continue
        hasil.append(kode)
        tumpukan.extend(reversed(anak.get(kode, [])))
    return hasil


def kedalaman(units: Iterable[Unit]) -> Mapping[str, int]:
    """Depth of each unit in its tree (roots 0): used to indent unit pickers.

    >>> kedalaman([Unit("BPPT", "BPPT"), Unit("PTM", "Pusat Teknologi Material", "BPPT")])
    {'BPPT': 0, 'PTM': 1}
    """
    daftar = list(units)
    induk = {u.kode_unit: u.kode_induk for u in daftar}
    hasil: dict[str, int] = {}
    for u in daftar:
        d, kode, dilihat = 0, u.kode_induk, {u.kode_unit}
        while kode and kode in induk and kode not in dilihat:
            dilihat.add(kode)
            d, kode = d + 1, induk[kode]
        hasil[u.kode_unit] = d
    return hasil


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
