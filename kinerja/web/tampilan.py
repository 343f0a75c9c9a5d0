"""The look shared by the pages: the status colours, shapes and words, the NKO and status cards, tables
with numbers in the session's language, paging, safe text, downloads."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from kinerja import scores, teks_aman
from kinerja.masuk import exporting
from kinerja.masuk.loading import Kesalahan
from kinerja.store import Revisi
from kinerja.texts import (
    IKON_STATUS,
    WARNA_STATUS,
    WARNA_TEKS_STATUS,
    angka,
    bahasa,
    dalam_bahasa,
    label_status,
    nama_status,
    t,
)
from kinerja_core.model import Status

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
  /* wider when open; folded it takes no room (a min-width there would keep 340 px of the screen empty) */
  [data-testid="stSidebar"]:not([data-collapsed="true"]) {min-width: 340px;}
  [data-testid="stMainBlockContainer"] {padding-top: 2.2rem;}
  /* a laptop (1366 wide, sidebar open): the page's side margins go to the tables */
  @media (max-width: 1599px) {
    [data-testid="stMainBlockContainer"] {padding-left: 1.5rem; padding-right: 1.5rem;}
  }
  /* a 1280-wide projector, sidebar open: a narrower sidebar and margins, so the IKU table's last column
     (the grey IKU's reason) stays in view */
  @media (max-width: 1365px) {
    [data-testid="stSidebar"]:not([data-collapsed="true"]) {min-width: 240px; max-width: 240px !important;}
    [data-testid="stMainBlockContainer"] {padding-left: 1rem; padding-right: 1rem;}
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
        bawah = f'<div class="{kelas}">{teks_aman.html(scores.teks_cakupan(cakupan))}</div>'
    return (
        f'<div class="kinerja-nko" style="border-color:{warna}" data-status="{status.value}">'
        f'<div class="angka">{teks}</div><div class="label">{teks_aman.html(judul)} · {label_status(status)}</div>'
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
    r"""User text made inert for st.markdown: ``teks_aman.md`` (the one helper; this name stays for old callers).

    >>> print(aman("**tebal** <b>x</b>"))
    \*\*tebal\*\* \<b\>x\<\/b\>
    """
    return teks_aman.md(teks)


def tabel(data: pd.DataFrame | pd.io.formats.style.Styler, key: str, **opsi: object) -> None:
    """A read-only table inside a keyed container, so tests and the browser can find it by name."""
    with st.container(key=key):
        st.dataframe(data, hide_index=True, width="stretch", **opsi)


def tabel_kesalahan(kesalahan: list[Kesalahan]) -> pd.DataFrame:
    """Upload problems as a table: file, row, column, message."""
    return pd.DataFrame([
        {t("kolom.berkas"): k.berkas, t("kolom.baris"): k.baris, t("kolom.kolom"): k.kolom or "",
         t("kolom.pesan"): k.teks}
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
    jumlah: tuple[object, ...] = (r.baru, r.berubah, r.sama, r.dihapus)
    if r.bagian is not None:  # it touched units this reader may not see: their counts are not theirs to see
        keadaan += t("riwayat.sebagian", n=r.bagian)
        jumlah = ("—",) * 4
    pengguna = r.pengguna if not r.operator else t("riwayat.oleh_operator", pengguna=r.pengguna, operator=r.operator)
    return {
        t("riwayat.kolom.id"): r.id, t("riwayat.kolom.waktu"): r.waktu.strftime("%d-%m-%Y %H:%M:%S %Z"),
        t("riwayat.kolom.pengguna"): pengguna, t("riwayat.kolom.asal"): r.asal or "—",
        t("riwayat.kolom.berkas"): r.berkas,
        "sha256": r.sha256[:12] if r.sha256 else "—",
        t("perubahan.baru"): jumlah[0], t("perubahan.berubah"): jumlah[1], t("perubahan.sama"): jumlah[2],
        t("riwayat.kolom.dihapus"): jumlah[3], t("riwayat.kolom.keadaan"): keadaan,
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
