"""Riwayat: every revision (who, when, which file, its sha256, counts), and undo."""

import pandas as pd
import streamlit as st

from kinerja import teks_aman
from kinerja.masuk.importing import rincian_batal
from kinerja.store import BATAS_RINCIAN_BATAL, AksesDitolak, MasalahBasisData, RevisiDitolak
from kinerja.texts import t, tn
from kinerja.web import baca, gerbang, saring, tampilan
from kinerja_core.akses import Peran

saring.pastikan_navigasi()

st.title(t("riwayat.judul"))
st.markdown(t("riwayat.petunjuk"))
# a reader sees the revisions of the units they may read, and of one that touched others too only their part
pembaca = gerbang.orang()
try:
    daftar = baca.storage().daftar_revisi(hibah=None if pembaca.hibah is None or pembaca.baca_semua
                                          else list(pembaca.hibah))
except MasalahBasisData as e:
    baca.bila_sibuk(e)

pesan = st.session_state.pop("riwayat_pesan", None)
if pesan:
    st.success(pesan, icon=":material/undo:")

tampilan.tabel(pd.DataFrame([tampilan.baris_revisi(r) for r in daftar]), key="tabel_riwayat")

bisa_dibatalkan = [r for r in daftar if r.jenis == "impor" and r.dibatalkan_oleh is None and r.bagian is None]
if not bisa_dibatalkan:
    st.stop()
st.subheader(t("riwayat.batal_judul"))
orang = gerbang.perlu(Peran.ADMIN)  # of every unit the revision touched: the store checks that
pilihan = {r.id: r for r in bisa_dibatalkan}
label = {i: t("riwayat.pilihan", id=i, berkas=r.berkas, pengguna=r.pengguna,
               waktu=r.waktu.strftime("%d-%m-%Y %H:%M %Z")) for i, r in pilihan.items()}  # made in this run
revisi_id = st.selectbox(t("riwayat.pilih"), list(pilihan), key="riwayat_revisi", format_func=label.get)
# an undo is shown before it is done: what it changes, computed by the store exactly as the undo would
if st.button(t("riwayat.tinjau"), key="riwayat_tinjau"):
    st.session_state["riwayat_tinjauan"] = revisi_id
if st.session_state.get("riwayat_tinjauan") != revisi_id:
    st.stop()
try:
    tinjauan = baca.storage().tinjau_batal(revisi_id, pelaku=orang.pelaku(t("halaman.riwayat")))
except MasalahBasisData as e:
    baca.bila_sibuk(e)
except (RevisiDitolak, AksesDitolak) as e:  # an admin elsewhere sees none of its rows
    st.error(teks_aman.md(e), icon=":material/error:")
    st.stop()
rincian = rincian_batal(tinjauan)
if rincian.empty:
    st.info(t("riwayat.tinjau_kosong", id=revisi_id))
else:
    st.markdown(t("riwayat.tinjau_judul", id=revisi_id, berubah=tn("jumlah.baris", tinjauan.berubah),
                  dihapus=tn("jumlah.baris", tinjauan.dihapus), sama=tn("jumlah.baris", tinjauan.sama)))
    tampilan.tabel(rincian.rename(columns={k: t(f"kolom.{k}") for k in ("perubahan", "rincian")}), key="riwayat_rincian")
    if len(rincian) < tinjauan.berubah + tinjauan.dihapus:
        st.caption(t("riwayat.tinjau_sebagian", n=BATAS_RINCIAN_BATAL))
ya, tidak = st.columns([1, 4])
if tidak.button(t("riwayat.urung"), key="riwayat_urung"):
    st.session_state.pop("riwayat_tinjauan", None)
    st.rerun()
if ya.button(t("riwayat.konfirmasi", id=revisi_id), key="riwayat_batal", type="primary"):
    try:
        batal = baca.storage().batalkan(revisi_id, pelaku=orang.pelaku(t("halaman.riwayat")))
    except MasalahBasisData as e:
        baca.bila_sibuk(e)
    except (RevisiDitolak, AksesDitolak) as e:
        st.error(teks_aman.md(e), icon=":material/error:")
        st.stop()
    st.session_state.pop("riwayat_tinjauan", None)
    st.session_state["riwayat_pesan"] = tn("cli.dibatalkan", batal.berubah, asal=revisi_id, id=batal.id,
                                           berubah=batal.berubah, dihapus=batal.dihapus, sama=batal.sama)
    st.rerun()
