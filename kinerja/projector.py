"""The projector look of the Dialog page: two themes and the large-type blocks of each screen.

Blocks are HTML built here from numbers and fixed words; every piece of user
text (IKU names, kendala, PIC) is escaped, so it shows as text, never as markup.
Key figures are 3–6 times body size; the light is always colour, shape and word.
"""

from __future__ import annotations

import html

import pandas as pd

from kinerja.dialog import Ringkasan, SlideIku
from kinerja.texts import (
    IKON_STATUS, WARNA_STATUS, WARNA_TEKS_STATUS, angka, label_status, nama_status, nama_triwulan, t,
)
from kinerja_core.model import Status

TEMA = {
    "terang": {"latar": "#ffffff", "teks": "#111827", "redup": "#4b5563", "garis": "#d1d5db", "panel": "#f3f4f6"},
    "gelap": {"latar": "#0b1220", "teks": "#f9fafb", "redup": "#cbd5e1", "garis": "#334155", "panel": "#1e293b"},
}


def css(gelap: bool, tanpa_sidebar: bool = False) -> str:
    """Page CSS for the projector: Streamlit's chrome hidden (the sidebar too, on request), high contrast, large type."""
    w = TEMA["gelap" if gelap else "terang"]
    sidebar = '[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}' if tanpa_sidebar else ""
    return f"""
<style>
  {sidebar}
  header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], footer {{display: none;}}
  [data-testid="stAppViewContainer"], [data-testid="stMain"] {{background: {w['latar']}; color: {w['teks']};}}
  [data-testid="stMainBlockContainer"] {{padding-top: 1.2rem; max-width: 100%;}}
  [data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,
  [data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] summary {{color: {w['teks']};}}
  [data-testid="stMain"] h3 {{font-size: 1.9rem;}}
  .dko-posisi {{text-align: center; font-size: 1.6rem; font-weight: 700; color: {w['redup']};}}
  .dko-judul {{font-size: 2.6rem; font-weight: 800; line-height: 1.15; margin: 0.3rem 0 0.2rem 0;}}
  .dko-sub {{font-size: 1.5rem; color: {w['redup']}; margin-bottom: 0.8rem;}}
  .dko-baris {{display: flex; gap: 1.2rem; align-items: stretch; flex-wrap: wrap; margin-bottom: 0.8rem;}}
  .dko-angka {{font-size: 6rem; font-weight: 800; line-height: 1;}}
  .dko-label {{font-size: 1.6rem; font-weight: 700;}}
  .dko-kotak {{border-radius: 0.8rem; padding: 1rem 1.4rem; background: {w['panel']};}}
  .dko-status {{border-radius: 0.8rem; padding: 1rem 1.4rem; font-size: 3.6rem; font-weight: 800;
               line-height: 1.1; display: flex; align-items: center;}}
  .dko-jumlah {{font-size: 3rem; font-weight: 800; margin: 0.2rem 0 0.8rem 0;}}
  .dko-tabel {{width: 100%; border-collapse: collapse; font-size: 1.5rem;}}
  .dko-tabel th, .dko-tabel td {{border-bottom: 2px solid {w['garis']}; padding: 0.45rem 0.6rem; text-align: right;}}
  .dko-tabel th:first-child, .dko-tabel td:first-child {{text-align: left;}}
  .dko-tabel th {{color: {w['redup']}; font-weight: 700;}}
  .dko-sel {{font-weight: 800; border-radius: 0.4rem; padding: 0.1rem 0.5rem; white-space: nowrap;}}
  .dko-status .dko-label {{color: inherit;}}
  .dko-cakupan {{font-size: 1.35rem; font-weight: 600; color: {w['redup']}; margin-top: 0.3rem;}}
  .dko-lingkup {{font-size: 1.35rem; color: {w['redup']}; margin: -0.6rem 0 0.8rem 0;}}
  .st-key-dialog_panah_wadah {{display: none;}}
  /* the slides show once the arrow keys are heard (ui.dengar_panah); after 3 s regardless, should scripts fail */
  html:not([data-kinerja-panah]) [data-testid="stMainBlockContainer"] {{
      opacity: 0; animation: dko-tampil 0s linear 3s forwards;}}
  @keyframes dko-tampil {{to {{opacity: 1;}}}}
  .st-key-dialog_sebelumnya button, .st-key-dialog_berikutnya button {{min-height: 3.2rem;}}
  .stButton button, .stDownloadButton button, [data-testid="stButtonGroup"] button {{
      background: {w['panel']}; color: {w['teks']}; border-color: {w['garis']};}}
  .stButton button p, .stDownloadButton button p, [data-testid="stButtonGroup"] button p {{color: {w['teks']};}}
  [data-testid="stButtonGroup"] button[aria-checked="true"] {{outline: 3px solid {w['teks']};}}
  .stButton button:disabled {{opacity: 0.35;}}
  .st-key-dialog_sebelumnya button p, .st-key-dialog_berikutnya button p {{font-size: 1.4rem; font-weight: 700;}}
  .dko-daftar, .dko-daftar li {{font-size: 1.5rem; line-height: 1.5;}}
  .dko-daftar {{padding-left: 1.2rem;}}
  .dko-catatan, .dko-catatan p, .dko-catatan li {{font-size: 1.45rem; line-height: 1.45;}}
  .dko-catatan b {{color: {w['redup']};}}
</style>
"""


def _e(teks: object) -> str:
    return html.escape(str(teks))


def _gaya_status(status: Status) -> str:
    return f"background:{WARNA_STATUS[status]}; color:{WARNA_TEKS_STATUS[status]}"


def _sel_status(status: Status, isi: str | None = None) -> str:
    return f'<span class="dko-sel" style="{_gaya_status(status)}">{_e(isi or label_status(status))}</span>'


def ringkasan(r: Ringkasan, jumlah: str) -> str:
    """The summary screen's head: title, NKO in large type, the status count."""
    nko = angka(r.nko.nilai, tetap=True) if r.nko.nilai is not None else t("ringkasan.nko_kosong")
    lingkup = _e(t("cakupan.lingkup_jumlah", lingkup=r.lingkup))
    kotak = "".join(
        f'<div class="dko-kotak" data-status="{s.value}" style="border-left: 0.8rem solid {WARNA_STATUS[s]}">'
        f'<div class="dko-angka">{n}</div><div class="dko-label">{IKON_STATUS[s]} {nama_status(s)}</div></div>'
        for s, n in r.jumlah.menurut_status().items()
    )
    return (
        f'<div class="dko-judul">{t("dialog.judul")}</div>'
        f'<div class="dko-sub">{_e(r.nama_unit)} · {t("filter.tahun")} {r.tahun} · s.d. {nama_triwulan(r.triwulan)}</div>'
        f'<div class="dko-jumlah" data-testid="dialog-jumlah">{_e(jumlah)}</div>'
        f'<div class="dko-lingkup" data-testid="dialog-lingkup">{lingkup}</div>'
        f'<div class="dko-baris"><div class="dko-kotak" data-testid="dialog-nko" '
        f'style="border-left: 0.8rem solid {WARNA_STATUS[r.nko.status]}">'
        f'<div class="dko-angka">{nko}</div>'
        f'<div class="dko-label">{_e(r.judul_nko)} · {label_status(r.nko.status)}</div>'
        f'<div class="dko-cakupan">{_e(r.cakupan_nko)}</div>'
        f"</div>{kotak}</div>"
    )


def per_perspektif(tabel: pd.DataFrame) -> str:
    kepala = "".join(f"<th>{_sel_status(s)}</th>" for s in Status)
    baris = "".join(
        f"<tr><td>{_e(r['perspektif'])}</td>" + "".join(f"<td>{r[s.value]}</td>" for s in Status) + "</tr>"
        for r in tabel.to_dict("records")
    )
    return f'<table class="dko-tabel"><tr><th>{t("kolom.perspektif")}</th>{kepala}</tr>{baris}</table>'


def perhatian(tabel: pd.DataFrame) -> str:
    if tabel.empty:
        return f'<p class="dko-daftar">{t("dialog.semua_hijau")}</p>'
    butir = []
    for r in tabel.to_dict("records"):
        status = Status(r["status"])
        rincian = f" ({angka(r['capaian'], tetap=True)} %)" if pd.notna(r["capaian"]) else ""
        sebab = f" — {_e(r['keterangan'])}" if r["keterangan"] else ""
        butir.append(f"<li>{_sel_status(status)} <b>{_e(r['kode_iku'])}</b> {_e(r['nama_iku'])}{rincian}{sebab}</li>")
    return f'<ul class="dko-daftar">{"".join(butir)}</ul>'


def judul_slide(s: SlideIku, tw: str) -> str:
    """An IKU screen's head: name, capaian and the light in large type, year-to-date target and realisasi."""
    h = s.hasil
    capaian = (f"{angka(h.capaian.nilai, tetap=True)} %" if h.capaian.nilai is not None
               else f'<span style="font-size:3rem">{t("dialog.belum_ada")}</span>')
    def nilai(v: float | None) -> str:
        if v is None:
            return t("dialog.belum_ada")
        return angka(v) + (f" {_e(s.iku.satuan)}" if s.iku.satuan else "")

    sebab = f'<div class="dko-label">{_e(s.keterangan)}</div>' if s.keterangan else ""
    return (
        f'<div class="dko-judul">{_e(s.iku.kode_iku)} · {_e(s.iku.nama_iku)}</div>'
        f'<div class="dko-sub">{_e(s.nama_unit)} · {_e(s.iku.perspektif.value)}</div>'
        f'<div class="dko-baris">'
        f'<div class="dko-kotak"><div class="dko-angka" data-testid="dialog-capaian">{capaian}</div>'
        f'<div class="dko-label">{t("dialog.capaian")}</div></div>'
        f'<div class="dko-status" data-status="{h.status.value}" style="{_gaya_status(h.status)}">'
        f"<div>{label_status(h.status)}{sebab}</div></div>"
        f'<div class="dko-kotak"><div class="dko-label">{t("dialog.target_sd", tw=tw)}</div>'
        f'<div class="dko-angka" style="font-size:3.4rem">{nilai(h.sd_triwulan.target)}</div>'
        f'<div class="dko-label">{t("dialog.realisasi_sd", tw=tw)}</div>'
        f'<div class="dko-angka" style="font-size:3.4rem">{nilai(h.sd_triwulan.realisasi)}</div></div>'
        f"</div>"
    )


def progres(tabel: pd.DataFrame) -> str:
    """Quarter by quarter: the periodic and the year-to-date numbers, capaian and light."""
    kolom = [t("kolom.triwulan"), t("progres.periodik_target"), t("progres.periodik_realisasi"), t("kolom.target"),
             t("kolom.realisasi"), t("kolom.capaian"), t("kolom.status")]
    baris = "".join(
        f"<tr><td>{nama_triwulan(int(r['triwulan']))}</td><td>{angka(r['target_periodik'])}</td>"
        f"<td>{angka(r['realisasi_periodik'])}</td><td>{angka(r['target'])}</td><td>{angka(r['realisasi'])}</td>"
        f"<td>{angka(r['capaian'], tetap=True)}</td><td>{_sel_status(Status(r['status']))}</td></tr>"
        for r in tabel.to_dict("records")
    )
    return f'<table class="dko-tabel"><tr>{"".join(f"<th>{k}</th>" for k in kolom)}</tr>{baris}</table>'


def catatan(s: SlideIku, tw: str) -> str:
    """This quarter's kendala, rencana aksi, PIC and due date; earlier quarters' notes below, smaller."""
    c = s.catatan_triwulan_ini
    if not any(pd.notna(c[k]) and c[k] != "" for k in ("kendala", "rencana_aksi", "pic", "tenggat")):
        isi = f"<p>{t('dialog.catatan_kosong', tw=tw)}</p>"
    else:
        isi = (
            f"<p><b>{t('kolom.kendala')}:</b> {_e(c['kendala'] or '—')}</p>"
            f"<p><b>{t('kolom.rencana_aksi')}:</b> {_e(c['rencana_aksi'] or '—')}</p>"
            f"<p><b>PIC:</b> {_e(c['pic'] or '—')} · <b>{t('dialog.tenggat')}:</b> {angka(c['tenggat'])}</p>"
        )
    lalu = s.catatan[s.catatan["triwulan"] < s.hasil.sd_triwulan.triwulan]
    if not lalu.empty:
        isi += f"<p><b>{t('dialog.catatan_sebelumnya')}</b></p><ul>" + "".join(
            f"<li>{nama_triwulan(int(r['triwulan']))}: {_e(r['kendala'] or '—')} → {_e(r['rencana_aksi'] or '—')}</li>"
            for r in lalu.to_dict("records")
        ) + "</ul>"
    return f'<div class="dko-catatan" data-testid="dialog-catatan">{isi}</div>'
