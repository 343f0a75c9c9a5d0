"""Data dukung on a page: the files attached to the selected units' quarter, listed with who and when, each
downloaded as an attachment (never shown inline), and attaching a new one (checked by its content)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from kinerja import teks_aman
from kinerja.masuk.bukti import JENIS_BUKTI, periksa_bukti
from kinerja.pesan import Pesan
from kinerja.store import AksesDitolak, MasalahBasisData, PermintaanDitolak, SiklusDitolak
from kinerja.texts import angka, nama_triwulan, t, tanggal_pendek, teks_pesan
from kinerja.web import baca, tampilan
from kinerja.web.gerbang import Orang
from kinerja.web.kunci import Filter
from kinerja_core.akses import Peran


def tabel_bukti(daftar: pd.DataFrame) -> pd.DataFrame:
    """The list in the reader's words: unit, IKU, file name (as text), kind, size, who, when."""
    return pd.DataFrame({
        t("kolom.kode_unit"): daftar["kode_unit"], t("kolom.kode_iku"): daftar["kode_iku"],
        t("bukti.kolom.nama"): daftar["nama"], t("bukti.kolom.jenis"): daftar["jenis"].str.upper(),
        t("bukti.kolom.ukuran"): [f"{angka(u / 1024, 0)} KB" for u in daftar["ukuran"]],
        t("bukti.kolom.oleh"): daftar["oleh"],
        t("bukti.kolom.waktu"): [tanggal_pendek(pd.Timestamp(w).date()) for w in daftar["waktu"]],
    })


def bagian_bukti(f: Filter, orang: Orang, induk: Mapping[str, str | None]) -> None:
    """The data dukung section of a page for the filter's units and quarter."""
    st.subheader(t("bukti.judul", triwulan=nama_triwulan(f.triwulan), tahun=f.tahun))
    storage = baca.storage()
    hibah = None if orang.hibah is None or orang.baca_semua else list(orang.hibah)
    try:
        daftar = storage.daftar_bukti(f.tahun, f.triwulan, f.kode_unit, sub_unit=True, hibah=hibah)
    except MasalahBasisData as e:
        baca.bila_sibuk(e)
    if daftar.empty:
        st.caption(t("bukti.kosong_daftar"))
    else:
        tampilan.tabel(tabel_bukti(daftar), key="bukti_tabel")
        pilihan = {int(r.id): r for r in daftar.itertuples()}
        bukti_id = st.selectbox(t("bukti.pilih"), list(pilihan), key="bukti_pilih",
                                format_func={i: f"{r.kode_unit} {r.kode_iku} · {r.nama}" for i, r in pilihan.items()}.get)
        r = pilihan[bukti_id]
        pelaku = orang.pelaku(t("halaman.pemantauan"))
        st.download_button(t("bukti.unduh"), lambda: storage.ambil_bukti(bukti_id, pelaku=pelaku).isi,
                           file_name=nama_unduhan(r.nama), mime=JENIS_BUKTI.get(r.jenis, "application/octet-stream"),
                           key="bukti_unduh", icon=":material/download:", on_click="ignore")
    _lampirkan(f, orang, induk)


def nama_unduhan(nama: str) -> str:
    """A stored file name as a download may carry it: no folder, no control character.

    >>> nama_unduhan("../../etc/passwd\\n.pdf")
    'passwd .pdf'
    """
    dasar = nama.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(c if c.isprintable() else " " for c in dasar).strip() or "data_dukung"


def _lampirkan(f: Filter, orang: Orang, induk: Mapping[str, str | None]) -> None:
    """Attach a file to an IKU of a unit the person fills in (the store checks the grant and the stage)."""
    if orang.identitas is None and orang.hibah is not None:
        return
    iku = baca.data(f).snap.iku
    unit = [u for u in dict.fromkeys(iku["kode_unit"]) if orang.boleh(Peran.PENGISI, u, dict(induk))]
    if not unit:
        return
    with st.expander(t("bukti.lampirkan_judul"), icon=":material/attach_file:"):
        kiri, kanan = st.columns(2)
        kode_unit = kiri.selectbox(t("pemantauan.unit"), unit, key="bukti_unit")
        iku_unit = iku[iku["kode_unit"] == kode_unit]
        nama_iku = dict(zip(iku_unit["kode_iku"], iku_unit["nama_iku"]))
        kode_iku = kanan.selectbox(t("kolom.kode_iku"), list(nama_iku), key="bukti_iku",
                                   format_func=lambda k: f"{k} · {nama_iku[k]}")
        berkas = st.file_uploader(t("bukti.berkas"), type=["pdf", "xlsx", "docx", "png", "jpg", "jpeg"],
                                  key="bukti_berkas", help=t("bukti.berkas_bantuan"))
        if berkas is None or not st.button(t("bukti.tombol"), key="bukti_tombol", type="primary"):
            return
        storage = baca.storage()
        isi = berkas.getvalue()
        jenis, tolak = periksa_bukti(berkas.name, isi, storage.pengaturan_siklus().bukti_maks_mb)
        if tolak is not None:
            st.error(teks_aman.md(teks_pesan(Pesan(tolak.kode, tolak.isian))), icon=":material/error:")
            return
        try:
            storage.tambah_bukti(f.tahun, f.triwulan, kode_unit, kode_iku, nama=berkas.name, jenis=jenis or "",
                                 isi=isi, pelaku=orang.pelaku(t("halaman.pemantauan")))
        except MasalahBasisData as e:
            baca.bila_sibuk(e)
        except (SiklusDitolak, AksesDitolak, PermintaanDitolak) as e:
            st.error(teks_aman.md(e), icon=":material/error:")
            return
        st.session_state["pemantauan_pesan"] = t("bukti.tersimpan", nama=berkas.name, unit=kode_unit, iku=kode_iku)
        st.rerun()
