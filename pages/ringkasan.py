"""Ringkasan: the status count, NKO per unit and the table of IKU with their traffic lights.

The figures at the top (count, tiles, NKO, NKO per unit) cover the selected units in the chosen
perspectives and say so; the status filter picks rows of the IKU table only, and the table says that.
"""

import html

import streamlit as st

from kinerja import scores, ui
from kinerja.texts import nama_status, t
from kinerja_core.model import Status

ui.pastikan_navigasi()

p = ui.buka_halaman(t("ringkasan.judul"), perlu_baris=False)
f = p.filter
kepala = p.ikhtisar

st.markdown(
    f'<div class="kinerja-ringkas" data-testid="ringkasan-jumlah">{scores.ringkas_jumlah(kepala.jumlah)}</div>',
    unsafe_allow_html=True,
)
st.markdown(
    f'<div class="kinerja-cakupan" data-testid="ringkasan-cakupan">'
    f'{html.escape(t("cakupan.lingkup_jumlah", lingkup=kepala.teks_lingkup))}</div>',
    unsafe_allow_html=True,
)
kolom = st.columns(5)
kolom[0].markdown(ui.kartu_nko(kepala.nko.nilai, kepala.nko.status, kepala.judul_nko, kepala.cakupan_nko),
                  unsafe_allow_html=True)
for k, (s, n) in zip(kolom[1:], kepala.jumlah.menurut_status().items()):
    k.markdown(ui.kartu_status(s, n), unsafe_allow_html=True)

nko_unit = scores.tabel_nko(kepala.lingkup, p.snap.unit)
if len(nko_unit) > 1:
    st.subheader(t("ringkasan.nko_unit"))
    ui.tabel_status(
        nko_unit.drop(columns="kode_unit").rename(columns={
            "nama_unit": t("kolom.nama_unit"), "nko": t("kolom.nko"), "status": t("kolom.status"),
            **{s.value: nama_status(s) for s in Status},
        }),
        key="tabel_nko", kolom_status=t("kolom.status"),
    )

st.subheader(t("ringkasan.tabel"))
if f.status:
    st.caption(scores.teks_filter_status(f.status, len(p.tabel), len(kepala.lingkup)))
if p.tabel.empty:
    st.info(t("halaman.tidak_ada"))
    st.stop()
kolom_tabel = ["nama_unit", "kode_iku", "nama_iku", "perspektif", "satuan", "target", "realisasi", "capaian",
               "status", "keterangan"]
if not f.sub_unit or p.tabel["kode_unit"].nunique() == 1:
    kolom_tabel.remove("nama_unit")
ui.unduh_tabel(p.tabel, f"ringkasan_{f.kode_unit}_{f.tahun}_tw{f.triwulan}", key="unduh_ringkasan")
ui.tabel_status(
    p.tabel[kolom_tabel].rename(columns={k: t(f"kolom.{k}") for k in kolom_tabel}),
    key="tabel_iku", kolom_status=t("kolom.status"), height=min(35 * (len(p.tabel) + 1) + 3, 1200),
    column_config={t("kolom.nama_iku"): st.column_config.TextColumn(width=430),
                   t("kolom.status"): st.column_config.TextColumn(width=110),
                   t("kolom.keterangan"): st.column_config.TextColumn(width=420)},
)
