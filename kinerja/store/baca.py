"""Reads: the snapshot the dashboard shows, the narrow answers the pages and scoring need, and what an upload's
check and preview compare against (its codes, its rows beside the stored ones). Computed realisasi come from
``turunan``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from kinerja.store.bantu import Koneksi, _ada, _saring_unit, _sebagai_arrow, _sebagai_pandas
from kinerja.store.beda import _mungkin_kembar, _sql_beda
from kinerja.store.hak import _akses_terkunci, _hibah
from kinerja.store.inti import Inti
from kinerja.store.skema import KOLOM, KUNCI, TABEL
from kinerja.store.skor import KOLOM_REALISASI, sql_lebar
from kinerja.store.tahap import _akibat_tulis
from kinerja.store.turunan import _dengan_turunan, _realisasi_turunan
from kinerja_core.akses import Cara, Hibah, Pelaku
from kinerja_core.siklus import AkibatTulis, Keadaan


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
    arahan_rapat: pd.DataFrame
    """The meetings' arahan, one row each with its PIC and tenggat (only ``nomor`` ≤ the meeting's ``jumlah_arahan``
    are its own)."""


@dataclass(frozen=True)
class KodeTersimpan:
    """The codes already stored: the unit tree (kode_unit, kode_induk) and every IKU (tahun, kode_unit, kode_iku,
    with the IKU it supports and where its realisasi comes from when it is not uploaded: kode_unit_induk,
    kode_iku_induk, agregasi_anak, rumus_komponen)."""

    unit: pd.DataFrame
    iku: pd.DataFrame


class BagianBaca(Inti):
    """The reads: one consistent view each, never a write."""

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

    def membaca(self) -> AbstractContextManager[Bacaan]:
        """Many reads as one consistent view, in one transaction on one connection: what an upload's check and
        preview read (``Bacaan``), so they see the store as it stood at one moment and open it once.

        >>> from kinerja.store import Storage
        >>> with Storage("/tmp/tidak-ada/k.duckdb").membaca() as baca:  # a missing file reads as an empty store
        ...     len(baca.kode().unit), baca.hak(Pelaku.sistem("operator"))
        (0, None)
        """
        return _membaca(self)

    def kode(self) -> KodeTersimpan:
        """The stored unit tree and IKU keys: an upload's codes are matched and its references checked
        against them (the commit checks the references again, in its own transaction)."""
        with self._transaksi() as con:
            return _kode(con)

    def kembar(self, nama: str, masuk: pd.DataFrame) -> pa.Table:
        """The rows of ``masuk`` (table ``nama``'s columns, plus any passed through, e.g. the file's row numbers)
        that have a stored twin, each against it: ``_urutan_masuk`` (its place in ``masuk``), its columns, the
        values it lands with, the stored ones (``<kolom>_lama``), ``baru`` (false) and ``berubah``, as
        ``_sql_beda`` answers. A new row comes back as nothing: an upload of new rows is not copied back
        (``kinerja.masuk.perbandingan.Beda`` completes them when a preview asks)."""
        with self._transaksi() as con:
            return _kembar(con, nama, masuk)

    def iku_dan_realisasi(self, kunci: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The stored IKU with these keys (tahun, kode_unit, kode_iku) and their realisasi, as one consistent view:
        what an upload's preview scores to show the light a realisasi turns, without reading whole years."""
        with self._transaksi() as con:
            return _iku_dan_realisasi(con, kunci)

    def komponen_iku(self, kunci: pd.DataFrame) -> pd.DataFrame:
        """The stored komponen of the IKU with these keys (tahun, kode_unit, kode_iku), every quarter."""
        with self._transaksi() as con:
            return _komponen_iku(con, kunci)

    # --- reads for the pages: small, narrow answers, so a page at the ministry root reads no more than it shows

    def baca_lebar(self, tahun: int, kode_unit: str | None = None, *, sub_unit: bool = True,
                   kolom: Sequence[str] = KOLOM["iku"]) -> tuple[pd.DataFrame, pd.DataFrame]:
        """What scoring needs and no more, in one read: the unit table, and the year's IKU of the units asked
        for with their four quarterly realisasi beside the targets (``realisasi_tw1..4``, NaN where not
        reported), pivoted in the database: ``scores.lebar`` of ``baca``, without the notes. ``kolom``: the IKU
        columns to read (the key always), e.g. ``KOLOM_IKU_SKOR`` (``store.skor``) for ``python -m kinerja score``, or what a
        document prints of an IKU (``definisi``, ``sumber_data``, ``pic_iku``, ``target_renstra``, ``tahun_renstra``).
        The unit table holds every unit column, the head who signs and the place (``nama_pimpinan`` …) included."""
        kolom = [*KUNCI["iku"], *(k for k in kolom if k not in KUNCI["iku"])]
        dengan, syarat, param = _saring_unit(tahun, kode_unit, sub_unit, self._dialek)
        with self._transaksi() as con:
            unit = con.execute(f"SELECT {', '.join(KOLOM['unit'])} FROM unit ORDER BY kode_unit").df()
            lebar = _sebagai_pandas(con.sql(sql_lebar(kolom, dengan, syarat), params=param))
            turunan = _realisasi_turunan(con, tahun)
        if "tahun_renstra" in lebar:  # a year, not a float (Arrow hands a nullable integer over as one)
            lebar["tahun_renstra"] = lebar["tahun_renstra"].astype("Int64")
        if not turunan.empty:  # a parent's quarters from its children (kinerja_core.kaskade), not as stored
            posisi = pd.MultiIndex.from_frame(lebar[["tahun", "kode_unit", "kode_iku"]]).get_indexer(
                pd.MultiIndex.from_frame(turunan[["tahun", "kode_unit", "kode_iku"]]))
            ada = posisi >= 0
            for q, k in enumerate(KOLOM_REALISASI, start=1):
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


class Bacaan:
    """The reads of ``BagianBaca.membaca``, each on the one connection of its transaction: an upload's codes, its
    rows beside the stored ones, the stored IKU, realisasi and komponen of some keys, and who may write. The same
    answers as the ``Storage`` calls of the same names, all from one moment of the store."""

    def __init__(self, con: Koneksi) -> None:
        self._con = con

    def kode(self) -> KodeTersimpan:
        """``Storage.kode``."""
        return _kode(self._con)

    def kembar(self, nama: str, masuk: pd.DataFrame) -> pa.Table:
        """``Storage.kembar``."""
        return _kembar(self._con, nama, masuk)

    def iku_dan_realisasi(self, kunci: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
        """``Storage.iku_dan_realisasi``."""
        return _iku_dan_realisasi(self._con, kunci)

    def komponen_iku(self, kunci: pd.DataFrame) -> pd.DataFrame:
        """``Storage.komponen_iku``."""
        return _komponen_iku(self._con, kunci)

    def akibat_tulis(self, tersentuh: set[tuple[int, int, str]], hari: dt.date
                     ) -> dict[tuple[int, int, str], tuple[Keadaan, AkibatTulis | None]]:
        """Each unit-quarter's stage and what a change of its reported figures meets today (``siklus.akibat_tulis``):
        the preview's answer to what the committing transaction decides again."""
        return _akibat_tulis(self._con, tersentuh, hari)

    def hak(self, pelaku: Pelaku) -> list[Hibah] | None:
        """The grants a write by ``pelaku`` is limited to, as ``kinerja.akses.hak`` answers it (None: no limit — the
        command line's operator, or the open demo while the installation is not locked; nothing for someone no
        longer in the store). What the preview refuses by its rows; the commit checks again
        (``hak._hak_dalam_transaksi``, which also holds the session)."""
        if pelaku.cara is Cara.SISTEM:
            return None
        if pelaku.cara is Cara.DEMO:
            return [] if _akses_terkunci(self._con) else None
        return _hibah(self._con, pelaku.identitas)  # none for a person no longer stored


@contextmanager
def _membaca(inti: Inti) -> Iterator[Bacaan]:
    with inti._transaksi() as con:
        yield Bacaan(con)


def _kode(con: Koneksi) -> KodeTersimpan:
    unit = con.execute("SELECT kode_unit, kode_induk FROM unit ORDER BY kode_unit").df()
    iku = con.execute("SELECT tahun, kode_unit, kode_iku, kode_unit_induk, kode_iku_induk, agregasi_anak, "
                      "rumus_komponen FROM iku ORDER BY tahun, kode_unit, kode_iku").df()
    return KodeTersimpan(unit, iku)


def _kembar(con: Koneksi, nama: str, masuk: pd.DataFrame) -> pa.Table:
    tabel = _sebagai_arrow(masuk.assign(_urutan_masuk=np.arange(len(masuk))))
    if not _mungkin_kembar(con, nama, masuk):  # the query on no rows: nothing sent, the answer's columns typed
        tabel = tabel.slice(0, 0) if isinstance(tabel, pa.Table) else tabel.iloc[:0]
    kolom = list(tabel.column_names) if isinstance(tabel, pa.Table) else list(tabel.columns)
    con.register("masuk", tabel)
    try:
        return con.sql(f"SELECT * FROM ({_sql_beda(nama, kolom)}) AS beda WHERE NOT baru").to_arrow_table()
    finally:
        con.unregister("masuk")


def _iku_dan_realisasi(con: Koneksi, kunci: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    con.register("kunci_iku", kunci[KUNCI["iku"]])
    iku, realisasi = (
        con.execute(f"SELECT {', '.join(KOLOM[nama])} FROM {nama} t WHERE "
                    f"{_ada('kunci_iku', KUNCI['iku'], 't')} ORDER BY {', '.join(KUNCI[nama])}").df()
        for nama in ("iku", "realisasi")
    )
    con.unregister("kunci_iku")
    return iku, realisasi


def _komponen_iku(con: Koneksi, kunci: pd.DataFrame) -> pd.DataFrame:
    con.register("kunci_iku", kunci[KUNCI["iku"]])
    hasil = con.execute(f"SELECT {', '.join(KOLOM['komponen'])} FROM komponen t WHERE "
                        f"{_ada('kunci_iku', KUNCI['iku'], 't')} ORDER BY {', '.join(KUNCI['komponen'])}").df()
    con.unregister("kunci_iku")
    return hasil
