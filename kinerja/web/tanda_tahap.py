"""Provisional or verified, on every screen: each figure's stage in the reporting cycle as a mark and a word in
the IKU tables, one legend line per page, "sementara" on an NKO whose IKU are not all final, and the notice of
a view limited to verified figures. Text, never the colour alone: a table read on a projector says it in words.

The marks and words are ``texts.nama_tahap``'s; the stage of each IKU comes with the
scores (``baca.skor``: ``tahap``)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from kinerja import scores, teks_aman
from kinerja.texts import IKON_TAHAP, legenda_tahap, nama_tahap, t
from kinerja.web.kunci import Filter
from kinerja_core.siklus import Tahap


def legenda() -> None:
    """The legend of the stage marks, once on a page (above its first IKU table)."""
    st.markdown(f'<div class="kinerja-cakupan" data-testid="legenda-tahap">{teks_aman.html(legenda_tahap())}</div>',
                unsafe_allow_html=True)


def ikon(tahap: Tahap | str | None) -> str:
    """The stage's mark alone ('✓'), for a cell that already says a number and a light; draf without a stage."""
    return IKON_TAHAP[Tahap(tahap or Tahap.DRAF.value)]


def tahap_per_triwulan(tahap: pd.DataFrame, kode_unit: str, triwulan: pd.Series) -> pd.Series:
    """The stage (mark and word) of ``kode_unit`` in each of ``triwulan``, from the year's stored stages
    (``baca.tahap_tahun``): a unit's row per quarter on the Progres page."""
    return triwulan.map(lambda q: nama_tahap(scores.tahap_unit(tahap, int(q)).get(kode_unit, Tahap.DRAF.value)))


def dengan_tanda(tabel: pd.DataFrame, kolom: str = "tahap") -> pd.DataFrame:
    """``tabel`` with its stage codes as mark and word ('✓ Terverifikasi'); a row without one is draf."""
    if kolom not in tabel.columns:
        return tabel.assign(**{kolom: nama_tahap(Tahap.DRAF)})
    return tabel.assign(**{kolom: tabel[kolom].fillna(Tahap.DRAF.value).map(nama_tahap)})


def tambah_tahap(tabel: pd.DataFrame, skor_iku: pd.DataFrame) -> pd.DataFrame:
    """``tabel`` (rows naming kode_unit and kode_iku: what costs the NKO, the IKU heading down …) with each IKU's
    stage from the scores it was derived from (``skor_iku`` with ``tahap``), as mark and word; order and index
    kept. A ministry's 15,000 scored IKU are looked up as one index, not walked row by row."""
    kunci = ["kode_unit", "kode_iku"]
    if "tahap" not in skor_iku.columns:
        return tabel.assign(tahap=nama_tahap(Tahap.DRAF))
    # the scored rows of the table's units and codes first: a page of rows is looked up among a few, not 150,000
    sumber = skor_iku[[*kunci, "tahap"]]
    tahap = sumber[sumber["kode_unit"].isin(tabel["kode_unit"].unique())
                   & sumber["kode_iku"].isin(tabel["kode_iku"].unique())].set_index(kunci)["tahap"]
    tahap = tahap[~tahap.index.duplicated()].reindex(pd.MultiIndex.from_frame(tabel[kunci])).fillna(Tahap.DRAF.value)
    return tabel.assign(tahap=tahap.map({s: nama_tahap(s) for s in tahap.unique()}).to_numpy())


def untuk_unduh(tabel: pd.DataFrame) -> pd.DataFrame:
    """``tabel`` for a download (XLSX/CSV): the stage in words ('Terverifikasi'), not a code; the mark is left
    out so that a spreadsheet's filter reads a plain word."""
    if "tahap" not in tabel.columns:
        return tabel
    tahap = tabel["tahap"].fillna(Tahap.DRAF.value)
    return tabel.assign(tahap=tahap.map({s: t(f"tahap.{Tahap(s).value}") for s in tahap.unique()}))


def teks_sementara(dasar_nko: pd.DataFrame) -> str | None:
    """'sementara · 12 dari 27 IKU belum final' while any IKU the NKO is taken over (``dasar_nko``) is not final;
    None once every one is."""
    belum, total = scores.belum_final(dasar_nko)
    if not belum or not total:
        return None
    return t("tahap_layar.nko_sementara", n=belum, total=total)


def kartu_nko(kartu: str, dasar_nko: pd.DataFrame) -> str:
    """The NKO tile's HTML (``tampilan.kartu_nko``) with, as its last line, 'sementara · …' while the NKO is
    provisional, or '■ final' once every IKU under it is final."""
    teks = teks_sementara(dasar_nko)
    if teks is None and not len(dasar_nko):
        return kartu
    if teks is None:
        baris = (f'<div class="cakupan" data-testid="nko-tahap" data-tahap="final">'
                 f'{teks_aman.html(t("tahap_layar.nko_final", ikon=IKON_TAHAP[Tahap.FINAL]))}</div>')
    else:
        baris = (f'<div class="cakupan belum-lengkap" data-testid="nko-tahap" data-tahap="sementara">'
                 f"{teks_aman.html(teks)}</div>")
    akhir = kartu.rstrip()
    if not akhir.endswith("</div>"):  # not the tile this expects: the line below it
        return kartu + baris
    return akhir[: -len("</div>")] + baris + "</div>"


def pemberitahuan(f: Filter) -> None:
    """Say, under a page's title, that the view keeps to verified figures (the sidebar's switch)."""
    if f.hanya_terverifikasi:
        st.info(t("tahap_layar.hanya_terverifikasi"), icon=":material/verified:")
