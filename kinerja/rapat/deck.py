"""The minutes of a Dialog Kinerja as a PowerPoint deck (python-pptx).

The meeting's details, the summary, one slide per IKU, then the meeting's arahan. Each IKU slide has a native
PowerPoint chart: the realisasi s.d. TW as columns in their status colours and the target s.d. TW as a line with
markers on the same value axis (python-pptx has no combined chart, so the target series is moved into a
``<c:lineChart>`` that shares the columns' axes). No browser draws anything: 150 IKU build in under 2 s on two
cores.

Nothing may run off a slide on the projector. Every text is cut with "…" to what its box holds at its font size,
estimated from the box and font sizes with character widths on the wide side of Calibri's (the theme font), so
the estimate errs towards cutting; long lists end with "… dan N lainnya".
"""

from __future__ import annotations

import datetime
import io
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

import pandas as pd
from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import PP_ALIGN
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches

from kinerja import charts, scores
from kinerja.masuk.keluaran import netralkan
from kinerja.rapat.dialog import Dialog, Rapat, SlideIku, ke_depan
from kinerja.texts import (
    IKON_STATUS,
    WARNA_STATUS,
    WARNA_TEKS_STATUS,
    angka,
    jelaskan_capaian,
    label_status,
    nama_tahap,
    nama_triwulan,
    persen,
    t,
    tanggal_panjang,
)
from kinerja_core.model import Polaritas, Status

LEBAR_SLIDE, TINGGI_SLIDE = 13.333, 7.5
"""Slide size in inches (16:9)."""
LEBAR, TINGGI = Inches(LEBAR_SLIDE), Inches(TINGGI_SLIDE)

TEPI_SISI, TEPI_ATAS = 0.08, 0.04
"""Inner margins of every text box and table cell, in inches (left/right, top/bottom)."""
TINGGI_BARIS = 1.22
"""Line height as a multiple of the font size: PowerPoint's single spacing for Calibri is about 1.2."""

HITAM, REDUP, GARIS, KEPALA, BELANG, PUTIH = "#111827", "#4b5563", "#d1d5db", "#1f2937", "#f3f4f6", "#ffffff"
ARAH = {Polaritas.MAXIMIZE: "↑", Polaritas.MINIMIZE: "↓", Polaritas.STABILIZE: "↕"}


# --- how much text a box holds ------------------------------------------------------------------------------------

_SEMPIT = frozenset(" .,:;'|!iljtfrI()[]/-·")
_LEBAR_SEKALI = frozenset("mwMW%@…—")


def _lebar_huruf(c: str) -> float:
    """A character's width in em, on the wide side of Calibri's.

    Calibri: space 0,23, 'i' 0,23, 'a' 0,48, 'n' 0,53, digits 0,51, 'K' 0,52, 'M' 0,86; here about 8 % wider.
    """
    if c in _SEMPIT:
        return 0.34
    if c in _LEBAR_SEKALI or ord(c) > 0x2000:  # symbols such as the status shapes come from a fallback font
        return 1.0
    if c.isupper():
        return 0.64
    if c.isdigit():
        return 0.55
    return 0.53


def lebar_teks(teks: str, ukuran: float, tebal: bool = False) -> float:
    """Estimated width of one line of ``teks`` in points at ``ukuran`` pt (bold is about 6 % wider)."""
    return sum(_lebar_huruf(c) for c in teks) * ukuran * (1.06 if tebal else 1.0)


def _baris_paragraf(teks: str, lebar: float, ukuran: float, tebal: bool) -> int:
    """Lines one paragraph takes in a box ``lebar`` points wide: word wrap, an overlong word broken anywhere."""
    baris, x = 1, 0.0
    faktor = ukuran * (1.06 if tebal else 1.0)
    for kata in re.findall(r"\S+\s*|\s+", teks):
        isi = kata.rstrip()
        w_isi = sum(_lebar_huruf(c) for c in isi) * faktor
        if x + w_isi <= lebar:
            x += w_isi + (len(kata) - len(isi)) * _lebar_huruf(" ") * faktor
            continue
        if x > 0:
            baris, x = baris + 1, 0.0
        for c in isi:  # a word longer than the line breaks where it must
            w = _lebar_huruf(c) * faktor
            if x + w > lebar and x > 0:
                baris, x = baris + 1, 0.0
            x += w
        x += (len(kata) - len(isi)) * _lebar_huruf(" ") * faktor
    return baris


def jumlah_baris(teks: str, lebar: float, ukuran: float, tebal: bool = False) -> int:
    """Estimated lines ``teks`` takes in a box ``lebar`` points wide (inner width), one or more per paragraph.

    >>> jumlah_baris("Penerimaan bea masuk", 500, 14), jumlah_baris("Penerimaan bea masuk", 60, 14)
    (1, 3)
    """
    return sum(_baris_paragraf(p, lebar, ukuran, tebal) for p in teks.split("\n"))


def pangkas(teks: str, lebar: float, ukuran: float, maks_baris: int, tebal: bool = False, *, awal: str = "",
            akhir: str = "") -> str:
    """``awal + teks + akhir`` when it fits in ``maks_baris`` lines of ``lebar`` points; else with the longest start
    of ``teks`` that fits, cut with '…' (``awal`` and ``akhir``, a label and what follows it, stay whole).

    >>> nama = "Rata-rata waktu penyelesaian layanan perizinan dan fasilitas"
    >>> pangkas(nama, 280, 14, 1), pangkas(nama, 180, 14, 2), pangkas(nama, 200, 14, 2) == nama
    ('Rata-rata waktu penyelesaian layanan…', 'Rata-rata waktu penyelesaian layanan…', True)
    >>> pangkas("Kepala Seksi Perbendaharaan", 280, 14, 1, awal="PIC: ", akhir=" · Tenggat: 15/11/2019")
    'PIC: Kepala Seksi… · Tenggat: 15/11/2019'
    """
    if maks_baris <= 0:
        return ""
    if jumlah_baris(awal + teks + akhir, lebar, ukuran, tebal) <= maks_baris:
        return awal + teks + akhir

    def potong(n: int) -> str:
        return awal + teks[:n].rstrip(" \n,.;:-·") + "…" + akhir

    rendah, tinggi = 0, len(teks)  # the longest start that fits (fitting is monotone in the length)
    while rendah < tinggi:
        tengah = (rendah + tinggi + 1) // 2
        if jumlah_baris(potong(tengah), lebar, ukuran, tebal) <= maks_baris:
            rendah = tengah
        else:
            tinggi = tengah - 1
    spasi = max(teks.rfind(" ", 0, rendah + 1), teks.rfind("\n", 0, rendah + 1))
    if spasi > rendah * 0.75:  # end on a whole word when one ends nearby
        rendah = spasi
    return potong(rendah)


def baris_muat(tinggi: float, ukuran: float) -> int:
    """Lines of ``ukuran`` pt a box ``tinggi`` inches high holds inside its margins."""
    return max(0, math.floor(((tinggi - 2 * TEPI_ATAS) * 72 + 0.01) / (ukuran * TINGGI_BARIS)))


def _lebar_dalam(lebar: float, indentasi: float = 0.0) -> float:
    """The width text has inside a box ``lebar`` inches wide, in points."""
    return (lebar - 2 * TEPI_SISI - indentasi) * 72


def daftar_muat(
    butir: Sequence[str], lebar: float, baris: int, ukuran: float, *, maks_baris_butir: int = 2,
    indentasi: float = 0.0,
) -> tuple[list[str], int]:
    """As many items as fit in ``baris`` lines of a box ``lebar`` inches wide, each cut to ``maks_baris_butir``
    lines, and how many are left out; when some are, one line is kept free to say so ("… dan N lainnya")."""
    w = _lebar_dalam(lebar, indentasi)
    hasil: list[str] = []
    terpakai = 0
    for i, b in enumerate(butir):
        isi = pangkas(b, w, ukuran, maks_baris_butir)
        perlu = jumlah_baris(isi, w, ukuran)
        cadangan = 1 if i < len(butir) - 1 else 0
        if terpakai + perlu + cadangan > baris:
            break
        hasil.append(isi)
        terpakai += perlu
    return hasil, len(butir) - len(hasil)


# --- shapes -------------------------------------------------------------------------------------------------------


# Shapes are filled in with XML written here rather than through python-pptx's property by property API, which
# costs about 50 ms a table: 150 IKU slides would take several seconds more.
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_RATA = {PP_ALIGN.LEFT: "l", PP_ALIGN.RIGHT: "r", PP_ALIGN.CENTER: "ctr"}
_BUKAN_XML = re.compile(r"[\x00-\x08\x0e-\x1f\ufffe\uffff]")
_INDENTASI_NOMOR = 0.5
"""Inches from the number of a numbered item to its text."""


def _emu(inci: float) -> int:
    return int(Inches(inci))


def _warna_xml(warna: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{warna.lstrip("#").upper()}"/></a:solidFill>'


@dataclass(frozen=True)
class Paragraf:
    """One paragraph of a text box: its runs (text, bold), size and colour; ``nomor`` for a numbered list item."""

    bagian: tuple[tuple[str, bool], ...]
    ukuran: float
    warna: str = HITAM
    nomor: bool = False

    @staticmethod
    def biasa(teks: str, ukuran: float, *, tebal: bool = False, warna: str = HITAM) -> Paragraf:
        return Paragraf(((teks, tebal),), ukuran, warna)

    def xml(self, rata: PP_ALIGN = PP_ALIGN.LEFT) -> str:
        """``<a:p>``: the runs in this size and colour, a line break for each newline in the text."""
        atribut = f' algn="{_RATA[rata]}"'
        bullet = ""
        if self.nomor:
            atribut += f' marL="{_emu(_INDENTASI_NOMOR)}" indent="{-_emu(_INDENTASI_NOMOR)}"'
            bullet = '<a:buAutoNum type="arabicPeriod"/>'
        rpr = (f'<a:rPr lang="id-ID" sz="{round(self.ukuran * 100)}" b="{{b}}" dirty="0">{_warna_xml(self.warna)}'
               f"</a:rPr>")
        isi = []
        for teks, tebal in self.bagian:
            teks = _BUKAN_XML.sub("", teks.replace("\x0b", "\n").replace("\x0c", "\n"))
            r = rpr.format(b=int(tebal))
            isi.append(f"<a:br>{r}</a:br>".join(f"<a:r>{r}<a:t>{escape(bagian)}</a:t></a:r>"
                                                for bagian in teks.split("\n")))
        akhir = f'<a:endParaRPr lang="id-ID" sz="{round(self.ukuran * 100)}" dirty="0"/>'
        return f"<a:p><a:pPr{atribut}>{bullet}</a:pPr>{''.join(isi)}{akhir}</a:p>"


def _isi_bingkai(bentuk, paragraf: Sequence[Paragraf], *, rata: PP_ALIGN = PP_ALIGN.LEFT,
                 tengah: bool = False) -> None:
    """Put these paragraphs in a shape's text body: wrapped, never resized, with the margins the fitting assumes."""
    lama = bentuk._element.txBody
    body = (
        f'<p:txBody xmlns:a="{_NS_A}" xmlns:p="{_NS_P}"><a:bodyPr wrap="square" lIns="{_emu(TEPI_SISI)}" '
        f'tIns="{_emu(TEPI_ATAS)}" rIns="{_emu(TEPI_SISI)}" bIns="{_emu(TEPI_ATAS)}" '
        f'anchor="{"ctr" if tengah else "t"}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>'
        + "".join(p.xml(rata) for p in paragraf) + "</p:txBody>"
    )
    lama.getparent().replace(lama, etree.fromstring(body))


def _kotak_teks(slide, kiri: float, atas: float, lebar: float, tinggi: float, paragraf: Sequence[Paragraf], *,
                rata: PP_ALIGN = PP_ALIGN.LEFT, tengah: bool = False) -> None:
    """A text box of exactly this size (inches) holding these paragraphs as given: the caller has fitted them."""
    bentuk = slide.shapes.add_textbox(Inches(kiri), Inches(atas), Inches(lebar), Inches(tinggi))
    _isi_bingkai(bentuk, paragraf, rata=rata, tengah=tengah)


def _teks(slide, kiri: float, atas: float, lebar: float, tinggi: float, isi: str, ukuran: float, *,
          tebal: bool = False, warna: str = HITAM, rata: PP_ALIGN = PP_ALIGN.LEFT, terkecil: float | None = None,
          ) -> str:
    """One paragraph cut with '…' to what the box holds; user text is neutralised. Returns what was written.

    With ``terkecil``, the type first shrinks down to that size to show the whole text (a figure that must not
    lose its end, such as '165 IKU: 79 hijau, 65 kuning, 10 merah, 11 abu-abu').
    """
    isi = str(netralkan(isi))
    while terkecil is not None and ukuran > terkecil and jumlah_baris(isi, _lebar_dalam(lebar), ukuran, tebal) > \
            baris_muat(tinggi, ukuran):
        ukuran -= 1
    isi = pangkas(isi, _lebar_dalam(lebar), ukuran, baris_muat(tinggi, ukuran), tebal)
    _kotak_teks(slide, kiri, atas, lebar, tinggi, [Paragraf.biasa(isi, ukuran, tebal=tebal, warna=warna)], rata=rata)
    return isi


def _label_status(slide, kiri: float, atas: float, lebar: float, tinggi: float, status: Status, isi: str,
                  ukuran: float) -> None:
    """A box filled with the status colour, its text in the colour that reads on it (never text in the colour)."""
    kotak = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(kiri), Inches(atas), Inches(lebar),
                                   Inches(tinggi))
    sppr = kotak._element.spPr  # filled, no outline, no theme shadow
    sppr.append(_xml(_warna_xml(WARNA_STATUS[status])))
    sppr.append(_xml("<a:ln><a:noFill/></a:ln>"))
    sppr.append(_xml("<a:effectLst/>"))
    # the rounded corners take a little of the width: measured against a narrower box
    isi = pangkas(str(netralkan(isi)), _lebar_dalam(lebar) - 8, ukuran, baris_muat(tinggi, ukuran), tebal=True)
    _isi_bingkai(kotak, [Paragraf.biasa(isi, ukuran, tebal=True, warna=WARNA_TEKS_STATUS[status])], tengah=True)


@dataclass(frozen=True)
class Sel:
    """One table cell: its text and, for a status cell, the status whose colour fills it."""

    teks: str
    status: Status | None = None


def _ukuran_tabel(baris: Sequence[Sequence[Sel]], lebar_kolom: Sequence[float], tinggi_baris: Sequence[float],
                  maks: float, minimum: float = 8) -> float:
    """The largest font size (≤ ``maks``) at which every cell's text fits its cell on one line."""
    ukuran = maks
    while ukuran > minimum:
        if all(
            lebar_teks(s.teks, ukuran, tebal=i == 0 or s.status is not None) <= _lebar_dalam(w)
            and baris_muat(h, ukuran) >= 1
            for i, (isi, h) in enumerate(zip(baris, tinggi_baris)) for s, w in zip(isi, lebar_kolom)
        ):
            return ukuran
        ukuran -= 0.5
    return minimum


def _tabel(slide, kiri: float, atas: float, lebar_kolom: Sequence[float], tinggi_baris: Sequence[float],
           baris: Sequence[Sequence[Sel]], maks_ukuran: float = 14) -> None:
    """A table of fixed column widths and row heights (inches), its font sized so every cell holds its text.

    The first row is the header. A cell still too long at the smallest size is cut with '…'. Status cells are
    filled with the status colour and written in the colour that reads on it. Cells hold figures and names from
    the catalogue, written as they are (a negative number keeps its minus sign, with no quote in front).
    """
    ukuran = _ukuran_tabel(baris, lebar_kolom, tinggi_baris, maks_ukuran)
    tepi = (f'marL="{_emu(TEPI_SISI)}" marR="{_emu(TEPI_SISI)}" marT="{_emu(TEPI_ATAS)}" '
            f'marB="{_emu(TEPI_ATAS)}" anchor="ctr"')
    xml_baris = []
    for i, (isi_baris, h) in enumerate(zip(baris, tinggi_baris)):
        sel = []
        for j, s in enumerate(isi_baris):
            if s.status is not None:
                latar, warna = WARNA_STATUS[s.status], WARNA_TEKS_STATUS[s.status]
            elif i == 0:
                latar, warna = KEPALA, PUTIH
            else:
                latar, warna = (BELANG if i % 2 == 0 else PUTIH), HITAM
            tebal = i == 0 or s.status is not None
            teks = pangkas(s.teks, _lebar_dalam(lebar_kolom[j]), ukuran, 1, tebal)
            par = Paragraf.biasa(teks, ukuran, tebal=tebal, warna=warna).xml()
            sel.append(f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{par}</a:txBody>"
                       f"<a:tcPr {tepi}>{_warna_xml(latar)}</a:tcPr></a:tc>")
        xml_baris.append(f'<a:tr h="{_emu(h)}">{"".join(sel)}</a:tr>')
    # a 1 × 1 table from python-pptx (its frame), its grid and cells replaced by the ones written here
    bentuk = slide.shapes.add_table(1, 1, Inches(kiri), Inches(atas), Emu(sum(_emu(w) for w in lebar_kolom)),
                                    Emu(sum(_emu(h) for h in tinggi_baris)))
    lama = bentuk._element.graphic.graphicData.tbl
    gaya = lama.find(qn("a:tblPr")).find(qn("a:tableStyleId")).text
    kisi = "".join(f'<a:gridCol w="{_emu(w)}"/>' for w in lebar_kolom)
    tbl = (f'<a:tbl xmlns:a="{_NS_A}"><a:tblPr firstRow="1" bandRow="0"><a:tableStyleId>{gaya}</a:tableStyleId>'
           f'</a:tblPr><a:tblGrid>{kisi}</a:tblGrid>{"".join(xml_baris)}</a:tbl>')
    lama.getparent().replace(lama, etree.fromstring(tbl))


def _slide_kosong(deck: Presentation):
    return deck.slides.add_slide(deck.slide_layouts[6])


# --- the meeting's details ---------------------------------------------------------------------------------------


def _sub_judul(dialog: Dialog) -> str:
    """'KPPBC TMP A Bogor · Tahun 2019 · s.d. TW III'."""
    r = dialog.ringkasan
    return t("ringkasan.sub", unit=r.nama_unit, tahun=r.tahun, romawi=nama_triwulan(r.triwulan).split()[-1])


def _slide_rapat(deck: Presentation, dialog: Dialog) -> None:
    """The opening slide: what meeting this is, when, where, who chaired it and who came."""
    rapat = dialog.rapat
    slide = _slide_kosong(deck)
    _teks(slide, 0.6, 0.45, 12.1, 0.85, t("dialog.judul"), 36, tebal=True)
    _teks(slide, 0.6, 1.3, 12.1, 0.55, _sub_judul(dialog), 22, warna=REDUP, terkecil=16)
    belum = t("deck.belum_diisi")
    rincian = [
        (t("kolom.tanggal"), tanggal_panjang(rapat.tanggal) if rapat.tanggal else None),
        (t("kolom.tempat"), rapat.tempat),
        (t("kolom.pimpinan"), rapat.pimpinan),
    ]
    for i, (label, isi) in enumerate(rincian):
        atas = 2.15 + i * 0.55
        _teks(slide, 0.6, atas, 2.6, 0.5, label, 18, tebal=True)
        _teks(slide, 3.2, atas, 9.5, 0.5, isi or belum, 18, warna=HITAM if isi else REDUP)
    peserta = rapat.daftar_peserta
    atas = 2.15 + len(rincian) * 0.55 + 0.15
    judul_peserta = t("kolom.peserta") + (f" ({len(peserta)})" if peserta else "")
    _teks(slide, 0.6, atas, 2.6, 0.5, judul_peserta, 18, tebal=True)
    if not peserta:
        _teks(slide, 3.2, atas, 9.5, 0.5, belum, 18, warna=REDUP)
        return
    _kolom_peserta(slide, peserta, kiri=0.6, atas=atas + 0.5, lebar=12.1, tinggi=TINGGI_SLIDE - 0.35 - atas - 0.5)


def _kolom_peserta(slide, peserta: list[str], *, kiri: float, atas: float, lebar: float, tinggi: float) -> None:
    """Attendees in one to three columns, one line each; beyond what fits, '… dan N lainnya'."""
    ukuran = 16
    per_kolom = baris_muat(tinggi, ukuran)
    jumlah_kolom = 1 if len(peserta) <= min(6, per_kolom) else 2 if len(peserta) <= 2 * per_kolom else 3
    if jumlah_kolom == 3:  # narrower columns: smaller type keeps more of each name and more names
        ukuran = 14
        per_kolom = baris_muat(tinggi, ukuran)
    lebar_kolom = lebar / jumlah_kolom
    nama = [str(netralkan(p)) for p in peserta]
    muat = jumlah_kolom * per_kolom
    if len(nama) > muat:
        nama = [*nama[:muat - 1], t("deck.dan_lainnya", n=len(nama) - (muat - 1))]
    isi_kolom = math.ceil(len(nama) / jumlah_kolom)
    for k in range(jumlah_kolom):
        bagian = nama[k * isi_kolom:(k + 1) * isi_kolom]
        if not bagian:
            continue
        paragraf = [Paragraf.biasa(pangkas(n, _lebar_dalam(lebar_kolom), ukuran, 1), ukuran) for n in bagian]
        _kotak_teks(slide, kiri + k * lebar_kolom, atas, lebar_kolom, tinggi, paragraf)


# --- the summary -------------------------------------------------------------------------------------------------


def _slide_ringkasan(deck: Presentation, dialog: Dialog) -> None:
    r = dialog.ringkasan
    slide = _slide_kosong(deck)
    _teks(slide, 0.5, 0.3, 12.3, 0.75, t("ringkasan.judul"), 32, tebal=True)
    _teks(slide, 0.5, 1.0, 12.3, 0.45, _sub_judul(dialog), 18, warna=REDUP, terkecil=14)
    nko = angka(r.nko.nilai, tetap=True) if r.nko.nilai is not None else t("ringkasan.nko_kosong")
    _teks(slide, 0.5, 1.5, 4.2, 0.85, f"NKO {nko}", 40, tebal=True)
    _label_status(slide, 0.5, 2.4, 1.9, 0.5, r.nko.status, label_status(r.nko.status), 16)
    # 'NKO sementara · 12 dari 27 IKU belum final' first: a cut line never loses it
    tahap_nko = f"{r.teks_tahap_nko} · " if r.teks_tahap_nko else ""
    _teks(slide, 2.5, 2.37, 10.4, 0.56, f"{tahap_nko}{r.judul_nko}: {r.cakupan_nko}", 14, terkecil=11)
    _teks(slide, 4.8, 1.55, 8.1, 0.75, ringkas_jumlah(dialog), 26, tebal=True, terkecil=16)

    _teks(slide, 0.5, 3.05, 6.75, 0.45, t("dialog.per_perspektif"), 16, tebal=True)
    kolom = [Sel(t("kolom.perspektif")), *(Sel(label_status(s), s) for s in Status)]
    isi = [[Sel(str(p["perspektif"])), *(Sel(str(p[s.value])) for s in Status)]
           for p in r.per_perspektif.to_dict("records")]
    _tabel(slide, 0.5, 3.5, [1.95, 1.2, 1.2, 1.2, 1.2], [0.45] * (1 + len(isi)), [kolom, *isi])

    perhatian = [f"{p['kode_iku']} {p['nama_iku']}: {label_status(Status(p['status']))}"
                 + (f" ({persen(p['capaian'])})" if pd.notna(p["capaian"]) else "")
                 + (f" — {p['keterangan']}" if p["keterangan"] else "")
                 for p in r.perhatian.to_dict("records")]
    _teks(slide, 7.45, 3.05, 5.45, 0.45, t("dialog.perhatian"), 16, tebal=True)
    ukuran, lebar, tinggi = 14, 5.45, TINGGI_SLIDE - 0.3 - 3.5
    butir, lainnya = daftar_muat([str(netralkan(p)) for p in perhatian], lebar, baris_muat(tinggi, ukuran), ukuran)
    kosong = t("dialog.kosong") if r.per_perspektif.empty else t("dialog.semua_hijau")  # no IKU at all: say so
    paragraf = [Paragraf.biasa(b, ukuran) for b in (butir if perhatian else [kosong])]
    if lainnya:
        paragraf.append(Paragraf.biasa(t("dialog.dan_lainnya", n=lainnya), ukuran, warna=REDUP))
    _kotak_teks(slide, 7.45, 3.5, lebar, tinggi, paragraf)


def ringkas_jumlah(dialog: Dialog) -> str:
    """'16 IKU: 15 hijau, 1 abu-abu'."""
    return scores.ringkas_jumlah(dialog.ringkasan.jumlah)


# --- one IKU -----------------------------------------------------------------------------------------------------


def _slide_iku(deck: Presentation, s: SlideIku, jumlah: int) -> None:
    slide = _slide_kosong(deck)
    _teks(slide, 0.4, 0.2, 10.8, 0.95, f"{s.iku.kode_iku} · {s.iku.nama_iku}", 24, tebal=True)
    _teks(slide, 11.3, 0.25, 1.63, 0.45, f"{s.nomor} / {jumlah}", 16, warna=REDUP, rata=PP_ALIGN.RIGHT)
    if s.tahap is not None:  # the stage of the IKU's unit-quarter, mark and word, under the slide's number
        _teks(slide, 11.3, 0.68, 1.63, 0.42, nama_tahap(s.tahap), 13, tebal=True, rata=PP_ALIGN.RIGHT, terkecil=9)
    info = t("progres.info", polaritas=t(f"polaritas.{s.iku.polaritas.value}"),
             konsolidasi=t(f"konsolidasi.{s.iku.konsolidasi.value}"), bobot=angka(s.iku.bobot))
    _teks(slide, 0.4, 1.13, 12.53, 0.4, f"{s.nama_unit} · {info}", 14, warna=REDUP, terkecil=11)
    capaian = persen(s.hasil.capaian.nilai) if s.hasil.capaian.nilai is not None else "—"
    _teks(slide, 0.4, 1.55, 3.2, 0.75, capaian, 36, tebal=True)
    _label_status(slide, 3.7, 1.6, 9.23, 0.65, s.hasil.status,
                  label_status(s.hasil.status) + (f" — {s.keterangan}" if s.keterangan else ""), 20)
    # under the light, every number explained: the formula, what the year still needs, where it is heading
    baris = _catatan_pembicara(s)
    redup = 2 if s.asal else 1  # the formula (and where a computed realisasi comes from) in grey, then the year
    # four lines (a computed realisasi) a point smaller, the chart and the notes a little lower and shorter
    ukuran, atas = (11, 3.0) if len(baris) <= 3 else (10, 3.12)
    w = _lebar_dalam(12.53) * 0.92  # a line each, with room to spare: a wrapped line would run into the chart
    _kotak_teks(slide, 0.4, 2.28, 12.53, atas - 2.3, [
        Paragraf.biasa(pangkas(b, w, ukuran, 1), ukuran, warna=REDUP if i < redup else HITAM)
        for i, b in enumerate(baris)])
    _grafik(slide, s, 0.4, atas, 7.4, 5.55 - atas)
    _catatan(slide, s, 8.0, atas, 4.93, 5.55 - atas)
    _tabel(slide, 0.4, 5.62, [1.2, 1.85, 1.85, 1.85, 1.85, 1.63, 2.3], [0.36] + [0.34] * len(s.progres),
           _baris_progres(s.progres), maks_ukuran=13)
    # the presenter's notes: the same, whole (the lines above are cut to the slide's width when they must be)
    slide.notes_slide.notes_text_frame.text = "\n".join(baris)


def _catatan_pembicara(s: SlideIku) -> list[str]:
    """The formula with its numbers (and what a computed realisasi is made of), then where the year stands and
    is heading (``dialog.ke_depan``: what the rest of the year must bring on a line, the prognosis and last year on
    the next): every number on the slide explained, for whoever presents it (and under the slide's light)."""
    baris, sisa = [jelaskan_capaian(s.rumus())], ke_depan(s)
    if s.asal:  # a computed realisasi: what it is made of
        baris.append(t("dialog.asal", teks=s.asal))
    if sisa and sisa[0][0] == t("dialog.sampai_akhir_tahun"):
        baris.append("{}: {}".format(*sisa.pop(0)))
    if sisa:
        baris.append(" — ".join(f"{label}: {isi}" for label, isi in sisa))
    return [str(netralkan(b)) for b in baris]


def _slide_tindak_lanjut(deck: Presentation, dialog: Dialog, per: datetime.date) -> None:
    """Earlier quarters' rencana aksi the meeting reviewed, IKU by IKU, with their status (and any past its
    tenggat while open); no slide when there are none. At most the rows that fit, then how many more."""
    baris = [(s.iku.kode_iku, a) for s in dialog.slide for a in s.aksi]
    if not baris:
        return
    slide = _slide_kosong(deck)
    _teks(slide, 0.6, 0.4, 12.1, 0.8, t("aksi.judul"), 32, tebal=True)
    _teks(slide, 0.6, 1.15, 12.1, 0.5, _sub_judul(dialog), 18, warna=REDUP, terkecil=14)
    muat = 12
    kepala = [Sel(k) for k in ("IKU", t("kolom.triwulan"), t("kolom.rencana_aksi"), "PIC", t("dialog.tenggat"),
                               t("aksi.status"))]
    isi = [[Sel(kode), Sel(nama_triwulan(a.triwulan)), Sel(str(netralkan(pangkas(a.rencana_aksi, _lebar_dalam(5.2), 12, 2)))),
            Sel(str(netralkan(a.pic or "—"))), Sel(angka(a.tenggat)),
            Sel((t(f"aksi.{a.status.value}") if a.status else t("aksi.belum"))
                + (f" · {t('aksi.lewat_tenggat')}" if a.lewat_tenggat(per) else ""))]
           for kode, a in baris[:muat]]
    _tabel(slide, 0.6, 1.8, [1.3, 1.0, 5.2, 1.6, 1.3, 1.7], [0.4] + [0.42] * len(isi), [kepala, *isi],
           maks_ukuran=13)
    if len(baris) > muat:
        _teks(slide, 0.6, TINGGI_SLIDE - 0.8, 12.1, 0.4, t("deck.dan_lainnya", n=len(baris) - muat), 14,
              warna=REDUP)


def _baris_progres(progres: pd.DataFrame) -> list[list[Sel]]:
    """Quarter by quarter: periodic target and realisasi, the year-to-date ones they add up to, capaian, light."""
    kepala = [Sel(k) for k in (t("kolom.triwulan"), t("deck.target_tw"), t("deck.realisasi_tw"), t("kolom.target"),
                               t("kolom.realisasi"), t("kolom.capaian"), t("kolom.status"))]
    kolom = ("triwulan", "target_periodik", "realisasi_periodik", "target", "realisasi", "capaian", "status")
    return [kepala, *(
        [Sel(nama_triwulan(int(q))), Sel(angka(tp)), Sel(angka(rp)), Sel(angka(ts)), Sel(angka(rs)),
         Sel(angka(c, tetap=True)), Sel(label_status(Status(st)), Status(st))]
        for q, tp, rp, ts, rs, c, st in zip(*(progres[k].tolist() for k in kolom))
    )]


def _catatan(slide, s: SlideIku, kiri: float, atas: float, lebar: float, tinggi: float) -> None:
    """This quarter's kendala, rencana aksi and PIC, each cut so that all three fit the box."""
    tw = nama_triwulan(s.hasil.sd_triwulan.triwulan)
    c = s.catatan_triwulan_ini
    judul = Paragraf.biasa(f"{t('dialog.catatan')} ({tw})", 14, tebal=True)
    w = _lebar_dalam(lebar)
    if not any(c[k] for k in ("kendala", "rencana_aksi", "pic", "tenggat")):
        _kotak_teks(slide, kiri, atas, lebar, tinggi,
                    [judul, Paragraf.biasa(t("dialog.catatan_kosong", tw=tw), 13, warna=REDUP)])
        return
    ukuran = 13
    tersedia = math.floor(((tinggi - 2 * TEPI_ATAS) * 72 - 14 * TINGGI_BARIS) / (ukuran * TINGGI_BARIS))
    # each paragraph starts with its label, so a note typed as "=..." is already inert: written as typed
    kendala = f"{t('kolom.kendala')}: {c['kendala'] or '—'}"
    rencana = f"{t('kolom.rencana_aksi')}: {c['rencana_aksi'] or '—'}"
    pic = pangkas(c["pic"] or "—", w, ukuran, 2, tebal=True, awal="PIC: ",
                  akhir=f" · {t('dialog.tenggat')}: {angka(c['tenggat'])}")
    sisa = tersedia - jumlah_baris(pic, w, ukuran, True)
    perlu_k, perlu_r = (jumlah_baris(x, w, ukuran, True) for x in (kendala, rencana))
    # each gets half of the room, or all it needs when the other needs less than its half
    baris_k = max(1, min(perlu_k, max(sisa // 2, sisa - perlu_r)))
    kendala = pangkas(kendala, w, ukuran, baris_k, tebal=True)
    rencana = pangkas(rencana, w, ukuran, max(1, sisa - jumlah_baris(kendala, w, ukuran, True)), tebal=True)

    def berlabel(teks: str, label: str) -> Paragraf:
        # the label in bold, the note as typed (measured above as if bold throughout: on the safe side)
        return Paragraf(((label, True), (teks[len(label):], False)), ukuran)

    _kotak_teks(slide, kiri, atas, lebar, tinggi, [
        judul, berlabel(kendala, f"{t('kolom.kendala')}:"), berlabel(rencana, f"{t('kolom.rencana_aksi')}:"),
        berlabel(pic, "PIC:"),
    ])


def _grafik(slide, s: SlideIku, kiri: float, atas: float, lebar: float, tinggi: float) -> None:
    """Realisasi s.d. TW as columns in their status colours, the target s.d. TW as a line on the same axis.

    A quarter without a target of its own gets neither a column nor a target point: it was not measured.
    The labels are written out in Indonesian (5,7 M = 5,7 miliar) whatever the language of the viewer's Office.
    """
    p = s.progres
    terukur = p["target_periodik"].notna().tolist()
    status = [Status(x) for x in p["status"]]
    realisasi = [float(v) if ukur and pd.notna(v) else None for v, ukur in zip(p["realisasi"], terukur)]
    target = [float(v) if ukur and pd.notna(v) else None for v, ukur in zip(p["target"], terukur)]
    nilai = [v for v in realisasi + target if v is not None]
    bagi, akhiran, kata = charts.skala(max((abs(v) for v in nilai), default=0.0))
    tik = charts.tik(min([0.0, *nilai]), max([0.0, *nilai]) or 1.0)
    langkah = tik[1] - tik[0] if len(tik) > 1 else 1.0
    rentang = tik[-1] + langkah - tik[0]  # the value axis, with one step of room above for the target's labels

    data = CategoryChartData()
    data.categories = [nama_triwulan(int(q)) for q in p["triwulan"]]
    data.add_series(t("progres.grafik_realisasi_warna"), realisasi)
    data.add_series(t("progres.grafik_target_sd"), target)
    grafik = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(kiri), Inches(atas), Inches(lebar),
                                    Inches(tinggi), data).chart
    ruang = grafik._chartSpace
    bagan = ruang.chart
    area = bagan.plotArea
    kolom = area.find(qn("c:barChart"))
    sumbu_kat, sumbu_nilai = (a.get("val") for a in kolom.findall(qn("c:axId")))
    seri_kolom, seri_garis = kolom.findall(qn("c:ser"))

    # the columns: white in the legend (a column's colour is its status), each column in its status colour, its
    # value on the column's foot in the colour that reads on it; dark text also reads on the white above a short
    # column, so only a short red column (white text) has its value above it, in dark text
    dpt, label = [], []
    for i, v in enumerate(realisasi):
        if v is None:
            continue
        dpt.append(f'<c:dPt><c:idx val="{i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>'
                   f'<c:spPr>{_warna_xml(WARNA_STATUS[status[i]])}<a:ln w="9525">{_warna_xml(HITAM)}</a:ln>'
                   "</c:spPr></c:dPt>")
        di_dalam = WARNA_TEKS_STATUS[status[i]] == HITAM or abs(v) / rentang * (tinggi - 1.1) > 0.25
        warna, posisi = (WARNA_TEKS_STATUS[status[i]], "inBase") if di_dalam else (HITAM, "outEnd")
        label.append(_label_data(i, f"{charts.angka_pendek(v, bagi, akhiran)} {IKON_STATUS[status[i]]}", warna,
                                 posisi, tebal=True))
    for anak in seri_kolom.findall(qn("c:invertIfNegative")):
        seri_kolom.remove(anak)
    _sisipkan_setelah(seri_kolom.find(qn("c:tx")), (
        f'<c:spPr>{_warna_xml(PUTIH)}<a:ln w="9525">{_warna_xml(HITAM)}</a:ln></c:spPr>'
        '<c:invertIfNegative val="0"/>' + "".join(dpt) + _label_seri(label)))

    # the target: a dark line with diamonds, its values above them on a white backing (readable over a column)
    kolom.remove(seri_garis)
    for anak in seri_garis.findall(qn("c:invertIfNegative")):  # a column-only setting, invalid in a line series
        seri_garis.remove(anak)
    label = [_label_data(i, charts.angka_pendek(v, bagi, akhiran), HITAM, "t", latar=True)
             for i, v in enumerate(target) if v is not None]
    _sisipkan_setelah(seri_garis.find(qn("c:tx")), (
        f'<c:spPr><a:ln w="28575" cap="rnd">{_warna_xml(HITAM)}<a:round/></a:ln></c:spPr>'
        f'<c:marker><c:symbol val="diamond"/><c:size val="11"/><c:spPr>{_warna_xml(HITAM)}'
        f'<a:ln w="9525">{_warna_xml(PUTIH)}</a:ln></c:spPr></c:marker>' + _label_seri(label)))
    seri_garis.append(_xml('<c:smooth val="0"/>'))
    garis = _xml('<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:marker val="1"/>'
                 f'<c:axId val="{sumbu_kat}"/><c:axId val="{sumbu_nilai}"/></c:lineChart>')
    garis.insert(2, seri_garis)
    kolom.addnext(garis)
    kolom.find(qn("c:grouping")).addnext(_xml('<c:varyColors val="0"/>'))
    kolom.find(qn("c:axId")).addprevious(_xml('<c:gapWidth val="70"/>'))

    # the axes: quarters below, the values with the satuan on the left
    judul_sumbu = t("progres.sumbu_nilai", satuan=s.iku.satuan or "-") + (
        f"; {akhiran} = {kata}" if akhiran else "")
    area.replace(area.find(qn("c:catAx")), _xml(
        f'<c:catAx><c:axId val="{sumbu_kat}"/><c:scaling><c:orientation val="minMax"/></c:scaling>'
        '<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>'
        f'<c:spPr><a:ln w="9525">{_warna_xml(REDUP)}</a:ln></c:spPr>{_txpr(14)}<c:crossAx val="{sumbu_nilai}"/>'
        '<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>'
        '<c:noMultiLvlLbl val="0"/></c:catAx>'))
    area.replace(area.find(qn("c:valAx")), _xml(
        f'<c:valAx><c:axId val="{sumbu_nilai}"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="{tik[0] + rentang!r}"/><c:min val="{tik[0]!r}"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="9525">{_warna_xml(GARIS)}</a:ln></c:spPr>'
        f'</c:majorGridlines>{_judul_grafik(judul_sumbu, 12, tebal=False, tegak=True)}'
        f'<c:numFmt formatCode="{escape(_format_sumbu(langkah / bagi, bagi, akhiran), {chr(34): "&quot;"})}" '
        'sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{_txpr(12)}<c:crossAx val="{sumbu_kat}"/>'
        f'<c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="{langkah!r}"/></c:valAx>'))

    # which way is better, as the title; the legend below; a quarter without a target is a gap in the line
    arah = f"{ARAH[s.iku.polaritas]} {t(f'polaritas.{s.iku.polaritas.value}')}"
    bagan.find(qn("c:autoTitleDeleted")).addprevious(_xml(_judul_grafik(arah, 14, tebal=True)))
    area.addnext(_xml(f'<c:legend><c:legendPos val="b"/><c:overlay val="0"/>{_txpr(12)}</c:legend>'))
    kosong = bagan.find(qn("c:dispBlanksAs"))
    if kosong is None:  # python-pptx's template has one; its place is last but for an extLst
        kosong = etree.SubElement(bagan, qn("c:dispBlanksAs"))
        if (ext := bagan.find(qn("c:extLst"))) is not None:
            ext.addprevious(kosong)
    kosong.set("val", "gap")
    ruang.replace(ruang.find(qn("c:txPr")), _xml(_txpr(12)))


_NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def _xml(teks: str):
    """One chart element from its XML (the chart and drawing namespaces declared)."""
    bungkus = etree.fromstring(f'<c:x xmlns:c="{_NS_C}" xmlns:a="{_NS_A}">{teks}</c:x>')
    return bungkus[0]


def _sisipkan_setelah(acuan, teks: str) -> None:
    """Insert the elements of ``teks`` right after ``acuan``, in order."""
    bungkus = etree.fromstring(f'<c:x xmlns:c="{_NS_C}" xmlns:a="{_NS_A}">{teks}</c:x>')
    for anak in reversed(list(bungkus)):
        acuan.addnext(anak)


def _txpr(ukuran: float, warna: str = HITAM) -> str:
    """``<c:txPr>``: the font size and colour of a chart element's text."""
    return (f'<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="{round(ukuran * 100)}">{_warna_xml(warna)}'
            '</a:defRPr></a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>')


def _judul_grafik(teks: str, ukuran: float, *, tebal: bool, tegak: bool = False) -> str:
    """``<c:title>`` of a chart or an axis (``tegak``: turned to read upwards)."""
    putar = ' rot="-5400000" vert="horz"' if tegak else ""
    return (f"<c:title><c:tx><c:rich><a:bodyPr{putar}/><a:lstStyle/>"
            f"{Paragraf.biasa(teks, ukuran, tebal=tebal).xml(PP_ALIGN.CENTER)}</c:rich></c:tx>"
            '<c:overlay val="0"/></c:title>')


def _label_data(idx: int, teks: str, warna: str, posisi: str, *, tebal: bool = False, latar: bool = False) -> str:
    """``<c:dLbl>``: one point's label with its own text (so the number reads the Indonesian way everywhere)."""
    kotak = f'<c:spPr>{_warna_xml(PUTIH)}<a:ln w="9525">{_warna_xml(HITAM)}</a:ln></c:spPr>' if latar else ""
    return (f'<c:dLbl><c:idx val="{idx}"/><c:tx><c:rich><a:bodyPr/><a:lstStyle/>'
            f"{Paragraf.biasa(teks, 12, tebal=tebal, warna=warna).xml(PP_ALIGN.CENTER)}</c:rich></c:tx>{kotak}"
            f'<c:dLblPos val="{posisi}"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
            '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>')


def _label_seri(label: Sequence[str]) -> str:
    """``<c:dLbls>`` of a series: only the labelled points show a label."""
    return ("<c:dLbls>" + "".join(label) + '<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="0"/>'
            '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>')


def _format_sumbu(langkah: float, bagi: float, akhiran: str) -> str:
    """An Excel number format for the value axis: as many decimals as the step needs, large values scaled.

    The separators follow the viewer's Office language (1.234,5 in an Indonesian Office).

    >>> _format_sumbu(2.5, 1, ""), _format_sumbu(2, 1e9, "M")
    ('#,##0.0', '#,##0,,," M"')
    """
    desimal = next((d for d in range(3) if abs(langkah * 10**d - round(langkah * 10**d)) < 1e-9), 2)
    skala = "," * round(math.log10(bagi) / 3) if bagi > 1 else ""
    return "#,##0" + ("." + "0" * desimal if desimal else "") + skala + (f'" {akhiran}"' if akhiran else "")


class _NamaBagian:
    """A package's ``next_partname`` that remembers the names it gave.

    python-pptx walks every part of the package to name a new one, twice per chart (the chart and its
    workbook): quadratic, about 2 s of a 150-IKU deck. Only this module adds parts while a deck is built.
    """

    def __init__(self, paket) -> None:
        self._terpakai = {str(b.partname) for b in paket.iter_parts()}
        self._berikut: dict[str, int] = {}

    def __call__(self, pola: str) -> PackURI:
        n = self._berikut.get(pola, 1)
        while pola % n in self._terpakai:
            n += 1
        self._terpakai.add(pola % n)
        self._berikut[pola] = n + 1
        return PackURI(pola % n)


# --- the arahan --------------------------------------------------------------------------------------------------


def _slide_arahan(deck: Presentation, dialog: Dialog) -> None:
    """The closing slide: the chair's decisions, numbered, as many as fit."""
    rapat: Rapat = dialog.rapat
    slide = _slide_kosong(deck)
    _teks(slide, 0.6, 0.4, 12.1, 0.8, t("dialog.arahan"), 32, tebal=True)
    sub = _sub_judul(dialog) + (f" · {tanggal_panjang(rapat.tanggal)}" if rapat.tanggal else "")
    _teks(slide, 0.6, 1.15, 12.1, 0.5, sub, 18, warna=REDUP, terkecil=14)
    kiri, atas, lebar = 0.6, 1.8, 12.1
    tinggi = TINGGI_SLIDE - 0.35 - atas
    arahan = [str(netralkan(f"{a.teks} ({a.rincian})" if a.rincian else a.teks)) for a in rapat.daftar_arahan]
    if not arahan:
        _kotak_teks(slide, kiri, atas, lebar, tinggi, [Paragraf.biasa(t("dialog.arahan_kosong"), 24, warna=REDUP)])
        return
    for ukuran in (24, 22, 20, 18, 16, 14):  # the largest type that shows every arahan, at most 3 lines each
        butir, lainnya = daftar_muat(arahan, lebar, baris_muat(tinggi, ukuran), ukuran, maks_baris_butir=3,
                                     indentasi=_INDENTASI_NOMOR)
        if not lainnya:
            break
    paragraf = [Paragraf(((b, False),), ukuran, nomor=True) for b in butir]
    if lainnya:
        paragraf.append(Paragraf.biasa(t("deck.dan_lainnya", n=lainnya), ukuran, warna=REDUP))
    _kotak_teks(slide, kiri, atas, lebar, tinggi, paragraf)


def _slide_bukti(deck: Presentation, dialog: Dialog) -> None:
    """The data dukung of the meeting's units and quarter, IKU by IKU: file name, kind, who added it; no slide
    when there are none. At most the rows that fit, then how many more."""
    bukti = dialog.bukti
    if bukti.empty:
        return
    slide = _slide_kosong(deck)
    _teks(slide, 0.6, 0.4, 12.1, 0.8, t("deck.bukti_judul"), 32, tebal=True)
    _teks(slide, 0.6, 1.15, 12.1, 0.5, _sub_judul(dialog), 18, warna=REDUP, terkecil=14)
    muat = 12
    kepala = [Sel(k) for k in (t("kolom.kode_unit"), "IKU", t("bukti.kolom.nama"), t("bukti.kolom.jenis"),
                               t("bukti.kolom.oleh"))]
    isi = [[Sel(str(netralkan(r.kode_unit))), Sel(str(netralkan(r.kode_iku))),
            Sel(str(netralkan(pangkas(r.nama, _lebar_dalam(5.4), 13, 2)))), Sel(str(r.jenis).upper()),
            Sel(str(netralkan(r.oleh)))] for r in bukti.head(muat).itertuples()]
    _tabel(slide, 0.6, 1.8, [1.9, 1.3, 5.4, 1.1, 2.4], [0.4] + [0.42] * len(isi), [kepala, *isi], maks_ukuran=13)
    if len(bukti) > muat:
        _teks(slide, 0.6, TINGGI_SLIDE - 0.8, 12.1, 0.4, t("deck.dan_lainnya", n=len(bukti) - muat), 14, warna=REDUP)


BATAS_IKU = 300
"""The most IKU slides one deck holds: minutes of a meeting, not a ministry's catalogue (a 15,000-slide file
would take minutes to build and nobody could open it). The Dialog page says so above that."""


def buat_deck(dialog: Dialog) -> bytes:
    """The whole deck as .pptx bytes: the meeting, the summary, one slide per IKU (its numbers explained in the
    presenter's notes), the actions followed up, the arahan."""
    if len(dialog.slide) > BATAS_IKU:
        raise ValueError(f"{len(dialog.slide)} IKU: a deck holds at most {BATAS_IKU}")
    deck = Presentation()
    deck.slide_width, deck.slide_height = LEBAR, TINGGI
    paket = deck.part.package
    paket.next_partname = _NamaBagian(paket)
    _slide_rapat(deck, dialog)
    _slide_ringkasan(deck, dialog)
    for s in dialog.slide:
        _slide_iku(deck, s, len(dialog.slide))
    _slide_tindak_lanjut(deck, dialog, dialog.rapat.tanggal or datetime.date.today())
    _slide_bukti(deck, dialog)
    _slide_arahan(deck, dialog)
    keluaran = io.BytesIO()
    deck.save(keluaran)
    return keluaran.getvalue()
