"""Streamlit pieces shared by the pages: the store, cached reads, the sidebar filters, the status look.

The store is one object per server (``st.cache_resource``). What a page shows is read and scored once
per data version and shared by every browser session: the year's unit tree and meeting quarter
(``tahun_data``), the selected units' rows, read with the unit filter in SQL (``data``), and their scores
per quarter (``skor``). A write from the app or from the command line changes the version, so the next
run reads afresh; a filter change within a version reads nothing. The cached tables are shared, so no
page modifies one in place (pandas operations return new tables).
"""

from __future__ import annotations

import dataclasses

import html
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from kinerja.masuk import exporting
from kinerja import scores
from kinerja.config import VARIABEL_DB, alamat_db
from kinerja.masuk.importing import muat_contoh
from kinerja.masuk.loading import Kesalahan
from kinerja.store import MasalahBasisData, Revisi, Snapshot, Storage
from kinerja.texts import (
    IKON_STATUS, WARNA_STATUS, WARNA_TEKS_STATUS, angka, bahasa, dalam_bahasa, label_status, nama_status,
    nama_triwulan, t,
)
from kinerja_core.model import TRIWULAN, Perspektif, Status, Sumber
from kinerja_core.nko import Nko
from kinerja_core.unit import Pohon


def pastikan_navigasi() -> None:
    """Make a page opened directly (``/progres``) on a fresh server run through app.py and its sidebar.

    With a ``pages/`` folder beside app.py, Streamlit (1.67) treats the very first
    visit as a legacy multipage app until ``st.navigation`` has run once, and runs
    the page file alone. Clearing that flag and rerunning sends the visit through
    app.py, which then opens the requested page.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def _alamat_app() -> str:
    """``KINERJA_DB``, else ``kinerja_db`` in .streamlit/secrets.toml, else data/kinerja.duckdb: a DuckDB file's
    path or a ``postgresql://`` URL (a password belongs in the secrets file, not in the environment)."""
    if not os.environ.get(VARIABEL_DB) and st.secrets.load_if_toml_exists() and "kinerja_db" in st.secrets:
        return str(st.secrets["kinerja_db"])
    return alamat_db()


DETIK_SEGAR = 3
"""How often a projected Dialog checks for new data (a file-system check; a redraw only when it changed)."""


@st.cache_resource(show_spinner=False)
def _storage(alamat: str) -> Storage:
    storage = Storage(alamat)
    if storage.mesin == "duckdb":  # a first start on the default file: the bundled sample data (never into an
        muat_contoh(storage)  # institution's PostgreSQL, whose data comes from its units)
    return storage


def storage() -> Storage:
    """The server's store (a default DuckDB file that is still empty is seeded with the sample data)."""
    return _storage(_alamat_app())


@st.cache_data(show_spinner=False, max_entries=64)
def _daftar_tahun(path: str, versi: tuple[int, ...]) -> list[int]:
    return Storage(path).daftar_tahun()


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
def _tahun_data(path: str, versi: tuple[int, ...], tahun: int) -> Tahun:
    unit, iku, lapor = Storage(path).unit_tahun(tahun)
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


@st.cache_resource(show_spinner=False, max_entries=8)
def _data(path: str, versi: tuple[int, ...], tahun: int, kode_unit: str, sub_unit: bool) -> Data:
    unit = _tahun_data(path, versi, tahun).pohon.subpohon(kode_unit, dengan_sub_unit=sub_unit)  # tree order
    snap = Storage(path).baca(tahun, kode_unit, sub_unit=sub_unit)
    return Data(snap, scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi), unit).reset_index(drop=True))


@st.cache_resource(show_spinner=False, max_entries=32)
def _skor(path: str, versi: tuple[int, ...], tahun: int, kode_unit: str, sub_unit: bool, triwulan: int,
          bahasa_kode: str) -> pd.DataFrame:  # the language: the scores carry words (why grey)
    return scores.skor(_data(path, versi, tahun, kode_unit, sub_unit).lebar, triwulan)


def data(f: Filter, versi: tuple[int, ...] | None = None) -> Data:
    """The selected units' rows of the filter's year (shared, read-only)."""
    s = storage()
    return _data(s.alamat, versi or s.tanda_versi(), f.tahun, f.kode_unit, f.sub_unit)


def skor(f: Filter, triwulan: int | None = None, versi: tuple[int, ...] | None = None) -> pd.DataFrame:
    """The selected units' IKU scored through the filter's quarter (or ``triwulan``), tree order (shared, read-only)."""
    s = storage()
    return _skor(s.alamat, versi or s.tanda_versi(), f.tahun, f.kode_unit, f.sub_unit, triwulan or f.triwulan,
                 bahasa())


def skor_tahun_lalu(f: Filter, versi: tuple[int, ...] | None = None) -> pd.DataFrame | None:
    """The same units a year earlier through the same quarter (``skor``); None when that year is not stored."""
    if f.tahun - 1 not in daftar_tahun():
        return None
    return skor(dataclasses.replace(f, tahun=f.tahun - 1), versi=versi)


def bila_sibuk(e: MasalahBasisData) -> None:
    """Tell the user why the database cannot be used now (busy, damaged, read-only …) and stop this run;
    the next run retries."""
    st.warning(str(e), icon=":material/hourglass_top:")
    st.stop()


# --- arrow keys ------------------------------------------------------------------------------------

# Every press of ← or → (not typed into a field, no modifier, no auto-repeat) on the page that uses the keys
# adds -1 / +1 to a running total kept by the browser window, sent whole with the window's id. A state
# value, not a trigger: presses that arrive while a run is going on are not merged into one (Streamlit
# coalesces triggers), and a value that arrives twice is not applied twice, because the server applies only
# the difference to the total it applied last. It is applied in the widget callback, which runs whole
# before the script (or, for a value that came with the component's first registration, right after the
# mount), the total and the move together: a run cut short by the next press cannot split them.
# The listener is installed once per window by an inline script that app.py draws first on every page
# (``dengar_panah``), so it is in place long before a Dialog slide shows, while the component's module may
# still be loading; presses made before the component is there are kept and sent when it mounts. Until the
# listener is in place the Dialog keeps its slides hidden (projector.css), so no press is made in vain.
_JS_PASANG = """
(function (halaman) {
  const p = (window.__kinerjaPanah = window.__kinerjaPanah ||
    { sesi: Date.now().toString(36) + Math.random().toString(36).slice(2), langkah: 0, kirim: null, dengar: false });
  if (p.dengar) return p;
  p.dengar = true;
  document.documentElement.setAttribute("data-kinerja-panah", "siap");  // projector.css shows the slides now
  const bidang = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], ' +
    '[role="combobox"], [role="listbox"], [role="slider"], [role="radiogroup"], [role="radio"], [role="tablist"]';
  document.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    if (e.repeat || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.isComposing) return;
    if (!window.location.pathname.replace(/\\/+$/, "").endsWith("/" + halaman)) return;
    const sasaran = e.target;
    if (sasaran && sasaran.closest && sasaran.closest(bidang)) return;
    e.preventDefault();
    p.langkah += e.key === "ArrowRight" ? 1 : -1;
    if (p.kirim) p.kirim();
  }, true);
  return p;
})
"""

_JS_PANAH = f"""
export default function (komponen) {{
  const {{ setStateValue, data }} = komponen;
  const p = {_JS_PASANG.strip()}(data.halaman);
  const kirim = () => setStateValue("tekan", {{ sesi: p.sesi, langkah: p.langkah }});
  p.kirim = kirim;
  if (p.langkah !== 0) kirim();  // presses made while the component was loading
  return () => {{ if (p.kirim === kirim) p.kirim = null; }};
}}
"""

_PANAH = st.components.v2.component("kinerja.panah", js=_JS_PANAH)


def dengar_panah(halaman: str) -> None:
    """Start listening to the arrow keys for the page ``halaman`` (URL path), as early as possible: app.py
    calls this before anything else, so no press on a freshly opened Dialog is lost while it loads."""
    with st.container(key="panah_pasang"):  # takes no room: hidden by GAYA
        st.html(f"<script>{_JS_PASANG.strip()}({json.dumps(halaman)});</script>", unsafe_allow_javascript=True)


def tombol_panah(key: str, halaman: str, geser: Callable[[int], None]) -> None:
    """Listen to the arrow keys on the page ``halaman`` (its URL path): ``geser(+n)`` for n presses of →.

    ``geser`` runs as a widget callback, before the page's script. Call this early in the page, so a press
    right after the page opens is heard.
    """

    def terima(tekan: object = None) -> None:
        tekan = tekan or (st.session_state.get(key) or {}).get("tekan")
        if not isinstance(tekan, dict) or "sesi" not in tekan:
            return
        diterapkan = st.session_state.get(f"_{key}_diterapkan")
        dasar = diterapkan[1] if diterapkan and diterapkan[0] == tekan["sesi"] else 0
        if int(tekan["langkah"]) != dasar:
            # both in one go, no Streamlit call between them: a run stopped by the next press cannot split them
            st.session_state[f"_{key}_diterapkan"] = (tekan["sesi"], int(tekan["langkah"]))
            geser(int(tekan["langkah"]) - dasar)

    with st.container(key=f"{key}_wadah"):  # takes no room: .st-key-<key>_wadah {display: none}
        hasil = _PANAH(key=key, data={"halaman": halaman}, default={"tekan": None}, on_tekan_change=terima)
    # a value that came with the component's first registration fires no callback: take it here
    terima(hasil.get("tekan"))


# --- filters ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filter:
    """What the sidebar selects; every page follows it."""

    tahun: int
    triwulan: int
    kode_unit: str
    sub_unit: bool
    perspektif: tuple[str, ...]
    status: tuple[str, ...]
    sumber: tuple[str, ...] = ()
    """The planning bases chosen (``Sumber``: penkin, sasaran_mutu, pnbp, lainnya); none chosen: every IKU."""

    def unit_terpilih(self, tahun: Tahun) -> list[str]:
        return tahun.pohon.subpohon(self.kode_unit, dengan_sub_unit=self.sub_unit)


def sidebar(terlihat: Callable[[str, dict[str, object]], bool] = lambda kode, induk: True) -> Filter | None:
    """Draw the shared filters in the sidebar; None when there is no data yet (or no unit this person may
    read). ``terlihat(kode_unit, induk)``: whether a unit is offered (a reader sees the units granted)."""
    try:
        tahun_ada = daftar_tahun()
    except MasalahBasisData as e:
        bila_sibuk(e)
    with st.sidebar:
        st.header(t("filter.judul"))
        if not tahun_ada:
            st.info(t("filter.kosong"))
            return None
        tahun = st.selectbox(t("filter.tahun"), tahun_ada, key="tahun", bind="query-params")
        try:
            konteks = tahun_data(tahun)
        except MasalahBasisData as e:
            bila_sibuk(e)
        terakhir = konteks.triwulan_rapat
        if st.session_state.setdefault("_tahun_triwulan", tahun) != tahun:
            # another year starts at the quarter its units have reported
            st.session_state["triwulan"] = terakhir
            st.session_state["_tahun_triwulan"] = tahun
        triwulan = st.radio(
            t("filter.triwulan"), TRIWULAN, index=terakhir - 1, format_func=nama_triwulan, horizontal=True,
            key="triwulan", bind="query-params",
        )
        kode_urut = [k for k, _ in konteks.urutan if terlihat(k, konteks.induk)]
        if not kode_urut:
            st.info(t("filter.tanpa_unit"))
            return None
        if st.session_state.get("_buka_unit") in kode_urut:  # a unit opened from a page (``buka_unit``)
            st.session_state["unit"] = st.session_state.pop("_buka_unit")
        url = st.query_params.get("unit")
        if url in kode_urut and url != st.session_state.get("_unit_url"):
            # a bookmarked view (?unit=KPPBCBOGOR), or the browser's Back / Forward to another unit
            st.session_state["unit"] = url
        if st.session_state.get("unit", kode_urut[0]) not in kode_urut:
            st.session_state["unit"] = kode_urut[0]  # the highest unit with IKU in this year
        kode_unit = st.selectbox(
            t("filter.unit"), kode_urut, key="unit",
            format_func=lambda k: _nama_dengan_induk(k, konteks.nama, konteks.induk),
        )
        # the unit travels in the URL by its code, not by its indented name (bind= would use the latter)
        st.query_params["unit"] = st.session_state["_unit_url"] = kode_unit
        sub_unit = st.toggle(t("filter.sub_unit"), value=True, key="sub_unit", bind="query-params")
        # no "Select all" entry in the lists (Streamlit's, in English; choosing nothing already means all)
        perspektif = st.multiselect(
            t("filter.perspektif"), [p.value for p in Perspektif], key="perspektif", placeholder=t("filter.semua"),
            select_all=False,
        )
        status = st.multiselect(
            t("filter.status"), [s.value for s in Status], key="status",
            format_func={s.value: label_status(s) for s in Status}.get, placeholder=t("filter.semua"), select_all=False,
        )
        # the planning basis: a Balai runs its Sasaran Mutu or PNBP review on the same screens
        sumber = st.multiselect(
            t("filter.sumber"), [s.value for s in Sumber], key="sumber",
            format_func={s.value: t(f"sumber.{s.value}") for s in Sumber}.get, placeholder=t("filter.semua"),
            select_all=False,
        )
        st.caption(t("filter.basis_data", path=storage().nama))
    return Filter(tahun, triwulan, kode_unit, sub_unit, tuple(perspektif), tuple(status), tuple(sumber))


def buka_unit(kode_unit: str) -> None:
    """Select ``kode_unit`` in the sidebar (and the URL) and run the page again: a drill-down from a chart."""
    st.session_state["_buka_unit"] = kode_unit
    st.rerun()


def _nama_dengan_induk(kode: str, nama: dict[str, str], induk: dict[str, object]) -> str:
    """'KPPBC TMP A Bogor (Kantor Wilayah DJBC Jawa Barat)': where a unit sits, without indenting the list."""
    kode_induk = induk.get(kode)
    if isinstance(kode_induk, str) and kode_induk in nama:
        return f"{nama.get(kode, kode)} ({nama[kode_induk]})"
    return nama.get(kode, kode)


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
        f = self.filter
        return _per_unit(storage().alamat, self.versi, f.tahun, f.kode_unit, f.sub_unit, f.triwulan,
                         f.perspektif, f.sumber, bahasa())

    def kebutuhan(self) -> pd.DataFrame | None:
        """What the rest of the year must bring for the listed IKU not yet sure to end hijau
        (``scores.tabel_kebutuhan``, status filter applied); None above ``BATAS_KEBUTUHAN`` IKU."""
        f = self.filter
        tabel = _kebutuhan(storage().alamat, self.versi, f.tahun, f.kode_unit, f.sub_unit, f.triwulan,
                           f.perspektif, f.sumber, bahasa())
        if tabel is not None and f.status:
            tabel = tabel[tabel["status"].isin(f.status)].reset_index(drop=True)
        return tabel

    def biaya_nko(self) -> tuple[pd.DataFrame, pd.DataFrame, float | None]:
        """The IKU that cost the NKO of everything shown points, most first (``scores.tabel_biaya_nko``), the same
        summed per direct sub-unit (``scores.biaya_per_sub_unit``; empty without sub-units), and that NKO."""
        f = self.filter
        return _biaya(storage().alamat, self.versi, f.tahun, f.kode_unit, f.sub_unit, f.triwulan, f.perspektif,
                      f.sumber, bahasa())

    def prognosis(self) -> tuple[Nko, pd.DataFrame]:
        """The headline NKO at year end by the run-rate so far, and the IKU hijau today heading to kuning or merah
        (``scores.prognosis``, ``scores.peringatan_prognosis``)."""
        f = self.filter
        return _prognosis(storage().alamat, self.versi, f.tahun, f.kode_unit, f.sub_unit, f.triwulan,
                          f.perspektif, f.sumber, bahasa())

    def semua_triwulan(self) -> pd.DataFrame:
        """The selected units' IKU in every quarter (``scores.tabel_semua_triwulan`` of the cached scores)."""
        return scores.tabel_semua_triwulan([skor(self.filter, q, self.versi) for q in TRIWULAN])


@st.cache_resource(show_spinner=False, max_entries=32)
def _ikhtisar(path: str, versi: tuple[int, ...], tahun: int, kode_unit: str, sub_unit: bool, triwulan: int,
              perspektif: tuple[str, ...], sumber: tuple[str, ...],
              bahasa_kode: str) -> tuple[scores.Ikhtisar, pd.DataFrame]:
    konteks = _tahun_data(path, versi, tahun)
    kepala = scores.ikhtisar(_skor(path, versi, tahun, kode_unit, sub_unit, triwulan, bahasa_kode), kode_unit,
                             konteks.nama, perspektif, sumber)
    return kepala, scores.tabel_iku(kepala.lingkup, konteks.unit)


@st.cache_resource(show_spinner=False, max_entries=32)
def _biaya(path: str, versi: tuple[int, ...], tahun: int, kode_unit: str, sub_unit: bool, triwulan: int,
           perspektif: tuple[str, ...], sumber: tuple[str, ...],
           bahasa_kode: str) -> tuple[pd.DataFrame, pd.DataFrame, float | None]:
    konteks = _tahun_data(path, versi, tahun)
    kepala, _ = _ikhtisar(path, versi, tahun, kode_unit, sub_unit, triwulan, perspektif, sumber, bahasa_kode)
    biaya = scores.tabel_biaya_nko(kepala.lingkup, konteks.unit)
    per_anak = (scores.biaya_per_sub_unit(biaya, konteks.pohon, kode_unit, konteks.unit)
                if sub_unit and konteks.pohon.anak.get(kode_unit) else biaya.iloc[0:0])
    return biaya, per_anak, scores.hitung_nko(kepala.lingkup).nilai


@st.cache_resource(show_spinner=False, max_entries=32)
def _prognosis(path: str, versi: tuple[int, ...], tahun: int, kode_unit: str, sub_unit: bool, triwulan: int,
               perspektif: tuple[str, ...], sumber: tuple[str, ...], bahasa_kode: str) -> tuple[Nko, pd.DataFrame]:
    konteks = _tahun_data(path, versi, tahun)
    kepala, _ = _ikhtisar(path, versi, tahun, kode_unit, sub_unit, triwulan, perspektif, sumber, bahasa_kode)
    akhir = scores.prognosis(kepala.lingkup, triwulan)
    nko = scores.hitung_nko(scores.dasar_nko_unit(akhir, kode_unit))  # the headline's own base
    return nko, scores.peringatan_prognosis(kepala.lingkup, akhir, konteks.unit)


BATAS_KEBUTUHAN = 2000
"""IKU above which the Ringkasan does not work out each one's needs (a Kanwil's are useful, a ministry's 15,000
are not read)."""


@st.cache_resource(show_spinner=False, max_entries=32)
def _kebutuhan(path: str, versi: tuple[int, ...], tahun: int, kode_unit: str, sub_unit: bool, triwulan: int,
               perspektif: tuple[str, ...], sumber: tuple[str, ...], bahasa_kode: str) -> pd.DataFrame | None:
    kepala, _ = _ikhtisar(path, versi, tahun, kode_unit, sub_unit, triwulan, perspektif, sumber, bahasa_kode)
    if len(kepala.lingkup) > BATAS_KEBUTUHAN:
        return None
    return scores.tabel_kebutuhan(kepala.lingkup, triwulan)


@st.cache_resource(show_spinner=False, max_entries=32)
def _per_unit(path: str, versi: tuple[int, ...], tahun: int, kode_unit: str, sub_unit: bool, triwulan: int,
              perspektif: tuple[str, ...], sumber: tuple[str, ...],
              bahasa_kode: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    konteks = _tahun_data(path, versi, tahun)
    kepala, _ = _ikhtisar(path, versi, tahun, kode_unit, sub_unit, triwulan, perspektif, sumber, bahasa_kode)
    return (scores.tabel_nko(kepala.lingkup, konteks.unit),
            scores.tabel_sub_unit(kepala.lingkup, konteks.pohon, kode_unit, konteks.unit))  # none without sub-units


def pilihan(f: Filter) -> Pilihan:
    """Score the selected units' IKU: the headline over units × perspectives, the rows filtered by status too.

    Computed once per data version and filter, and shared (a presenter going back and forth between quarters,
    and everyone else looking at the same unit, reuse it)."""
    try:
        versi = storage().tanda_versi()
        konteks, isi = tahun_data(f.tahun, versi), data(f, versi)
        kepala, tabel = _ikhtisar(storage().alamat, versi, f.tahun, f.kode_unit, f.sub_unit, f.triwulan,
                                  f.perspektif, f.sumber, bahasa())
    except MasalahBasisData as e:
        bila_sibuk(e)
    if f.status:  # the index stays each row's position in the headline's IKU (``Pilihan.tabel``)
        tabel = tabel[tabel["status"].isin(f.status)]
    return Pilihan(f, versi, konteks, isi, kepala, tabel)


def buka_halaman(judul: str, *, perlu_baris: bool = True) -> Pilihan:
    """Title, caption and the scored selection of a page; stops the page when there is nothing to show.

    ``perlu_baris=False``: go on when the status filter leaves no row, as long as the units and
    perspectives have IKU (the Ringkasan still shows its figures then).
    """
    st.title(judul)
    f = st.session_state.get("filter")
    if f is None:
        st.info(t("filter.kosong"))
        st.stop()
    p = pilihan(f)
    st.markdown(f'<div class="kinerja-konteks">{html.escape(judul_unit(f, p.tahun))}</div>', unsafe_allow_html=True)
    if p.ikhtisar.lingkup.empty or (perlu_baris and p.tabel.empty):
        st.info(t("halaman.tidak_ada"))
        st.stop()
    return p


def judul_unit(f: Filter, tahun: Tahun) -> str:
    """'KPPBC TMP A Bogor · Tahun 2019 · s.d. TW III'."""
    nama = tahun.nama_unit(f.kode_unit)
    return t("ringkasan.sub", unit=nama, tahun=f.tahun, romawi=nama_triwulan(f.triwulan).split()[-1])


# --- the look of a status --------------------------------------------------------------------------

GAYA = """
<style>
  .kinerja-kartu {border-radius: 0.6rem; padding: 0.9rem 1.1rem; min-height: 7rem;
                  border: 1px solid rgba(17, 24, 39, 0.25);}
  .kinerja-kartu .angka {font-size: 3rem; font-weight: 700; line-height: 1.1;}
  .kinerja-kartu .label {font-size: 1.15rem; font-weight: 600;}
  .kinerja-nko {border-radius: 0.6rem; padding: 0.9rem 1.1rem; border: 3px solid; min-height: 7rem;}
  .kinerja-nko .angka {font-size: 3rem; font-weight: 700; line-height: 1.1;}
  .kinerja-nko .label {font-size: 1.15rem; font-weight: 600;}
  .kinerja-nko .cakupan {font-size: 0.95rem; color: #374151; margin-top: 0.2rem;}
  .kinerja-nko .cakupan.belum-lengkap {font-weight: 700; color: #111827;}
  .kinerja-cakupan {font-size: 1rem; color: #374151; margin: -0.6rem 0 0.6rem 0;}
  .kinerja-ringkas {font-size: 1.6rem; font-weight: 600; margin: 0.4rem 0 0.8rem 0;}
  .kinerja-konteks {font-size: 1.35rem; font-weight: 600; color: #374151; margin: -0.6rem 0 0.6rem 0;}
  [data-testid="stSidebar"] {min-width: 340px;}
  [data-testid="stMainBlockContainer"] {padding-top: 2.2rem;}
  /* a laptop (1366 wide, sidebar open): the page's side margins go to the tables */
  @media (max-width: 1599px) {
    [data-testid="stMainBlockContainer"] {padding-left: 1.5rem; padding-right: 1.5rem;}
  }
  .st-key-panah_pasang {display: none;}
</style>
"""


def _gaya_kata() -> str:
    """CSS that says in Indonesian the words of Streamlit's own that no setting changes: the text hidden, ours
    shown in its place. The empty list of a multiselect (a search that matches nothing, or every option chosen)
    says "No results"; the list is drawn outside the sidebar, so the rule is the whole app's."""
    return f"""<style>
  [data-testid="stMultiSelectDropdown"] [role="listbox"][data-empty="true"] [role="option"] span {{font-size: 0}}
  [data-testid="stMultiSelectDropdown"] [role="listbox"][data-empty="true"] [role="option"] span::after {{
    content: "{t('filter.tidak_ada_pilihan')}"; font-size: 1rem}}
</style>"""


def pasang_gaya() -> None:
    st.markdown(GAYA + _gaya_kata(), unsafe_allow_html=True)


def gaya_status(status: Status) -> str:
    """Inline CSS of a surface painted in a status colour, with the text colour that reads on it."""
    return f"background:{WARNA_STATUS[status]}; color:{WARNA_TEKS_STATUS[status]}"


def gaya_sel_status(status: Status) -> str:
    """Inline CSS of a status cell in a table (pandas Styler)."""
    return f"background-color: {WARNA_STATUS[status]}; color: {WARNA_TEKS_STATUS[status]}; font-weight: 600"


def kartu_status(status: Status, jumlah: int) -> str:
    """HTML of a large coloured tile with a count; built only from numbers and fixed words."""
    return (
        f'<div class="kinerja-kartu" style="{gaya_status(status)}" data-status="{status.value}">'
        f'<div class="angka">{jumlah}</div><div class="label">{IKON_STATUS[status]} {nama_status(status)}</div></div>'
    )


def kartu_nko(nilai: float | None, status: Status, judul: str, cakupan: scores.Cakupan | None = None) -> str:
    """HTML of the NKO tile, framed in the colour of its band, saying which IKU it is computed from."""
    warna = WARNA_STATUS[status]
    teks = angka(nilai, tetap=True) if nilai is not None else t("ringkasan.nko_kosong")
    bawah = ""
    if cakupan is not None:
        kelas = "cakupan" if cakupan.lengkap else "cakupan belum-lengkap"
        bawah = f'<div class="{kelas}">{html.escape(scores.teks_cakupan(cakupan))}</div>'
    return (
        f'<div class="kinerja-nko" style="border-color:{warna}" data-status="{status.value}">'
        f'<div class="angka">{teks}</div><div class="label">{html.escape(judul)} · {label_status(status)}</div>'
        f"{bawah}</div>"
    )


def _angka_sebagai_teks(data: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, object]]:
    """Float columns written Indonesian style ("1.402,5", "—" when missing), with right-aligned column configs.

    As text, a table never shows "None" or a dot decimal to a user.
    """
    tampil = data.copy()
    angka_kolom = [k for k in tampil.columns if pd.api.types.is_float_dtype(tampil[k])]
    tetap = {t("kolom.capaian"), t("kolom.nko"), t("kolom.capaian_prognosis"), "capaian", "nko"}  # 2 decimals
    for k in angka_kolom:
        tampil[k] = tampil[k].map(lambda v, k=k: angka(v, tetap=k in tetap))
    return tampil, {k: st.column_config.TextColumn(alignment="right") for k in angka_kolom}


def _gabung_kolom(bawaan: dict[str, object], opsi: dict[str, object]) -> dict[str, object]:
    """The page's column configs (``opsi["column_config"]``, taken out) laid over the built-in ones setting by
    setting: a page that sets a width keeps the right alignment of a number column."""
    tambahan: dict[str, object] = dict(opsi.pop("column_config", None) or {})  # type: ignore[call-overload]
    gabung: dict[str, object] = {}
    for k in {**bawaan, **tambahan}:
        atas = tambahan.get(k, {})
        if not isinstance(atas, dict):  # a label or None: Streamlit's shorthands, taken as they are
            gabung[k] = atas
            continue
        gabung[k] = {**bawaan.get(k, {}), **{s: v for s, v in atas.items() if v is not None}}  # type: ignore[dict-item]
    return gabung


def tabel_angka(data: pd.DataFrame, key: str, **opsi: object) -> None:
    """A read-only table with numbers written Indonesian style."""
    tampil, kolom = _angka_sebagai_teks(data)
    tabel(tampil, key, column_config=_gabung_kolom(kolom, opsi), **opsi)


def tabel_status(data: pd.DataFrame, key: str, kolom_status: str | tuple[str, ...] = "status", **opsi: object) -> None:
    """Like ``tabel_angka``, with the status column(s) a coloured cell carrying shape and word."""
    tampil, kolom = _angka_sebagai_teks(data)
    daftar = [kolom_status] if isinstance(kolom_status, str) else list(kolom_status)
    for k in daftar:
        tampil[k] = tampil[k].map(lambda s: label_status(Status(s)))
    gaya_label = {label_status(s): gaya_sel_status(s) for s in Status}
    gaya = tampil.style.map(lambda v: gaya_label.get(v, ""), subset=daftar)
    tabel(gaya, key, column_config=_gabung_kolom(kolom, opsi), **opsi)


def teks_sel(capaian: float | None, status: str) -> str:
    """The text of a status-grid cell: capaian and shape, or the status word when grey."""
    s = Status(status)
    if capaian is None or pd.isna(capaian):
        return label_status(s)
    return f"{angka(capaian, tetap=True)} {IKON_STATUS[s]}"


def aman(teks: str) -> str:
    r"""User text made inert for st.markdown: every markdown and HTML character escaped.

    >>> print(aman("**tebal** <b>x</b>"))
    \*\*tebal\*\* \<b\>x\</b\>
    """
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", teks)


def tabel(data: pd.DataFrame | pd.io.formats.style.Styler, key: str, **opsi: object) -> None:
    """A read-only table inside a keyed container, so tests and the browser can find it by name."""
    with st.container(key=key):
        st.dataframe(data, hide_index=True, width="stretch", **opsi)


def tabel_kesalahan(kesalahan: list[Kesalahan]) -> pd.DataFrame:
    """Upload problems as a table: file, row, column, message."""
    return pd.DataFrame([
        {t("kolom.berkas"): k.berkas, t("kolom.baris"): k.baris, t("kolom.kolom"): k.kolom or "",
         t("kolom.pesan"): k.pesan}
        for k in kesalahan
    ])


def baris_revisi(r: Revisi) -> dict[str, object]:
    """One revision as a table row, in the user's words."""
    if r.jenis == "batal":
        keadaan = t("riwayat.membatalkan", id=r.membatalkan)
    elif r.dibatalkan_oleh:
        keadaan = t("riwayat.dibatalkan_oleh", id=r.dibatalkan_oleh)
    else:
        keadaan = t("riwayat.berlaku")
    return {
        t("riwayat.kolom.id"): r.id, t("riwayat.kolom.waktu"): r.waktu.strftime("%d-%m-%Y %H:%M:%S %Z"),
        t("riwayat.kolom.pengguna"): r.pengguna, t("riwayat.kolom.asal"): r.asal or "—",
        t("riwayat.kolom.berkas"): r.berkas,
        "sha256": r.sha256[:12] if r.sha256 else "—",
        t("perubahan.baru"): r.baru, t("perubahan.berubah"): r.berubah, t("perubahan.sama"): r.sama,
        t("riwayat.kolom.dihapus"): r.dihapus, t("riwayat.kolom.keadaan"): keadaan,
    }


def halaman(data: pd.DataFrame, key: str, per: int = 50) -> pd.DataFrame:
    """The rows of the chosen page, all of them when they fit on one; above them a page number and
    '51–100 dari 15.000'. At a ministry a list has thousands of rows: the browser gets one page at a time."""
    total = len(data)
    if total <= per:
        return data
    jumlah = -(-total // per)
    kunci = f"{key}_halaman"
    if not 1 <= st.session_state.get(kunci, 1) <= jumlah:  # fewer rows than before (another filter)
        st.session_state[kunci] = 1
    kiri, kanan = st.columns([1, 5], vertical_alignment="bottom")
    nomor = int(kiri.number_input(t("halaman.nomor"), min_value=1, max_value=jumlah, step=1, key=kunci))
    awal = (nomor - 1) * per
    akhir = min(awal + per, total)
    kanan.markdown(t("halaman.baris", awal=angka(awal + 1), akhir=angka(akhir), total=angka(total)))
    return data.iloc[awal:akhir]


def dalam_bahasa_ini(buat: Callable[[], bytes]) -> Callable[[], bytes]:
    """A file built on a click (Streamlit runs it outside this script run) in the language of this run."""
    kode = bahasa()

    def dibuat() -> bytes:
        with dalam_bahasa(kode):
            return buat()

    return dibuat


def unduh_tabel(data: pd.DataFrame, nama: str, key: str) -> None:
    """CSV and Excel download buttons for a table (numbers as numbers, text made formula-safe)."""
    baris = st.container(horizontal=True)  # each button as wide as its words, on any screen
    baris.download_button(t("unduh.csv"), dalam_bahasa_ini(lambda: exporting.ke_csv(data)), f"{nama}.csv", "text/csv",
                          key=f"{key}_csv", icon=":material/download:", on_click="ignore")
    baris.download_button(t("unduh.xlsx"), dalam_bahasa_ini(lambda: exporting.ke_xlsx(data, "ringkasan", laporan=True)),
                          f"{nama}.xlsx",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"{key}_xlsx",
                          icon=":material/download:", on_click="ignore")
