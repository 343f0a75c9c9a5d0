"""The what-if box shared by the Dialog's IKU screens and the Ringkasan (``kinerja.rapat.simulasi``): values typed
for the quarters still open, the capaian, the light and the NKO with its change, marked as a simulation. Nothing
typed here is stored."""

from __future__ import annotations

from collections.abc import Callable, Sequence

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


def untuk_ringkasan(lingkup: pd.DataFrame, kode_unit: str, triwulan: int,
                    nama_unit: Callable[[str], str] = str) -> None:
    """The Ringkasan's what-if: pick an IKU of the page (``lingkup``, scored), then ``kotak``.

    Where the page holds several units (a Kanwil, a ministry) the unit is picked first, then one of its IKU: one
    list of a ministry's 15,000 (or 150,000) IKU went to the browser whole on every rerun, and nobody scrolls it.
    ``nama_unit``: a unit's name by its code (``Tahun.nama_unit``), shown beside the code so the list can be searched
    by either.
    """
    with st.expander(t("dialog.simulasi"), icon=":material/science:"):
        if lingkup.empty:
            return
        unit = lingkup["kode_unit"].unique().tolist()  # in the page's order: the tree's
        if len(unit) > 1:
            kode_u = st.selectbox(t("kolom.kode_unit"), unit, key="ringkasan_simulasi_unit",
                                  format_func=lambda k: f"{k} · {nama_unit(k)}")
            pilih = lingkup[lingkup["kode_unit"] == kode_u]
        else:
            kode_u, pilih = unit[0], lingkup
        kode = pilih["kode_iku"].tolist()
        i = st.selectbox(t("kolom.kode_iku"), range(len(pilih)), format_func=lambda j: kode[j],
                         key=f"ringkasan_simulasi_iku_{kode_u}")  # each unit's list keeps its own choice
        baris = next(pilih.iloc[[i]].itertuples(index=False))
        kotak(scores.hasil_iku(baris, triwulan).iku, scores.realisasi_baris(baris), triwulan,
              scores.dasar_nko_unit(lingkup, kode_unit), "ringkasan_simulasi")
