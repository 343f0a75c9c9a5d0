"""Unggah Data: download a template, upload files, see what would change, confirm to store as a revision."""

import streamlit as st

from kinerja import teks_aman
from kinerja.masuk import exporting, loading
from kinerja.masuk.importing import BATAS_STATUS_PRATINJAU, rencanakan, tabel_pratinjau, terapkan
from kinerja.masuk.loading import Jenis
from kinerja.store import AksesDitolak, ImporDitolak, MasalahBasisData
from kinerja.texts import angka, nama_triwulan, t, teks_pesan, tn
from kinerja.web import baca, gerbang, saring, tampilan
from kinerja_core.akses import Peran

saring.pastikan_navigasi()

st.title(t("unggah.judul"))
st.markdown(t("unggah.petunjuk"))

f = st.session_state.get("filter")
if f is not None:
    with st.expander(t("unggah.templat"), expanded=False):
        konteks, isi = baca.tahun_data(f.tahun), baca.data(f)
        unit = f.unit_terpilih(konteks.pohon)
        st.caption(teks_aman.t_aman("unggah.templat_untuk", unit=saring.judul_unit(f, konteks)))
        for kolom, jenis in zip(st.columns(len(Jenis)), Jenis):
            per_triwulan = jenis in (Jenis.REALISASI, Jenis.KOMPONEN)
            nama = f"{jenis.value}_{f.tahun}" + (f"_tw{f.triwulan}" if per_triwulan else "")

            def templat(jenis: Jenis = jenis):  # built when clicked: a ministry's template is large
                return exporting.templat(jenis, isi.snap, unit, f.tahun, f.triwulan)

            with kolom:
                st.markdown(f"**{t(f'unggah.templat_{jenis.value}', triwulan=nama_triwulan(f.triwulan))}**")
                csv = tampilan.dalam_bahasa_ini(lambda templat=templat: exporting.ke_csv(templat()))
                xlsx = tampilan.dalam_bahasa_ini(lambda templat=templat, jenis=jenis: exporting.ke_xlsx(templat(),
                                                                                                jenis.value))
                st.download_button("CSV", csv, f"{nama}.csv", "text/csv", key=f"templat_csv_{jenis.value}",
                                   icon=":material/download:", on_click="ignore")
                st.download_button("Excel", xlsx, f"{nama}.xlsx",
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                   key=f"templat_xlsx_{jenis.value}", icon=":material/download:", on_click="ignore")

# rows of units this person may not fill are refused in the preview, by row; the commit checks again
pelaku = gerbang.perlu(Peran.PENGISI).pelaku(t("halaman.unggah"))
# Streamlit's uploader has no setting for its own words ("Upload", "… per file"): say them in ours
st.markdown(f"""<style>
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p {{font-size: 0}}
[data-testid="stFileUploaderDropzone"] [data-testid="stBaseButton-secondary"] p::after {{
  content: "{t('unggah.tombol_pilih')}"; font-size: 1rem}}
[data-testid="stFileUploaderDropzoneInstructions"] span {{font-size: 0}}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: "{t('unggah.batas', mb=loading.BATAS_UKURAN_MB)}"; font-size: 0.875rem}}
</style>""", unsafe_allow_html=True)
# workbooks the app cannot read (.xls, .xlsb, .ods) are let through so the loader says how to save them as .xlsx,
# in the user's language; the uploader's own filter would only show an English hover text
unggahan = st.file_uploader(t("unggah.pilih"), type=["csv", "txt", "tsv", "xlsx", "xls", "xlsb", "ods"],
                            accept_multiple_files=True,
                            key="unggah_berkas")
if not unggahan:
    st.stop()

berkas = [(u.name, u.getvalue()) for u in unggahan]
try:
    rencana = rencanakan(berkas, baca.storage(), pelaku)
except MasalahBasisData as e:
    baca.bila_sibuk(e)

tersimpan = st.session_state.get("unggah_tersimpan")
if tersimpan and tersimpan["sidik"] == rencana.sha256:
    st.success(tersimpan["pesan"], icon=":material/check_circle:")
    st.stop()

if not rencana.sah:
    st.error(t("unggah.gagal"), icon=":material/error:")
    # the grid cuts text at its column's edge: the message column gets a fixed width and rows tall enough to wrap
    # the longest message whole (Streamlit 1.67 wraps only in rows taller than 64 px; ~20 px and 50 characters a line)
    galat = tampilan.tabel_kesalahan(rencana.kesalahan)
    baris_teks = max(-(-len(p) // 50) for p in galat[t("kolom.pesan")]) if not galat.empty else 1
    tampilan.tabel(
        galat,
        key="unggah_kesalahan",
        column_config={t("kolom.berkas"): st.column_config.TextColumn(width="medium"),
                       t("kolom.baris"): st.column_config.NumberColumn(width="small"),
                       t("kolom.pesan"): st.column_config.TextColumn(width="large")},
        row_height=max(66, 20 * baris_teks + 8) if baris_teks > 1 else None,
    )
    if rencana.kesalahan_lain:
        st.caption(tn("galat.lebih_banyak", rencana.kesalahan_lain))
    st.stop()

st.subheader(t("unggah.pratinjau"))
for b in rencana.berkas:
    for c in b.catatan:
        st.info(f"{teks_aman.md(b.nama)}: {teks_aman.md(teks_pesan(c))}", icon=":material/info:")
for w in rencana.peringatan:  # possible slips, named by row: stored only when the person confirms below
    st.warning(teks_aman.md(teks_pesan(w)), icon=":material/warning:")
for i, (b, p) in enumerate(zip(rencana.berkas, rencana.perubahan, strict=True)):
    judul = tn("unggah.jenis", len(p.rincian), berkas=teks_aman.md(p.berkas),
               jenis=teks_aman.md(t(f"jenis.{p.jenis.value}")))
    st.markdown(f"**{judul}** — {p.ringkas()}")
    # a ministry's upload has 300,000 rows: the browser gets 200 at a time (changes first)
    tampilan.tabel_angka(tampilan.halaman(tabel_pratinjau(b, p), f"unggah_rincian_{i}", 200), key=f"unggah_rincian_{i}")
tersentuh = sum(p.baru + p.berubah for p in rencana.perubahan if p.jenis is Jenis.REALISASI)
if tersentuh > BATAS_STATUS_PRATINJAU:  # beyond it the preview shows no light change: say so, not leave it blank
    st.caption(tn("unggah.status_terbatas", tersentuh - BATAS_STATUS_PRATINJAU, batas=angka(BATAS_STATUS_PRATINJAU),
                  sisa=angka(tersentuh - BATAS_STATUS_PRATINJAU)))

if not rencana.ada_perubahan:
    st.info(t("unggah.tidak_ada_perubahan"))
if st.button(t("unggah.konfirmasi"), type="primary", key="unggah_simpan"):
    try:
        revisi = terapkan(rencana, baca.storage(), pelaku)
    except MasalahBasisData as e:
        baca.bila_sibuk(e)
    except (ImporDitolak, AksesDitolak) as e:  # changed since the preview (data, grants, session): nothing stored
        st.error(teks_aman.md(e), icon=":material/error:")
        st.stop()
    # markdown from escaped names and fixed words (teks_aman.md), filled into a fixed message
    ringkas = "; ".join(f"{teks_aman.md(p.berkas)}: {p.ringkas()}" for p in rencana.perubahan)
    st.session_state["unggah_tersimpan"] = {
        "sidik": rencana.sha256, "pesan": t("unggah.berhasil", ringkas=ringkas, id=revisi.id),
    }
    st.rerun()
