"""The pages' document control: pick a document and a format, make it on the click (with its progress shown), then
download it. Made through ``kinerja.dokumen.buat`` with the signed-in person's grants, in the session's language,
for the unit, year and quarter of the sidebar's filter.

Pages stay thin: one call, e.g. ``dokumen_ui.kontrol(("triwulan", "pk"), f, key="dok_ringkasan")``. A kind whose
builder is not installed is offered but says it is not available, never failing the page.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import streamlit as st

from kinerja import teks_aman
from kinerja.dokumen import FORMAT, Permintaan, galat_penyusun, nama_jenis
from kinerja.dokumen.buat import Berkas, buat, tersedia
from kinerja.store import MasalahBasisData
from kinerja.texts import angka, bahasa, t
from kinerja.web import baca, gerbang
from kinerja.web.saring import Filter


def kontrol(jenis: Sequence[str], f: Filter, *, key: str, asal: str = "") -> None:
    """The control for the kinds ``jenis`` of one page, for ``f``'s unit, year and quarter. Widgets are keyed
    ``{key}_jenis``, ``{key}_format``, ``{key}_buat`` and ``{key}_unduh``; the file made stays in the session under
    ``{key}_berkas`` for as long as the same document (kind, format, unit, year, quarter, language) is asked for."""
    if len(jenis) > 1:
        nama = {j: nama_jenis(j) for j in jenis}  # labels made in this run's language, not when Streamlit asks
        pilih = st.selectbox(t("dok.ui.jenis"), list(jenis), format_func=nama.__getitem__, key=f"{key}_jenis")
    else:
        pilih = jenis[0]
        st.markdown(f"**{teks_aman.md(nama_jenis(pilih))}**")
    bentuk = st.radio(t("dok.ui.format"), FORMAT, format_func=str.upper, horizontal=True, key=f"{key}_format")
    ada = tersedia(pilih)
    if not ada:
        st.caption(t("dok.buat.tidak_tersedia", jenis=nama_jenis(pilih)))
    p = Permintaan(jenis=pilih, tahun=f.tahun, kode_unit=f.kode_unit, triwulan=f.triwulan, bahasa=bahasa())
    kunci = (p, bentuk)
    if st.button(t("dok.ui.buat"), key=f"{key}_buat", icon=":material/description:", disabled=not ada,
                 width="stretch"):
        st.session_state.pop(f"{key}_berkas", None)
        berkas = _buat(p, bentuk, asal)
        if berkas is not None:
            st.session_state[f"{key}_berkas"] = (kunci, berkas)
    tersimpan = st.session_state.get(f"{key}_berkas")
    if tersimpan is not None and tersimpan[0] == kunci:
        berkas = tersimpan[1]
        st.text(t("dok.ui.berkas", nama=berkas.nama))
        # the step that comes next, so it stands out from "Buat dokumen" above it; "Unduh PDF": which file it gives
        # (in the Dialog's Kontrol it sits under the other downloads)
        st.download_button(t("dok.ui.unduh_format", format=bentuk.upper()), berkas.data, berkas.nama, berkas.mime,
                           key=f"{key}_unduh", icon=":material/download:", on_click="ignore", width="stretch", type="primary")


def _buat(p: Permintaan, bentuk: str, asal: str) -> Berkas | None:
    """Make the file inside a status box that shows each step; a refusal is said in its place, in words."""
    orang = gerbang.orang()
    mulai = time.perf_counter()
    tempat = st.empty()  # the status box while the file is made; a refusal takes its place, said once
    with tempat.status(t("dok.ui.membuat", dokumen=nama_jenis(p.jenis)), expanded=True) as kotak:
        kemajuan = st.progress(0.0, text=t("dok.ui.membaca"))

        def langkah(nama: str) -> None:
            if nama == "render":
                kemajuan.progress(0.5, text=t("dok.ui.menyusun", format=bentuk.upper()))

        try:
            berkas = buat(baca.storage(), p, bentuk, pelaku=orang.pelaku(asal), baca_terbuka=gerbang.baca_terbuka(),
                          kemajuan=langkah)
        except galat_penyusun() as e:
            alasan = str(e)
        except MasalahBasisData as e:
            baca.bila_sibuk(e)
            return None
        else:
            siap = t("dok.ui.siap", detik=angka(time.perf_counter() - mulai, 1))
            kemajuan.progress(1.0, text=siap)
            kotak.update(label=siap, state="complete", expanded=False)
            return berkas
    # one red box with the reason, in place of the status box (not the reason twice: in its label and inside it)
    tempat.error(teks_aman.t_aman("dok.ui.gagal", alasan=alasan), icon=":material/block:")
    return None
