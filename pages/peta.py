"""Peta Strategi: the score of each perspektif and of each sasaran strategis under it (the strategy map people
draw by hand), and every IKU beside the same IKU a year earlier."""

import streamlit as st

from kinerja import scores, teks_aman
from kinerja.texts import angka, nama_status, t
from kinerja.web import baca, saring, tampilan, tanda_tahap
from kinerja_core.model import Perspektif, Status

saring.pastikan_navigasi()

p = saring.buka_halaman(t("peta.judul"))
f = p.filter
st.markdown(t("peta.petunjuk"))
tanda_tahap.legenda()
lingkup = p.ikhtisar.lingkup

# the same units a year earlier, same quarter, perspectives and planning bases (when that year is stored)
lalu = baca.skor_tahun_lalu(f, versi=p.versi)
if lalu is not None:
    lalu = scores.saring(lalu, f.perspektif, f.sumber)


def nilai_lalu() -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    """Last year's score per perspektif and per sasaran strategis within its perspektif, where there is one."""
    if lalu is None or lalu.empty:
        return {}, {}
    per_p, per_s = scores.per_kelompok(lalu, "perspektif"), scores.per_sasaran(lalu)
    return (dict(zip(per_p["perspektif"], per_p["nilai"])),
            dict(zip(zip(per_s["perspektif"], per_s["sasaran_strategis"]), per_s["nilai"])))


def keterangan(baris: object, sebelumnya: float | None) -> str:
    jumlah = ", ".join(f"{getattr(baris, s.value.replace('-', '_'))} {nama_status(s).lower()}" for s in Status
                       if getattr(baris, s.value.replace("-", "_")))
    teks = t("peta.jumlah", n=baris.jumlah_iku, rincian=jumlah)
    if sebelumnya is not None:
        teks += " · " + t("peta.tahun_lalu", tahun=f.tahun - 1, nilai=angka(sebelumnya, tetap=True))
    return teks


per_perspektif = scores.per_kelompok(lingkup, "perspektif").rename(columns={"abu-abu": "abu_abu"})
# a sasaran strategis whose IKU sit under several perspektif is a box under each, counted over that one's IKU
per_sasaran = scores.per_sasaran(lingkup).rename(columns={"abu-abu": "abu_abu"})
lalu_perspektif, lalu_sasaran = nilai_lalu()
sasaran_iku = lingkup["sasaran_strategis"].fillna(t("peta.tanpa_sasaran")).astype(str)  # as per_sasaran names it

for per in (x.value for x in Perspektif):  # the map's rows, Stakeholder at the top
    baris_p = per_perspektif[per_perspektif["perspektif"] == per]
    if baris_p.empty:
        continue
    b = next(baris_p.itertuples(index=False))
    with st.container(key=f"peta_{per.replace(' ', '_').replace('&', 'dan')}"):
        kiri, kanan = st.columns([1, 3], gap="medium")
        with kiri:
            # sementara while any IKU of the perspektif is not final
            st.markdown(tanda_tahap.kartu_nko(
                tampilan.kartu_nko(None if b.nilai != b.nilai else b.nilai, Status(b.status), per),
                lingkup[lingkup["perspektif"] == per]), unsafe_allow_html=True)
            st.caption(keterangan(b, lalu_perspektif.get(per)))
        with kanan:
            sasaran = per_sasaran[per_sasaran["perspektif"] == per]
            kolom = st.columns(min(max(len(sasaran), 1), 3))
            for i, s in enumerate(sasaran.itertuples(index=False)):
                with kolom[i % len(kolom)]:
                    milik = lingkup[(lingkup["perspektif"] == per) & (sasaran_iku == s.sasaran_strategis)]
                    st.markdown(tanda_tahap.kartu_nko(
                        tampilan.kartu_nko(None if s.nilai != s.nilai else s.nilai, Status(s.status),
                                           s.sasaran_strategis), milik), unsafe_allow_html=True)
                    teks = keterangan(s, lalu_sasaran.get((per, s.sasaran_strategis)))
                    if s.perspektif_lain:
                        teks += " · " + t("peta.juga_di", perspektif=", ".join(s.perspektif_lain))
                    st.caption(teks_aman.md(teks))
    st.divider()

st.subheader(t("peta.banding", tahun=f.tahun - 1))
if lalu is None:
    st.info(t("peta.tanpa_tahun_lalu", tahun=f.tahun - 1))
    st.stop()
banding = scores.banding_tahun_lalu(p.tabel, lalu)
kolom_banding = ["kode_iku", "nama_iku", "status", "capaian", "tahap", "capaian_lalu", "selisih"]
if f.sub_unit and banding["kode_unit"].nunique() > 1:
    kolom_banding.insert(0, "kode_unit")
tampilan.tabel_status(tanda_tahap.dengan_tanda(tampilan.halaman(banding, "tabel_banding", 50)[kolom_banding]).rename(
    columns={k: t(f"kolom.{k}", tahun=f.tahun - 1) for k in kolom_banding}), key="tabel_banding",
    kolom_status=t("kolom.status"))
