"""The projector look of the Dialog page: two themes and the large-type blocks of each screen.

Blocks are HTML built here from numbers and fixed words; every piece of user
text (IKU names, kendala, PIC, the meeting's fields) goes through ``teks_aman.html``,
so it shows as text, never as markup, its line breaks as line breaks.
Key figures are 3–6 times body size; the light is always colour, shape and word.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

import pandas as pd

from kinerja import teks_aman
from kinerja.rapat.dialog import Rapat, Ringkasan, SlideIku, ke_depan
from kinerja.texts import (
    IKON_STATUS,
    WARNA_STATUS,
    WARNA_TEKS_STATUS,
    angka,
    jelaskan_capaian,
    label_status,
    legenda_tahap,
    nama_status,
    nama_tahap,
    nama_triwulan,
    nilai_satuan,
    persen,
    t,
    tanggal_panjang,
    tn,
)
from kinerja_core.model import Status

TEMA = {
    "terang": {"latar": "#ffffff", "teks": "#111827", "redup": "#4b5563", "garis": "#d1d5db", "panel": "#f3f4f6",
               "peringatan": "#b91c1c"},
    "gelap": {"latar": "#0b1220", "teks": "#f9fafb", "redup": "#cbd5e1", "garis": "#334155", "panel": "#1e293b",
              "peringatan": "#fca5a5"},
}


def css(gelap: bool, tanpa_sidebar: bool = False) -> str:
    """Page CSS for the projector: Streamlit's chrome hidden (the sidebar too, on request), high contrast, large type."""
    w = TEMA["gelap" if gelap else "terang"]
    sidebar = '[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"] {display: none;}' if tanpa_sidebar else ""
    return f"""
<style>
  {sidebar}
  /* one design for 1920x1080, scaled as a slide is: every size below is in rem, and a rem shrinks with the
     screen (16 px at 1920x1080, about 10.7 px at 1280x720), so a 1366x768 or 1280x720 projector shows the
     same screen, smaller, never cut, wrapped or below the fold */
  html {{font-size: min(16px, {100 * 16 / 1080:.4f}vh, {100 * 16 / 1920:.4f}vw);}}
  /* the chart takes the same share of the screen (plotly redraws to its box) */
  .st-key-dialog_grafik {{height: 23.75rem;}}
  header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"], footer {{display: none;}}
  [data-testid="stAppViewContainer"], [data-testid="stMain"] {{background: {w['latar']}; color: {w['teks']};}}
  [data-testid="stMainBlockContainer"] {{padding-top: 0.8rem; padding-bottom: 1rem; max-width: 100%;}}
  [data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3,
  [data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] summary {{color: {w['teks']};}}
  [data-testid="stMain"] h3 {{font-size: 1.6rem; padding: 0.2rem 0 0.4rem 0;}}
  .dko-posisi {{text-align: center; font-size: 1.6rem; font-weight: 700; color: {w['redup']}; line-height: 1.2;}}
  .dko-posisi small {{display: block; font-size: 0.95rem; font-weight: 400;}}
  /* a long IKU name takes two lines at most (the whole name in its tooltip): the slide keeps to one screen */
  .dko-judul {{font-size: 2.4rem; font-weight: 800; line-height: 1.15; margin: 0.1rem 0 0.1rem 0;
              display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden;}}
  .dko-sub {{font-size: 1.4rem; color: {w['redup']}; margin-bottom: 0.6rem;}}
  .dko-baris {{display: flex; gap: 1rem; align-items: stretch; flex-wrap: wrap; margin-bottom: 0.6rem;}}
  .dko-angka {{font-size: 4.6rem; font-weight: 800; line-height: 1; white-space: nowrap;}}
  .dko-angka.sedang {{font-size: 3rem;}}
  .dko-label {{font-size: 1.45rem; font-weight: 700;}}
  .dko-kotak {{border-radius: 0.8rem; padding: 0.8rem 1.2rem; background: {w['panel']};}}
  .dko-status {{border-radius: 0.8rem; padding: 0.8rem 1.2rem; font-size: 3.2rem; font-weight: 800;
               line-height: 1.1; display: flex; align-items: center;}}
  .dko-jumlah {{font-size: 2.6rem; font-weight: 800; margin: 0.1rem 0 0.4rem 0;}}
  .dko-tabel {{width: 100%; border-collapse: collapse; font-size: 1.45rem;}}
  .dko-tabel.rapat {{font-size: 1.25rem;}}
  .dko-tabel th, .dko-tabel td {{border-bottom: 2px solid {w['garis']}; padding: 0.35rem 0.5rem; text-align: right;}}
  .dko-tabel.rapat th, .dko-tabel.rapat td {{padding: 0.25rem 0.4rem;}}
  .dko-tabel th:first-child, .dko-tabel td:first-child {{text-align: left;}}
  .dko-tabel th {{color: {w['redup']}; font-weight: 700;}}
  .dko-sel {{font-weight: 800; border-radius: 0.4rem; padding: 0.1rem 0.5rem; white-space: nowrap;}}
  .dko-status .dko-label {{color: inherit;}}
  .dko-cakupan {{font-size: 1.3rem; font-weight: 600; color: {w['redup']}; margin-top: 0.3rem;}}
  .dko-lingkup {{font-size: 1.3rem; color: {w['redup']}; margin: -0.3rem 0 0.6rem 0;}}
  .dko-rapat {{font-size: 1.3rem; color: {w['redup']}; margin: -0.4rem 0 0.5rem 0;}}
  /* the arahan fill the screen down to the form's expander: 15 of about 80 characters, each on one line with its
     PIC and tenggat after it (smaller, dimmer; the pair moves to the next line whole when it does not fit) */
  .dko-arahan {{padding-left: 2.6rem; max-height: 46rem; overflow-y: auto;}}
  .dko-arahan li {{font-size: 1.75rem; line-height: 1.3; margin-bottom: 0.35rem;}}
  .dko-arahan-rincian {{display: inline-block; margin-left: 1.2rem; font-size: 1.35rem; font-weight: 600;
                       color: {w['redup']};}}
  .st-key-dialog_panah_wadah {{display: none;}}
  /* the slides show once the arrow keys are heard (panah.dengar_panah); after 3 s regardless, should scripts fail */
  html:not([data-kinerja-panah]) [data-testid="stMainBlockContainer"] {{
      opacity: 0; animation: dko-tampil 0s linear 3s forwards;}}
  @keyframes dko-tampil {{to {{opacity: 1;}}}}
  .st-key-dialog_sebelumnya button, .st-key-dialog_berikutnya button {{min-height: 3.2rem;}}
  .stButton button, .stDownloadButton button, [data-testid="stButtonGroup"] button, [data-testid="stPopover"] button {{
      background: {w['panel']}; color: {w['teks']}; border-color: {w['garis']};}}
  .stButton button p, .stDownloadButton button p, [data-testid="stButtonGroup"] button p,
  [data-testid="stPopover"] button p, [data-testid="stPopover"] button span {{color: {w['teks']};}}
  [data-testid="stButtonGroup"] button[aria-checked="true"] {{outline: 3px solid {w['teks']};}}
  /* the chosen theme reads inverted (the text colour as its fill), in either theme: never light on light */
  [data-testid="stButtonGroup"] button[aria-checked="true"], [data-testid="stButtonGroup"] button[aria-checked="true"]:hover
      {{background: {w['teks']} !important; color: {w['latar']} !important;}}  /* over Streamlit's own tint */
  [data-testid="stButtonGroup"] button[aria-checked="true"] p {{color: {w['latar']};}}
  /* a primary button ("Simpan catatan", "Simpan tindak lanjut"): white on the app's blue (9:1), hovered too,
     in both themes; the rule on every <p> above would otherwise paint it dark on dark blue */
  [data-testid="stMain"] button[kind^="primary"], [data-testid="stMain"] button[kind^="primary"]:hover,
  [data-testid="stMain"] button[kind^="primary"]:focus {{background: #1f4e79; border-color: #1f4e79; color: #ffffff;}}
  [data-testid="stMain"] button[kind^="primary"] p, [data-testid="stMain"] button[kind^="primary"] span {{color: #ffffff;}}
  .stButton button:disabled {{opacity: 0.35;}}
  .st-key-dialog_sebelumnya button p, .st-key-dialog_berikutnya button p {{font-size: 1.4rem; font-weight: 700;}}
  .dko-daftar, .dko-daftar li {{font-size: 1.4rem; line-height: 1.45;}}
  .dko-daftar {{padding-left: 1.2rem;}}
  /* the notes keep to their part of the screen: a long text scrolls inside its box, the slide does not */
  .dko-catatan {{max-height: 27rem; overflow-y: auto; margin-bottom: 0.8rem;}}
  .dko-catatan, .dko-catatan p, .dko-catatan li {{font-size: 1.35rem; line-height: 1.4;}}
  .dko-catatan p {{margin-bottom: 0.4rem;}}
  .dko-catatan b {{color: {w['redup']};}}
  .dko-kebutuhan, .dko-kebutuhan p, .dko-tindak-lanjut, .dko-tindak-lanjut li {{font-size: 1.35rem; line-height: 1.4;}}
  .dko-kebutuhan, .dko-tindak-lanjut {{margin-bottom: 0.6rem;}}
  .dko-kebutuhan b {{color: {w['redup']};}}
  .dko-lewat {{color: {w['peringatan']}; font-weight: 700;}}
  .dko-rumus {{font-size: 1.1rem; color: {w['redup']}; margin: -0.4rem 0 0.6rem 0;}}
</style>
"""


def _e(teks: object) -> str:
    """User text inside an HTML block: escaped, line breaks as ``<br>`` (a blank line would end the block)."""
    return teks_aman.html(teks)


def _gaya_status(status: Status) -> str:
    return f"background:{WARNA_STATUS[status]}; color:{WARNA_TEKS_STATUS[status]}"


def _sel_status(status: Status, isi: str | None = None) -> str:
    return f'<span class="dko-sel" style="{_gaya_status(status)}">{_e(isi or label_status(status))}</span>'


def ringkasan(r: Ringkasan, jumlah: str, rapat: Rapat | None = None) -> str:
    """The summary screen's head: title, the meeting's details, NKO in large type, the status count."""
    nko = angka(r.nko.nilai, tetap=True) if r.nko.nilai is not None else t("ringkasan.nko_kosong")
    lingkup = _e(t("cakupan.lingkup_jumlah", lingkup=r.lingkup))
    kotak = "".join(
        f'<div class="dko-kotak" data-status="{s.value}" style="border-left: 0.8rem solid {WARNA_STATUS[s]}">'
        f'<div class="dko-angka">{n}</div><div class="dko-label">{IKON_STATUS[s]} {nama_status(s)}</div></div>'
        for s, n in r.jumlah.menurut_status().items()
    )
    return (
        f'<div class="dko-judul">{t("dialog.judul")}</div>'
        f'<div class="dko-sub">{_e(t("ringkasan.sub", unit=r.nama_unit, tahun=r.tahun, romawi=nama_triwulan(r.triwulan).split()[-1]))}</div>'
        + (f'<div class="dko-rapat" data-testid="dialog-rapat">{_e(baris_rapat(rapat))}</div>'
           if rapat and not rapat.kosong else "")
        + f'<div class="dko-jumlah" data-testid="dialog-jumlah">{_e(jumlah)}</div>'
        f'<div class="dko-lingkup" data-testid="dialog-lingkup">{lingkup}</div>'
        f'<div class="dko-baris"><div class="dko-kotak" data-testid="dialog-nko" '
        f'style="border-left: 0.8rem solid {WARNA_STATUS[r.nko.status]}">'
        f'<div class="dko-angka">{nko}</div>'
        f'<div class="dko-label">{_e(r.judul_nko)} · {label_status(r.nko.status)}</div>'
        f'<div class="dko-cakupan">{_e(r.cakupan_nko)}</div>'
        + (f'<div class="dko-cakupan" data-testid="dialog-nko-tahap">{_e(r.teks_tahap_nko)}</div>'
           if r.teks_tahap_nko else "")
        + f"</div>{kotak}</div>"
        + (f'<div class="dko-lingkup" data-testid="dialog-legenda-tahap">{_e(legenda_tahap())}</div>'
           if r.belum_final is not None else "")
    )


def baris_rapat(rapat: Rapat) -> str:
    """'2 Oktober 2019 · Aula KPPBC Bogor · Pimpinan: Kepala Kantor · 12 peserta' (what was entered)."""
    bagian = [tanggal_panjang(rapat.tanggal) if rapat.tanggal else "", rapat.tempat or "",
              f"{t('kolom.pimpinan')}: {rapat.pimpinan}" if rapat.pimpinan else "",
              tn("dialog.jumlah_peserta", len(rapat.daftar_peserta)) if rapat.daftar_peserta else ""]
    return " · ".join(b for b in bagian if b)


def per_perspektif(tabel: pd.DataFrame) -> str:
    kepala = "".join(f"<th>{_sel_status(s)}</th>" for s in Status)
    baris = "".join(
        f"<tr><td>{_e(r['perspektif'])}</td>" + "".join(f"<td>{r[s.value]}</td>" for s in Status) + "</tr>"
        for r in tabel.to_dict("records")
    )
    return f'<table class="dko-tabel"><tr><th>{t("kolom.perspektif")}</th>{kepala}</tr>{baris}</table>'


BATAS_PERHATIAN = 6
"""IKU listed under "perlu perhatian" on the summary screen; the rest are counted (the slides show them all)."""


def perhatian(tabel: pd.DataFrame, batas: int = BATAS_PERHATIAN) -> str:
    if tabel.empty:
        return f'<p class="dko-daftar">{t("dialog.semua_hijau")}</p>'
    batas = max(batas, int((tabel["status"] == Status.MERAH.value).sum()))  # a merah IKU is never hidden
    butir = []
    for r in tabel.head(batas).to_dict("records"):
        status = Status(r["status"])
        rincian = f" ({persen(r['capaian'])})" if pd.notna(r["capaian"]) else ""
        sebab = f" — {_e(r['keterangan'])}" if r["keterangan"] else ""
        butir.append(f"<li>{_sel_status(status)} <b>{_e(r['kode_iku'])}</b> {_e(r['nama_iku'])}{rincian}{sebab}</li>")
    lebih = f'<p class="dko-daftar">{t("dialog.dan_lainnya", n=len(tabel) - batas)}</p>' if len(tabel) > batas else ""
    return f'<ul class="dko-daftar">{"".join(butir)}</ul>{lebih}'


def judul_slide(s: SlideIku, tw: str, bukti: Sequence[str] = ()) -> str:
    """An IKU screen's head: name, capaian and the light in large type, year-to-date target and realisasi; the
    names of its data dukung files (``bukti``), as text."""
    h = s.hasil
    capaian = (persen(h.capaian.nilai) if h.capaian.nilai is not None
               else f'<span style="font-size:2.6rem">{t("dialog.belum_ada")}</span>')

    def nilai(v: float | None) -> str:
        return t("dialog.belum_ada") if v is None else _e(nilai_satuan(v, s.iku.satuan))

    sebab = f'<div class="dko-label">{_e(s.keterangan)}</div>' if s.keterangan else ""
    nama = f"{s.iku.kode_iku} · {s.iku.nama_iku}"
    # the stage of the IKU's unit-quarter beside its unit: a mark and a word, readable from the back of the room
    tahap = (f' · <span data-testid="dialog-tahap" data-tahap="{s.tahap.value}">'
             f'{_e(t("tahap_layar.tahap_slide", tahap=nama_tahap(s.tahap)))}</span>' if s.tahap else "")
    return (
        f'<div class="dko-judul" title="{teks_aman.atribut(nama)}">{_e(nama)}</div>'
        f'<div class="dko-sub">{_e(s.nama_unit)} · {_e(s.iku.perspektif.value)}{tahap}</div>'
        + (f'<div class="dko-label" data-testid="dialog-bukti">{_e(t("dialog.bukti", daftar=" · ".join(bukti)))}</div>'
           if bukti else "") +
        f'<div class="dko-baris">'
        f'<div class="dko-kotak"><div class="dko-angka" data-testid="dialog-capaian">{capaian}</div>'
        f'<div class="dko-label">{t("dialog.capaian")}</div></div>'
        f'<div class="dko-status" data-status="{h.status.value}" style="{_gaya_status(h.status)}">'
        f"<div>{label_status(h.status)}{sebab}</div></div>"
        f'<div class="dko-kotak"><div class="dko-label">{t("dialog.target_sd", tw=tw)}</div>'
        f'<div class="dko-angka sedang">{nilai(h.sd_triwulan.target)}</div></div>'
        f'<div class="dko-kotak"><div class="dko-label">{t("dialog.realisasi_sd", tw=tw)}</div>'
        f'<div class="dko-angka sedang">{nilai(h.sd_triwulan.realisasi)}</div></div>'
        f"</div>"
        f'<div class="dko-rumus" data-testid="dialog-rumus">{_e(jelaskan_capaian(s.rumus()))}</div>'
        + (f'<div class="dko-rumus" data-testid="dialog-asal">{_e(t("dialog.asal", teks=s.asal))}</div>'
           if s.asal else "")
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
    return f'<table class="dko-tabel rapat"><tr>{"".join(f"<th>{k}</th>" for k in kolom)}</tr>{baris}</table>'


def sampai_akhir_tahun(s: SlideIku) -> str:
    """Where the year stands and is heading (``dialog.ke_depan``), a line each ("Sampai akhir tahun — agar hijau:
    TW IV: jumlah paling sedikit Rp 42,8 miliar; …"); nothing when none applies."""
    baris = "".join(f"<p><b>{_e(label)}</b> — {_e(isi)}</p>" for label, isi in ke_depan(s))
    return f'<div class="dko-kebutuhan" data-testid="dialog-kebutuhan">{baris}</div>' if baris else ""


def catatan(s: SlideIku, tw: str, per: datetime.date) -> str:
    """One box that scrolls on its own, so the slide never does: what the year still needs and where it is heading
    (``sampai_akhir_tahun``), the earlier actions followed up (``tindak_lanjut``, overdue as of ``per``), this
    quarter's kendala, rencana aksi, PIC and due date, and earlier quarters' notes."""
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
    isi = sampai_akhir_tahun(s) + tindak_lanjut(s, per) + isi
    return f'<div class="dko-catatan" data-testid="dialog-catatan">{isi}</div>'


def tindak_lanjut(s: SlideIku, per: datetime.date) -> str:
    """Earlier quarters' rencana aksi this meeting reviews, each with the status it was given (or "belum
    dibahas") and a warning when its tenggat passed before ``per`` (the meeting's date) while still open."""
    if not s.aksi:
        return ""
    butir = []
    for a in s.aksi:
        status = t(f"aksi.{a.status.value}") if a.status else t("aksi.belum")
        lewat = f' <span class="dko-lewat">⚠ {t("aksi.lewat_tenggat")}</span>' if a.lewat_tenggat(per) else ""
        rincian = " · ".join(x for x in (f"PIC {_e(a.pic)}" if a.pic else "",
                                         f"{t('dialog.tenggat')} {angka(a.tenggat)}" if a.tenggat else "") if x)
        catatan = f" — {_e(a.catatan)}" if a.catatan else ""
        butir.append(f"<li>{nama_triwulan(a.triwulan)}: {_e(a.rencana_aksi)}"
                     f"{f' ({rincian})' if rincian else ''} — <b>{status}</b>{lewat}{catatan}</li>")
    return (f'<div class="dko-tindak-lanjut" data-testid="dialog-tindak-lanjut"><p><b>{t("aksi.judul")}</b></p>'
            f'<ul>{"".join(butir)}</ul></div>')


def arahan(rapat: Rapat) -> str:
    """The closing screen: the decisions of the meeting, numbered, in large type."""
    kepala = f'<div class="dko-judul">{t("dialog.arahan")}</div>'
    if not rapat.kosong:
        kepala += f'<div class="dko-sub">{_e(baris_rapat(rapat))}</div>'
    if not rapat.daftar_arahan:
        return kepala + f'<p class="dko-daftar" data-testid="dialog-arahan">{t("dialog.arahan_kosong")}</p>'
    butir = "".join(f"<li>{_e(a.teks)}" + (f'<div class="dko-arahan-rincian">{_e(a.rincian)}</div>' if a.rincian else "")
                    + "</li>" for a in rapat.daftar_arahan)
    return kepala + f'<ol class="dko-arahan" data-testid="dialog-arahan">{butir}</ol>'
