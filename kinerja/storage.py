"""The DuckDB store: the schema and every SQL statement of the product.

DuckDB lets one process hold a database file at a time. So that the command
line works while the app is running, no process keeps the file open longer
than one operation: each method opens it, does its work in one transaction
and closes it. A file held by another process is retried for a few seconds,
then reported as ``DatabaseBusy`` ("coba lagi"), never a crash or a hang.

Methods take and return pandas DataFrames with the canonical columns of
``kinerja.loading``; nothing here knows about scoring or Streamlit.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from kinerja.texts import t

SKEMA = """
CREATE TABLE IF NOT EXISTS unit (
    kode_unit   VARCHAR PRIMARY KEY,
    nama_unit   VARCHAR NOT NULL,
    kode_induk  VARCHAR
);
CREATE TABLE IF NOT EXISTS iku (
    tahun              INTEGER NOT NULL,
    kode_unit          VARCHAR NOT NULL,
    kode_iku           VARCHAR NOT NULL,
    nama_iku           VARCHAR NOT NULL,
    sasaran_strategis  VARCHAR,
    perspektif         VARCHAR NOT NULL,
    satuan             VARCHAR,
    polaritas          VARCHAR NOT NULL,
    konsolidasi        VARCHAR NOT NULL,
    bobot              DOUBLE NOT NULL,
    target_tw1         DOUBLE,
    target_tw2         DOUBLE,
    target_tw3         DOUBLE,
    target_tw4         DOUBLE,
    konversi_120       BOOLEAN NOT NULL DEFAULT FALSE,
    realisasi_terburuk DOUBLE,
    PRIMARY KEY (tahun, kode_unit, kode_iku)
);
CREATE TABLE IF NOT EXISTS realisasi (
    tahun         INTEGER NOT NULL,
    triwulan      INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),
    kode_unit     VARCHAR NOT NULL,
    kode_iku      VARCHAR NOT NULL,
    realisasi     DOUBLE,
    kendala       VARCHAR,
    rencana_aksi  VARCHAR,
    PRIMARY KEY (tahun, triwulan, kode_unit, kode_iku)
);
"""

KOLOM_UNIT = ["kode_unit", "nama_unit", "kode_induk"]
KOLOM_IKU = [
    "tahun", "kode_unit", "kode_iku", "nama_iku", "sasaran_strategis", "perspektif", "satuan", "polaritas",
    "konsolidasi", "bobot", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "konversi_120",
    "realisasi_terburuk",
]
KOLOM_REALISASI = ["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "kendala", "rencana_aksi"]

# A blank realisasi (or note) in an upload means "not available in this file": it never erases a stored value.
_UPSERT = {
    "unit": f"""
        INSERT INTO unit SELECT {", ".join(KOLOM_UNIT)} FROM masuk
        ON CONFLICT (kode_unit) DO UPDATE SET nama_unit = excluded.nama_unit, kode_induk = excluded.kode_induk
    """,
    "iku": f"""
        INSERT INTO iku SELECT {", ".join(KOLOM_IKU)} FROM masuk
        ON CONFLICT (tahun, kode_unit, kode_iku) DO UPDATE SET
        {", ".join(f"{k} = excluded.{k}" for k in KOLOM_IKU[3:])}
    """,
    "realisasi": f"""
        INSERT INTO realisasi SELECT {", ".join(KOLOM_REALISASI)} FROM masuk
        ON CONFLICT (tahun, triwulan, kode_unit, kode_iku) DO UPDATE SET
            realisasi = COALESCE(excluded.realisasi, realisasi.realisasi),
            kendala = COALESCE(excluded.kendala, realisasi.kendala),
            rencana_aksi = COALESCE(excluded.rencana_aksi, realisasi.rencana_aksi)
    """,
}

_KOLOM = {"unit": KOLOM_UNIT, "iku": KOLOM_IKU, "realisasi": KOLOM_REALISASI}
_KUNCI = {
    "unit": ["kode_unit"],
    "iku": ["tahun", "kode_unit", "kode_iku"],
    "realisasi": ["tahun", "triwulan", "kode_unit", "kode_iku"],
}


class DatabaseBusy(RuntimeError):
    """The database file is held by another process: the user should try again shortly."""

    def __init__(self, path: Path) -> None:
        super().__init__(t("gudang.sibuk", path=path))
        self.path = path


def _terkunci(e: duckdb.Error) -> bool:
    teks = str(e)
    return "lock" in teks.lower() or "Conflict" in teks


@dataclass(frozen=True)
class Snapshot:
    """Everything the dashboard shows, read in one go."""

    unit: pd.DataFrame
    iku: pd.DataFrame
    realisasi: pd.DataFrame


@dataclass(frozen=True)
class Tersimpan:
    """What the store holds for the keys of an upload, and the codes it knows."""

    unit: pd.DataFrame
    iku: pd.DataFrame
    realisasi: pd.DataFrame
    kode_unit: frozenset[str]
    kunci_iku: pd.DataFrame


class Storage:
    """A DuckDB file holding the unit tree, the IKU catalogue with targets, and realisasi."""

    def __init__(self, path: Path | str, *, tunggu_detik: float = 5.0) -> None:
        self.path = Path(path)
        self.tunggu_detik = tunggu_detik

    @contextmanager
    def _buka(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open the file for one operation, waiting a little while another process holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        batas = time.monotonic() + self.tunggu_detik
        jeda = 0.05
        while True:
            try:
                con = duckdb.connect(str(self.path))
                break
            except duckdb.Error as e:
                if not _terkunci(e):
                    raise
                if time.monotonic() >= batas:
                    raise DatabaseBusy(self.path) from e
                time.sleep(jeda * (1 + random.random()))
                jeda = min(jeda * 2, 0.5)
        try:
            con.execute(SKEMA)
            yield con
        finally:
            con.close()

    @contextmanager
    def _transaksi(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with self._buka() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
                con.execute("COMMIT")
            except BaseException as e:
                con.execute("ROLLBACK")
                if isinstance(e, duckdb.TransactionException) and _terkunci(e):
                    raise DatabaseBusy(self.path) from e
                raise

    def tanda_versi(self) -> tuple[int, ...]:
        """A cheap fingerprint of the stored data: changes whenever a write lands.

        Read from the file system (size and modification time of the database
        and its write-ahead log), so checking it does not open the database.
        """
        tanda: list[int] = []
        for p in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                st = os.stat(p)
                tanda += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                tanda += [0, 0]
        return tuple(tanda)

    def kosong(self) -> bool:
        """Whether the store holds no unit yet (a fresh install)."""
        with self._buka() as con:
            return con.execute("SELECT count(*) FROM unit").fetchone()[0] == 0  # type: ignore[index]

    def baca(self, tahun: int | None = None) -> Snapshot:
        """Units, IKU and realisasi (of one year, or all), ordered for display."""
        filter_tahun = "WHERE tahun = $tahun" if tahun is not None else ""
        param = {"tahun": tahun} if tahun is not None else {}
        with self._buka() as con:
            con.execute("BEGIN TRANSACTION")  # one consistent view of the three tables
            unit = con.execute(f"SELECT {', '.join(KOLOM_UNIT)} FROM unit ORDER BY kode_unit").df()
            iku = con.execute(
                f"SELECT {', '.join(KOLOM_IKU)} FROM iku {filter_tahun} ORDER BY tahun, kode_unit, kode_iku",
                param,
            ).df()
            realisasi = con.execute(
                f"SELECT {', '.join(KOLOM_REALISASI)} FROM realisasi {filter_tahun} "
                "ORDER BY tahun, kode_unit, kode_iku, triwulan",
                param,
            ).df()
            con.execute("COMMIT")
        return Snapshot(unit, iku, realisasi)

    def daftar_tahun(self) -> list[int]:
        """Years that have IKU, newest first."""
        with self._buka() as con:
            return [r[0] for r in con.execute("SELECT DISTINCT tahun FROM iku ORDER BY tahun DESC").fetchall()]

    def tersimpan_untuk(self, unit: pd.DataFrame, iku: pd.DataFrame, realisasi: pd.DataFrame) -> Tersimpan:
        """The stored rows with the same keys as an upload, and the known codes, in one read."""
        with self._buka() as con:
            con.execute("BEGIN TRANSACTION")
            hasil = {}
            for nama, masuk in (("unit", unit), ("iku", iku), ("realisasi", realisasi)):
                kunci = _KUNCI[nama]
                con.register("masuk", masuk[kunci])
                hasil[nama] = con.execute(
                    f"SELECT t.* FROM {nama} t SEMI JOIN masuk USING ({', '.join(kunci)})"
                ).df()[_KOLOM[nama]]
                con.unregister("masuk")
            kode_unit = frozenset(r[0] for r in con.execute("SELECT kode_unit FROM unit").fetchall())
            kunci_iku = con.execute("SELECT tahun, kode_unit, kode_iku FROM iku").df()
            con.execute("COMMIT")
        return Tersimpan(hasil["unit"], hasil["iku"], hasil["realisasi"], kode_unit, kunci_iku)

    def simpan(self, unit: pd.DataFrame, iku: pd.DataFrame, realisasi: pd.DataFrame) -> None:
        """Upsert units, then IKU, then realisasi, all in one transaction: all land or none."""
        with self._transaksi() as con:
            for nama, masuk in (("unit", unit), ("iku", iku), ("realisasi", realisasi)):
                if masuk.empty:
                    continue
                con.register("masuk", masuk[_KOLOM[nama]])
                con.execute(_UPSERT[nama])
                con.unregister("masuk")
