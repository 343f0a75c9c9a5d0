"""Ringkasan: the status count, NKO per unit and the table of IKU with their traffic lights."""

import streamlit as st

from kinerja import scores, ui
from kinerja.texts import nama_status, t
from kinerja_core.model import Status
from kinerja_core.nko import hitung_nko

ui.pastikan_navigasi()

p = ui.buka_halaman(t("ringkasan.judul"))
f = p.filter

jumlah = {s: int((p.tabel["status"] == s.value).sum()) for s in Status}
rincian = ", ".join(f"{n} {nama_status(s).lower()}" for s, n in jumlah.items() if n)
st.markdown(
    f'<div class="kinerja-ringkas" data-testid="ringkasan-jumlah">'
    f'{t("ringkasan.jumlah", total=len(p.tabel), rincian=rincian)}</div>',
    unsafe_allow_html=True,
)
milik_sendiri = [h for h in p.hasil if h.iku.kode_unit == f.kode_unit]
nko = hitung_nko(milik_sendiri or p.hasil)
kolom = st.columns(5)
kolom[0].markdown(
    ui.kartu_nko(nko.nilai, nko.status, t("ringkasan.nko") if milik_sendiri else t("ringkasan.nko_gabungan")),
    unsafe_allow_html=True,
)
for k, (s, n) in zip(kolom[1:], jumlah.items()):
    k.markdown(ui.kartu_status(s, n), unsafe_allow_html=True)

nko_unit = scores.tabel_nko(p.hasil, p.snap.unit)
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
