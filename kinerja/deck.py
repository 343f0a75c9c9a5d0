"""The minutes of a Dialog Kinerja as a PowerPoint deck (python-pptx).

One summary slide, then one slide per IKU with its chart as a picture, the
numbers by quarter and the notes. Charts are drawn by plotly through kaleido,
which drives the machine's Chromium; without one the slide says so instead of
failing the whole download.
"""

from __future__ import annotations

import io
import threading
import warnings

import kaleido
import pandas as pd
import plotly.graph_objects as go
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from kinerja import charts, scores
from kinerja.dialog import Dialog, SlideIku
from kinerja.exporting import netralkan
from kinerja.texts import WARNA_STATUS, WARNA_TEKS_STATUS, angka, label_status, nama_status, nama_triwulan, t
from kinerja_core.model import Status

LEBAR, TINGGI = Inches(13.333), Inches(7.5)
_SATU_PENGGAMBAR = threading.Lock()
"""kaleido keeps one browser per process: one deck is drawn at a time."""


def _rgb(warna: str) -> RGBColor:
    return RGBColor.from_string(warna.lstrip("#").upper())


def _teks(slide, kiri, atas, lebar, tinggi, isi: str, ukuran: int, *, tebal: bool = False,
          warna: str = "#111827") -> None:
    kotak = slide.shapes.add_textbox(kiri, atas, lebar, tinggi).text_frame
    kotak.word_wrap = True
    paragraf = kotak.paragraphs[0]
    # text from users goes in as text; neutralised so a pasted "=..." never looks like a formula either
    paragraf.text = str(netralkan(isi))
    paragraf.font.size = Pt(ukuran)
    paragraf.font.bold = tebal
    paragraf.font.color.rgb = _rgb(warna)


def _label_status(slide, kiri, atas, lebar, tinggi, status: Status, isi: str, ukuran: int) -> None:
    """A box filled with the status colour, its text in the colour that reads on it (never text in the colour)."""
    kotak = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, kiri, atas, lebar, tinggi)
    kotak.fill.solid()
    kotak.fill.fore_color.rgb = _rgb(WARNA_STATUS[status])
    kotak.line.fill.background()
    bingkai = kotak.text_frame
    bingkai.word_wrap = True
    bingkai.vertical_anchor = MSO_ANCHOR.MIDDLE
    paragraf = bingkai.paragraphs[0]
    paragraf.text = str(netralkan(isi))
    paragraf.alignment = PP_ALIGN.LEFT
    paragraf.font.size = Pt(ukuran)
    paragraf.font.bold = True
    paragraf.font.color.rgb = _rgb(WARNA_TEKS_STATUS[status])


def _tabel(slide, kiri, atas, lebar, baris: list[list[str]], ukuran: int = 14) -> None:
    bentuk = slide.shapes.add_table(len(baris), len(baris[0]), kiri, atas, lebar, Emu(int(Inches(0.4)) * len(baris)))
    for i, isi_baris in enumerate(baris):
        for j, isi in enumerate(isi_baris):
            sel = bentuk.table.cell(i, j)
            sel.text = str(netralkan(isi))
            for p in sel.text_frame.paragraphs:
                p.font.size = Pt(ukuran)
                p.font.bold = i == 0


def _gambar(fig: go.Figure) -> bytes | None:
    """The chart as PNG, or None when no browser is available to draw it."""
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")  # expected with one server
            return fig.to_image(format="png", width=1200, height=560)
    except (RuntimeError, OSError, ValueError):  # kaleido: no Chrome/Chromium on this machine
        return None


def _slide_ringkasan(deck: Presentation, dialog: Dialog) -> None:
    r = dialog.ringkasan
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _teks(slide, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), t("dialog.judul"), 32, tebal=True)
    _teks(slide, Inches(0.5), Inches(1.0), Inches(12.3), Inches(0.5),
          t("ringkasan.sub", unit=r.nama_unit, tahun=r.tahun, romawi=nama_triwulan(r.triwulan).split()[-1]), 18)
    nko = angka(r.nko.nilai, tetap=True) if r.nko.nilai is not None else t("ringkasan.nko_kosong")
    _teks(slide, Inches(0.5), Inches(1.5), Inches(4), Inches(0.9), f"NKO {nko}", 40, tebal=True)
    _label_status(slide, Inches(0.5), Inches(2.35), Inches(1.9), Inches(0.45), r.nko.status,
                  label_status(r.nko.status), 16)
    _teks(slide, Inches(2.5), Inches(2.3), Inches(10.3), Inches(0.6), f"{r.judul_nko}: {r.cakupan_nko}", 14)
    _teks(slide, Inches(4.8), Inches(1.55), Inches(8), Inches(0.8), ringkas_jumlah(dialog), 26, tebal=True)
    kolom = [t("kolom.perspektif"), *(nama_status(s) for s in Status)]
    isi = [[p["perspektif"], *(str(p[s.value]) for s in Status)] for p in r.per_perspektif.to_dict("records")]
    _tabel(slide, Inches(0.5), Inches(3.1), Inches(6.3), [kolom, *isi])
    perhatian = [f"{p['kode_iku']} {p['nama_iku']}: {label_status(Status(p['status']))}"
                 + (f" ({angka(p['capaian'], tetap=True)} %)" if pd.notna(p["capaian"]) else "")
                 + (f" — {p['keterangan']}" if p["keterangan"] else "")
                 for p in r.perhatian.to_dict("records")]
    _teks(slide, Inches(7.1), Inches(3.1), Inches(5.8), Inches(4),
          t("dialog.perhatian") + "\n" + ("\n".join(perhatian) or t("dialog.semua_hijau")), 14)


def _slide_iku(deck: Presentation, s: SlideIku, jumlah: int) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    _teks(slide, Inches(0.5), Inches(0.25), Inches(10.5), Inches(0.9), f"{s.iku.kode_iku} · {s.iku.nama_iku}", 26,
          tebal=True)
    _teks(slide, Inches(11.2), Inches(0.3), Inches(1.8), Inches(0.5), f"{s.nomor} / {jumlah}", 16)
    _teks(slide, Inches(0.5), Inches(1.05), Inches(8), Inches(0.4), s.nama_unit, 14)
    capaian = f"{angka(s.hasil.capaian.nilai, tetap=True)} %" if s.hasil.capaian.nilai is not None else "—"
    _teks(slide, Inches(0.5), Inches(1.45), Inches(3.6), Inches(1), capaian, 40, tebal=True)
    _label_status(slide, Inches(4.2), Inches(1.55), Inches(8.6), Inches(0.8), s.hasil.status,
                  label_status(s.hasil.status) + (f" — {s.keterangan}" if s.keterangan else ""), 22)
    png = _gambar(charts.progres_iku(s.progres, s.iku.satuan, s.iku.polaritas))
    if png is not None:
        slide.shapes.add_picture(io.BytesIO(png), Inches(0.4), Inches(2.5), width=Inches(7.6))
    else:
        _teks(slide, Inches(0.5), Inches(3.5), Inches(7), Inches(1), t("dialog.tanpa_grafik"), 16)
    baris = [[t("kolom.triwulan"), t("progres.periodik_target"), t("progres.periodik_realisasi"),
              t("kolom.capaian")]]
    baris += [[nama_triwulan(int(p["triwulan"])), angka(p["target_periodik"]), angka(p["realisasi_periodik"]),
               angka(p["capaian"], tetap=True)] for p in s.progres.to_dict("records")]
    _tabel(slide, Inches(8.2), Inches(2.6), Inches(4.8), baris, ukuran=13)
    c = s.catatan_triwulan_ini
    catatan = [f"{t('kolom.kendala')}: {c['kendala'] or '—'}", f"{t('kolom.rencana_aksi')}: {c['rencana_aksi'] or '—'}",
               f"PIC: {c['pic'] or '—'} · {t('dialog.tenggat')}: {angka(c['tenggat'])}"]
    _teks(slide, Inches(8.2), Inches(5.0), Inches(4.8), Inches(2.3), "\n".join(catatan), 13)


def ringkas_jumlah(dialog: Dialog) -> str:
    """'16 IKU: 15 hijau, 1 abu-abu'."""
    return scores.ringkas_jumlah(dialog.ringkasan.jumlah)


def buat_deck(dialog: Dialog) -> bytes:
    """The whole deck as .pptx bytes: 1 summary slide + 1 slide per IKU."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = LEBAR, TINGGI
    with _SATU_PENGGAMBAR:
        server = _mulai_penggambar()
        try:
            _slide_ringkasan(deck, dialog)
            for s in dialog.slide:
                _slide_iku(deck, s, len(dialog.slide))
        finally:
            if server:
                kaleido.stop_sync_server(silence_warnings=True)
    keluaran = io.BytesIO()
    deck.save(keluaran)
    return keluaran.getvalue()


def _mulai_penggambar() -> bool:
    """One browser for all the deck's charts (about 0.2 s a chart instead of 3 s); False when none starts."""
    try:
        kaleido.start_sync_server(silence_warnings=True)
        return True
    except (RuntimeError, OSError, ValueError):
        return False
