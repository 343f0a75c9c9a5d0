"""Ringkasan: the status count, NKO per unit and the table of IKU with their traffic lights.

The figures at the top (count, tiles, NKO, NKO per unit) cover the selected units in the chosen
perspectives and say so; the status filter picks rows of the IKU table only, and the table says that.
"""

import streamlit as st

from kinerja import scores, teks_aman
from kinerja.texts import angka, jelaskan_nko, nama_status, t, tn
from kinerja.web import baca, dokumen_ui, saring, simulasi_ui, tampilan, tanda_tahap
from kinerja_core.model import Status

# The IKU table fits a 1366-wide laptop with the sidebar open (about 970 px of table): status and capaian
# right after the code, the long texts (IKU name, perspective, explanation) wrapping onto up to three lines
# in fixed widths, the numbers never. On a wider screen every column grows alike. With the unit column (a
# unit and its sub-units) the table is wider than a laptop, and the columns that matter come first still.
# The stage of each figure (draf … final, mark and word) sits right after the capaian it qualifies; its 100 px come
# out of the long texts (IKU name, perspective, explanation, unit of measure), so the table is as wide as before.
KOLOM_TABEL = {  # column: width in px
    "nama_unit": 120, "kode_iku": 72, "status": 80, "capaian": 90, "tahap": 100, "nama_iku": 156, "target": 102,
    "realisasi": 116, "satuan": 64, "perspektif": 88, "keterangan": 104,
}
PER_HALAMAN = 50  # rows of a list in the browser at once: a ministry's 15,000 IKU come a page at a time
TINGGI_BARIS = 66  # px: Streamlit (1.67) wraps a grid's text only in rows taller than 64 px; three lines fit
DOKUMEN = ("triwulan", "pk", "manual", "lkjip")  # the documents made from this page (the Dialog makes its minutes)


def dokumen() -> None:
    """The unit's documents for the sidebar's unit, year and quarter, folded away at the page's end."""
    with st.expander(t("dok.ui.judul"), icon=":material/description:"):
        dokumen_ui.kontrol(DOKUMEN, f, key="dok_ringkasan", asal=t("ringkasan.judul"))


saring.pastikan_navigasi()

p = saring.buka_halaman(t("ringkasan.judul"), perlu_baris=False)
f = p.filter
kepala = p.ikhtisar

st.markdown(
    f'<div class="kinerja-ringkas" data-testid="ringkasan-jumlah">{scores.ringkas_jumlah(kepala.jumlah)}</div>',
    unsafe_allow_html=True,
)
st.markdown(
    f'<div class="kinerja-cakupan" data-testid="ringkasan-cakupan">'
    f'{teks_aman.html(t("cakupan.lingkup_jumlah", lingkup=kepala.teks_lingkup))}</div>',
    unsafe_allow_html=True,
)
kolom = st.columns(5)
# the NKO is sementara until every IKU it is taken over is final
kolom[0].markdown(tanda_tahap.kartu_nko(
    tampilan.kartu_nko(kepala.nko.nilai, kepala.nko.status, kepala.judul_nko, kepala.cakupan_nko),
    scores.dasar_nko_unit(kepala.lingkup, f.kode_unit, kepala.nko_milik_sendiri)), unsafe_allow_html=True)
for k, (s, n) in zip(kolom[1:], kepala.jumlah.menurut_status().items()):
    k.markdown(tampilan.kartu_status(s, n), unsafe_allow_html=True)
st.caption(jelaskan_nko(kepala.rumus_nko), help=t("ringkasan.rumus_bantuan"))

nko_unit, anak = p.per_unit()
if not anak.empty:
    # no anchor: its link would be made of the unit's name
    st.subheader(teks_aman.t_aman("ringkasan.sub_unit", unit=p.tahun.nama_unit(f.kode_unit)), anchor=False)
    st.markdown(t("ringkasan.sub_unit_bantuan"))
    with st.container(key="grafik_sub_unit"):
        klik = st.plotly_chart(p.grafik_sub_unit(), key=f"anak_{f.kode_unit}", on_select="rerun",
                               selection_mode="points", config={"displayModeBar": False}, theme=None)
    titik = (klik or {}).get("selection", {}).get("points", [])
    if titik and titik[0].get("customdata"):
        saring.buka_unit(titik[0]["customdata"])  # the clicked sub-unit becomes the selected unit

if len(nko_unit) > 1:
    st.subheader(t("ringkasan.nko_unit"))
    tampilan.tabel_status(
        tampilan.halaman(nko_unit, "tabel_nko", PER_HALAMAN).drop(columns="kode_unit").rename(columns={
            "nama_unit": t("kolom.nama_unit"), "nko": t("kolom.nko"), "status": t("kolom.status"),
            **{s.value: nama_status(s) for s in Status},
        }),
        key="tabel_nko", kolom_status=t("kolom.status"),
    )

st.subheader(t("ringkasan.tabel"))
tanda_tahap.legenda()
if f.status:
    st.caption(scores.teks_filter_status(f.status, len(p.tabel), len(kepala.lingkup)))
if p.tabel.empty:
    st.info(t("halaman.tidak_ada"))
    dokumen()  # a unit with no row to show still has its documents (they say there is no data yet)
    st.stop()
kolom_tabel = dict(KOLOM_TABEL)
if not f.sub_unit or p.tabel["kode_unit"].nunique() == 1:
    kolom_tabel.pop("nama_unit")
tampilan.unduh_tabel(tanda_tahap.untuk_unduh(p.tabel), f"ringkasan_{f.kode_unit}_{f.tahun}_tw{f.triwulan}",
                     key="unduh_ringkasan")
baris = tampilan.halaman(p.tabel, "tabel_iku", PER_HALAMAN)
tampilan.tabel_status(
    tanda_tahap.dengan_tanda(baris[list(kolom_tabel)]).rename(columns={k: t(f"kolom.{k}") for k in kolom_tabel}),
    key="tabel_iku", kolom_status=t("kolom.status"), row_height=TINGGI_BARIS,
    height=min(TINGGI_BARIS * len(baris) + 38, 2000),  # every row in view (the header is 35 px)
    column_config={t(f"kolom.{k}"): st.column_config.TextColumn(width=w) for k, w in kolom_tabel.items()},
)

# every capaian explained, for the rows on this page (the table itself keeps to a laptop's width)
with st.expander(t("ringkasan.rumus_judul"), icon=":material/function:"):
    tampilan.tabel(baris[["kode_iku", "nama_iku"]].assign(rumus=scores.penjelasan(kepala.lingkup, baris.index, f.triwulan))
             .rename(columns={k: t(f"kolom.{k}") for k in ("kode_iku", "nama_iku", "rumus")}), key="tabel_rumus",
             column_config={t("kolom.nama_iku"): st.column_config.TextColumn(width=260)})

# the meeting's agenda: what costs the NKO the most points (kinerja_core.nko.biaya_nko)
biaya, biaya_anak, nko_judul, belum_lapor = p.biaya_nko()
st.subheader(t("ringkasan.biaya"))
st.markdown(teks_aman.t_aman("ringkasan.biaya_bantuan", nko=angka(nko_judul, tetap=True), judul=kepala.judul_nko))
if not biaya_anak.empty:
    st.markdown(t("ringkasan.biaya_unit_bantuan"))
    tampilan.tabel_angka(biaya_anak.drop(columns="kode_unit").rename(columns={
        k: t(f"kolom.{k}") for k in ("nama_unit", "nko", "biaya", "jumlah_iku", "belum_dilaporkan")}),
        key="tabel_biaya_unit")
if not belum_lapor.empty:  # a grey IKU costs nothing: not reporting is an agenda item of its own
    st.markdown(t("ringkasan.belum_lapor", n=len(belum_lapor)))
    tampilan.tabel_angka(tanda_tahap.tambah_tahap(belum_lapor, kepala.lingkup).drop(columns="kode_unit").rename(
        columns={k: t(f"kolom.{k}") for k in ("nama_unit", "kode_iku", "nama_iku", "bobot", "porsi_bobot", "tahap")}),
        key="tabel_belum_lapor")
if biaya.empty:
    st.success(t("ringkasan.biaya_kosong"), icon=":material/check_circle:")
else:
    kolom_biaya = ["kode_iku", "status", "nama_iku", "capaian", "tahap", "bagian", "biaya"]
    if biaya["kode_unit"].nunique() > 1:
        kolom_biaya.insert(0, "nama_unit")
    biaya = tanda_tahap.tambah_tahap(tampilan.halaman(biaya, "tabel_biaya", PER_HALAMAN), kepala.lingkup)
    tampilan.tabel_status(biaya[kolom_biaya].rename(
        columns={k: t(f"kolom.{k}") for k in kolom_biaya}), key="tabel_biaya", kolom_status=t("kolom.status"))

# where the year is heading at the run-rate so far (kinerja_core.prognosis)
nko_akhir, menurun, cakupan_prognosis = p.prognosis()
st.subheader(t("ringkasan.prognosis"))
st.markdown(t("ringkasan.prognosis_cara"))
teks_nko = t("ringkasan.prognosis_nko", nko=angka(nko_akhir.nilai, tetap=True), status=nama_status(nko_akhir.status),
             sekarang=angka(kepala.nko.nilai, tetap=True)) + f" ({cakupan_prognosis})"
st.markdown(f'<div class="kinerja-cakupan" data-testid="ringkasan-prognosis">{teks_aman.html(teks_nko)}</div>',
            unsafe_allow_html=True)
if menurun.empty:
    st.caption(t("ringkasan.prognosis_aman"))
else:
    st.markdown(tn("ringkasan.prognosis_menurun", len(menurun)))
    kolom_menurun = ["kode_iku", "nama_iku", "status", "capaian", "tahap", "status_prognosis", "capaian_prognosis"]
    if menurun["kode_unit"].nunique() > 1:
        kolom_menurun.insert(0, "nama_unit")
    menurun = tanda_tahap.tambah_tahap(tampilan.halaman(menurun, "tabel_menurun", PER_HALAMAN), kepala.lingkup)
    tampilan.tabel_status(menurun[kolom_menurun].rename(
        columns={k: t(f"kolom.{k}") for k in kolom_menurun}), key="tabel_menurun",
        kolom_status=(t("kolom.status"), t("kolom.status_prognosis")))

# what the rest of the year must bring, for every IKU not yet sure to end hijau (kinerja_core.kebutuhan)
st.subheader(t("ringkasan.kebutuhan"))
st.markdown(t("ringkasan.kebutuhan_bantuan"))
kebutuhan = p.kebutuhan()
if kebutuhan is None:
    st.caption(t("ringkasan.kebutuhan_terlalu_banyak", batas=angka(baca.BATAS_KEBUTUHAN)))
elif kebutuhan.empty:
    st.success(t("ringkasan.kebutuhan_kosong"), icon=":material/check_circle:")
else:
    kolom_kebutuhan = {"kode_iku": 72, "status": 80, "tahap": 100, "nama_iku": 200, "agar_hijau": 220,
                       "agar_tidak_merah": 220}  # as wide as before the stage came: the long texts wrap
    kebutuhan = tanda_tahap.tambah_tahap(tampilan.halaman(kebutuhan, "tabel_kebutuhan", PER_HALAMAN), kepala.lingkup)
    tampilan.tabel_status(
        kebutuhan[list(kolom_kebutuhan)].rename(
            columns={k: t(f"kolom.{k}") for k in kolom_kebutuhan}),
        key="tabel_kebutuhan", kolom_status=t("kolom.status"), row_height=TINGGI_BARIS,
        column_config={t(f"kolom.{k}"): st.column_config.TextColumn(width=w) for k, w in kolom_kebutuhan.items()},
    )

# what-if for the meeting: a value typed for an open quarter, its capaian, light and NKO; never stored
simulasi_ui.untuk_ringkasan(kepala.lingkup, f.kode_unit, f.triwulan, p.tahun.nama_unit)

dokumen()
