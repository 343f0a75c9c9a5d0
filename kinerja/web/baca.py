"""The store of this server and what the pages read from it, cached per data version.

The store is one object per server (``st.cache_resource``). What a page shows is read and scored once
per data version and shared by every browser session: the year's unit tree and meeting quarter
(``tahun_data``), the selected units' rows, read with the unit filter in SQL (``data``), their scores
per quarter with each IKU's stage in the reporting cycle (``skor``; the stages: ``tahap_tahun``) and what the
Ringkasan derives from them (``pilihan``). A verified-only view (``Bacaan.hanya_terverifikasi``) reads the same
rows with the figures of unit-quarters not yet verified blanked, before anything is scored. A write from any app
server or from the command line (a stage step too) changes the version, so the next run reads afresh; a filter
change within a version reads nothing. Each cached function takes the data version and the filter's key whole
(``kunci``: the rows read, ``Bacaan``, or the filter without its status choice). The cached tables are shared, so no page modifies
one in place (pandas operations return new tables).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from kinerja import charts, scores, teks_aman
from kinerja.config import VARIABEL_DB, alamat_db
from kinerja.masuk.importing import muat_contoh
from kinerja.store import MasalahBasisData, Snapshot, Storage
from kinerja.texts import bahasa
from kinerja.web.kunci import Bacaan, Filter
from kinerja_core.model import TRIWULAN
from kinerja_core.nko import Nko
from kinerja_core.unit import Pohon


def _alamat_app() -> str:
    """``KINERJA_DB``, else ``kinerja_db`` in .streamlit/secrets.toml, else data/kinerja.duckdb: a DuckDB file's
    path or a ``postgresql://`` URL (a password belongs in the secrets file, not in the environment)."""
    if not os.environ.get(VARIABEL_DB) and st.secrets.load_if_toml_exists() and "kinerja_db" in st.secrets:
        return str(st.secrets["kinerja_db"])
    return alamat_db()


DETIK_SEGAR = 3
"""How often a projected Dialog checks for new data (DuckDB: a look at the file; PostgreSQL: one query for the
newest revision; a redraw only when it changed)."""


@st.cache_resource(show_spinner=False)
def _storage(alamat: str) -> Storage:
    storage = Storage(alamat)
    if storage.mesin == "duckdb":  # a first start on the default file: the bundled sample data (never into an
        muat_contoh(storage)  # institution's PostgreSQL, whose data comes from its units)
    return storage


def storage() -> Storage:
    """The server's store (a default DuckDB file that is still empty is seeded with the sample data)."""
    return _storage(_alamat_app())


def versi_berubah(versi: tuple[int, ...]) -> bool:
    """Whether the stored data changed since ``versi``: the Dialog's live refresh asks every ``DETIK_SEGAR``
    seconds. A database that cannot be reached right now (a server restarting or failing over) counts as
    unchanged: the projector keeps its slide, and the next tick asks again."""
    try:
        return storage().tanda_versi() != versi
    except MasalahBasisData:
        return False


@st.cache_data(show_spinner=False, max_entries=64)
def _daftar_tahun(alamat: str, versi: tuple[int, ...]) -> list[int]:
    return Storage(alamat).daftar_tahun()


def daftar_tahun() -> list[int]:
    s = storage()
    return _daftar_tahun(s.alamat, s.tanda_versi())


@dataclass(frozen=True)
class Tahun:
    """What the filters need of one year: the unit tree, the units to offer, the quarter a meeting stands at."""

    unit: pd.DataFrame
    pohon: Pohon
    urutan: list[tuple[str, int]]
    """The units that have IKU in the year (themselves or below them), tree order, with their depth."""
    triwulan_rapat: int
    nama: dict[str, str]
    induk: dict[str, object]

    def nama_unit(self, kode: str) -> str:
        return self.nama.get(kode, kode)


@st.cache_resource(show_spinner=False, max_entries=16)
def _tahun_data(alamat: str, versi: tuple[int, ...], tahun: int) -> Tahun:
    unit, iku, lapor = Storage(alamat).unit_tahun(tahun)
    pohon = scores.pohon(unit)
    ada = pohon.dengan_turunan(set(iku["kode_unit"]))
    urutan = [(k, pohon.dalam[k]) for k in pohon.urutan if k in ada] or [(k, pohon.dalam[k]) for k in pohon.urutan]
    return Tahun(unit, pohon, urutan, scores.triwulan_rapat(iku, lapor),
                 dict(zip(unit["kode_unit"], unit["nama_unit"])), dict(zip(unit["kode_unit"], unit["kode_induk"])))


def tahun_data(tahun: int, versi: tuple[int, ...] | None = None) -> Tahun:
    s = storage()
    return _tahun_data(s.alamat, versi or s.tanda_versi(), tahun)


@dataclass(frozen=True)
class Data:
    """The stored rows of the selected units in one year (``snap``), and their IKU with the four quarterly
    realisasi side by side (``lebar``, tree order), ready to score."""

    snap: Snapshot
    lebar: pd.DataFrame


@st.cache_resource(show_spinner=False, max_entries=16)
def _tahap(alamat: str, versi: tuple[int, ...], tahun: int) -> pd.DataFrame:
    # a stage step writes the database, so it changes the version like any other write
    return Storage(alamat).tahap_tahun(tahun)


def tahap_tahun(tahun: int, versi: tuple[int, ...] | None = None) -> pd.DataFrame:
    """The year's stored stages (``Storage.tahap_tahun``: triwulan, kode_unit, tahap; a unit-quarter without a
    row is draf), shared, read-only."""
    s = storage()
    return _tahap(s.alamat, versi or s.tanda_versi(), tahun)


@st.cache_resource(show_spinner=False, max_entries=8)
def _data(alamat: str, versi: tuple[int, ...], b: Bacaan) -> Data:
    if b.hanya_terverifikasi:  # the rows read once, the unverified unit-quarters' figures blanked
        return _hanya_terverifikasi(_data(alamat, versi, dataclasses.replace(b, hanya_terverifikasi=False)),
                                    _tahap(alamat, versi, b.tahun))
    unit = _tahun_data(alamat, versi, b.tahun).pohon.subpohon(b.kode_unit, dengan_sub_unit=b.sub_unit)  # tree order
    snap = Storage(alamat).baca(b.tahun, b.kode_unit, sub_unit=b.sub_unit)
    return Data(snap, scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi), unit).reset_index(drop=True))


def _hanya_terverifikasi(isi: Data, tahap: pd.DataFrame) -> Data:
    """Only verified figures: the realisasi (uploaded or computed from komponen or from the IKU below; a cascade
    parent's computed value belongs to the parent's unit-quarter) and the komponen values of every unit-quarter
    not terverifikasi or final are blanked, quarter by quarter, as if not reported; the notes stay."""
    snap = dataclasses.replace(
        isi.snap, realisasi=scores.hanya_terverifikasi_baris(isi.snap.realisasi, tahap, "realisasi"),
        komponen=scores.hanya_terverifikasi_baris(isi.snap.komponen, tahap, "nilai"))
    return Data(snap, scores.hanya_terverifikasi(isi.lebar, tahap))


@st.cache_resource(show_spinner=False, max_entries=32)
def _skor(alamat: str, versi: tuple[int, ...], b: Bacaan, triwulan: int, bahasa_kode: str) -> pd.DataFrame:
    # the language is part of the key: the scores carry words (why grey); each IKU carries its unit-quarter's stage
    return scores.dengan_tahap(scores.skor(_data(alamat, versi, b).lebar, triwulan), _tahap(alamat, versi, b.tahun),
                               triwulan)


def data(f: Filter, versi: tuple[int, ...] | None = None) -> Data:
    """The selected units' rows of the filter's year as stored, whatever the verified-only switch (an upload
    template starts from them) (shared, read-only)."""
    s = storage()
    return _data(s.alamat, versi or s.tanda_versi(), dataclasses.replace(f.bacaan, hanya_terverifikasi=False))


def data_tampil(f: Filter, versi: tuple[int, ...] | None = None) -> Data:
    """The selected units' rows of the filter's year as the view shows them: with the verified-only switch on,
    the figures of unit-quarters not verified or final blanked (shared, read-only)."""
    s = storage()
    return _data(s.alamat, versi or s.tanda_versi(), f.bacaan)


def skor(f: Filter, triwulan: int | None = None, versi: tuple[int, ...] | None = None) -> pd.DataFrame:
    """The selected units' IKU scored through the filter's quarter (or ``triwulan``), tree order (shared, read-only)."""
    s = storage()
    return _skor(s.alamat, versi or s.tanda_versi(), f.bacaan, triwulan or f.triwulan, bahasa())


@st.cache_resource(show_spinner=False, max_entries=16)
def _bukti(alamat: str, versi: tuple[int, ...], tahun: int, triwulan: int, kode_unit: str, sub_unit: bool
           ) -> pd.DataFrame:
    # adding a file writes the database: a new version
    return Storage(alamat).daftar_bukti(tahun, triwulan, kode_unit, sub_unit=sub_unit)


def bukti(f: Filter, terlihat: Callable[[str], bool], versi: tuple[int, ...] | None = None) -> pd.DataFrame:
    """The data dukung of the filter's units and quarter (``Storage.daftar_bukti``) that ``terlihat`` lets the reader
    see: read once per data version for every session (the Dialog reruns on its live refresh), read-only."""
    s = storage()
    semua = _bukti(s.alamat, versi or s.tanda_versi(), f.tahun, f.triwulan, f.kode_unit, f.sub_unit)
    return semua[[terlihat(k) for k in semua["kode_unit"]]] if not semua.empty else semua


def skor_tahun_lalu(f: Filter, versi: tuple[int, ...] | None = None) -> pd.DataFrame | None:
    """The same units a year earlier through the same quarter (``skor``); None when that year is not stored."""
    if f.tahun - 1 not in daftar_tahun():
        return None
    return skor(dataclasses.replace(f, tahun=f.tahun - 1), versi=versi)


def bila_sibuk(e: MasalahBasisData) -> None:
    """Tell the user why the database cannot be used now (busy, damaged, read-only …) and stop this run;
    the next run retries."""
    st.warning(teks_aman.md(e), icon=":material/hourglass_top:")  # it may quote a path or the server's words
    st.stop()


@dataclass(frozen=True)
class Pilihan:
    """The scored IKU of the filter's units: the headline figures, and the rows of the lists."""

    filter: Filter
    versi: tuple[int, ...]
    """The data version it was read at: whatever else the page reads, it reads at this one."""
    tahun: Tahun
    data: Data
    ikhtisar: scores.Ikhtisar
    """NKO and status count over the selected units in the chosen perspectives, each saying what it covers."""
    tabel: pd.DataFrame
    """The IKU rows that pass the perspective and status filters (``scores.tabel_iku``); the index is each
    row's position in ``ikhtisar.lingkup``."""

    def per_unit(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """The NKO and light counts of each selected unit (``scores.tabel_nko``) and of each direct sub-unit of
        the filter's unit (``scores.tabel_sub_unit``), over the chosen perspectives."""
        return _per_unit(storage().alamat, self.versi, self.filter.tanpa_status(), bahasa())

    def grafik_sub_unit(self) -> go.Figure:
        """``charts.nko_sub_unit`` of the sub-units of ``per_unit``, drawn once per data version, filter and
        language (plotly takes some 30 ms to build it, on every rerun otherwise); shared, read-only."""
        return _grafik_sub_unit(storage().alamat, self.versi, self.filter.tanpa_status(), bahasa())

    def kebutuhan(self) -> pd.DataFrame | None:
        """What the rest of the year must bring for the listed IKU not yet sure to end hijau
        (``scores.tabel_kebutuhan``, status filter applied); None above ``BATAS_KEBUTUHAN`` IKU."""
        tabel = _kebutuhan(storage().alamat, self.versi, self.filter.tanpa_status(), bahasa())
        if tabel is not None and self.filter.status:
            tabel = tabel[tabel["status"].isin(self.filter.status)].reset_index(drop=True)
        return tabel

    def biaya_nko(self) -> tuple[pd.DataFrame, pd.DataFrame, float | None, pd.DataFrame]:
        """The IKU that cost the headline NKO points, most first (``scores.tabel_biaya_nko`` over the headline's
        IKU), each direct sub-unit's net contribution to their pooled NKO (``scores.biaya_per_sub_unit``; empty
        without sub-units), the headline NKO, and the IKU not reported yet (``scores.tabel_belum_dilaporkan``)."""
        return _biaya(storage().alamat, self.versi, self.filter.tanpa_status(), bahasa())

    def prognosis(self) -> tuple[Nko, pd.DataFrame, str]:
        """The headline NKO at year end by the run-rate so far, the IKU hijau today heading to kuning or merah
        and what that NKO is taken from (``scores.prognosis_judul``)."""
        return _prognosis(storage().alamat, self.versi, self.filter.tanpa_status(), bahasa())

    def semua_triwulan(self) -> pd.DataFrame:
        """The selected units' IKU in every quarter (``scores.tabel_semua_triwulan`` of the cached scores)."""
        return scores.tabel_semua_triwulan([skor(self.filter, q, self.versi) for q in TRIWULAN])


@st.cache_resource(show_spinner=False, max_entries=32)
def _ikhtisar(alamat: str, versi: tuple[int, ...], f: Filter, bahasa_kode: str) -> tuple[scores.Ikhtisar, pd.DataFrame]:
    """``f`` comes without its status choice (``Filter.tanpa_status``), here and in every cached scoring below:
    the status filter is applied to the scored rows afterwards, so one entry serves every status choice."""
    konteks = _tahun_data(alamat, versi, f.tahun)
    kepala = scores.ikhtisar(_skor(alamat, versi, f.bacaan, f.triwulan, bahasa_kode), f.kode_unit, konteks.nama,
                             f.perspektif, f.sumber)
    return kepala, scores.tabel_iku(kepala.lingkup, konteks.unit)


@st.cache_resource(show_spinner=False, max_entries=32)
def _biaya(alamat: str, versi: tuple[int, ...], f: Filter, bahasa_kode: str
           ) -> tuple[pd.DataFrame, pd.DataFrame, float | None, pd.DataFrame]:
    konteks = _tahun_data(alamat, versi, f.tahun)
    kepala, _ = _ikhtisar(alamat, versi, f, bahasa_kode)
    dasar = scores.dasar_nko_unit(kepala.lingkup, f.kode_unit, kepala.nko_milik_sendiri)  # the headline's IKU
    biaya = scores.tabel_biaya_nko(dasar, konteks.unit)
    per_anak = (scores.biaya_per_sub_unit(kepala.lingkup, konteks.pohon, f.kode_unit, konteks.unit)
                if f.sub_unit and konteks.pohon.anak.get(f.kode_unit) else pd.DataFrame())
    return biaya, per_anak, kepala.nko.nilai, scores.tabel_belum_dilaporkan(kepala.lingkup, konteks.unit)


@st.cache_resource(show_spinner=False, max_entries=32)
def _prognosis(alamat: str, versi: tuple[int, ...], f: Filter, bahasa_kode: str) -> tuple[Nko, pd.DataFrame, str]:
    konteks = _tahun_data(alamat, versi, f.tahun)
    kepala, _ = _ikhtisar(alamat, versi, f, bahasa_kode)
    return scores.prognosis_judul(kepala.lingkup, f.kode_unit, f.triwulan, konteks.unit, kepala.nko_milik_sendiri)


BATAS_KEBUTUHAN = 2000
"""IKU above which the Ringkasan does not work out each one's needs (a Kanwil's are useful, a ministry's 15,000
are not read)."""


@st.cache_resource(show_spinner=False, max_entries=32)
def _kebutuhan(alamat: str, versi: tuple[int, ...], f: Filter, bahasa_kode: str) -> pd.DataFrame | None:
    kepala, _ = _ikhtisar(alamat, versi, f, bahasa_kode)
    if len(kepala.lingkup) > BATAS_KEBUTUHAN:
        return None
    return scores.tabel_kebutuhan(kepala.lingkup, f.triwulan)


@st.cache_resource(show_spinner=False, max_entries=32)
def _per_unit(alamat: str, versi: tuple[int, ...], f: Filter, bahasa_kode: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    konteks = _tahun_data(alamat, versi, f.tahun)
    kepala, _ = _ikhtisar(alamat, versi, f, bahasa_kode)
    return (scores.tabel_nko(kepala.lingkup, konteks.unit),
            scores.tabel_sub_unit(kepala.lingkup, konteks.pohon, f.kode_unit, konteks.unit))  # none without sub-units


@st.cache_resource(show_spinner=False, max_entries=32)
def _grafik_sub_unit(alamat: str, versi: tuple[int, ...], f: Filter, bahasa_kode: str) -> go.Figure:
    return charts.nko_sub_unit(_per_unit(alamat, versi, f, bahasa_kode)[1])


def pilihan(f: Filter) -> Pilihan:
    """Score the selected units' IKU: the headline over units × perspectives, the rows filtered by status too.

    Computed once per data version and filter, and shared (a presenter going back and forth between quarters,
    and everyone else looking at the same unit, reuse it)."""
    try:
        versi = storage().tanda_versi()
        konteks, isi = tahun_data(f.tahun, versi), data_tampil(f, versi)
        kepala, tabel = _ikhtisar(storage().alamat, versi, f.tanpa_status(), bahasa())
    except MasalahBasisData as e:
        bila_sibuk(e)
    if f.status:  # the index stays each row's position in the headline's IKU (``Pilihan.tabel``)
        tabel = tabel[tabel["status"].isin(f.status)]
    return Pilihan(f, versi, konteks, isi, kepala, tabel)


