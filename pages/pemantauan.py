"""Pemantauan: where each unit's quarter stands in the reporting cycle (draf, diajukan, terverifikasi,
dikembalikan, final), who moved it and when, the next deadline and the days to or past it; the steps the person
looking may take; exportable."""

import streamlit as st

from kinerja import teks_aman
from kinerja.store import AksesDitolak, MasalahBasisData, PermintaanDitolak, SiklusDitolak
from kinerja.texts import nama_tahap, nama_triwulan, t
from kinerja.web import baca, bukti_ui, gerbang, pemantauan, saring, tampilan
from kinerja_core.siklus import BERALASAN, Langkah, Tahap

saring.pastikan_navigasi()

st.title(t("pemantauan.judul"))
f = st.session_state.get("filter")
if f is None:
    st.info(t("filter.kosong"))
    st.stop()
tahun = baca.tahun_data(f.tahun)
st.markdown(f'<div class="kinerja-konteks">{teks_aman.html(t("pemantauan.konteks", unit=tahun.nama_unit(f.kode_unit), triwulan=nama_triwulan(f.triwulan), tahun=f.tahun))}</div>',
            unsafe_allow_html=True)
st.caption(t("pemantauan.petunjuk"))
orang = gerbang.orang()
induk = {k: v if isinstance(v, str) else None for k, v in tahun.induk.items()}

pesan = st.session_state.pop("pemantauan_pesan", None)
if pesan:
    st.success(teks_aman.md(pesan), icon=":material/task_alt:")

try:
    daftar = baca.storage().daftar_tahap(f.tahun, f.triwulan, f.kode_unit, sub_unit=True)
except MasalahBasisData as e:
    baca.bila_sibuk(e)
daftar = daftar[[orang.terlihat(k, tahun.induk) for k in daftar["kode_unit"]]] if not daftar.empty else daftar
if daftar.empty:
    st.info(t("pemantauan.kosong"))
    st.stop()

tabel = pemantauan.tabel_pemantauan(daftar, tahun.nama, orang.hibah if orang.identitas else (), induk)
tampilan.tabel(tampilan.halaman(tabel, "pemantauan_tabel"), key="pemantauan_tabel")
tampilan.unduh_tabel(tabel, f"pemantauan_{f.tahun}_tw{f.triwulan}", key="pemantauan_unduh")
# a returned quarter's reason whole (the table's cell shows its first words): what the pengisi must fix
for r in daftar[daftar["tahap"] == Tahap.DIKEMBALIKAN.value].itertuples():
    st.warning(teks_aman.md(t("pemantauan.dikembalikan", unit=r.kode_unit, oleh=r.diverifikasi_oleh or "—",
                              alasan=r.alasan or "")), icon=":material/undo:")
bukti_ui.bagian_bukti(f, orang, induk)

# the steps this person may take, on the units where one is open to them (the store checks everything again)
if orang.identitas is None and orang.hibah is not None:
    st.stop()
tahap = dict(zip(daftar["kode_unit"], daftar["tahap"].map(Tahap)))
bisa = {k: pemantauan.langkah_boleh(th, k, orang.hibah, induk) for k, th in tahap.items()}
bisa = {k: v for k, v in bisa.items() if v}
if not bisa:
    st.stop()
st.subheader(t("pemantauan.langkah_judul"))
kiri, kanan = st.columns([2, 3])
unit = kiri.selectbox(t("pemantauan.unit"), list(bisa), key="pemantauan_unit",
                      format_func={k: f"{k} · {tahun.nama_unit(k)}" for k in bisa}.get)  # the stage: in the table
langkah = kanan.radio(t("pemantauan.langkah"), bisa[unit], key=f"pemantauan_langkah_{unit}", horizontal=True,
                      format_func={lk: t(f"langkah.{lk.value}") for lk in bisa[unit]}.get)
alasan = st.text_area(t("pemantauan.alasan") if langkah in BERALASAN else t("pemantauan.catatan"),
                      key="pemantauan_alasan", max_chars=2000,
                      help=t("pemantauan.alasan_bantuan") if langkah in BERALASAN else None)
if st.button(teks_aman.md(t("pemantauan.tombol", langkah=t(f"langkah.{langkah.value}").capitalize(), unit=unit)), key="pemantauan_tombol",
             type="primary"):
    try:
        baru = baca.storage().langkah_tahap(f.tahun, f.triwulan, unit, Langkah(langkah),
                                            pelaku=orang.pelaku(t("halaman.pemantauan")), alasan=alasan or None)
    except MasalahBasisData as e:
        baca.bila_sibuk(e)
    except (SiklusDitolak, AksesDitolak, PermintaanDitolak) as e:
        st.error(teks_aman.md(e), icon=":material/error:")
        st.stop()
    st.session_state["pemantauan_pesan"] = t("pemantauan.berhasil", unit=unit, tahap=nama_tahap(baru.tahap))
    st.session_state.pop("pemantauan_alasan", None)
    st.rerun()

