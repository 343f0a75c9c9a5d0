"""Realisasi the store computes rather than keeps: an IKU's from its komponen (``rumus_komponen``,
``kinerja_core.komponen``) or from its children's (``agregasi_anak``, ``kinerja_core.kaskade``), put into what the
reads return."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from kinerja.store.bantu import Koneksi, _ada
from kinerja.store.skema import KUNCI

if TYPE_CHECKING:
    import pandas as pd

    from kinerja_core import kaskade

Kunci = tuple[int, str, str]
"""(tahun, kode_unit, kode_iku) of one IKU."""


def _realisasi_turunan(con: Koneksi, tahun: int | None) -> pd.DataFrame:
    """``realisasi_turunan`` as a table: tahun, kode_unit, kode_iku, ``tw1..tw4`` (NaN: not yet); no rows when no
    IKU computes its realisasi."""
    return _tabel_turunan(realisasi_turunan(con, tahun))


def realisasi_turunan(con: Koneksi, tahun: int | None) -> dict[Kunci, kaskade.Nilai4]:
    """The four quarters' realisasi (None: not yet) of every IKU of ``tahun`` (or of every year) that computes them: from its komponen (``rumus_komponen``, kinerja_core.komponen), or from its children
    (``agregasi_anak``, over the whole year's links, whichever units a view reads: a ministry's IKU at the root of
    a view still counts its offices'), a child's computed values counting as its realisasi. Empty when none is.
    Plain values, no pandas: ``python -m kinerja score`` reads them too."""
    param: dict[str, object]
    syarat, param = ("", {}) if tahun is None else (" AND tahun = $tahun", {"tahun": tahun})
    ((anak, rumus),) = con.execute(
        "SELECT count(*) FILTER (WHERE agregasi_anak IS NOT NULL), count(*) FILTER (WHERE rumus_komponen IS NOT NULL) "
        f"FROM iku WHERE (agregasi_anak IS NOT NULL OR rumus_komponen IS NOT NULL){syarat}", param).fetchall()
    if not anak and not rumus:  # most years of most installations: the cascade and komponen rules never load
        return {}
    from kinerja_core import kaskade
    from kinerja_core.model import Polaritas

    pasangan: dict[tuple, kaskade.Pasangan4] = {}
    dari_komponen = _realisasi_komponen(con, syarat, param, pasangan) if rumus else {}
    if not anak:
        return dari_komponen
    iku = con.execute(
        "SELECT tahun, kode_unit, kode_iku, kode_unit_induk, kode_iku_induk, agregasi_anak, polaritas, target_tw1, "
        "target_tw2, target_tw3, target_tw4 FROM iku WHERE (kode_iku_induk IS NOT NULL OR agregasi_anak IS NOT NULL)"
        f"{syarat}", param).fetchall()
    lapor = con.execute(
        "SELECT tahun, kode_unit, kode_iku, triwulan, realisasi FROM realisasi t WHERE "
        f"{_ada('iku', KUNCI['iku'], 't', dan='_a.kode_iku_induk IS NOT NULL')} AND realisasi IS NOT NULL{syarat}",
        param).fetchall()
    realisasi: dict[tuple, list[float | None]] = {}
    for th, u, i, q, v in lapor:
        realisasi.setdefault((th, u, i), [None] * 4)[q - 1] = v
    hasil = kaskade.realisasi_induk(
        {(th, u, i): (th, ui, ii) for th, u, i, ui, ii, *_ in iku if ii is not None},
        {(th, u, i): kaskade.Agregasi(a) for th, u, i, _, _, a, *_ in iku if a is not None},
        {**{k: tuple(v) for k, v in realisasi.items()}, **dari_komponen},  # type: ignore[misc]
        {(th, u, i): tuple(x is not None for x in target) for th, u, i, _, _, _, _, *target in iku},  # type: ignore[misc]
        polaritas={(th, u, i): Polaritas(p) for th, u, i, _, _, a, p, *_ in iku if a is not None},
        target={(th, u, i): tuple(target) for th, u, i, _, _, a, _, *target in iku if a is not None},  # type: ignore[misc]
        komponen=pasangan,
    )
    return {**dari_komponen, **hasil}


def _realisasi_komponen(con: Koneksi, syarat: str, param: dict[str, object],
                        pasangan: dict[tuple, kaskade.Pasangan4] | None = None) -> dict[tuple, kaskade.Nilai4]:
    """The four quarters' realisasi of every IKU with a ``rumus_komponen``, from its stored komponen; for each
    ``rasio(a; b)`` IKU its (a, b) per quarter goes into ``pasangan`` (what a ``gabungan`` parent pools)."""
    from kinerja_core.komponen import Bentuk as BentukRumus
    from kinerja_core.komponen import baca_rumus, realisasi_komponen

    rumus = {(th, u, i): baca_rumus(r) for th, u, i, r in con.execute(
        f"SELECT tahun, kode_unit, kode_iku, rumus_komponen FROM iku WHERE rumus_komponen IS NOT NULL{syarat}",
        param).fetchall()}
    nilai: dict[tuple, dict[int, dict[str, float]]] = {}
    for th, u, i, q, nama, v in con.execute(
            "SELECT tahun, kode_unit, kode_iku, triwulan, komponen, nilai FROM komponen t WHERE "
            f"{_ada('iku', KUNCI['iku'], 't', dan='_a.rumus_komponen IS NOT NULL')} AND nilai IS NOT NULL{syarat}",
            param).fetchall():
        nilai.setdefault((th, u, i), {}).setdefault(q, {})[nama] = v
    if pasangan is not None:
        for k, r in rumus.items():
            if r.bentuk is BentukRumus.RASIO:
                isi = nilai.get(k, {})
                pasangan[k] = tuple(_pasangan(r, isi.get(q, {})) for q in (1, 2, 3, 4))  # type: ignore[assignment]
    return {k: realisasi_komponen(r, nilai.get(k, {})) for k, r in rumus.items()}


def _pasangan(rumus, isi: dict[str, float]) -> tuple[float, float] | None:
    """A rasio's (pembilang, penyebut) of one quarter, None when one is missing or not finite."""
    a, b = (isi.get(nama) for nama in rumus.komponen)
    return (float(a), float(b)) if a is not None and b is not None and math.isfinite(a) and math.isfinite(b) else None


def _tabel_turunan(hasil: dict[Kunci, kaskade.Nilai4]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame([(th, u, i, *(math.nan if v is None else v for v in nilai))
                         for (th, u, i), nilai in hasil.items()],
                        columns=["tahun", "kode_unit", "kode_iku", "tw1", "tw2", "tw3", "tw4"])


def _dengan_turunan(realisasi: pd.DataFrame, iku: pd.DataFrame, turunan: pd.DataFrame) -> pd.DataFrame:
    """A snapshot's realisasi rows with the computed parents' values put in, for the parents among ``iku`` (the
    IKU read): a stored value of theirs gives way, and a reported quarter without a row gets one."""
    kunci = ["tahun", "kode_unit", "kode_iku"]
    turunan = turunan.merge(iku[kunci], on=kunci)
    panjang = turunan.melt(kunci, var_name="tw", value_name="nilai")
    panjang["triwulan"] = panjang.pop("tw").str[2].astype(int)
    gabung = realisasi.merge(panjang, on=KUNCI["realisasi"], how="outer", indicator=True)
    milik_induk = gabung["_merge"] != "left_only"
    gabung.loc[milik_induk, "realisasi"] = gabung.loc[milik_induk, "nilai"]
    gabung = gabung[(gabung["_merge"] != "right_only") | gabung["nilai"].notna()]
    return gabung.drop(columns=["nilai", "_merge"]).sort_values(KUNCI["realisasi"]).reset_index(drop=True)
