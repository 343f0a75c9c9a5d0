"""Kaskade IKU: one IKU shown down the units that support it, each with its light, worst first at every level,
and the IKU at the bottom that holds it back the most."""

import dataclasses

import streamlit as st

from kinerja import pohon_kaskade, teks_aman
from kinerja.texts import nama_status, persen, t
from kinerja.web import baca, saring, tampilan, tanda_tahap
from kinerja_core.model import Status

# A few wide columns, so the table fits a 1366-wide laptop with the sidebar open (about 970 px) and reads from the
# back of a room. The root's "asal" is said above the table, a computed IKU further down says it after its name.
# Each IKU's stage (mark and word) after its capaian, its 96 px taken from the IKU's name (which wraps), the code
# and the light: the table is as wide as before.
KOLOM_TABEL = {"label": 222, "kode_iku": 78, "status": 88, "capaian": 120, "tahap": 96, "target": 120,
               "realisasi": 124, "satuan": 112}  # column: width in px (wide enough for the English headers too)
TINGGI_BARIS = 66  # px: Streamlit (1.67) wraps a long IKU name only in rows taller than 64 px; three lines fit

saring.pastikan_navigasi()

p = saring.buka_halaman(t("kaskade.judul"), perlu_baris=False)
f = p.filter
st.markdown(t("kaskade.petunjuk"))
if not f.sub_unit or f.perspektif or f.status:
    st.caption(t("kaskade.lingkup"))

# links point upward: the tree below an IKU of a unit lies within that unit and its sub-units
skor = baca.skor(dataclasses.replace(f, sub_unit=True), versi=p.versi)
akar = pohon_kaskade.akar(skor)
if akar.empty:
    st.info(teks_aman.t_aman("kaskade.tanpa", unit=p.tahun.nama_unit(f.kode_unit), tahun=f.tahun) + "\n\n"
            + t("kaskade.cara"),
            icon=":material/lan:")
    st.stop()

pilihan = [f"{u}/{i}" for u, i in zip(akar["kode_unit"], akar["kode_iku"])]
nama_pilihan = {k: t("kaskade.opsi", kode=b.kode_iku, nama=b.nama_iku, unit=p.tahun.nama_unit(b.kode_unit))
                for k, b in zip(pilihan, akar.itertuples(index=False))}
if st.session_state.get("kaskade_iku") not in pilihan:  # first visit, or another unit: its own first root
    milik_unit = [k for k, u in zip(pilihan, akar["kode_unit"]) if u == f.kode_unit]
    st.session_state["kaskade_iku"] = (milik_unit or pilihan)[0]
terpilih = st.selectbox(t("kaskade.pilih"), pilihan, key="kaskade_iku", format_func=nama_pilihan.get)
kode_unit, kode_iku = terpilih.split("/", 1)
pohon = pohon_kaskade.pohon(skor, kode_unit, kode_iku, p.tahun.nama)

lemah = pohon_kaskade.paling_menahan(pohon)
if lemah is None:
    kalimat = t("kaskade.tidak_menahan")
else:
    kalimat = t("kaskade.menahan", unit=lemah["kode_unit"], iku=lemah["nama_iku"],
                status=nama_status(Status(lemah["status"])).lower(), capaian=persen(lemah["capaian"]))
st.markdown(f'<div class="kinerja-ringkas" data-testid="kaskade-menahan">{teks_aman.html(kalimat)}</div>',
            unsafe_allow_html=True)
puncak = pohon.iloc[0]
if puncak["asal"]:
    st.markdown(f'<div class="kinerja-cakupan" data-testid="kaskade-asal">'
                f'{teks_aman.html(t("kaskade.asal_akar", kode=puncak["kode_iku"], asal=puncak["asal"]))}</div>',
                unsafe_allow_html=True)

bawah = (pohon["tingkat"] > 0) & (pohon["asal"] != "")
tampil = pohon.assign(label=pohon["label"].where(~bawah, pohon["label"] + " — " + pohon["asal"]))
# each row's stage is its own unit-quarter's (a computed parent's is the parent unit's, whatever its children's)
tampil = tanda_tahap.dengan_tanda(tampil.merge(skor[["kode_unit", "kode_iku", "tahap"]], on=["kode_unit", "kode_iku"],
                                               how="left"))
tanda_tahap.legenda()
judul = {k: t(f"kolom.{k}") for k in KOLOM_TABEL if k != "label"} | {"label": t("kaskade.kolom_iku")}
tampilan.tabel_status(
    tampil[list(KOLOM_TABEL)].rename(columns=judul), key="tabel_kaskade", kolom_status=t("kolom.status"),
    row_height=TINGGI_BARIS, height=min(TINGGI_BARIS * len(pohon) + 38, 2000),  # every row in view (header: 35 px)
    column_config={judul[k]: st.column_config.TextColumn(width=w) for k, w in KOLOM_TABEL.items()},
)
