"""What the user selects and how they move: the sidebar filters (year, quarter, unit, perspektif, status,
sumber; kept in the URL), opening a unit or a page, and the arrow keys of the Dialog."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from kinerja import teks_aman
from kinerja.store import MasalahBasisData
from kinerja.texts import label_status, nama_triwulan, t
from kinerja.web.baca import Pilihan, Tahun, bila_sibuk, daftar_tahun, pilihan, storage, tahun_data
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
        st.caption(teks_aman.t_aman("filter.basis_data", path=storage().nama))  # a file name's _ is no markup
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
    if p.ikhtisar.lingkup.empty or (perlu_baris and p.tabel.empty):
        st.info(t("halaman.tidak_ada"))
        st.stop()
    return p


def judul_unit(f: Filter, tahun: Tahun) -> str:
    """'KPPBC TMP A Bogor · Tahun 2019 · s.d. TW III'."""
    nama = tahun.nama_unit(f.kode_unit)
    return t("ringkasan.sub", unit=nama, tahun=f.tahun, romawi=nama_triwulan(f.triwulan).split()[-1])


