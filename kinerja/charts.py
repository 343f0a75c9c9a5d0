"""Plotly figure builders: scored tables in, figures out. No Streamlit here.

Colours are the traffic-light colours of ``kinerja.texts``; every coloured
mark also carries the status word, so the chart reads on a washed-out
projector and for colour-blind viewers. Text on a status colour takes that
status's text colour; no text is written in a status colour.

Plotly reads a subset of HTML (``<a href>``, ``<b>``, ``<br>``, ``<span style>``) in every text of a figure:
tick labels, hover and bar texts, titles, annotations. Every string that comes from data (unit and IKU names,
satuan) goes in through ``teks_aman.html``, so it shows as typed and never links anywhere.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from kinerja import teks_aman
from kinerja.texts import (
    IKON_STATUS,
    WARNA_STATUS,
    WARNA_TEKS_STATUS,
    angka,
    bahasa,
    besaran,
    label_status,
    nama_triwulan,
    persen,
    t,
)
from kinerja_core.model import TRIWULAN, Polaritas, Status

HURUF = dict(family="Source Sans Pro, Arial, sans-serif", size=18)
_SETENGAH_TANDA = 35
"""Half the width of the target mark (px): its value is written just right of it."""


def _warna_tema(gelap: bool) -> tuple[str, str, str]:
    """Text, background and grid colours of a chart in the light or the dark projector theme."""
    return ("#f9fafb", "#0b1220", "#334155") if gelap else ("#111827", "#ffffff", "#e5e7eb")


def _tata_letak(fig: go.Figure, tinggi: int, gelap: bool = False) -> go.Figure:
    teks, latar, grid = _warna_tema(gelap)
    fig.update_layout(
        height=tinggi, font=dict(HURUF, color=teks), margin=dict(l=20, r=20, t=50, b=20), plot_bgcolor=latar,
        paper_bgcolor=latar, bargap=0.25,
        separators=",." if bahasa() == "id" else ".,",  # the language's decimals on the axes too
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, font=dict(size=18, color=teks)),
    )
    fig.update_xaxes(tickfont=dict(size=18, color=teks), automargin=True)
    fig.update_yaxes(gridcolor=grid, zerolinecolor="#9ca3af", tickfont=dict(size=16, color=teks), automargin=True,
                     title_font=dict(size=17, color=teks))
    return fig


def skala(maks: float) -> tuple[float, str, str]:
    """Divisor, short unit and its word for values up to ``maks`` (1, "", "" below a million); the screen's
    charts and the deck's scale numbers alike, in the current language (``texts.besaran``: 6 M is 6 miliar in
    Indonesian, 6 B is 6 billion in English)."""
    return next(((b, s, k) for b, s, k in besaran() if maks >= b), (1.0, "", ""))


def angka_pendek(nilai: float, bagi: float, akhiran: str) -> str:
    """'5,7 M' for 5.700.000.000 with (1e9, 'M'); plain digits without a unit, in the current language."""
    return angka(nilai / bagi) + (f" {akhiran}" if akhiran else "")


def tik(bawah: float, atas: float, n: int = 5) -> list[float]:
    """Round tick values from ``bawah`` to at least ``atas`` (steps of 1, 2, 2,5 or 5 × 10^k)."""
    rentang = (atas - bawah) or abs(atas) or 1.0
    kasar = rentang / n
    pangkat = 10 ** math.floor(math.log10(kasar))
    langkah = next(k * pangkat for k in (1, 2, 2.5, 5, 10) if k * pangkat >= kasar)
    awal = math.floor(bawah / langkah) * langkah
    nilai = [awal]
    while nilai[-1] < atas - 1e-9 * rentang:
        nilai.append(round(nilai[-1] + langkah, 10))
    return nilai


def progres_iku(progres: pd.DataFrame, satuan: str, polaritas: Polaritas | None = None, *,
                gelap: bool = False, tinggi: int = 480) -> go.Figure:
    """Year-to-date realisasi by quarter (bars in the status colour) against the target marked on the same axis.

    ``progres`` is ``scores.tabel_progres``: one row per quarter. One value axis only: the target of each
    quarter is a mark at its level with its value, the realisasi a bar with its value at its foot (in the
    text colour of its status), and the capaian with the status shape sits under the quarter's name. A
    quarter without a target of its own is left empty ("tanpa target"), never drawn as if measured. The
    title says which way is better (a minimize IKU: lower). Large values use the language's units (M = miliar,
    B = billion).
    """
    teks_warna, latar, _ = _warna_tema(gelap)
    terukur = progres["target_periodik"].notna().tolist()
    status = [Status(s) for s in progres["status"]]
    target = [v if ukur and pd.notna(v) else None for v, ukur in zip(progres["target"], terukur)]
    realisasi = [v if ukur and pd.notna(v) else None for v, ukur in zip(progres["realisasi"], terukur)]
    nilai = [abs(v) for v in target + realisasi if v is not None]
    bagi, akhiran, kata = skala(max(nilai, default=0.0))
    x = [nama_triwulan(q) for q in progres["triwulan"]]

    fig = go.Figure()
    fig.add_bar(
        name=t("progres.grafik_realisasi_sd"), x=x, y=realisasi,
        marker=dict(color=[WARNA_STATUS[s] for s in status],
                    line=dict(color=teks_warna, width=1.5)),
        text=[angka_pendek(v, bagi, akhiran) if v is not None else "" for v in realisasi],
        textposition="auto", insidetextanchor="start", textangle=0,
        insidetextfont=dict(size=17, color=[WARNA_TEKS_STATUS[s] for s in status]),
        outsidetextfont=dict(size=17, color=teks_warna),
        customdata=[label_status(s) for s in status], showlegend=False,
        hovertemplate="%{x}: %{y:,.2f} · %{customdata}<extra>" + t("progres.grafik_realisasi_sd") + "</extra>",
    )
    # the legend's swatch for the bars: their colour is the status, so no one status colour stands for them
    fig.add_scatter(
        name=t("progres.grafik_realisasi_warna"), x=[None], y=[None], mode="markers", hoverinfo="skip",
        marker=dict(symbol="square", size=16, color=latar, line=dict(color=teks_warna, width=1.5)),
    )
    fig.add_scatter(
        name=t("progres.grafik_target_sd"), x=x, y=target, mode="markers",
        marker=dict(symbol="line-ew", size=2 * _SETENGAH_TANDA, color=teks_warna, line=dict(color=teks_warna, width=5)),
        hovertemplate="%{x}: %{y:,.2f}<extra>" + t("progres.grafik_target_sd") + "</extra>",
    )
    # the target's value beside its mark (right of it), on a backing of its own: readable over a bar or the
    # grid, and clear of the realisasi's value, which sits above a short bar when it does not fit inside
    for xi, v in zip(x, target):
        if v is not None:
            fig.add_annotation(
                name="target", x=xi, y=v, text=angka_pendek(v, bagi, akhiran), showarrow=False,
                xanchor="left", yanchor="middle", xshift=_SETENGAH_TANDA + 2,
                font=dict(size=16, color=teks_warna), bgcolor=latar, bordercolor=teks_warna, borderwidth=1,
                borderpad=2,
            )
    label_x = []
    for xi, ukur, c, s in zip(x, terukur, progres["capaian"], status):
        if not ukur:
            bawah = t("progres.tanpa_target")
        elif pd.notna(c):
            bawah = f"{persen(c)} {IKON_STATUS[s]}"
        else:
            bawah = label_status(s)
        label_x.append(f"{xi}<br>{bawah}")

    rendah = min([0.0, *(v for v in target + realisasi if v is not None)])
    puncak = max([0.0, *(v for v in target + realisasi if v is not None)]) or 1.0
    garis = tik(rendah, puncak)
    judul_sumbu = t("progres.sumbu_nilai", satuan=teks_aman.html(satuan or "-", satu_baris=True))
    if akhiran:
        judul_sumbu += f"; {akhiran} = {kata}"
    arah = {Polaritas.MAXIMIZE: "↑", Polaritas.MINIMIZE: "↓", Polaritas.STABILIZE: "↕"}
    judul = f"{arah[polaritas]} {t(f'polaritas.{polaritas.value}')}" if polaritas else ""
    fig = _tata_letak(fig, tinggi, gelap)
    fig.update_layout(
        # the title on a row of its own at the top, the legend on the next: on a narrow screen they never collide
        title=dict(text=judul, x=0, xanchor="left", y=1, yref="container", yanchor="top", pad=dict(t=10),
                   font=dict(size=18, color=teks_warna)),
        yaxis=dict(title=judul_sumbu, tickvals=garis, ticktext=[angka_pendek(v, bagi, akhiran) if v else "0" for v in garis],
                   range=[garis[0], garis[-1] + (garis[-1] - garis[0]) * 0.12]),
        xaxis=dict(tickvals=x, ticktext=label_x),
        legend=dict(y=1.0, x=0, xanchor="left", yanchor="bottom"),
        margin=dict(t=95), showlegend=True,
    )
    return fig


def peta_status(tabel: pd.DataFrame, sampai_triwulan: int = 4) -> go.Figure:
    """A grid IKU × quarter, each cell coloured by status and showing its capaian.

    ``tabel`` has one row per IKU and quarter: kode_iku, nama_iku, triwulan,
    capaian, status (from ``scores.tabel_iku`` per quarter).
    """
    urutan = list(dict.fromkeys(tabel["label"]))  # IKU names: data, shown as text (teks_aman.html)
    kode = {s: i for i, s in enumerate(Status)}
    kolom = [q for q in TRIWULAN if q <= sampai_triwulan]
    z = tabel.pivot(index="label", columns="triwulan", values="status").reindex(index=urutan, columns=kolom)
    teks = tabel.pivot(index="label", columns="triwulan", values="teks").reindex(index=urutan, columns=kolom)
    n = len(Status)
    fig = go.Figure()
    # one layer per text colour (a heatmap has one text colour): the other cells are left empty in it
    for warna_teks in dict.fromkeys(WARNA_TEKS_STATUS.values()):
        milik = [s for s in Status if WARNA_TEKS_STATUS[s] == warna_teks]
        skala = []
        for s, i in kode.items():
            warna = WARNA_STATUS[s if s in milik else milik[0]]  # other statuses never occur in this layer
            skala += [(i / n, warna), ((i + 1) / n, warna)]
        di_lapis = z.map(lambda s, milik=milik: pd.notna(s) and Status(s) in milik).astype(bool)
        lapis = z.map(lambda s: kode[Status(s)] + 0.5 if pd.notna(s) else None).where(di_lapis)
        fig.add_heatmap(
            z=lapis.to_numpy(dtype=float)[::-1],
            x=[nama_triwulan(q) for q in kolom], y=[teks_aman.html(u, satu_baris=True) for u in urutan[::-1]],
            text=teks.where(di_lapis, "").to_numpy()[::-1], texttemplate="%{text}",
            textfont=dict(size=16, color=warna_teks),
            colorscale=skala, zmin=0, zmax=n, showscale=False, xgap=3, ygap=3,
            hovertemplate="%{y} · %{x}: %{text}<extra></extra>", hoverongaps=False,
        )
    fig = _tata_letak(fig, max(260, 44 * len(urutan) + 80))
    fig.update_xaxes(side="top")
    fig.update_yaxes(tickfont=dict(size=15, color="#111827"))
    return fig


def nko_sub_unit(tabel: pd.DataFrame) -> go.Figure:
    """The direct sub-units of a unit as horizontal bars of their NKO, lowest at the top, each in the colour
    of its light and saying its NKO and light counts; ``customdata`` carries the unit code (a click opens it).

    ``tabel``: ``scores.tabel_sub_unit``. A unit without a computable NKO gets no bar and says "—".
    """
    urut = tabel.assign(_nko=tabel["nko"].fillna(-1.0)).sort_values("_nko", kind="stable")
    # plotly draws the first category at the bottom: reversed, the lowest NKO is read first
    urut = urut.iloc[::-1]
    teks = []
    for r in urut.to_dict("records"):
        rincian = "  ".join(f"{r[s.value]} {IKON_STATUS[s]}" for s in Status if r[s.value])
        nilai = angka(r["nko"], tetap=True) if pd.notna(r["nko"]) else "—"
        teks.append(f"<b>{nilai}</b> · {rincian}")
    fig = go.Figure(go.Bar(
        x=urut["nko"].fillna(0.0), y=[teks_aman.html(n, satu_baris=True) for n in urut["nama_unit"]], orientation="h",
        customdata=urut["kode_unit"],
        marker=dict(color=[WARNA_STATUS[Status(s)] for s in urut["status"]], line=dict(color="#111827", width=1)),
        text=teks, textposition="outside", cliponaxis=False, textfont=dict(size=16),
        hovertemplate="%{y}: %{text}<extra></extra>",
    ))
    atas = max(120.0, float(urut["nko"].max()) if urut["nko"].notna().any() else 120.0)
    fig = _tata_letak(fig, max(220, 46 * len(urut) + 90))
    fig.update_xaxes(range=[0, atas * 1.55], title_text=t("kolom.nko"), showgrid=True, gridcolor="#e5e7eb")
    fig.update_yaxes(tickfont=dict(size=16, color="#111827"), ticksuffix="  ")  # a gap between name and bar
    fig.update_layout(margin=dict(t=20), showlegend=False, clickmode="event+select", dragmode=False)
    return fig
