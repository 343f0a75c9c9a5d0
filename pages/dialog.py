"""Dialog Kinerja: the projector mode of the quarterly meeting.

A summary screen, then one IKU per screen (Next / Previous, or the arrow
keys). Key figures in large type, the light told by colour, shape and word.
New uploads appear by themselves within seconds unless the presenter freezes
the view; the secretary records kendala and rencana aksi per IKU; the deck
(PPTX) and the table (XLSX/CSV) download in one click.
"""

from datetime import datetime

import pandas as pd
import streamlit as st

from kinerja import charts, deck, dialog, exporting, projector, ui
from kinerja.importing import simpan_catatan
from kinerja.storage import DatabaseBusy
from kinerja.texts import nama_triwulan, t

ui.pastikan_navigasi()

f = st.session_state.get("filter")
if f is None:
    st.info(t("filter.kosong"))
    st.stop()

# --- controls: theme, freeze, downloads ----------------------------------------------------------------------
kontrol = st.columns([2, 2, 2, 5])
tema = kontrol[0].segmented_control(
    t("dialog.tema"), ["terang", "gelap"], default="terang", key="dialog_tema",
    format_func=lambda k: t(f"dialog.{k}"),
) or "terang"
beku = kontrol[1].toggle(t("dialog.bekukan"), key="dialog_beku", help=t("dialog.bekukan_bantuan"))
penuh = kontrol[2].toggle(t("dialog.layar_penuh"), key="dialog_penuh", help=t("dialog.layar_penuh_bantuan"))
st.markdown(projector.css(gelap=tema == "gelap", tanpa_sidebar=penuh), unsafe_allow_html=True)

# the data as it was when the meeting opened this page, kept for a frozen view
versi = ui.storage().tanda_versi()
awal = st.session_state.setdefault("dialog_awal", {})
kunci_awal = (str(ui.storage().path), f.tahun)
try:
    if kunci_awal not in awal:
        awal[kunci_awal] = (ui.baca(f.tahun, versi), datetime.now())
    snap = awal[kunci_awal][0] if beku else ui.baca(f.tahun, versi)
except DatabaseBusy as e:
    ui.bila_sibuk(e)
isi = dialog.susun(snap, f.kode_unit, f.triwulan, dengan_sub_unit=f.sub_unit, perspektif=f.perspektif,
                   status=f.status)
jumlah_slide = len(isi.slide)

with kontrol[3]:
    nama = f"dko_{f.kode_unit}_{f.tahun}_tw{f.triwulan}"
    unduh = st.columns(3)
    unduh[0].download_button(t("dialog.unduh_deck"), lambda: deck.buat_deck(isi), f"{nama}.pptx",
                             "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                             key="dialog_unduh_pptx", icon=":material/slideshow:", on_click="ignore")
    # built only when clicked: navigating the slides stays quick
    unduh[1].download_button(t("dialog.unduh_xlsx"), lambda: exporting.ke_xlsx(dialog.tabel_ekspor(isi), "dialog"),
                             f"{nama}.xlsx",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                             key="dialog_unduh_xlsx", icon=":material/table:", on_click="ignore")
    unduh[2].download_button(t("dialog.unduh_csv"), lambda: exporting.ke_csv(dialog.tabel_ekspor(isi)),
                             f"{nama}.csv", "text/csv",
                             key="dialog_unduh_csv", icon=":material/download:", on_click="ignore")
if beku:
    st.caption(t("dialog.beku_sejak", jam=awal[kunci_awal][1].strftime("%H:%M")))
else:
    st.caption(t("dialog.langsung", detik=ui.DETIK_SEGAR))

# --- navigation ----------------------------------------------------------------------------------------------
posisi = min(st.session_state.get("dialog_slide", 0), jumlah_slide)
st.session_state["dialog_slide"] = posisi


def _geser(langkah: int) -> None:
    st.session_state["dialog_slide"] = max(0, min(st.session_state.get("dialog_slide", 0) + langkah, jumlah_slide))


navigasi = st.columns([1, 3, 1], vertical_alignment="center")
navigasi[0].button(t("dialog.sebelumnya"), key="dialog_sebelumnya",
                   on_click=_geser, args=(-1,), disabled=posisi == 0, shortcut="Left", width="stretch")
navigasi[1].markdown(
    f'<div class="dko-posisi">{t("dialog.ringkasan") if posisi == 0 else t("dialog.posisi", nomor=posisi, jumlah=jumlah_slide)}</div>',
    unsafe_allow_html=True,
)
navigasi[2].button(t("dialog.berikutnya"), key="dialog_berikutnya",
                   on_click=_geser, args=(1,), disabled=posisi >= jumlah_slide,
                   shortcut="Right", width="stretch")

# --- the screen ----------------------------------------------------------------------------------------------
if posisi == 0:
    r = isi.ringkasan
    st.markdown(projector.ringkasan(r, deck.ringkas_jumlah(isi)), unsafe_allow_html=True)
    kiri, kanan = st.columns([1, 1], gap="large")
    with kiri:
        st.markdown(f"### {t('dialog.per_perspektif')}")
        st.markdown(projector.per_perspektif(r.per_perspektif), unsafe_allow_html=True)
    with kanan:
        st.markdown(f"### {t('dialog.perhatian')}")
        st.markdown(projector.perhatian(r.perhatian), unsafe_allow_html=True)
else:
    s = isi.slide[posisi - 1]
    tw = nama_triwulan(f.triwulan)
    st.markdown(projector.judul_slide(s, tw), unsafe_allow_html=True)
    kiri, kanan = st.columns([3, 2])
    with kiri:
        st.plotly_chart(charts.progres_iku(s.progres, s.iku.satuan, gelap=tema == "gelap"), key="dialog_grafik",
                        config={"displayModeBar": False}, theme=None)  # our projector colours, not Streamlit's
    with kanan:
        st.markdown(f"### {t('dialog.catatan')}")
        st.markdown(projector.catatan(s, tw), unsafe_allow_html=True)
    st.markdown(f"### {t('dialog.data_triwulan')}")
    st.markdown(projector.progres(s.progres), unsafe_allow_html=True)

    # the secretary's notes for this IKU and quarter: saved as a revision, with who and when
    catatan = s.catatan_triwulan_ini
    with st.expander(t("dialog.catat", tw=tw)):
        with st.form(key=f"dialog_catatan_{s.iku.kode_unit}_{s.iku.kode_iku}_{f.triwulan}", border=False):
            kendala = st.text_area(t("kolom.kendala"), value=catatan["kendala"] or "", key="dialog_kendala")
            rencana = st.text_area(t("kolom.rencana_aksi"), value=catatan["rencana_aksi"] or "",
                                   key="dialog_rencana_aksi")
            kolom = st.columns(3)
            pic = kolom[0].text_input("PIC", value=catatan["pic"] or "", key="dialog_pic")
            tenggat = kolom[1].date_input(
                t("dialog.tenggat"), value=None if pd.isna(catatan["tenggat"]) else catatan["tenggat"],
                key="dialog_tenggat", format="DD/MM/YYYY",
            )
            pengguna = kolom[2].text_input(t("unggah.pengguna"), key="dialog_pengguna")
            if st.form_submit_button(t("dialog.simpan_catatan"), type="primary"):
                if not pengguna.strip():
                    st.warning(t("unggah.isi_pengguna"))
                else:
                    try:
                        revisi = simpan_catatan(ui.storage(), s.iku, f.tahun, f.triwulan, kendala=kendala,
                                                rencana_aksi=rencana, pic=pic, tenggat=tenggat,
                                                pengguna=pengguna.strip())
                    except DatabaseBusy as e:
                        ui.bila_sibuk(e)
                    st.toast(t("dialog.catatan_tersimpan", id=revisi.id), icon=":material/edit_note:")
                    st.rerun()


# --- live refresh: a cheap version check every few seconds; a full redraw only when data changed ---------------
@st.fragment(run_every=ui.DETIK_SEGAR)
def _pantau(versi: tuple[int, ...]) -> None:
    if not st.session_state.get("dialog_beku") and ui.storage().tanda_versi() != versi:
        st.rerun(scope="app")


_pantau(versi)
