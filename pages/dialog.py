"""Dialog Kinerja: the projector mode of the quarterly meeting.

A summary screen, then one IKU per screen (Next / Previous, or the arrow
keys). Key figures in large type, the light told by colour, shape and word.
New uploads appear by themselves within seconds unless the presenter freezes
the view (freezing keeps what is on screen at that moment); the secretary
records kendala and rencana aksi per IKU; the deck (PPTX) and the table
(XLSX/CSV) download in one click.
"""

import datetime
from collections.abc import Callable

import streamlit as st

from kinerja import charts, scores, teks_aman
from kinerja.masuk import exporting
from kinerja.rapat import deck, dialog, ekspor, projector
from kinerja.rapat.dialog import SlideIku
from kinerja.rapat.simpan import CatatanDitolak, simpan_catatan, simpan_rapat, simpan_tindak_lanjut
from kinerja.store import AksesDitolak, MasalahBasisData, Revisi
from kinerja.texts import angka, nama_triwulan, t
from kinerja.web import baca, dokumen_ui, gerbang, panah, saring, simulasi_ui, tampilan, tanda_tahap
from kinerja_core.akses import Pelaku, Peran
from kinerja_core.model import StatusAksi
from kinerja_core.tindak_lanjut import Aksi

saring.pastikan_navigasi()
# on the projector the room sees the slide, not the filters: the sidebar starts folded (one click opens it)
st.set_page_config(initial_sidebar_state="collapsed")

TINGGI_GRAFIK = 380  # the slide's chart in pixels: with the head and the table, one 1920x1080 screen

f = st.session_state.get("filter")
if f is None:
    st.info(t("filter.kosong"))
    st.stop()


def _slide_url() -> int | None:
    """The slide named in the URL (``?slide=3``), so a reload stays on it; None when absent or not a number."""
    try:
        return max(0, int(st.query_params.get("slide", "")))
    except ValueError:
        return None


if "dialog_slide" not in st.session_state and _slide_url() is not None:
    st.session_state["dialog_slide"] = _slide_url()


def _geser(langkah: int) -> None:
    """Move ``langkah`` slides (a button or the arrow keys), within the slides of the last run (if known)."""
    akhir = st.session_state.get("dialog_jumlah_slide", 10**6)  # unknown yet: the run clamps it below
    st.session_state["dialog_slide"] = max(0, min(st.session_state.get("dialog_slide", 0) + langkah, akhir))


# the arrow keys first, so a press right after the page opens is heard (one press, one slide: panah.tombol_panah)
panah.tombol_panah("dialog_panah", "dialog", _geser)


def _mulai_beku() -> None:
    if st.session_state.get("dialog_beku"):
        st.session_state["dialog_beku_sejak"] = datetime.datetime.now()


# --- controls: one button that opens them (theme, freeze, hide the filters, downloads), out of the way -------
atas = st.columns([1.3, 4, 1.3, 0.9], vertical_alignment="center")
with atas[3].popover(t("dialog.kontrol"), icon=":material/tune:", width="stretch"):
    tema = st.segmented_control(
        t("dialog.tema"), ["terang", "gelap"], default="terang", key="dialog_tema", bind="query-params",
        format_func={k: t(f"dialog.{k}") for k in ("terang", "gelap")}.get,
    ) or "terang"
    beku = st.toggle(t("dialog.bekukan"), key="dialog_beku", help=t("dialog.bekukan_bantuan"), on_change=_mulai_beku)
    penuh = st.toggle(t("dialog.layar_penuh"), key="dialog_penuh", help=t("dialog.layar_penuh_bantuan"))
    st.markdown(f"**{t('dialog.unduh')}**")
    unduh = st.container()
st.markdown(projector.css(gelap=tema == "gelap", tanpa_sidebar=penuh), unsafe_allow_html=True)
tanda_tahap.pemberitahuan(f)  # a view limited to verified figures says so

# the data on screen, per database, year and units: every live run replaces it, a frozen run keeps it (what
# was on screen when the presenter froze it, not what was there when the page opened)
tampil = st.session_state.setdefault("dialog_tampil", {})
kunci_tampil = (baca.storage().alamat, f.tahun, f.kode_unit, f.sub_unit, f.hanya_terverifikasi)
try:
    versi = baca.storage().tanda_versi()
    if not beku or kunci_tampil not in tampil:
        tampil[kunci_tampil] = (versi, baca.data_tampil(f, versi))
    versi_tampil, data = tampil[kunci_tampil]
    # live: the scores shared by every session; frozen: scored from the kept rows (the shared ones may be newer)
    # each IKU with its unit-quarter's stage (the frozen view: the stages as they stood at its version)
    skor_iku = baca.skor(f, versi=versi) if versi_tampil == versi else scores.dengan_tahap(
        scores.skor(data.lebar, f.triwulan), baca.tahap_tahun(f.tahun, versi_tampil), f.triwulan)
    skor_lalu = baca.skor_tahun_lalu(f, versi=versi)
except MasalahBasisData as e:
    baca.bila_sibuk(e)
snap = data.snap
try:  # the data dukung the reader may see: named on each IKU's screen, listed in the deck
    induk = baca.tahun_data(f.tahun, versi).induk
    bukti = baca.bukti(f, lambda k: gerbang.orang().terlihat(k, induk), versi)
except MasalahBasisData as e:
    baca.bila_sibuk(e)
isi = dialog.susun(snap, f.kode_unit, f.triwulan, perspektif=f.perspektif, sumber=f.sumber, status=f.status,
                   skor_iku=skor_iku, skor_lalu=skor_lalu, bukti=bukti)
jumlah_iku = len(isi.slide)
jumlah_slide = jumlah_iku + 1  # the summary is slide 0, the IKU 1..n, the meeting's arahan the last

with unduh:
    nama = f"dko_{f.kode_unit}_{f.tahun}_tw{f.triwulan}"
    # built only when clicked: navigating the slides stays quick
    # built when clicked (the button spins until the file is ready); at most deck.BATAS_IKU slides
    terlalu_banyak = jumlah_iku > deck.BATAS_IKU
    st.download_button(t("dialog.unduh_deck"), tampilan.dalam_bahasa_ini(lambda: deck.buat_deck(isi)), f"{nama}.pptx",
                       "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                       key="dialog_unduh_pptx", icon=":material/slideshow:", on_click="ignore", width="stretch",
                       disabled=terlalu_banyak)
    if terlalu_banyak:
        st.caption(t("dialog.deck_terlalu_banyak", n=angka(jumlah_iku), batas=deck.BATAS_IKU))
    st.download_button(t("dialog.unduh_xlsx"),
                       tampilan.dalam_bahasa_ini(lambda: ekspor.ke_xlsx(isi, f.kode_unit)),  # with the NKO row
                       f"{nama}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       key="dialog_unduh_xlsx", icon=":material/table:", on_click="ignore", width="stretch")
    st.download_button(t("dialog.unduh_csv"), tampilan.dalam_bahasa_ini(lambda: exporting.ke_csv(dialog.tabel_ekspor(isi))),
                       f"{nama}.csv", "text/csv",
                       key="dialog_unduh_csv", icon=":material/download:", on_click="ignore", width="stretch")
    # the meeting's minutes as a document (PDF to sign, DOCX to edit, XLSX tables), made on the click
    dokumen_ui.kontrol(("dko",), f, key="dok_dialog", asal=t("dialog.judul"))

# --- navigation ----------------------------------------------------------------------------------------------
st.session_state["dialog_jumlah_slide"] = jumlah_slide
posisi = min(st.session_state.get("dialog_slide", 0), jumlah_slide)
st.session_state["dialog_slide"] = posisi
if _slide_url() != posisi:  # the slide in the URL: a reload (or a shared link) opens this screen again
    st.query_params["slide"] = str(posisi)

# no shortcut= on these buttons: the arrow keys go through panah.tombol_panah only, one press one slide
atas[0].button(t("dialog.sebelumnya"), key="dialog_sebelumnya", icon=":material/arrow_back:",
               on_click=_geser, args=(-1,), disabled=posisi == 0, width="stretch")
if posisi == 0:
    judul_posisi = t("dialog.ringkasan")
elif posisi > jumlah_iku:
    judul_posisi = t("dialog.posisi_arahan")
else:
    judul_posisi = t("dialog.posisi", nomor=posisi, jumlah=jumlah_iku)
if beku:
    sejak = st.session_state.setdefault("dialog_beku_sejak", datetime.datetime.now())
    keadaan = t("dialog.beku_sejak", jam=sejak.strftime("%H:%M"))
else:
    keadaan = t("dialog.langsung", detik=baca.DETIK_SEGAR)
atas[1].markdown(f'<div class="dko-posisi">{judul_posisi}</div>', unsafe_allow_html=True)
atas[1].caption(keadaan)
atas[2].button(t("dialog.berikutnya"), key="dialog_berikutnya", icon=":material/arrow_forward:", icon_position="right",
               on_click=_geser, args=(1,), disabled=posisi >= jumlah_slide, width="stretch")


def _boleh_mencatat(kode_unit: str) -> bool:
    """Whether this person may write the meeting's notes for ``kode_unit`` (the forms are shown only then;
    the store checks each write again)."""
    return gerbang.orang().boleh(Peran.PENGISI, kode_unit, baca.tahun_data(f.tahun).induk)


def _simpan(*, sama: bool, simpan: Callable[[Pelaku], Revisi], kata: str) -> None:
    """Store a form (a revision under the signed-in person's name), or say why not: nothing changed (no
    revision then), a busy store, a text refused, no right or an ended session. ``kata``: "catatan" or
    "rapat", for the messages."""
    if sama:
        st.info(t(f"dialog.{kata}_sama"), icon=":material/info:")
    else:
        try:
            revisi = simpan(gerbang.orang().pelaku(t("halaman.dialog")))
        except MasalahBasisData as e:
            baca.bila_sibuk(e)
        except (CatatanDitolak, AksesDitolak) as e:  # a text refused, or not allowed: said, nothing stored
            st.error(teks_aman.md(e), icon=":material/error:")
        else:
            st.toast(t(f"dialog.{kata}_tersimpan", id=revisi.id), icon=":material/edit_note:")
            st.rerun()


def _simpan_rapat(**isian: object) -> None:
    """Store the meeting's details and arahan; nothing when unchanged."""
    _simpan(sama=isi.rapat.sama_dengan(**isian), kata="rapat",
            simpan=lambda pelaku: simpan_rapat(baca.storage(), f.kode_unit, f.tahun, f.triwulan, pelaku=pelaku, **isian))


def _form_tindak_lanjut(s: SlideIku, a: Aksi) -> None:
    """The meeting sets an earlier action's status and a note; stored on that quarter's row, as a revision."""
    kunci = f"{s.iku.kode_unit}_{s.iku.kode_iku}_{f.tahun}_{a.triwulan}_{a.status.value if a.status else ''}"
    st.markdown(f"**{teks_aman.t_aman('aksi.ubah', tw=nama_triwulan(a.triwulan), aksi=a.rencana_aksi[:80])}**")
    with st.form(key=f"dialog_aksi_{kunci}", border=False):
        # not yet reviewed (None, stored as no status) until the meeting picks one: never "berjalan" by default
        pilihan: list[StatusAksi | None] = [None, *StatusAksi]
        status = st.selectbox(t("aksi.status"), pilihan, index=pilihan.index(a.status),
                              format_func=lambda x: t(f"aksi.{x.value}") if x else t("aksi.belum"),
                              key=f"dialog_aksi_status_{kunci}")
        catatan = st.text_input(t("aksi.catatan"), value=a.catatan or "", key=f"dialog_aksi_catatan_{kunci}")
        if st.form_submit_button(t("aksi.simpan"), type="primary"):
            if status is None and (a.status is not None or catatan.strip() != (a.catatan or "")):
                st.warning(t("aksi.pilih_status"), icon=":material/warning:")
                return
            _simpan(kata="aksi", sama=status is a.status and catatan.strip() == (a.catatan or ""),
                    simpan=lambda pelaku: simpan_tindak_lanjut(baca.storage(), s.iku, f.tahun, a.triwulan, status=status,
                                                               catatan=catatan, pelaku=pelaku))


def _simulasi(s: SlideIku) -> None:
    """What-if on this IKU, marked as such and never stored (``simulasi_ui.kotak``)."""
    with st.expander(t("dialog.simulasi"), icon=":material/science:"):
        simulasi_ui.kotak(s.iku, s.realisasi, f.triwulan,
                          scores.dasar_nko_unit(scores.saring(skor_iku, f.perspektif, f.sumber), f.kode_unit),
                          "dialog_simulasi")


# the meeting's forms hold what is stored now: keyed by unit, quarter and the stored meeting
rapat = isi.rapat
kunci_rapat = dialog.kunci_rapat(rapat, f.kode_unit, f.tahun, f.triwulan)
lama = {"tanggal": rapat.tanggal, "tempat": rapat.tempat or "", "pimpinan": rapat.pimpinan or "",
        "peserta": rapat.peserta or "", "arahan": rapat.daftar_arahan}

# --- the screen ----------------------------------------------------------------------------------------------
if posisi == 0:
    r = isi.ringkasan
    st.markdown(projector.ringkasan(r, deck.ringkas_jumlah(isi), rapat), unsafe_allow_html=True)
    if f.status:
        st.caption(scores.teks_filter_status(f.status, jumlah_iku, r.jumlah.total))
    kiri, kanan = st.columns([1, 1], gap="large")
    with kiri:
        st.markdown(f"### {t('dialog.per_perspektif')}")
        st.markdown(projector.per_perspektif(r.per_perspektif), unsafe_allow_html=True)
    with kanan:
        st.markdown(f"### {t('dialog.perhatian')}")
        st.markdown(projector.perhatian(r.perhatian), unsafe_allow_html=True)
    if _boleh_mencatat(f.kode_unit):
        with st.expander(t("dialog.isi_rapat")), st.form(key=f"dialog_rapat_{kunci_rapat}", border=False):
            kolom = st.columns([1, 2, 2])
            tanggal = kolom[0].date_input(t("kolom.tanggal"), value=rapat.tanggal, format="DD/MM/YYYY",
                                          key=f"dialog_tanggal_{kunci_rapat}")
            tempat = kolom[1].text_input(t("kolom.tempat"), value=lama["tempat"],
                                         key=f"dialog_tempat_{kunci_rapat}")
            pimpinan = kolom[2].text_input(t("kolom.pimpinan"), value=lama["pimpinan"],
                                           key=f"dialog_pimpinan_{kunci_rapat}")
            peserta = st.text_area(t("kolom.peserta"), value=lama["peserta"], help=t("dialog.peserta_bantuan"),
                                   key=f"dialog_peserta_{kunci_rapat}")
            if st.form_submit_button(t("dialog.simpan_rapat"), type="primary"):
                _simpan_rapat(**{**lama, "tanggal": tanggal, "tempat": tempat, "pimpinan": pimpinan,
                                           "peserta": peserta})
elif posisi > jumlah_iku:
    st.markdown(projector.arahan(rapat), unsafe_allow_html=True)
    if _boleh_mencatat(f.kode_unit):
        with st.expander(t("dialog.isi_arahan")), st.form(key=f"dialog_arahan_{kunci_rapat}", border=False):
            st.caption(t("dialog.arahan_bantuan"))
            tabel = st.data_editor(
                dialog.tabel_arahan(rapat), num_rows="dynamic", hide_index=True, width="stretch",
                key=f"dialog_arahan_tabel_{kunci_rapat}",
                column_config={"arahan": st.column_config.TextColumn(t("kolom.arahan"), width="large", default=""),
                               "pic": st.column_config.TextColumn(t("kolom.pic"), default=""),
                               "tenggat": st.column_config.DateColumn(t("kolom.tenggat"), format="DD/MM/YYYY")})
            if st.form_submit_button(t("dialog.simpan_rapat"), type="primary"):
                _simpan_rapat(**{**lama, "arahan": dialog.arahan_dari_tabel(tabel)})
else:
    s = isi.slide[posisi - 1]
    tw = nama_triwulan(f.triwulan)
    st.markdown(projector.judul_slide(s, tw, isi.bukti_slide(s)), unsafe_allow_html=True)
    kiri, kanan = st.columns([3, 2], gap="medium")
    with kiri:
        st.plotly_chart(charts.progres_iku(s.progres, s.iku.satuan, s.iku.polaritas, gelap=tema == "gelap",
                                           tinggi=TINGGI_GRAFIK),
                        key="dialog_grafik", height="stretch",  # the box's height: projector.css scales it
                        config={"displayModeBar": False}, theme=None)  # our projector colours, not Streamlit's
        st.markdown(projector.progres(s.progres), unsafe_allow_html=True)
    with kanan:
        st.markdown(f"### {t('dialog.catatan')}")
        # what the year still needs, the earlier actions followed up (overdue as of the meeting), this quarter's
        # notes: one box that scrolls on its own
        st.markdown(projector.catatan(s, tw, rapat.tanggal or datetime.date.today()), unsafe_allow_html=True)

        # the secretary's notes for this IKU and quarter: saved as a revision, with who and when.
        # Every field's key names the IKU, the quarter and the stored note, so the form on screen always holds
        # this IKU's note: never the previous slide's text, and the stored one again once someone changes it.
        catatan = s.catatan_triwulan_ini
        kunci = dialog.kunci_catatan(s, f.tahun)
        if _boleh_mencatat(s.iku.kode_unit):
            with st.expander(t("dialog.catat_dan_tindak_lanjut" if s.aksi else "dialog.catat", tw=tw)):
                with st.form(key=f"dialog_catatan_{kunci}", border=False):
                    kendala = st.text_area(t("kolom.kendala"), value=catatan["kendala"] or "",
                                           key=f"dialog_kendala_{kunci}")
                    rencana = st.text_area(t("kolom.rencana_aksi"), value=catatan["rencana_aksi"] or "",
                                           key=f"dialog_rencana_aksi_{kunci}")
                    kolom = st.columns(2)
                    pic = kolom[0].text_input("PIC", value=catatan["pic"] or "", key=f"dialog_pic_{kunci}")
                    # typed as text: a partly typed date is refused with a message (a date picker drops it)
                    teks_tenggat = kolom[1].text_input(
                        t("dialog.tenggat"), value=angka(catatan["tenggat"]) if catatan["tenggat"] else "",
                        placeholder="30/11/2026", help=t("dialog.tenggat_bantuan"), key=f"dialog_tenggat_{kunci}")
                    if st.form_submit_button(t("dialog.simpan_catatan"), type="primary"):
                        try:
                            tenggat = dialog.baca_tenggat(teks_tenggat)
                        except ValueError:  # said, nothing stored; the typed text stays in the form to correct
                            st.error(teks_aman.t_aman("dialog.tenggat_salah", teks=teks_tenggat), icon=":material/error:")
                        else:
                            _simpan(kata="catatan",
                                    sama=dialog.catatan_sama(catatan, kendala=kendala, rencana_aksi=rencana, pic=pic,
                                                             tenggat=tenggat),
                                    simpan=lambda pelaku: simpan_catatan(baca.storage(), s.iku, f.tahun, f.triwulan,
                                                                         kendala=kendala, rencana_aksi=rencana, pic=pic,
                                                                         tenggat=tenggat, pelaku=pelaku))
                # last quarter's actions (and older ones still open): the status the meeting gives them
                for a in s.aksi:
                    _form_tindak_lanjut(s, a)
        _simulasi(s)


# --- live refresh: a cheap version check every few seconds; a full redraw only when data changed (a database out
# of reach for a moment, restarting, is no change: the slide stays and the next tick asks again) ------------------
@st.fragment(run_every=baca.DETIK_SEGAR)
def _pantau(versi: tuple[int, ...]) -> None:
    if not st.session_state.get("dialog_beku") and baca.versi_berubah(versi):
        st.rerun(scope="app")


_pantau(versi)
