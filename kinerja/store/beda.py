"""An upload's rows against the stored ones: each row's old values, the values it lands with and whether it is new
or changed (``_sql_beda``), whether any can have a stored twin at all (``_mungkin_kembar``), and the statements that
land it (``_UPSERT``, ``_SISIP``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from kinerja.store.bantu import Koneksi
from kinerja.store.skema import KOLOM, KUNCI, TABEL, TETAP_BILA_KOSONG

if TYPE_CHECKING:
    import pandas as pd


def _nilai_efektif(nama: str, kolom: str, baru: str = "m", lama: str = "t") -> str:
    """The value a column takes when an upload lands: its own, or the stored one for a blank that keeps."""
    if kolom in TETAP_BILA_KOSONG.get(nama, ()):
        return f"COALESCE({baru}.{kolom}, {lama}.{kolom})"
    return f"{baru}.{kolom}"


def _sql_beda(nama: str, kolom_masuk: list[str]) -> str:
    """Each incoming row against the stored row with its key: old values, effective new values, baru/berubah."""
    kunci = KUNCI[nama]
    nilai = [k for k in KOLOM[nama] if k not in kunci]
    gabung = " AND ".join(f"t.{k} = m.{k}" for k in kunci)
    return f"""
        SELECT {", ".join(f"m.{k}" for k in kolom_masuk if k not in nilai)},
               {", ".join(f"{_nilai_efektif(nama, k)} AS {k}" for k in nilai)},
               {", ".join(f"t.{k} AS {k}_lama" for k in nilai)},
               t.{kunci[0]} IS NULL AS baru,
               t.{kunci[0]} IS NOT NULL AND ({" OR ".join(
                   f"{_nilai_efektif(nama, k)} IS DISTINCT FROM t.{k}" for k in nilai)}) AS berubah
        FROM masuk m LEFT JOIN {nama} t ON {gabung}
    """


_AWALAN = ("tahun", "triwulan")
"""The leading key columns whose few values tell whether a file can have a stored twin at all."""


def _mungkin_kembar(con: Koneksi, nama: str, masuk: pd.DataFrame) -> bool:
    """Whether a stored row of ``nama`` may share a key with a row of ``masuk``: one shares its year and quarter
    (the key's leading columns), or for a table keyed otherwise (``unit``) the table holds a row. A new year's
    upload, or a quarter's first, is then not sent to the database to be compared (on PostgreSQL a COPY)."""
    awalan = [k for k in KUNCI[nama] if k in _AWALAN]
    if not awalan:
        return bool(con.execute(f"SELECT EXISTS (SELECT 1 FROM {nama})").fetchone()[0])  # type: ignore[index]
    # a blank year or quarter matches no stored row (NULL equals nothing): only the filled ones are asked about
    nilai = masuk[awalan].dropna().drop_duplicates().astype("int64").itertuples(index=False, name=None)
    syarat, param = [], {}
    for n, baris in enumerate(nilai):
        syarat.append(" AND ".join(f"{k} = $p{n}_{k}" for k in awalan))
        param.update({f"p{n}_{k}": int(v) for k, v in zip(awalan, baris)})
    if not syarat:
        return False
    return bool(con.execute(f"SELECT EXISTS (SELECT 1 FROM {nama} WHERE ({') OR ('.join(syarat)}))",
                            param).fetchone()[0])  # type: ignore[index]


_UPSERT = {
    nama: f"""
        INSERT INTO {nama} SELECT {", ".join(KOLOM[nama])} FROM masuk
        ON CONFLICT ({", ".join(KUNCI[nama])}) DO UPDATE SET
        {", ".join(f"{k} = {_nilai_efektif(nama, k, 'excluded', nama)}" for k in KOLOM[nama] if k not in KUNCI[nama])}
    """
    for nama in TABEL
}


_SISIP = {nama: f"INSERT INTO {nama} SELECT {', '.join(KOLOM[nama])} FROM masuk" for nama in TABEL}
"""An upload whose every row is new: no conflict to resolve."""


def _dengan_baris_baru(masuk: pa.Table, tersimpan: pa.Table, nama: str) -> pa.Table:
    """The answer of ``_sql_beda`` for every row of ``masuk``, from its answer for the rows with a stored twin
    (``tersimpan``): a new row is its own values, no old ones, ``baru`` and not ``berubah``, as the query gives
    it. An upload that is mostly new (a ministry's first year) then sends back only what it did not know."""
    ada = np.zeros(masuk.num_rows, dtype=bool)
    ada[tersimpan.column("_urutan_masuk").to_numpy()] = True
    if ada.all():
        return tersimpan
    baru = masuk if not ada.any() else masuk.filter(pa.array(~ada))
    lama = {f"{k}_lama" for k in KOLOM[nama] if k not in KUNCI[nama]}
    jumlah = baru.num_rows
    kolom = []
    for f in tersimpan.schema:
        if f.name in ("baru", "berubah"):
            kolom.append(pa.array(np.full(jumlah, f.name == "baru"), type=f.type))
        elif f.name in lama:
            kolom.append(pa.nulls(jumlah, type=f.type))
        else:
            kolom.append(baru.column(f.name).cast(f.type))
    return pa.concat_tables([tersimpan, pa.Table.from_arrays(kolom, schema=tersimpan.schema)])
