"""Plotly figure builders: scored tables in, figures out. No Streamlit here.

Colours are the traffic-light colours of ``kinerja.texts``; every coloured
mark also carries the status word, so the chart reads on a washed-out
projector and for colour-blind viewers.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kinerja.texts import IKON_STATUS, WARNA_STATUS, angka, label_status, nama_triwulan, t
from kinerja_core.model import TRIWULAN, Status

WARNA_TARGET = "#9aa5b1"
WARNA_REALISASI = "#1f4e79"
HURUF = dict(family="Source Sans Pro, Arial, sans-serif", size=18)


def _tata_letak(fig: go.Figure, tinggi: int, gelap: bool = False) -> go.Figure:
    teks, latar, grid = ("#f9fafb", "#0b1220", "#334155") if gelap else ("#111827", "white", "#e5e7eb")
    fig.update_layout(
        height=tinggi, font=dict(HURUF, color=teks), margin=dict(l=20, r=20, t=50, b=20), plot_bgcolor=latar,
        paper_bgcolor=latar, bargap=0.25, separators=",.",  # Indonesian decimals on the axes too
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0, font=dict(size=18, color=teks)),
    )
    fig.update_xaxes(tickfont=dict(size=18, color=teks), automargin=True)
    fig.update_yaxes(gridcolor=grid, zerolinecolor="#9ca3af", tickfont=dict(size=16, color=teks), automargin=True,
                     title_font=dict(size=17, color=teks))
    return fig


def progres_iku(progres: pd.DataFrame, satuan: str, *, gelap: bool = False) -> go.Figure:
    """Year-to-date target vs realisasi by quarter (bars) and capaian (line, right axis).

    ``progres`` is ``scores.tabel_progres``: one row per quarter. Each capaian
    marker takes its status colour and is labelled with the value and the word.
    """
    x = [nama_triwulan(q) for q in progres["triwulan"]]
    fig = go.Figure()
    fig.add_bar(name=t("progres.grafik_target"), x=x, y=progres["target"], marker_color=WARNA_TARGET,
                text=[angka(v) if pd.notna(v) else "" for v in progres["target"]], textposition="outside")
    fig.add_bar(name=t("progres.grafik_realisasi"), x=x, y=progres["realisasi"], marker_color=WARNA_REALISASI,
                text=[angka(v) if pd.notna(v) else "" for v in progres["realisasi"]], textposition="outside")
    status = [Status(s) for s in progres["status"]]
    label = [
        f"{angka(c, tetap=True)}% {IKON_STATUS[s]}" if pd.notna(c) else label_status(s)
        for c, s in zip(progres["capaian"], status)
    ]
    fig.add_scatter(
        name=t("progres.grafik_capaian"), x=x, y=progres["capaian"], yaxis="y2", mode="lines+markers+text",
        line=dict(color="#374151", width=3, dash="dot"),
        marker=dict(size=22, color=[WARNA_STATUS[s] for s in status], line=dict(color="white", width=2)),
        text=label, textposition="top center", textfont=dict(size=18),
        customdata=[label_status(s) for s in status],
        hovertemplate="%{x}: %{y:.2f}% · %{customdata}<extra></extra>",
    )
    fig.update_layout(
        barmode="group",
        yaxis=dict(title=t("progres.sumbu_nilai", satuan=satuan or "-"), rangemode="tozero"),
        yaxis2=dict(title=t("progres.sumbu_capaian"), overlaying="y", side="right", range=[0, 140],
                    tickmode="linear", tick0=0, dtick=20, showgrid=False),
    )
    # the green threshold on the capaian axis, labelled so nobody reads it against the value axis
    fig.add_hline(y=100, yref="y2", line=dict(color=WARNA_STATUS[Status.HIJAU], width=2, dash="dash"),
                  annotation=dict(text=t("progres.garis_target"), font=dict(size=15, color=WARNA_STATUS[Status.HIJAU]),
                                  xanchor="right", x=1, yanchor="bottom"))
    return _tata_letak(fig, 480, gelap)


def peta_status(tabel: pd.DataFrame, sampai_triwulan: int = 4) -> go.Figure:
    """A grid IKU × quarter, each cell coloured by status and showing its capaian.

    ``tabel`` has one row per IKU and quarter: kode_iku, nama_iku, triwulan,
    capaian, status (from ``scores.tabel_iku`` per quarter).
    """
    urutan = list(dict.fromkeys(tabel["label"]))
    kode = {s: i for i, s in enumerate(Status)}
    kolom = [q for q in TRIWULAN if q <= sampai_triwulan]
    z = tabel.pivot(index="label", columns="triwulan", values="status").reindex(index=urutan, columns=kolom)
    teks = tabel.pivot(index="label", columns="triwulan", values="teks").reindex(index=urutan, columns=kolom)
    n = len(Status)
    skala = []
    for s, i in kode.items():
        skala += [(i / n, WARNA_STATUS[s]), ((i + 1) / n, WARNA_STATUS[s])]
    fig = go.Figure(go.Heatmap(
        z=z.map(lambda s: kode[Status(s)] + 0.5).to_numpy()[::-1],
        x=[nama_triwulan(q) for q in kolom], y=urutan[::-1],
        text=teks.to_numpy()[::-1], texttemplate="%{text}", textfont=dict(size=16, color="white"),
        colorscale=skala, zmin=0, zmax=n, showscale=False, xgap=3, ygap=3,
        hovertemplate="%{y} · %{x}: %{text}<extra></extra>",
    ))
    fig = _tata_letak(fig, max(260, 44 * len(urutan) + 80))
    fig.update_xaxes(side="top")
    fig.update_yaxes(tickfont=dict(size=15, color="#111827"))
    return fig
