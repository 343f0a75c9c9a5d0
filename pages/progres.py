"""Progres per Triwulan: every IKU's light per quarter, then one IKU's target vs realisasi and capaian."""

import streamlit as st

from kinerja import charts, scores, teks_aman
from kinerja.texts import angka, nama_triwulan, t
from kinerja.web import baca, saring, tampilan, tanda_tahap

saring.pastikan_navigasi()

PER_HALAMAN = 40  # IKU in the grid at once: at a ministry the rest come a page at a time

p = saring.buka_halaman(t("progres.judul"))
f = p.filter

terpilih = tampilan.halaman(p.tabel[["kode_unit", "kode_iku", "nama_iku", "nama_unit"]], "peta_status", PER_HALAMAN)
semua = p.semua_triwulan().merge(terpilih[["kode_unit", "kode_iku", "nama_iku"]],
                                   on=["kode_unit", "kode_iku", "nama_iku"])
semua["label"] = semua["kode_iku"] + " · " + semua["nama_iku"].map(lambda n: n if len(n) <= 60 else n[:58] + "…")
# each cell: capaian, the light's shape and the stage's mark of its unit-quarter (the legend says which is which)
semua["teks"] = [f"{tampilan.teks_sel(c, s)} {tanda_tahap.ikon(th)}"
                 for c, s, th in zip(semua["capaian"], semua["status"], semua["tahap"])]
tanda_tahap.legenda()
st.plotly_chart(charts.peta_status(semua, f.triwulan), key="peta_status", config={"displayModeBar": False},
                theme=None)

label = {
    (r.kode_unit, r.kode_iku): f"{r.kode_iku} · {r.nama_iku} ({r.nama_unit})" for r in terpilih.itertuples()
}
kunci = st.selectbox(t("progres.pilih_iku"), list(label), format_func=label.get, key="progres_iku")
baris = p.data.lebar[(p.data.lebar["kode_unit"] == kunci[0]) & (p.data.lebar["kode_iku"] == kunci[1])]
(iku,) = scores.iku_dari_tabel(baris)
progres = scores.tabel_progres(iku, scores.realisasi_baris(next(baris.itertuples(index=False))))

st.subheader(f"{teks_aman.md(iku.kode_iku)} · {teks_aman.md(iku.nama_iku)}", anchor=False)  # no link made of data
st.caption(t("progres.info", polaritas=t(f"polaritas.{iku.polaritas.value}"),
             konsolidasi=t(f"konsolidasi.{iku.konsolidasi.value}"), bobot=angka(iku.bobot)))
st.plotly_chart(charts.progres_iku(progres, iku.satuan, iku.polaritas), key="grafik_progres",
                config={"displayModeBar": False}, theme=None)

st.markdown(f"**{t('progres.per_triwulan')}**")
tahap = tanda_tahap.tahap_per_triwulan(baca.tahap_tahun(f.tahun, p.versi), iku.kode_unit, progres["triwulan"])
tabel = progres.assign(triwulan=progres["triwulan"].map(nama_triwulan), tahap=tahap).rename(columns={
    "triwulan": t("kolom.triwulan"), "target_periodik": t("progres.periodik_target"),
    "realisasi_periodik": t("progres.periodik_realisasi"), "target": t("kolom.target"),
    "realisasi": t("kolom.realisasi"), "capaian": t("kolom.capaian"), "status": t("kolom.status"),
    "keterangan": t("kolom.keterangan"), "tahap": t("kolom.tahap"),
})
tampilan.tabel_status(tabel, key="tabel_progres", kolom_status=t("kolom.status"))
