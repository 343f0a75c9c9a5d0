"""What the user selects and how they move: the sidebar filters (year, quarter, unit, perspektif, status,
sumber, verified figures only; kept in the URL) that make the ``Filter`` (``kunci``), and opening a unit or a
page. The Dialog's arrow keys are in ``panah``."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from kinerja import teks_aman
from kinerja.store import MasalahBasisData
from kinerja.texts import label_status, nama_triwulan, t
from kinerja.web import tanda_tahap
from kinerja.web.baca import Pilihan, Tahun, bila_sibuk, daftar_tahun, pilihan, storage, tahun_data
from kinerja.web.kunci import Filter
from kinerja_core.model import TRIWULAN, Perspektif, Status, Sumber


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


# --- filters ---------------------------------------------------------------------------------------


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
        # the reporting cycle: a meeting may keep to the figures a verifikator has checked
        hanya_terverifikasi = st.toggle(t("filter.hanya_terverifikasi"), value=False, key="hanya_terverifikasi",
                                        help=t("filter.hanya_terverifikasi_bantuan"), bind="query-params")
        st.caption(teks_aman.t_aman("filter.basis_data", path=storage().nama))  # a file name's _ is no markup
    return Filter(tahun, triwulan, kode_unit, sub_unit, tuple(perspektif), tuple(status), tuple(sumber),
                  hanya_terverifikasi)


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
    st.markdown(f'<div class="kinerja-konteks">{teks_aman.html(judul_unit(f, p.tahun))}</div>', unsafe_allow_html=True)
    tanda_tahap.pemberitahuan(f)
    if p.ikhtisar.lingkup.empty or (perlu_baris and p.tabel.empty):
        st.info(t("halaman.tidak_ada"))
        st.stop()
    return p


def judul_unit(f: Filter, tahun: Tahun) -> str:
    """'KPPBC TMP A Bogor · Tahun 2019 · s.d. TW III'."""
    nama = tahun.nama_unit(f.kode_unit)
    return t("ringkasan.sub", unit=nama, tahun=f.tahun, romawi=nama_triwulan(f.triwulan).split()[-1])


