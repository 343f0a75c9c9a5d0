"""Unggah Data: upload unit, IKU or realisasi files, see what would change, confirm to store."""

import hashlib

import pandas as pd
import streamlit as st

from kinerja import ui
from kinerja.importing import rencanakan, terapkan
from kinerja.storage import DatabaseBusy
from kinerja.texts import t

st.title(t("unggah.judul"))
st.markdown(t("unggah.petunjuk"))

unggahan = st.file_uploader(t("unggah.pilih"), type=["csv", "txt"], accept_multiple_files=True, key="unggah_berkas")
if not unggahan:
    st.stop()

berkas = [(u.name, u.getvalue()) for u in unggahan]
sidik = hashlib.sha256(b"".join(n.encode() + b"\0" + isi for n, isi in berkas)).hexdigest()
if st.session_state.get("unggah_tersimpan", {}).get("sidik") == sidik:
    st.success(st.session_state["unggah_tersimpan"]["pesan"], icon="✅")
    st.stop()

try:
    rencana = rencanakan(berkas, ui.storage())
except DatabaseBusy as e:
    ui.bila_sibuk(e)

if not rencana.sah:
    st.error(t("unggah.gagal"), icon="🛑")
    st.dataframe(
        pd.DataFrame(
            [{"berkas": k.berkas, "baris": k.baris, "kolom": k.kolom or "", "pesan": k.pesan} for k in rencana.kesalahan]
        ),
        hide_index=True, width="stretch", key="unggah_kesalahan",
    )
    st.markdown("\n".join(f"- {k}" for k in rencana.kesalahan[:20]), unsafe_allow_html=False)
    if rencana.kesalahan_lain:
        st.caption(t("galat.lebih_banyak", n=rencana.kesalahan_lain))
    st.stop()

st.subheader(t("unggah.pratinjau"))
for b in rencana.berkas:
    for c in b.catatan:
        st.info(f"{b.nama}: {c}", icon="ℹ️")
for p in rencana.perubahan:
    st.markdown(f"**{t('unggah.jenis', berkas=p.berkas, jenis=t(f'jenis.{p.jenis.value}'), baris=len(p.rincian))}**"
                f" — {p.ringkas()}")
    urut = p.rincian.assign(_u=p.rincian["perubahan"].map({t("perubahan.berubah"): 0, t("perubahan.baru"): 1}))
    st.dataframe(
        urut.sort_values(["_u", "baris"], na_position="last").drop(columns="_u"),
        hide_index=True, width="stretch", key=f"unggah_rincian_{p.berkas}",
    )

if not rencana.ada_perubahan:
    st.info(t("unggah.tidak_ada_perubahan"))
    st.stop()
if st.button(t("unggah.konfirmasi"), type="primary", key="unggah_simpan"):
    try:
        terapkan(rencana, ui.storage())
    except DatabaseBusy as e:
        ui.bila_sibuk(e)
    ringkas = "; ".join(f"{p.berkas}: {p.ringkas()}" for p in rencana.perubahan)
    st.session_state["unggah_tersimpan"] = {"sidik": sidik, "pesan": t("unggah.berhasil", ringkas=ringkas)}
    st.rerun()
