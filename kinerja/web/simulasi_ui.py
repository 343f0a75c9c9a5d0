"""The what-if box shared by the Dialog's IKU screens and the Ringkasan (``kinerja.rapat.simulasi``): values typed
for the quarters still open, the capaian, the light and the NKO with its change, marked as a simulation. Nothing
typed here is stored."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from kinerja import scores
from kinerja.rapat import simulasi
from kinerja.texts import angka, label_status, nama_triwulan, persen, t
from kinerja_core.model import Iku


def kotak(iku: Iku, realisasi: Sequence[float | None], triwulan: int, dasar_nko: pd.DataFrame, awalan: str) -> None:
    """The inputs (keys ``{awalan}_{unit}_{iku}_{quarter}``) and, once a value is typed, the simulated figures."""
    st.caption(t("dialog.simulasi_bantuan"))
    terbuka = simulasi.triwulan_terbuka(iku, realisasi)
    if not terbuka:
        st.caption(t("dialog.simulasi_tidak_ada"))
        return
    kolom = st.columns(len(terbuka))
    isian = {q: kolom[i].number_input(t("dialog.simulasi_nilai", tw=nama_triwulan(q)), value=None, format="%g",
                                      key=f"{awalan}_{iku.kode_unit}_{iku.kode_iku}_{q}")
             for i, q in enumerate(terbuka)}
    isian = {q: float(v) for q, v in isian.items() if v is not None}
    if not isian:
        return
    hasil = simulasi.simulasikan(iku, realisasi, isian, triwulan, dasar_nko)
    capaian = persen(hasil.hasil.capaian.nilai) if hasil.hasil.capaian.nilai is not None else t("dialog.belum_ada")
    kiri, kanan = st.columns(2)
    kiri.metric(t("dialog.simulasi_capaian", tw=nama_triwulan(hasil.triwulan)),
                f"{capaian} · {label_status(hasil.hasil.status)}")
    kanan.metric(t("dialog.simulasi_nko"), angka(hasil.nko.nilai, tetap=True),
                 None if hasil.selisih_nko is None else angka(hasil.selisih_nko, tetap=True))


def untuk_ringkasan(lingkup: pd.DataFrame, kode_unit: str, triwulan: int) -> None:
    """The Ringkasan's what-if: pick an IKU of the page (``lingkup``, scored), then ``kotak``."""
    with st.expander(t("dialog.simulasi"), icon=":material/science:"):
        if lingkup.empty:
            return
        banyak_unit = lingkup["kode_unit"].nunique() > 1  # asked once: a ministry's root has 15,000 IKU
        # the labels as whole columns: at a ministry's root a row-by-row loop over them took tens of ms per rerun
        kode = (lingkup["kode_iku"] + " · " + lingkup["kode_unit"] if banyak_unit else lingkup["kode_iku"]).tolist()
        i = st.selectbox(t("kolom.kode_iku"), range(len(lingkup)), format_func=lambda j: kode[j],
                         key="ringkasan_simulasi_iku")
        baris = next(lingkup.iloc[[i]].itertuples(index=False))
        kotak(scores.hasil_iku(baris, triwulan).iku, scores.realisasi_baris(baris), triwulan,
              scores.dasar_nko_unit(lingkup, kode_unit), "ringkasan_simulasi")
