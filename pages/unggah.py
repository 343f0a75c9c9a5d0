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
    ui.tabel(
        pd.DataFrame([
            {t("kolom.berkas"): k.berkas, t("kolom.baris"): k.baris, t("kolom.kolom"): k.kolom or "",
             t("kolom.pesan"): k.pesan}
            for k in rencana.kesalahan
        ]),
        key="unggah_kesalahan",
    )
    if rencana.kesalahan_lain:
        st.caption(t("galat.lebih_banyak", n=rencana.kesalahan_lain))
    st.stop()

st.subheader(t("unggah.pratinjau"))
for b in rencana.berkas:
    for c in b.catatan:
        st.info(f"{ui.aman(b.nama)}: {ui.aman(c)}", icon="ℹ️")
for i, p in enumerate(rencana.perubahan):
    judul = t("unggah.jenis", berkas=p.berkas, jenis=t(f"jenis.{p.jenis.value}"), baris=len(p.rincian))
    st.markdown(f"**{ui.aman(judul)}** — {p.ringkas()}")
    urutan = {t("perubahan.berubah"): 0, t("perubahan.baru"): 1, t("perubahan.sama"): 2}
    rincian = p.rincian.sort_values("perubahan", key=lambda s: s.map(urutan), kind="stable")
    ui.tabel_angka(
        # the file's own column names, as the user wrote them; only ours are translated
        rincian.rename(columns={k: t(f"kolom.{k}") for k in ("baris", "perubahan", "rincian")}),
        key=f"unggah_rincian_{i}",
    )

if not rencana.ada_perubahan:
    st.info(t("unggah.tidak_ada_perubahan"))
    st.stop()
if st.button(t("unggah.konfirmasi"), type="primary", key="unggah_simpan"):
    try:
        terapkan(rencana, ui.storage())
    except DatabaseBusy as e:
        ui.bila_sibuk(e)
    ringkas = "; ".join(f"{ui.aman(p.berkas)}: {p.ringkas()}" for p in rencana.perubahan)
    st.session_state["unggah_tersimpan"] = {"sidik": sidik, "pesan": t("unggah.berhasil", ringkas=ringkas)}
    st.rerun()
