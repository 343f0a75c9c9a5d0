"""The storage interface: every SQL statement of the product, written once for both engines.

``Storage("data/kinerja.duckdb")`` keeps the data in one DuckDB file (``mesin_duckdb``: the default, one process
at a time); ``Storage("postgresql://…")`` in a PostgreSQL database shared by several app servers
(``mesin_postgres``). The engine opens a transaction and hands over a connection; what happens inside is the
same SQL on both, so the pages, the command line, the importer and the scoring never know which one is behind.

Every write is a revision: the rows an upload said are logged beside the
data, so an undo can rebuild exactly what the surviving revisions make.

Methods take and return pandas DataFrames with the columns of ``KOLOM``;
nothing here knows about scoring or Streamlit.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from kinerja.config import zona_waktu
from kinerja.texts import t
from kinerja_core.akses import PERAN_TULIS, SEMUA, Cara, Hibah, Pelaku, Peran, akar_terlihat, ditolak, identitas_sah, leluhur
from kinerja_core import kaskade
from kinerja_core.komponen import Bentuk as BentukRumus, baca_rumus, realisasi_komponen
from kinerja_core.model import Polaritas
from kinerja_core.unit import Unit, siklus

from kinerja.store.galat import MasalahBasisData
from kinerja.store.mesin_duckdb import MesinDuckdb
from kinerja.store.mesin_postgres import MesinPostgres, alamat_postgres
from kinerja.store.skema import (
    DUCKDB, KOLOM, KOLOM_REVISI, KOLOM_SALIN, KUNCI, MIGRASI, POSTGRESQL, TABEL, TABEL_VERSI, TETAP_BILA_KOSONG,
    TIPE_DASAR, VERSI_TERBARU, Dialek,
)

Koneksi = Any
"""A connection inside one transaction: DuckDB's own, or ``mesin_postgres.KoneksiPg`` speaking the same calls."""

_ID_BERIKUT = "SELECT COALESCE(max(id), 0) + 1 FROM revisi"


def _ada(dalam: str, kolom: list[str] | str, luar: str, *, tidak: bool = False, dan: str = "") -> str:
    """``[NOT] EXISTS`` a row of ``dalam`` (``_a``, meeting ``dan`` too) with the same ``kolom`` as the row
    ``luar``: the semi (anti) join, written the way both engines read it (DuckDB turns it back into one).

    >>> _ada("iku", "kode_unit", "m", tidak=True)
    'NOT EXISTS (SELECT 1 FROM iku _a WHERE _a.kode_unit = m.kode_unit)'
    """
    kolom = [kolom] if isinstance(kolom, str) else kolom
    sama = " AND ".join([*(f"_a.{k} = {luar}.{k}" for k in kolom), *([dan] if dan else [])])
    return f"{'NOT ' if tidak else ''}EXISTS (SELECT 1 FROM {dalam} _a WHERE {sama})"


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


def _sebagai_arrow(data: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """Rows handed to DuckDB as an Arrow table: it reads text columns from Arrow several times faster than
    from pandas. A frame Arrow cannot represent (mixed types in one column) is handed over as it is."""
    try:
        return pa.Table.from_pandas(data, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return data


def _sebagai_pandas(hasil: Any) -> pd.DataFrame:
    """A query's rows as a DataFrame through Arrow: a ministry-year's text columns arrive three times faster
    than through ``.df()``, and as ``.df()`` gives them (a text column without a value holds None, as object).
    Only for reads of numbers and text: Arrow hands dates over as Python dates, a nullable integer as float64."""
    tabel = hasil.to_arrow_table()
    data = tabel.to_pandas()
    kosong = [f.name for f, c in zip(tabel.schema, tabel.columns)
              if (pa.types.is_string(f.type) or pa.types.is_large_string(f.type)) and c.null_count == len(c)]
    return data.assign(**{k: pd.Series([None] * len(data), index=data.index, dtype=object) for k in kosong})


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


def _ke_pandas(tabel: pa.Table) -> pd.DataFrame:
    """A query's answer as a DataFrame, dates as datetime64 (as DuckDB's own ``df()`` gives them)."""
    return tabel.to_pandas(date_as_object=False)


def _sql_bangun_ulang(nama: str) -> str:
    """The rows of the keys in ``kunci`` as replaying every surviving import revision gives them."""
    kunci = ", ".join(KUNCI[nama])
    nilai = [k for k in KOLOM[nama] if k not in KUNCI[nama]]
    hidup = "SELECT id FROM revisi WHERE jenis = 'impor' AND dibatalkan_oleh IS NULL"
    if nama in TETAP_BILA_KOSONG:  # a blank keeps what the revisions before it said
        kolom = ", ".join(f"(array_agg({k} ORDER BY revisi DESC) FILTER (WHERE {k} IS NOT NULL))[1]" for k in nilai)
        return f"""
            INSERT INTO {nama} SELECT {kunci}, {kolom}
            FROM revisi_{nama} r WHERE {_ada("kunci", KUNCI[nama], "r")}
            AND r.revisi IN ({hidup}) GROUP BY {kunci}
        """
    return f"""
        INSERT INTO {nama} SELECT {", ".join(KOLOM[nama])} FROM (
            SELECT *, row_number() OVER (PARTITION BY {kunci} ORDER BY revisi DESC) AS _terakhir
            FROM revisi_{nama} r WHERE {_ada("kunci", KUNCI[nama], "r")} AND r.revisi IN ({hidup})
        ) AS hidup WHERE _terakhir = 1
    """


_INDUK_HILANG = ("SELECT DISTINCT m.tahun || ' ' || m.kode_unit || ' ' || m.kode_iku || ' → ' || "
                 "m.kode_unit_induk || ' ' || m.kode_iku_induk AS kode FROM {dari} m "
                 "WHERE m.kode_iku_induk IS NOT NULL AND NOT EXISTS "
                 "(SELECT 1 FROM iku i WHERE i.tahun = m.tahun AND i.kode_unit = m.kode_unit_induk "
                 "AND i.kode_iku = m.kode_iku_induk)")
"""IKU (of ``dari``) linked to an IKU that is not stored in their year."""

_YATIM = {
    "iku": f"SELECT DISTINCT kode_unit AS kode FROM iku t WHERE {_ada('unit', 'kode_unit', 't', tidak=True)}",
    "realisasi": "SELECT DISTINCT kode_iku AS kode FROM realisasi t WHERE "
                 f"{_ada('iku', KUNCI['iku'], 't', tidak=True)}",
    "unit": "SELECT DISTINCT u.kode_induk AS kode FROM unit u WHERE u.kode_induk IS NOT NULL "
            "AND u.kode_induk NOT IN (SELECT kode_unit FROM unit)",
    "rapat": f"SELECT DISTINCT kode_unit AS kode FROM rapat t WHERE {_ada('unit', 'kode_unit', 't', tidak=True)}",
    "komponen": f"SELECT DISTINCT kode_iku AS kode FROM komponen t WHERE {_ada('iku', KUNCI['iku'], 't', tidak=True)}",
    "kaskade": _INDUK_HILANG.format(dari="iku"),
}
"""Rows left without what they refer to (an undo may not leave any)."""


class ImporDitolak(ValueError):
    """An upload that stopped being valid between its check and its commit (another process wrote in
    between); refused whole inside the committing transaction. The message says what and why."""


@dataclass(frozen=True)
class Snapshot:
    """Everything the dashboard shows, read in one go."""

    unit: pd.DataFrame
    iku: pd.DataFrame
    realisasi: pd.DataFrame
    rapat: pd.DataFrame
    """The Dialog Kinerja meetings recorded (date, place, chair, attendees, arahan) per unit and quarter."""
    komponen: pd.DataFrame
    """The komponen values of the IKU read, per quarter (what their computed realisasi are made of)."""


@dataclass(frozen=True)
class KodeTersimpan:
    """The codes already stored: the unit tree (kode_unit, kode_induk) and every IKU (tahun, kode_unit, kode_iku,
    with the IKU it supports and where its realisasi comes from when it is not uploaded: kode_unit_induk,
    kode_iku_induk, agregasi_anak, rumus_komponen)."""

    unit: pd.DataFrame
    iku: pd.DataFrame


@dataclass(frozen=True)
class Revisi:
    """One commit to the store: an import, or the undo of one."""

    id: int
    waktu: datetime
    pengguna: str
    berkas: str
    sha256: str
    jenis: str
    membatalkan: int | None
    dibatalkan_oleh: int | None
    baru: int
    berubah: int
    sama: int
    dihapus: int
    asal: str | None = None
    """Where the write came from (a page, the command line); None for revisions older than sign-in."""
    operator: str | None = None
    """The operator's login when the command line acted for ``pengguna`` (``--user``); else None."""
    bagian: int | None = None
    """For a reader who may see only some of the units it touched: how many of its rows are theirs (its counts
    are then not shown); None when the reader may see all of it."""


BATAS_RINCIAN_BATAL = 200
"""Rows per table an undo preview lists; the counts cover all."""


@dataclass(frozen=True)
class TinjauanBatal:
    """What undoing a revision would do: counts, and per table the rows that change (``Storage._batalkan``)."""

    revisi: int
    berubah: int
    sama: int
    dihapus: int
    rincian: dict[str, pd.DataFrame]


class RevisiDitolak(ValueError):
    """An undo that cannot be done; the message says why in the user's words."""


class AksesDitolak(PermissionError):
    """A write the person's grants do not allow (checked in the committing transaction): nothing is stored.
    The message names the role needed and the units refused."""


class SesiBerakhir(AksesDitolak):
    """The sign-in a write rides on has ended (signed out, expired, or the person removed): nothing is stored."""


class Storage:
    """The unit tree, the IKU catalogue with targets, realisasi, komponen, meetings, their revisions, people and the
    audit trail: in a DuckDB file or a PostgreSQL database, the same calls either way."""

    def __init__(self, alamat: Path | str, *, tunggu_detik: float = 5.0) -> None:
        """``alamat``: a DuckDB file's path, or a ``postgresql://`` URL. ``tunggu_detik``: how long an operation
        waits for the database (another process's lock, the writer's turn) before it says ``DatabaseBusy``."""
        self._mesin: MesinDuckdb | MesinPostgres
        self._dialek = POSTGRESQL if alamat_postgres(alamat) else DUCKDB
        siapkan = lambda con: _siapkan_skema(con, self._dialek)  # noqa: E731 - the migrations, for the engine
        if self._dialek is POSTGRESQL:
            self._mesin = MesinPostgres(str(alamat), tunggu_detik, siapkan, TIPE_DASAR)
        else:
            self._mesin = MesinDuckdb(alamat, tunggu_detik, siapkan)
        self.tunggu_detik = tunggu_detik

    @property
    def path(self) -> Path | None:
        """The DuckDB file; None on PostgreSQL."""
        return self._mesin.path

    @property
    def alamat(self) -> str:
        """Where the data lives, as given: the file's path or the server's URL (a cache key, the ``--db`` value)."""
        return self._mesin.alamat

    @property
    def nama(self) -> str:
        """Where the data lives, as shown to people: the file's name, or the URL without its password."""
        return self._mesin.nama

    @property
    def tampil(self) -> str:
        """Where the data lives, for a message: the file's full path, or the URL without its password."""
        return str(self._mesin.path) if self._mesin.path is not None else self._mesin.nama

    @property
    def mesin(self) -> str:
        """``duckdb`` or ``postgresql``."""
        return self._mesin.mesin

    def ada(self) -> bool:
        """Whether the database exists (a DuckDB file: only a write creates it; PostgreSQL: the store's tables)."""
        return self._mesin.ada()

    def _buka(self, *, tulis: bool = False) -> AbstractContextManager[Koneksi]:
        """A connection for one operation (on DuckDB outside an explicit transaction; on PostgreSQL in one)."""
        return self._mesin.buka(tulis=tulis)

    def _transaksi(self, *, tulis: bool = False, kembalikan: bool = False) -> AbstractContextManager[Koneksi]:
        """One transaction: everything inside lands, or nothing does (``kembalikan``: a dry run, nothing kept)."""
        return self._mesin.transaksi(tulis=tulis, kembalikan=kembalikan)

    def tanda_versi(self) -> tuple[int, ...]:
        """A cheap fingerprint of the stored data: changes whenever a write lands, whichever process wrote.

        DuckDB: size and modification time of the file and its write-ahead log (checking does not open the
        database). PostgreSQL: the newest revision and audit line, so every app server sees every other's writes.
        """
        return self._mesin.tanda_versi()

    def kosong(self) -> bool:
        """Whether the store holds no unit yet (a fresh install, or no file at all)."""
        if not self.ada():
            return True
        with self._buka() as con:
            return con.execute("SELECT count(*) FROM unit").fetchone()[0] == 0  # type: ignore[index]

    def baca(self, tahun: int | None = None, kode_unit: str | None = None, *, sub_unit: bool = True) -> Snapshot:
        """Units, IKU and realisasi (of one year, or all), ordered for display, as one consistent view.

        ``kode_unit``: only the IKU, realisasi and meetings of that unit and, with ``sub_unit``, of every unit
        below it are read (``_saring_unit``: the tree is walked in the database, so an office's view never
        loads a ministry); the unit table is always whole.
        """
        dengan, syarat, param = _saring_unit(tahun, kode_unit, sub_unit, self._dialek)
        with self._transaksi() as con:
            data = {
                nama: con.execute(
                    f"SELECT {', '.join(KOLOM[nama])} FROM {nama} ORDER BY {', '.join(KUNCI[nama])}"
                    if nama == "unit" else
                    f"{dengan}SELECT {', '.join(KOLOM[nama])} FROM {nama} {syarat} "
                    f"ORDER BY {', '.join(KUNCI[nama])}",
                    {} if nama == "unit" else param,
                ).df()
                for nama in TABEL
            }
            turunan = _realisasi_turunan(con, tahun)
        if not turunan.empty:
            data["realisasi"] = _dengan_turunan(data["realisasi"], data["iku"], turunan)
        return Snapshot(**data)

    def daftar_tahun(self) -> list[int]:
        """Years that have IKU, newest first."""
        with self._buka() as con:
            return [r[0] for r in con.execute("SELECT DISTINCT tahun FROM iku ORDER BY tahun DESC").fetchall()]

    def kode(self) -> KodeTersimpan:
        """The stored unit tree and IKU keys: an upload's codes are matched and its references checked
        against them (the commit checks the references again, in its own transaction)."""
        with self._transaksi() as con:
            unit = con.execute("SELECT kode_unit, kode_induk FROM unit ORDER BY kode_unit").df()
            iku = con.execute("SELECT tahun, kode_unit, kode_iku, kode_unit_induk, kode_iku_induk, agregasi_anak, "
                              "rumus_komponen FROM iku ORDER BY tahun, kode_unit, kode_iku").df()
        return KodeTersimpan(unit, iku)

    def bandingkan(self, masuk: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
        """Each incoming row against the store (old values, effective new values, baru/berubah), per table.

        ``masuk`` maps a table name to rows with its columns (plus any extra
        columns, e.g. the file's row numbers, which are passed through).
        """
        with self._transaksi() as con:
            beda = {}
            for nama, data in masuk.items():
                tabel = _sebagai_arrow(data.assign(_urutan_masuk=np.arange(len(data))))
                con.register("masuk", tabel)
                if isinstance(tabel, pa.Table):  # only rows with a stored twin come back from DuckDB
                    tersimpan = con.sql(f"SELECT * FROM ({_sql_beda(nama, list(tabel.column_names))}) AS beda "
                                        "WHERE NOT baru").to_arrow_table()
                    hasil = _ke_pandas(_dengan_baris_baru(tabel, tersimpan, nama))
                else:
                    hasil = con.execute(_sql_beda(nama, list(tabel.columns))).df()
                beda[nama] = hasil.drop(columns="_urutan_masuk")
                con.unregister("masuk")
        return beda

    def iku_dan_realisasi(self, kunci: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The stored IKU with these keys (tahun, kode_unit, kode_iku) and their realisasi, as one consistent view:
        what an upload's preview scores to show the light a realisasi turns, without reading whole years."""
        with self._transaksi() as con:
            con.register("kunci_iku", kunci[KUNCI["iku"]])
            iku, realisasi = (
                con.execute(f"SELECT {', '.join(KOLOM[nama])} FROM {nama} t WHERE "
                            f"{_ada('kunci_iku', KUNCI['iku'], 't')} ORDER BY {', '.join(KUNCI[nama])}").df()
                for nama in ("iku", "realisasi")
            )
            con.unregister("kunci_iku")
        return iku, realisasi

    def komponen_iku(self, kunci: pd.DataFrame) -> pd.DataFrame:
        """The stored komponen of the IKU with these keys (tahun, kode_unit, kode_iku), every quarter."""
        with self._transaksi() as con:
            con.register("kunci_iku", kunci[KUNCI["iku"]])
            hasil = con.execute(f"SELECT {', '.join(KOLOM['komponen'])} FROM komponen t WHERE "
                                f"{_ada('kunci_iku', KUNCI['iku'], 't')} ORDER BY {', '.join(KUNCI['komponen'])}").df()
            con.unregister("kunci_iku")
        return hasil

    def simpan(self, masuk: dict[str, pd.DataFrame], *, pelaku: Pelaku, berkas: str, sha256: str) -> Revisi:
        """Commit an upload as one revision: check who writes, log what it said, upsert, count, all in one
        transaction.

        The counts are taken inside the transaction, against what is stored at
        that moment, so of two uploads racing each other the later is counted
        against the earlier. What the rows depend on (their IKU, unit, parent;
        a tree without cycles; one spelling per code) is checked again there
        too: another process may have undone or written something since the
        upload was checked. Then the whole upload is refused (``ImporDitolak``).
        So are the grants (``_izinkan``): every row's unit, where it stood and
        where it stands after the upload (``AksesDitolak``, logged in the audit trail).
        """
        kebutuhan = _kebutuhan(masuk)
        unit = _unit_masuk(masuk)
        with self._tertolak_dicatat(pelaku, unit):
            with self._transaksi(tulis=True) as con:
                hibah = _hak_dalam_transaksi(con, pelaku)
                if hibah is not None:  # a cascade link made, changed or taken away changes the parent's figure
                    kebutuhan += _kebutuhan_tautan(con, masuk.get("iku"))
                _periksa_hak(con, pelaku, hibah, kebutuhan, hanya_yang_ada=True)  # where the rows' units stand now
                (revisi,) = con.execute(
                    "INSERT INTO revisi (id, waktu, pengguna, berkas, sha256, jenis, baru, berubah, sama, asal, "
                    f"operator) VALUES (({_ID_BERIKUT}), $waktu, $pengguna, $berkas, $sha256, 'impor', 0, 0, 0, "
                    "$asal, $operator) RETURNING id",
                    {"waktu": _sekarang(), "pengguna": pelaku.identitas, "berkas": berkas, "sha256": sha256,
                     "asal": pelaku.asal, "operator": pelaku.operator},
                ).fetchone()  # type: ignore[misc]
                jumlah = Counter(baru=0, berubah=0, sama=0)
                for nama in TABEL:
                    data = masuk.get(nama)
                    if data is None or data.empty:
                        continue
                    # a column the writer does not know of (a note written before follow-up existed) is blank
                    hilang = [k for k in KOLOM[nama] if k not in data.columns]
                    con.register("masuk", _sebagai_arrow(data.assign(**dict.fromkeys(hilang, None))[KOLOM[nama]]))
                    baru, berubah, sama = con.execute(
                        f"SELECT count(*) FILTER (WHERE baru), count(*) FILTER (WHERE berubah), "
                        "count(*) FILTER (WHERE NOT baru AND NOT berubah) "
                        f"FROM ({_sql_beda(nama, KOLOM[nama])}) AS beda"
                    ).fetchone()  # type: ignore[misc]
                    jumlah.update(baru=baru, berubah=berubah, sama=sama)
                    con.execute(f"INSERT INTO revisi_{nama} SELECT $revisi, {', '.join(KOLOM[nama])} FROM masuk",
                                {"revisi": revisi})
                    # every row new (counted just now, in this transaction): a plain insert, which need not look
                    # for a row to update
                    con.execute(_SISIP[nama] if baru == len(data) else _UPSERT[nama])
                    _periksa_dalam_transaksi(con, nama)
                    con.unregister("masuk")
                _periksa_hak(con, pelaku, hibah, kebutuhan)  # and where they stand after it (new units, moves)
                con.execute("UPDATE revisi SET baru = $baru, berubah = $berubah, sama = $sama WHERE id = $id",
                            {**jumlah, "id": revisi})
                _catat_jejak(con, pelaku, "impor", t("jejak.impor", berkas=berkas, **jumlah), unit, revisi)
                return self._revisi(con, revisi)

    def batalkan(self, revisi_id: int, *, pelaku: Pelaku) -> Revisi:
        """Undo an import revision: its rows become what the surviving revisions make them.

        Every row the revision touched is rebuilt by replaying the import
        revisions that are not undone, so the store always equals a replay of
        the surviving revisions. The undo is itself a revision. It is refused
        when it would leave realisasi without its IKU (or an IKU without its unit),
        and unless the person is admin of every unit the revision touched (``AksesDitolak``).
        """
        with self._tertolak_dicatat(pelaku, lambda con: _unit_revisi(con, revisi_id)), \
                self._transaksi(tulis=True) as con:
            batal, _, unit = self._batalkan_berhak(con, revisi_id, pelaku)
            r = self._revisi(con, batal)
            _catat_jejak(con, pelaku, "batal", t("jejak.batal", asal=revisi_id, berubah=r.berubah,
                                                 dihapus=r.dihapus, sama=r.sama), unit, batal)
            return r

    def tinjau_batal(self, revisi_id: int, *, pelaku: Pelaku) -> TinjauanBatal:
        """What undoing a revision would change, row by row, without changing anything.

        The undo is carried out in a transaction that is then rolled back, so
        the preview is exactly what ``batalkan`` would do now: a refusal raises
        the same ``RevisiDitolak``, and a person who may not undo it sees none
        of its rows (``AksesDitolak``, in the audit trail like a refused undo).
        """
        with self._tertolak_dicatat(pelaku, lambda con: _unit_revisi(con, revisi_id)), \
                self._transaksi(tulis=True, kembalikan=True) as con:
            batal, rincian, _ = self._batalkan_berhak(con, revisi_id, pelaku)
            r = self._revisi(con, batal)
        return TinjauanBatal(revisi_id, r.berubah, r.sama, r.dihapus, rincian)

    def _batalkan_berhak(self, con: Koneksi, revisi_id: int,
                         pelaku: Pelaku) -> tuple[int, dict[str, pd.DataFrame], list[str]]:
        """The undo with its grants checked around it: admin of every unit the revision touched where they stand
        now, and where the undo puts them (a unit row put back under its old parent needs admin there too).
        Returns the undo's revision id, its rows per table and the units touched."""
        unit = _unit_revisi(con, revisi_id)
        hibah = _hak_dalam_transaksi(con, pelaku)
        _periksa_hak(con, pelaku, hibah, [(Peran.ADMIN, unit)])
        batal, rincian = self._batalkan(con, revisi_id, pelaku)
        baris_unit = [r[0] for r in con.execute("SELECT DISTINCT kode_unit FROM revisi_unit WHERE revisi = $id",
                                                {"id": revisi_id}).fetchall()]
        _periksa_hak(con, pelaku, hibah, [(Peran.ADMIN, unit), (Peran.ADMIN, _induk_dari(con, baris_unit))])
        return batal, rincian, unit

    def _batalkan(self, con: Koneksi, revisi_id: int,
                  pelaku: Pelaku) -> tuple[int, dict[str, pd.DataFrame]]:
        """The undo inside an open transaction: its revision id, and per table the rows it changes (at most
        BATAS_RINCIAN_BATAL each: key, new values, ``<kolom>_lama`` and ``dihapus``)."""
        semula = con.execute("SELECT jenis, dibatalkan_oleh, berkas FROM revisi WHERE id = $id",
                             {"id": revisi_id}).fetchone()
        if semula is None:
            raise RevisiDitolak(t("revisi.tidak_ada", id=revisi_id))
        if semula[0] != "impor":
            raise RevisiDitolak(t("revisi.bukan_impor", id=revisi_id))
        if semula[1] is not None:
            raise RevisiDitolak(t("revisi.sudah_dibatalkan", id=revisi_id, oleh=semula[1]))
        (batal,) = con.execute(
            "INSERT INTO revisi (id, waktu, pengguna, berkas, sha256, jenis, membatalkan, baru, berubah, sama, asal, "
            f"operator) VALUES (({_ID_BERIKUT}), $waktu, $pengguna, $berkas, '', 'batal', $batal, 0, 0, 0, $asal, "
            "$operator) RETURNING id",
            {"waktu": _sekarang(), "pengguna": pelaku.identitas, "berkas": semula[2], "batal": revisi_id,
             "asal": pelaku.asal, "operator": pelaku.operator},
        ).fetchone()  # type: ignore[misc]
        con.execute("UPDATE revisi SET dibatalkan_oleh = $batal WHERE id = $asal", {"batal": batal, "asal": revisi_id})
        jumlah = Counter(berubah=0, sama=0, dihapus=0)
        rincian = {}
        for nama in TABEL:
            kunci = ", ".join(KUNCI[nama])
            sama_kunci = " AND ".join(f"s.{k} = t.{k}" for k in KUNCI[nama])
            for sementara in ("kunci", "sebelum"):
                con.execute(f"DROP TABLE IF EXISTS {sementara}")
            # the id is an int, written into the statement: a CREATE takes no parameters on PostgreSQL
            con.execute(f"CREATE TEMP TABLE kunci AS SELECT DISTINCT {kunci} FROM revisi_{nama} "
                        f"WHERE revisi = {int(revisi_id)}")
            con.execute(f"CREATE TEMP TABLE sebelum AS SELECT * FROM {nama} t WHERE {_ada('kunci', KUNCI[nama], 't')}")
            con.execute(f"DELETE FROM {nama} USING kunci WHERE "
                        + " AND ".join(f"{nama}.{k} = kunci.{k}" for k in KUNCI[nama]))
            con.execute(_sql_bangun_ulang(nama))
            beda = " OR ".join(f"s.{k} IS DISTINCT FROM t.{k}" for k in KOLOM[nama])
            hilang = f"t.{KUNCI[nama][0]} IS NULL"
            dihapus, berubah, sama = con.execute(
                f"SELECT count(*) FILTER (WHERE {hilang}), count(*) FILTER (WHERE NOT {hilang} AND ({beda})), "
                f"count(*) FILTER (WHERE NOT {hilang} AND NOT ({beda})) FROM sebelum s LEFT JOIN {nama} t ON {sama_kunci}"
            ).fetchone()  # type: ignore[misc]
            jumlah.update(berubah=berubah, sama=sama, dihapus=dihapus)
            nilai = [k for k in KOLOM[nama] if k not in KUNCI[nama]]
            rincian[nama] = con.execute(
                f"SELECT {', '.join(f's.{k}' for k in KUNCI[nama])}, {', '.join(f't.{k}' for k in nilai)}, "
                f"{', '.join(f's.{k} AS {k}_lama' for k in nilai)}, {hilang} AS dihapus "
                f"FROM sebelum s LEFT JOIN {nama} t ON {sama_kunci} WHERE {hilang} OR ({beda}) "
                f"ORDER BY {', '.join(f's.{k}' for k in KUNCI[nama])} LIMIT {BATAS_RINCIAN_BATAL}"
            ).df()
        for sementara in ("kunci", "sebelum"):
            con.execute(f"DROP TABLE {sementara}")
        for nama, sql in _YATIM.items():
            yatim = [r[0] for r in con.execute(sql + " LIMIT 5").fetchall()]
            if yatim:
                raise RevisiDitolak(t(f"revisi.yatim_{nama}", id=revisi_id, kode=", ".join(map(str, yatim))))
        con.execute("UPDATE revisi SET berubah = $berubah, sama = $sama, dihapus = $dihapus WHERE id = $id",
                    {**jumlah, "id": batal})
        return batal, rincian

    def daftar_revisi(self, hibah: Sequence[Hibah] | None = None) -> list[Revisi]:
        """Every revision, newest first; with ``hibah`` (a reader's grants, any role), only those that touched a
        unit the reader may see. One that touched other units too is shown in part: its counts, which cover the
        other units' rows, give way to ``bagian``, how many of its rows are the reader's units'. A reader of
        KPPBCBOGOR sees an upload of one Bogor row and two Bekasi rows with ``bagian=1``, an upload of BTP not at all.
        """
        with self._transaksi() as con:
            semua = [_revisi_dari_baris(b) for b in con.execute(
                f"SELECT {', '.join(KOLOM_REVISI)} FROM revisi ORDER BY id DESC").fetchall()]
            akar = akar_terlihat(hibah) if hibah is not None else {SEMUA}
            if SEMUA in akar:
                return semua
            induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
            terlihat = {u for u in induk if akar & set(leluhur(induk, u))}
            # the units each revision touched, as its audit line names them (an undo: those of the undone one)
            tersentuh: dict[int, set[str]] = {}
            for revisi, unit in con.execute("SELECT j.revisi, u.kode_unit FROM jejak j JOIN jejak_unit u ON "
                                            "u.jejak = j.id WHERE j.revisi IS NOT NULL").fetchall():
                tersentuh.setdefault(revisi, set()).add(unit)
            sebagian = [r for r in semua if tersentuh.get(r.id, set()) & terlihat
                        and not tersentuh[r.id] <= terlihat]
            bagian = _baris_unit_revisi(con, {r.id: r.membatalkan or r.id for r in sebagian}, sorted(terlihat))
        return [replace(r, baru=0, berubah=0, sama=0, dihapus=0, bagian=bagian.get(r.id, 0)) if r in sebagian else r
                for r in semua if tersentuh.get(r.id, set()) & terlihat]

    @staticmethod
    def _revisi(con: Koneksi, revisi_id: int) -> Revisi:
        return _revisi_dari_baris(con.execute(f"SELECT {', '.join(KOLOM_REVISI)} FROM revisi WHERE id = $id",
                                              {"id": revisi_id}).fetchone())  # type: ignore[arg-type]

    def tabel(self, nama: str) -> pd.DataFrame:
        """Every row of one stored table (``KOLOM_SALIN``), ordered by all its columns: what a copy or a replay
        must reproduce exactly."""
        kolom = ", ".join(KOLOM_SALIN[nama])
        with self._transaksi() as con:
            return con.execute(f"SELECT {kolom} FROM {nama} ORDER BY {kolom}").df()

    def salin_ke(self, tujuan: Storage) -> dict[str, int]:
        """Copy the whole installation into ``tujuan`` (the other engine, or another database of the same one):
        every table row for row — data, revisions and their logs, people, grants, the audit trail — read as one
        consistent view and written in one transaction, so undo by replay and the audit trail work there as here.
        Refused when ``tujuan`` already holds anything. Returns the rows copied per table.

        ``python -m kinerja copy --from data/kinerja.duckdb --to postgresql://kinerja@db/kinerja`` moves an office
        onto the institution's server; the same command with the two swapped brings it back.
        """
        if tujuan._mesin.identitas == self._mesin.identitas:  # one file named two ways is one database
            raise MasalahBasisData("salin.sama", self.tampil)
        jumlah = {}
        with self._transaksi() as asal, tujuan._transaksi(tulis=True) as ke:
            isi = ke.execute("SELECT (SELECT count(*) FROM unit) + (SELECT count(*) FROM revisi) + "
                             "(SELECT count(*) FROM pengguna) + (SELECT count(*) FROM jejak)").fetchall()[0][0]
            if isi:
                raise MasalahBasisData("salin.tujuan_berisi", tujuan.tampil)
            for tabel, kolom in KOLOM_SALIN.items():
                daftar = ", ".join(kolom)
                data = asal.sql(f"SELECT {daftar} FROM {tabel}").to_arrow_table()
                jumlah[tabel] = data.num_rows
                if data.num_rows:
                    ke.register("salinan", data)
                    ke.execute(f"INSERT INTO {tabel} ({daftar}) SELECT {daftar} FROM salinan")
                    ke.unregister("salinan")
        return jumlah

    # --- who may do what: people, grants, sign-in sessions, the audit trail (checks in kinerja_core.akses)

    @contextmanager
    def _tertolak_dicatat(self, pelaku: Pelaku,
                          unit: list[str] | Callable[[Koneksi], list[str]]) -> Iterator[None]:
        """A refused write is rolled back whole; the refusal itself is then written to the audit trail, with the
        units it touched (``unit``, or read then: only a refusal needs them)."""
        try:
            yield
        except AksesDitolak as e:
            with self._transaksi(tulis=True) as con:
                _catat_jejak(con, pelaku, "ditolak", str(e), unit(con) if callable(unit) else unit)
            raise

    def catat_penolakan(self, pelaku: Pelaku, rincian: str, unit: list[str]) -> None:
        """Write a refusal found before any transaction (an upload's preview naming rows of units the person does
        not hold) to the audit trail, like a refusal at commit: who, from where, on which units."""
        with self._transaksi(tulis=True) as con:
            _catat_jejak(con, pelaku, "ditolak", rincian, unit)

    def terkunci(self) -> bool:
        """Whether writing needs a signed-in person with a grant (false: the open demo of a fresh checkout)."""
        if not self.ada():
            return False
        with self._buka() as con:
            return _akses_terkunci(con)

    def tambah_pengguna(self, identitas: str, sandi: str | None, *, pelaku: Pelaku) -> None:
        """Add a person (``sandi``: an argon2 hash for the local store, None for an SSO identity) and lock the
        installation: from now on writing needs sign-in. Only an admin of every unit may."""
        if not identitas_sah(identitas):  # a line break or a tab would forge lines wherever names are listed
            raise ValueError(t("cli.pengguna_tidak_sah", nilai=identitas))
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _izinkan(con, pelaku, [(Peran.ADMIN, [SEMUA])])
            if _ada_pengguna(con, identitas):
                raise ValueError(t("akses.sudah_ada", identitas=identitas))
            con.execute("INSERT INTO pengguna VALUES ($i, $sandi, $kini)",
                        {"i": identitas, "sandi": sandi, "kini": _sekarang()})
            con.execute("INSERT INTO pengaturan VALUES ('terkunci', 'ya') ON CONFLICT DO NOTHING")
            _catat_jejak(con, pelaku, "pengguna_tambah", t("jejak.pengguna_tambah", identitas=identitas,
                                                            cara="SSO" if sandi is None else t("akses.lokal")), [])

    def hapus_pengguna(self, identitas: str, *, pelaku: Pelaku) -> None:
        """Remove a person with their grants and open sessions: a write already on its way is refused at commit."""
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _izinkan(con, pelaku, [(Peran.ADMIN, [SEMUA])])
            if not _ada_pengguna(con, identitas):
                raise ValueError(t("akses.tidak_ada", identitas=identitas))
            admin = _admin_semua(con)
            for tabel in ("hibah", "sesi", "pengguna"):
                con.execute(f"DELETE FROM {tabel} WHERE identitas = $i", {"i": identitas})
            con.execute("DELETE FROM gagal_masuk WHERE nama = $n", {"n": _sidik_gagal(con, identitas)})
            _masih_ada_admin(con, admin)
            _catat_jejak(con, pelaku, "pengguna_hapus", t("jejak.pengguna_hapus", identitas=identitas), [])

    def beri_hak(self, identitas: str, hibah: Hibah, *, pelaku: Pelaku, cabut: bool = False) -> None:
        """Grant (or with ``cabut`` take back) a role on a unit's subtree; the unit must exist (or be ``SEMUA``)."""
        with self._tertolak_dicatat(pelaku, []), self._transaksi(tulis=True) as con:
            _izinkan(con, pelaku, [(Peran.ADMIN, [SEMUA])])
            if not _ada_pengguna(con, identitas):
                raise ValueError(t("akses.tidak_ada", identitas=identitas))
            param = {"i": identitas, "peran": hibah.peran.value, "unit": hibah.kode_unit}
            if cabut:
                admin = _admin_semua(con)
                if not con.execute("DELETE FROM hibah WHERE identitas = $i AND peran = $peran AND kode_unit = $unit "
                                   "RETURNING 1", param).fetchall():
                    raise ValueError(t("akses.hak_tidak_ada", identitas=identitas, peran=hibah.peran.value,
                                       unit=hibah.kode_unit))
                _masih_ada_admin(con, admin)
            else:
                if hibah.kode_unit != SEMUA and not con.execute(
                        "SELECT count(*) FROM unit WHERE kode_unit = $u", {"u": hibah.kode_unit}).fetchone()[0]:  # type: ignore[index]
                    raise ValueError(t("galat.unit_tidak_dikenal", nilai=hibah.kode_unit))
                con.execute("INSERT INTO hibah VALUES ($i, $peran, $unit) ON CONFLICT DO NOTHING", param)
            tindakan = "hak_cabut" if cabut else "hak_beri"
            _catat_jejak(con, pelaku, tindakan, t(f"jejak.{tindakan}", identitas=identitas, peran=hibah.peran.value,
                                                  unit=hibah.kode_unit), [hibah.kode_unit])

    def daftar_pengguna(self) -> pd.DataFrame:
        """Every person: identitas, sso (no local password), hak ('pengisi KWBCJABAR, …'), dibuat (UTC)."""
        with self._buka() as con:
            return con.execute(
                "SELECT p.identitas, p.sandi IS NULL AS sso, COALESCE(string_agg(h.peran || ' ' || h.kode_unit, ', ' "
                "ORDER BY h.kode_unit, h.peran), '') AS hak, p.dibuat FROM pengguna p LEFT JOIN hibah h USING "
                "(identitas) GROUP BY p.identitas, p.sandi, p.dibuat ORDER BY p.identitas").df()

    def pengguna(self, identitas: str) -> tuple[str | None, list[Hibah]] | None:
        """A person's password hash (None: SSO) and grants, or None when there is no such person."""
        if not self.ada():
            return None
        with self._transaksi() as con:
            baris = con.execute("SELECT sandi FROM pengguna WHERE identitas = $i", {"i": identitas}).fetchone()
            return None if baris is None else (baris[0], _hibah(con, identitas))

    def giliran_masuk(self, identitas: str, sumber: str | None, kini: datetime, jendela: timedelta,
                      tunggu: Callable[[list[datetime], list[datetime]], timedelta]) -> timedelta:
        """A sign-in attempt takes its turn, in one transaction: failures older than ``jendela`` are forgotten;
        ``tunggu`` is given the failures of the name and of the source (``sumber``, the browser's address) within
        it, oldest first, and says how long this attempt must still wait. When it need not, the attempt is counted
        as a failure at once (a success takes it back, ``catat_masuk``), so attempts made at the same moment each
        see the others: only one of them has its password checked. Returns the wait (zero: check the password).

        Names and sources are kept only as keyed hashes (``_sidik_gagal``): a password typed into the name field
        is never stored in clear.
        """
        with self._transaksi(tulis=True) as con:
            nama = _sidik_gagal(con, identitas)
            asal = _sidik_gagal(con, sumber) if sumber else None
            con.execute("DELETE FROM gagal_masuk WHERE waktu < $s", {"s": kini - jendela})
            per_nama = [r[0] for r in con.execute("SELECT waktu FROM gagal_masuk WHERE nama = $n ORDER BY waktu",
                                                  {"n": nama}).fetchall()]
            per_sumber = [r[0] for r in con.execute("SELECT waktu FROM gagal_masuk WHERE sumber = $s ORDER BY waktu",
                                                    {"s": asal}).fetchall()] if asal else []
            sisa = tunggu(per_nama, per_sumber)
            if sisa <= timedelta(0):
                con.execute("INSERT INTO gagal_masuk (nama, sumber, waktu) VALUES ($n, $s, $w)",
                            {"n": nama, "s": asal, "w": kini})
            return sisa

    def catat_masuk(self, identitas: str, *, berhasil: bool, waktu: datetime, token: str | None = None,
                    berakhir: datetime | None = None, asal: str = "") -> None:
        """Record how a sign-in attempt ended (``giliran_masuk`` has counted it as a failure already): a failure
        goes to the audit trail under the person's name when there is such a person (else as ``TIDAK_DIKENAL``:
        what was typed may be a password); a success clears the name's failures, opens the session ``token`` until
        ``berakhir`` (UTC) and is written to the audit trail."""
        with self._transaksi(tulis=True) as con:
            if not berhasil:
                siapa = identitas if identitas_sah(identitas) and _ada_pengguna(con, identitas) else TIDAK_DIKENAL
                _catat_jejak(con, Pelaku(siapa, Cara.MASUK, asal), "masuk_gagal", t("jejak.masuk_gagal"), [],
                             waktu=waktu)
                return
            con.execute("DELETE FROM gagal_masuk WHERE nama = $n", {"n": _sidik_gagal(con, identitas)})
            if token is not None:
                con.execute("INSERT INTO sesi VALUES ($token, $i, $berakhir)",
                            {"token": token, "i": identitas, "berakhir": berakhir})
            _catat_jejak(con, Pelaku(identitas, Cara.MASUK, asal), "masuk", t("jejak.masuk"), [])

    def catat_sso_ditolak(self, identitas: str, rincian: str, *, asal: str = "") -> None:
        """An SSO sign-in refused (its claim not trusted, or naming no SSO person) in the audit trail, as a failed
        sign-in is: under the person's name when there is such a person, else as ``TIDAK_DIKENAL``. A store not
        made yet is left so."""
        if not self.ada():
            return
        with self._transaksi(tulis=True) as con:
            siapa = identitas if identitas_sah(identitas) and _ada_pengguna(con, identitas) else TIDAK_DIKENAL
            _catat_jejak(con, Pelaku(siapa, Cara.MASUK, asal), "masuk_gagal", rincian, [])

    def gagal_masuk(self, identitas: str, sejak: datetime) -> list[datetime]:
        """The failed sign-ins of ``identitas`` since ``sejak`` (UTC), oldest first."""
        if not self.ada():
            return []
        with self._buka() as con:
            kunci = con.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": _KUNCI_HMAC}).fetchone()
            if kunci is None:  # no sign-in has failed here yet
                return []
            return [r[0] for r in con.execute(
                "SELECT waktu FROM gagal_masuk WHERE nama = $n AND waktu >= $s ORDER BY waktu",
                {"n": _hmac(kunci[0], identitas), "s": sejak}).fetchall()]

    def tutup_sesi(self, pelaku: Pelaku) -> None:
        """Sign out: the session ends here, so a write still on its way with it is refused."""
        with self._transaksi(tulis=True) as con:
            con.execute("DELETE FROM sesi WHERE token = $t", {"t": pelaku.sesi})
            _catat_jejak(con, pelaku, "keluar", t("jejak.keluar"), [])

    def sesi_berlaku(self, pelaku: Pelaku, kini: datetime) -> bool:
        """Whether the session ``pelaku`` signed in with is still open at ``kini`` (UTC)."""
        if not self.ada():
            return False
        with self._buka() as con:
            return _sesi_terbuka(con, pelaku, kini)

    def jejak(self, *, kode_unit: str | None = None, pengguna: str | None = None, dari: datetime | None = None,
              sampai: datetime | None = None) -> pd.DataFrame:
        """The audit trail, newest first: id, waktu (UTC), pengguna, cara, asal, tindakan, revisi, rincian, unit,
        operator (the command line's operator acting for ``pengguna``, else None).

        ``kode_unit``: lines that touched the unit or any unit below it; ``dari``/``sampai``: UTC bounds
        (``sampai`` exclusive).
        """
        # the unit and every unit below it: ``pilih``
        dengan, _, param = _saring_unit(None, kode_unit, True, self._dialek)
        syarat = ["j.id IN (SELECT jejak FROM jejak_unit WHERE kode_unit IN (SELECT kode_unit FROM pilih))"
                  ] if kode_unit is not None else []
        for kolom, nilai, op in (("pengguna", pengguna, "="), ("waktu", dari, ">="), ("waktu", sampai, "<")):
            if nilai is not None:
                syarat.append(f"j.{kolom} {op} ${kolom}_{len(param)}")
                param[f"{kolom}_{len(param)}"] = nilai
        with self._buka() as con:
            return con.execute(
                f"{dengan}SELECT j.id, j.waktu, j.pengguna, j.cara, j.asal, j.tindakan, j.revisi, j.rincian, "
                "COALESCE((SELECT string_agg(kode_unit, ', ' ORDER BY kode_unit) FROM jejak_unit WHERE jejak = j.id), "
                f"'') AS unit, j.operator FROM jejak j {'WHERE ' + ' AND '.join(syarat) if syarat else ''} ORDER BY j.id DESC",
                param).df()

    # --- reads for the pages: small, narrow answers, so a page at the ministry root reads no more than it shows

    def baca_lebar(self, tahun: int, kode_unit: str | None = None, *, sub_unit: bool = True,
                   kolom: Sequence[str] = KOLOM["iku"]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """What scoring needs and no more, in one read: the unit table, and the year's IKU of the units asked
        for with their four quarterly realisasi beside the targets (``realisasi_tw1..4``, NaN where not
        reported), pivoted in the database: ``scores.lebar`` of ``baca``, without the notes. ``kolom``: the IKU
        columns to read (the key always), e.g. ``scores.KOLOM_IKU_SKOR`` for ``python -m kinerja score``."""
        kolom = [*KUNCI["iku"], *(k for k in kolom if k not in KUNCI["iku"])]
        dengan, syarat, param = _saring_unit(tahun, kode_unit, sub_unit, self._dialek)
        realisasi_tw = [f"realisasi_tw{q}" for q in range(1, 5)]
        per_triwulan = ", ".join(f"max(realisasi) FILTER (WHERE triwulan = {q}) AS {k}"
                                 for q, k in enumerate(realisasi_tw, start=1))
        with self._transaksi() as con:
            unit = con.execute(f"SELECT {', '.join(KOLOM['unit'])} FROM unit ORDER BY kode_unit").df()
            lebar = _sebagai_pandas(con.sql(
                f"{dengan}SELECT {', '.join([f'i.{k}' for k in kolom] + realisasi_tw)} "
                f"FROM (SELECT {', '.join(kolom)} FROM iku {syarat}) i LEFT JOIN "
                f"(SELECT kode_unit, kode_iku, {per_triwulan} FROM realisasi {syarat} GROUP BY kode_unit, kode_iku) r "
                f"USING (kode_unit, kode_iku) ORDER BY {', '.join(f'i.{k}' for k in KUNCI['iku'])}", params=param))
            turunan = _realisasi_turunan(con, tahun)
        if not turunan.empty:  # a parent's quarters from its children (kinerja_core.kaskade), not as stored
            posisi = pd.MultiIndex.from_frame(lebar[["tahun", "kode_unit", "kode_iku"]]).get_indexer(
                pd.MultiIndex.from_frame(turunan[["tahun", "kode_unit", "kode_iku"]]))
            ada = posisi >= 0
            for q, k in enumerate(realisasi_tw, start=1):
                lebar.loc[lebar.index[posisi[ada]], k] = turunan[f"tw{q}"].to_numpy(dtype=float)[ada]
        return unit, lebar

    def unit_tahun(self, tahun: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """The unit table, and what tells where a meeting stands in ``tahun``: which IKU are measured in which
        quarters (kode_unit, kode_iku, target_tw1..4) and which have a realisasi (kode_unit, kode_iku,
        triwulan, realisasi; blank realisasi left out). Read as one consistent view."""
        with self._transaksi() as con:
            unit = con.execute(f"SELECT {', '.join(KOLOM['unit'])} FROM unit ORDER BY kode_unit").df()
            iku = con.execute("SELECT kode_unit, kode_iku, target_tw1, target_tw2, target_tw3, target_tw4 FROM iku "
                              "WHERE tahun = $tahun ORDER BY kode_unit, kode_iku", {"tahun": tahun}).df()
            lapor = con.execute("SELECT kode_unit, kode_iku, triwulan, realisasi FROM realisasi WHERE tahun = $tahun "
                                "AND realisasi IS NOT NULL", {"tahun": tahun}).df()
            turunan = _realisasi_turunan(con, tahun)
        if not turunan.empty:  # a computed realisasi is reported when it can be computed
            lapor = _dengan_turunan(lapor.assign(tahun=tahun), iku.assign(tahun=tahun), turunan)
            lapor = lapor.loc[lapor["realisasi"].notna(), ["kode_unit", "kode_iku", "triwulan", "realisasi"]]
        return unit, iku, lapor


def _realisasi_turunan(con: Koneksi, tahun: int | None) -> pd.DataFrame:
    """The four quarters' realisasi (``tw1..tw4``, NaN: not yet) of every IKU of ``tahun`` (or of every year) that
    computes them: from its komponen (``rumus_komponen``, kinerja_core.komponen), or from its children
    (``agregasi_anak``, over the whole year's links, whichever units a view reads: a ministry's IKU at the root of
    a view still counts its offices'), a child's computed values counting as its realisasi. Empty when none is."""
    syarat, param = ("", {}) if tahun is None else (" AND tahun = $tahun", {"tahun": tahun})
    ((anak, rumus),) = con.execute(
        "SELECT count(*) FILTER (WHERE agregasi_anak IS NOT NULL), count(*) FILTER (WHERE rumus_komponen IS NOT NULL) "
        f"FROM iku WHERE (agregasi_anak IS NOT NULL OR rumus_komponen IS NOT NULL){syarat}", param).fetchall()
    if not anak and not rumus:
        return pd.DataFrame()
    pasangan: dict[tuple, kaskade.Pasangan4] = {}
    dari_komponen = _realisasi_komponen(con, syarat, param, pasangan) if rumus else {}
    if not anak:
        return _tabel_turunan(dari_komponen)
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
    return _tabel_turunan({**dari_komponen, **hasil})


def _realisasi_komponen(con: Koneksi, syarat: str, param: dict[str, object],
                        pasangan: dict[tuple, kaskade.Pasangan4] | None = None) -> dict[tuple, kaskade.Nilai4]:
    """The four quarters' realisasi of every IKU with a ``rumus_komponen``, from its stored komponen; for each
    ``rasio(a; b)`` IKU its (a, b) per quarter goes into ``pasangan`` (what a ``gabungan`` parent pools)."""
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


def _tabel_turunan(hasil: dict[tuple, kaskade.Nilai4]) -> pd.DataFrame:
    return pd.DataFrame([(th, u, i, *(np.nan if v is None else v for v in nilai))
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


def _saring_unit(tahun: int | None, kode_unit: str | None, sub_unit: bool, dialek: Dialek
                 ) -> tuple[str, str, dict[str, object]]:
    """The WITH clause, the WHERE clause and the parameters that keep one year's rows (or all years) of
    ``kode_unit`` and, with ``sub_unit``, of every unit below it (a recursive walk of ``kode_induk``; UNION
    stops at a cycle), or of every unit."""
    syarat, param, dengan = [], {}, ""
    if tahun is not None:
        syarat.append("tahun = $tahun")
        param["tahun"] = tahun
    if kode_unit is not None:
        param["akar"] = kode_unit
        akar = f"SELECT {dialek.parameter_teks('akar')}"  # typed: PostgreSQL will not guess a recursive column's
        dengan = (f"WITH RECURSIVE pilih(kode_unit) AS ({akar} UNION SELECT u.kode_unit FROM unit u "
                  "JOIN pilih p ON u.kode_induk = p.kode_unit) ") if sub_unit else f"WITH pilih(kode_unit) AS ({akar}) "
        syarat.append("kode_unit IN (SELECT kode_unit FROM pilih)")
    return dengan, f"WHERE {' AND '.join(syarat)}" if syarat else "", param


_RUJUKAN_MASUK = {
    "unit": "SELECT DISTINCT m.kode_induk FROM masuk m WHERE m.kode_induk IS NOT NULL "
            "AND m.kode_induk NOT IN (SELECT kode_unit FROM unit) ORDER BY 1 LIMIT 5",
    "iku": f"SELECT DISTINCT m.kode_unit FROM masuk m WHERE {_ada('unit', 'kode_unit', 'm', tidak=True)} "
           "ORDER BY 1 LIMIT 5",
    "realisasi": "SELECT DISTINCT m.tahun || ' ' || m.kode_unit || ' ' || m.kode_iku FROM masuk m "
                 f"WHERE {_ada('iku', KUNCI['iku'], 'm', tidak=True)} ORDER BY 1 LIMIT 5",
    "rapat": f"SELECT DISTINCT m.kode_unit FROM masuk m WHERE {_ada('unit', 'kode_unit', 'm', tidak=True)} "
             "ORDER BY 1 LIMIT 5",
    "komponen": "SELECT DISTINCT m.tahun || ' ' || m.kode_unit || ' ' || m.kode_iku FROM masuk m "
                f"WHERE {_ada('iku', KUNCI['iku'], 'm', tidak=True)} ORDER BY 1 LIMIT 5",
}
"""Incoming rows whose unit, IKU or parent is not stored (within the committing transaction)."""

_EJAAN_GANDA = {
    "unit": "SELECT string_agg(DISTINCT kode_unit, ' / ' ORDER BY kode_unit) FROM unit "
            "WHERE upper(kode_unit) IN (SELECT upper(kode_unit) FROM masuk) GROUP BY upper(kode_unit) "
            "HAVING count(*) > 1 LIMIT 5",
    # the keys stored twice are found first (a group by), then kept if the upload names them: ten times
    # quicker at a ministry's size than joining upper() of every stored IKU to the upload
    "iku": "WITH ganda AS (SELECT tahun, upper(kode_unit) AS u, upper(kode_iku) AS k FROM iku "
           "GROUP BY tahun, upper(kode_unit), upper(kode_iku) HAVING count(*) > 1), disebut AS (SELECT * FROM ganda g "
           "WHERE EXISTS (SELECT 1 FROM masuk m WHERE m.tahun = g.tahun AND upper(m.kode_unit) = g.u "
           "AND upper(m.kode_iku) = g.k)) "
           "SELECT string_agg(DISTINCT i.kode_unit || ' ' || i.kode_iku, ' / ' "
           "ORDER BY i.kode_unit || ' ' || i.kode_iku) FROM iku i JOIN disebut g "
           "ON i.tahun = g.tahun AND upper(i.kode_unit) = g.u AND upper(i.kode_iku) = g.k "
           "GROUP BY i.tahun, g.u, g.k LIMIT 5",
}
"""Codes stored twice in different case because of this upload (codes compare without regard to case)."""


def _periksa_dalam_transaksi(con: Koneksi, nama: str) -> None:
    """Refuse the upload if, as stored now, what its rows of ``nama`` depend on does not hold."""
    yatim = [r[0] for r in con.execute(_RUJUKAN_MASUK[nama]).fetchall()]
    if yatim:
        raise ImporDitolak(t(f"impor.yatim_{nama}", kode=", ".join(map(str, yatim))))
    if nama in _EJAAN_GANDA:
        ganda = [r[0] for r in con.execute(_EJAAN_GANDA[nama]).fetchall()]
        if ganda:
            raise ImporDitolak(t("impor.ejaan_ganda", kode="; ".join(ganda)))
    if nama == "unit":
        jalur = siklus(Unit(k, "", i) for k, i in con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
        if jalur:
            raise ImporDitolak(t("impor.siklus", jalur=" → ".join(jalur)))
    if nama == "iku":  # an IKU of this upload that takes its realisasi from its children has one
        tanpa_anak = [r[0] for r in con.execute(
            "SELECT DISTINCT m.kode_unit || ' ' || m.kode_iku FROM masuk m WHERE m.agregasi_anak IS NOT NULL AND NOT "
            "EXISTS (SELECT 1 FROM iku c WHERE c.tahun = m.tahun AND c.kode_unit_induk = m.kode_unit AND "
            "c.kode_iku_induk = m.kode_iku) ORDER BY 1 LIMIT 5").fetchall()]
        if tanpa_anak:
            raise ImporDitolak(t("impor.kaskade_tanpa_anak", kode=", ".join(tanpa_anak)))
    if nama == "iku" and con.execute("SELECT count(*) FROM masuk WHERE kode_iku_induk IS NOT NULL").fetchall()[0][0]:
        hilang = [r[0] for r in con.execute(_INDUK_HILANG.format(dari="masuk") + " ORDER BY 1 LIMIT 5").fetchall()]
        if hilang:
            raise ImporDitolak(t("impor.kaskade_induk", kode="; ".join(hilang)))
        tautan = con.execute("SELECT tahun, kode_unit, kode_iku, kode_unit_induk, kode_iku_induk FROM iku WHERE "
                             "kode_iku_induk IS NOT NULL AND tahun IN (SELECT DISTINCT tahun FROM masuk)").fetchall()
        lingkar = kaskade.siklus({(th, u, i): (th, ui, ii) for th, u, i, ui, ii in tautan})
        if lingkar:
            raise ImporDitolak(t("impor.kaskade_siklus", jalur=" → ".join(f"{u} {i}" for _, u, i in
                                                                          [*lingkar[0], lingkar[0][0]])))
    if nama == "realisasi":
        turunan = [r[0] for r in con.execute(
            "SELECT DISTINCT m.kode_unit || ' ' || m.kode_iku FROM masuk m JOIN iku i USING (tahun, kode_unit, "
            "kode_iku) WHERE m.realisasi IS NOT NULL AND (i.agregasi_anak IS NOT NULL OR i.rumus_komponen IS NOT NULL) "
            "ORDER BY 1 LIMIT 5").fetchall()]
        if turunan:
            raise ImporDitolak(t("impor.realisasi_turunan", kode=", ".join(turunan)))
    if nama == "komponen":  # each komponen is one its IKU's formula names, as the IKU is stored now
        asing = [r[0] for r in con.execute(
            "SELECT DISTINCT m.kode_unit || ' ' || m.kode_iku || ': ' || m.komponen FROM masuk m JOIN iku i "
            "USING (tahun, kode_unit, kode_iku) WHERE i.rumus_komponen IS NULL OR strpos('; ' || regexp_replace("
            "i.rumus_komponen, '^[^(]*\\((.*)\\)\\s*$', '\\1') || '; ', '; ' || m.komponen || '; ') = 0 "
            "ORDER BY 1 LIMIT 5").fetchall()]
        if asing:
            raise ImporDitolak(t("impor.komponen_asing", kode=", ".join(asing)))


def _unit_masuk(masuk: dict[str, pd.DataFrame]) -> list[str]:
    """Every unit an upload's rows are for, sorted."""
    kolom = [d["kode_unit"] for d in masuk.values() if d is not None and not d.empty]
    return sorted(pd.unique(pd.concat(kolom, ignore_index=True))) if kolom else []


def _kebutuhan(masuk: dict[str, pd.DataFrame]) -> list[tuple[Peran, list[str]]]:
    """The role each row of an upload needs, on which units (``PERAN_TULIS``); a unit row also needs admin on
    the parent it is placed under (on every unit, ``SEMUA``, for a new root)."""
    kebutuhan = []
    for nama, data in masuk.items():
        if data is None or data.empty:
            continue
        kebutuhan.append((PERAN_TULIS[nama], data["kode_unit"].unique().tolist()))
        if nama == "unit":
            induk = data["kode_induk"]
            kebutuhan.append((Peran.ADMIN, [*induk.dropna().unique().tolist(),
                                            *([SEMUA] if induk.isna().any() else [])]))
    return kebutuhan


def _kebutuhan_tautan(con: Koneksi, iku: pd.DataFrame | None) -> list[tuple[Peran, list[str]]]:
    """Admin on the unit of every IKU that an uploaded IKU newly supports, or no longer supports, compared with
    what is stored now (``kode_unit_induk`` + ``kode_iku_induk``): a link sent again unchanged needs nothing.
    The same rule as the preview's ``importing._induk_tautan_berubah``, here inside the committing transaction."""
    if iku is None or iku.empty:
        return []
    kolom = [*KUNCI["iku"], "kode_unit_induk", "kode_iku_induk"]
    con.register("tautan_masuk", _sebagai_arrow(iku.reindex(columns=kolom).astype(
        {"kode_unit_induk": object, "kode_iku_induk": object})))
    sama_kunci = " AND ".join(f"m.{k} = t.{k}" for k in KUNCI["iku"])
    beda = "(m.kode_unit_induk IS DISTINCT FROM t.kode_unit_induk OR m.kode_iku_induk IS DISTINCT FROM t.kode_iku_induk)"
    unit = [r[0] for r in con.execute(
        f"SELECT DISTINCT u FROM (SELECT m.kode_unit_induk AS u FROM tautan_masuk m LEFT JOIN iku t ON {sama_kunci} "
        f"WHERE {beda} UNION ALL SELECT t.kode_unit_induk AS u FROM tautan_masuk m JOIN iku t ON {sama_kunci} "
        f"WHERE {beda}) AS induk WHERE u IS NOT NULL ORDER BY u").fetchall()]
    con.unregister("tautan_masuk")
    return [(Peran.ADMIN, unit)] if unit else []


def _izinkan(con: Koneksi, pelaku: Pelaku, kebutuhan: list[tuple[Peran, list[str]]]) -> None:
    """The one authorisation check of every write, inside the transaction that commits it: raise
    ``AksesDitolak`` unless ``pelaku`` holds each role on each of its units, with the grants, the session
    and the unit tree as they stand in this transaction (``kinerja_core.akses.ditolak``). A write that checks
    twice (before and after it moves units) reads the person once (``_hak_dalam_transaksi``) and checks with
    ``_periksa_hak``."""
    _periksa_hak(con, pelaku, _hak_dalam_transaksi(con, pelaku), kebutuhan)


def _hak_dalam_transaksi(con: Koneksi, pelaku: Pelaku) -> list[Hibah] | None:
    """The grants ``pelaku`` writes with, as stored now; None for no limit. The command line's operator
    (``Cara.SISTEM``) may write anything; the open demo may until the installation is locked. A signed-in
    person's session must still be open and the person still in the store (``SesiBerakhir``)."""
    if pelaku.cara is Cara.SISTEM:
        return None
    if pelaku.cara is Cara.DEMO:
        if _akses_terkunci(con):
            raise AksesDitolak(t("akses.demo_berakhir"))
        return None
    if pelaku.sesi is not None and not _sesi_terbuka(con, pelaku, _sekarang()):
        raise SesiBerakhir(t("akses.sesi_berakhir"))
    if not _ada_pengguna(con, pelaku.identitas):
        raise SesiBerakhir(t("akses.bukan_pengguna", identitas=pelaku.identitas))
    return _hibah(con, pelaku.identitas)


def _periksa_hak(con: Koneksi, pelaku: Pelaku, hibah: list[Hibah] | None,
                 kebutuhan: list[tuple[Peran, list[str]]], *, hanya_yang_ada: bool = False) -> None:
    """Raise ``AksesDitolak`` unless ``hibah`` give each role on each unit, in the unit tree as it stands now.
    ``hanya_yang_ada``: check only the units already stored (where a unit stands before a write)."""
    if hibah is None:
        return
    induk = dict(con.execute("SELECT kode_unit, kode_induk FROM unit").fetchall())
    for peran, unit in kebutuhan:
        tolak = ditolak(hibah, peran, [k for k in unit if k in induk or not hanya_yang_ada], induk)
        if tolak:
            raise AksesDitolak(t("akses.ditolak", identitas=pelaku.identitas, peran=peran.value,
                                 unit=_sebut(tolak), hak=_sebut([f"{h.peran.value} {h.kode_unit}" for h in hibah])
                                 or t("akses.tanpa_hak")))


def _ada_pengguna(con: Koneksi, identitas: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM pengguna WHERE identitas = $i",
                            {"i": identitas}).fetchone()[0])  # type: ignore[index]


def _sesi_terbuka(con: Koneksi, pelaku: Pelaku, kini: datetime) -> bool:
    """Whether the session ``pelaku`` writes with is still open at ``kini`` (UTC)."""
    return bool(con.execute("SELECT count(*) FROM sesi WHERE token = $t AND identitas = $i AND berakhir > $k",
                            {"t": pelaku.sesi, "i": pelaku.identitas, "k": kini}).fetchone()[0])  # type: ignore[index]


def _sebut(kode: list[str], batas: int = 5) -> str:
    """The first few of a list, and how many more: 'A, B, C, D, E (+12 lainnya)'."""
    lain = t("akses.lainnya", n=len(kode) - batas) if len(kode) > batas else ""
    return ", ".join(kode[:batas]) + lain


def _hibah(con: Koneksi, identitas: str) -> list[Hibah]:
    return [Hibah(Peran(p), k) for p, k in con.execute(
        "SELECT peran, kode_unit FROM hibah WHERE identitas = $i ORDER BY kode_unit, peran", {"i": identitas}).fetchall()]


def _akses_terkunci(con: Koneksi) -> bool:
    """Whether the installation is locked: sign-in required to write (set when the first person is added)."""
    return bool(con.execute("SELECT count(*) FROM pengaturan WHERE kunci = 'terkunci'").fetchone()[0])  # type: ignore[index]


def _baris_unit_revisi(con: Koneksi, asal: dict[int, int], unit: list[str]) -> dict[int, int]:
    """For each revision (key), how many rows its upload (value: the revision whose log holds them, the undone one
    for an undo) held for the units ``unit``."""
    if not asal or not unit:
        return {}
    con.register("unit_pembaca", pa.table({"kode_unit": pa.array(unit, pa.string())}))
    daftar = ", ".join(str(int(i)) for i in set(asal.values()))
    hitung = dict(con.execute(
        "SELECT revisi, count(*) FROM (" + " UNION ALL ".join(
            f"SELECT revisi FROM revisi_{n} WHERE revisi IN ({daftar}) AND kode_unit IN "
            "(SELECT kode_unit FROM unit_pembaca)" for n in TABEL) + ") AS baris GROUP BY revisi").fetchall())
    con.unregister("unit_pembaca")
    return {r: hitung.get(a, 0) for r, a in asal.items()}


def _unit_revisi(con: Koneksi, revisi_id: int) -> list[str]:
    """Every unit whose rows a revision's upload held."""
    return [r[0] for r in con.execute(" UNION ".join(
        f"SELECT kode_unit FROM revisi_{nama} WHERE revisi = $id" for nama in TABEL) + " ORDER BY 1",
        {"id": revisi_id}).fetchall()]


def _siapkan_skema(con: Koneksi, dialek: Dialek) -> None:
    """Bring a database to the current tables: apply, in order, the migrations it has not had (``skema.MIGRASI``),
    each recorded in ``skema_versi``; then give older revisions their audit line. A database that a newer
    release has migrated further is refused rather than half understood."""
    con.execute(TABEL_VERSI.format(teks=dialek.teks))
    sudah = {r[0] for r in con.execute("SELECT versi FROM skema_versi").fetchall()}
    if sudah and max(sudah) > VERSI_TERBARU:
        raise MasalahBasisData("gudang.skema_baru", "", versi=max(sudah), versi_ini=VERSI_TERBARU)
    for migrasi in MIGRASI:
        if migrasi.versi in sudah:
            continue
        for perintah in migrasi.perintah(dialek):
            con.execute(perintah)
        con.execute("INSERT INTO skema_versi VALUES ($versi, $nama, $waktu)",
                    {"versi": migrasi.versi, "nama": migrasi.nama, "waktu": _sekarang()})
    _lengkapi_jejak(con)


def _lengkapi_jejak(con: Koneksi) -> None:
    """Give the audit trail a line for every revision made before it existed (a database from an older
    version): who and when as the revision log kept them, how they got in unknown (``lama``)."""
    lama = con.execute("SELECT id, waktu, pengguna, berkas, jenis, membatalkan, baru, berubah, sama, dihapus "
                       "FROM revisi WHERE id NOT IN (SELECT revisi FROM jejak WHERE revisi IS NOT NULL) "
                       "ORDER BY id").fetchall()
    for id_, waktu, pengguna, berkas, jenis, membatalkan, baru, berubah, sama, dihapus in lama:
        rincian = (t("jejak.impor", berkas=berkas, baru=baru, berubah=berubah, sama=sama) if jenis == "impor" else
                   t("jejak.batal", asal=membatalkan, berubah=berubah, dihapus=dihapus, sama=sama))
        unit = _unit_revisi(con, membatalkan if jenis == "batal" else id_)
        _catat_jejak(con, Pelaku(pengguna, Cara.LAMA, ""), jenis, rincian, unit, id_, waktu=waktu)


def _induk_dari(con: Koneksi, unit: list[str]) -> list[str]:
    """The parents of the stored units among ``unit`` (``SEMUA`` for a root): who must agree to a unit's place."""
    if not unit:
        return []
    con.register("unit_diminta", pa.table({"kode_unit": pa.array(unit, pa.string())}))
    induk = [r[0] or SEMUA for r in con.execute("SELECT DISTINCT kode_induk FROM unit WHERE kode_unit IN "
                                                "(SELECT kode_unit FROM unit_diminta)").fetchall()]
    con.unregister("unit_diminta")
    return induk


def _catat_jejak(con: Koneksi, pelaku: Pelaku, tindakan: str, rincian: str,
                 unit: list[str], revisi: int | None = None, *, waktu: datetime | None = None) -> None:
    """Append one line to the audit trail: who, how they got in, from where, when (UTC), what, on which units."""
    (jejak,) = con.execute(
        "INSERT INTO jejak (id, waktu, pengguna, cara, asal, tindakan, revisi, rincian, operator) VALUES "
        "((SELECT COALESCE(max(id), 0) + 1 FROM jejak), $waktu, $pengguna, $cara, $asal, $tindakan, $revisi, "
        "$rincian, $operator) RETURNING id",
        {"waktu": waktu or _sekarang(), "pengguna": pelaku.identitas, "cara": pelaku.cara.value,
         "asal": pelaku.asal, "tindakan": tindakan, "revisi": revisi, "rincian": rincian,
         "operator": pelaku.operator}).fetchone()  # type: ignore[misc]
    if unit:
        con.register("unit_jejak", pa.table({"kode_unit": pa.array(unit, pa.string())}))
        con.execute("INSERT INTO jejak_unit SELECT $jejak, kode_unit FROM unit_jejak", {"jejak": jejak})
        con.unregister("unit_jejak")


TIDAK_DIKENAL = "?"
"""Who a failed sign-in is recorded as when no person has the name typed (it may have been a password)."""

_KUNCI_HMAC = "kunci_gagal_masuk"
"""The setting holding this installation's random key for the hashes of failed sign-ins."""


def _hmac(kunci: str, teks: str) -> str:
    return hmac.new(kunci.encode(), teks.encode(), hashlib.sha256).hexdigest()


def _sidik_gagal(con: Koneksi, teks: str) -> str:
    """What the rate limit keeps of a name or a source: an HMAC-SHA256 under this installation's own random key
    (made on first need, inside the writing transaction), so a stored row cannot be looked up in a table of
    hashes of common passwords made elsewhere."""
    baris = con.execute("SELECT nilai FROM pengaturan WHERE kunci = $k", {"k": _KUNCI_HMAC}).fetchone()
    if baris is None:
        baris = (secrets.token_hex(32),)
        con.execute("INSERT INTO pengaturan VALUES ($k, $v)", {"k": _KUNCI_HMAC, "v": baris[0]})
    return _hmac(baris[0], teks)


def _admin_semua(con: Koneksi) -> int:
    """How many grants of admin on every unit there are."""
    return con.execute("SELECT count(*) FROM hibah WHERE peran = 'admin' AND kode_unit = $semua",
                       {"semua": SEMUA}).fetchone()[0]  # type: ignore[index]


def _masih_ada_admin(con: Koneksi, sebelum: int) -> None:
    """Refuse a change (inside its transaction) that takes away the last admin of every unit: nobody could then
    manage people from the app. The operator's command line (``user add``, ``user grant … admin '*'``) stays the
    documented way back for an installation that lost its administrator some other way."""
    if sebelum and not _admin_semua(con):
        raise ValueError(t("akses.admin_terakhir"))


def _sekarang() -> datetime:
    """Now in UTC, without zone (the column is TIMESTAMP, always UTC)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _revisi_dari_baris(baris: tuple[object, ...]) -> Revisi:
    waktu = baris[1].replace(tzinfo=timezone.utc).astimezone(zona_waktu())  # type: ignore[union-attr]
    return Revisi(baris[0], waktu, *baris[2:])  # type: ignore[arg-type]
