"""Progres per Triwulan: every IKU's light per quarter, then one IKU's target vs realisasi and capaian."""

import streamlit as st

from kinerja import charts, scores, ui
from kinerja.texts import angka, nama_triwulan, t

ui.pastikan_navigasi()

p = ui.buka_halaman(t("progres.judul"))
f = p.filter

terpilih = p.tabel[["kode_unit", "kode_iku", "nama_iku"]]
semua = scores.tabel_semua_triwulan(p.snap.iku, p.snap.realisasi, f.unit_terpilih(p.snap))
semua = semua.merge(terpilih, on=["kode_unit", "kode_iku", "nama_iku"])
semua["label"] = semua["kode_iku"] + " · " + semua["nama_iku"].map(lambda n: n if len(n) <= 60 else n[:58] + "…")
semua["teks"] = [ui.teks_sel(c, s) for c, s in zip(semua["capaian"], semua["status"])]
st.plotly_chart(charts.peta_status(semua, f.triwulan), key="peta_status", config={"displayModeBar": False},
                theme=None)

label = {
    (r.kode_unit, r.kode_iku): f"{r.kode_iku} · {r.nama_iku} ({r.nama_unit})" for r in p.tabel.itertuples()
}
kunci = st.selectbox(t("progres.pilih_iku"), list(label), format_func=label.get, key="progres_iku")
iku = next(i for i in scores.iku_dari_tabel(p.snap.iku) if (i.kode_unit, i.kode_iku) == kunci)
realisasi = scores.realisasi_per_iku(p.snap.realisasi).get(kunci, (None, None, None, None))
progres = scores.tabel_progres(iku, realisasi)

st.subheader(f"{iku.kode_iku} · {iku.nama_iku}")
st.caption(t("progres.info", polaritas=t(f"polaritas.{iku.polaritas.value}"),
             konsolidasi=t(f"konsolidasi.{iku.konsolidasi.value}"), bobot=angka(iku.bobot)))
st.plotly_chart(charts.progres_iku(progres, iku.satuan, iku.polaritas), key="grafik_progres",
                config={"displayModeBar": False}, theme=None)

st.markdown(f"**{t('progres.per_triwulan')}**")
tabel = progres.assign(triwulan=progres["triwulan"].map(nama_triwulan)).rename(columns={
    "triwulan": t("kolom.triwulan"), "target_periodik": t("progres.periodik_target"),
    "realisasi_periodik": t("progres.periodik_realisasi"), "target": t("kolom.target"),
    "realisasi": t("kolom.realisasi"), "capaian": t("kolom.capaian"), "status": t("kolom.status"),
    "keterangan": t("kolom.keterangan"),
})
ui.tabel_status(tabel, key="tabel_progres", kolom_status=t("kolom.status"))
