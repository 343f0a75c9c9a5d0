"""A ``Dokumen`` as an editable Word file (python-docx): A4, the institution's name and logo in the header, "Halaman X
dari Y" in the footer as Word fields (PAGE, NUMPAGES), headings as Word headings, each table's header row marked to
repeat on every page (``w:tblHeader``), lights as shaded cells, signature blocks side by side in a borderless table.

Every string goes in as a run's text (python-docx escapes it; a line break becomes ``w:br``), never as XML.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph
from lxml import etree

from kinerja.dokumen.model import (
    Butir,
    Dokumen,
    HalamanBaru,
    Judul,
    Paragraf,
    Sel,
    Tabel,
    TandaTangan,
    aman_xml,
    bagian_halaman,
    jenis_gambar,
    rapikan_baris,
)
from kinerja.texts import WARNA_STATUS, WARNA_TEKS_STATUS, dalam_bahasa, t

LEBAR_ISI = Cm(21.0 - 2.5 - 2.0)
"""The text width of an A4 page with the margins below: what a table's relative widths share."""
GAYA_SEL = "Isi Tabel"
"""The paragraph style of every table cell (8.5 pt, no space after), set once rather than on each run."""
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_ID_GAYA_SEL = "IsiTabel"  # the style's id in the file, as python-docx derives it from its name
_RATA = {"kiri": WD_ALIGN_PARAGRAPH.LEFT, "kanan": WD_ALIGN_PARAGRAPH.RIGHT, "tengah": WD_ALIGN_PARAGRAPH.CENTER}


def render(dok: Dokumen) -> bytes:
    """The .docx of ``dok``."""
    doc = Document()
    doc.core_properties.title = aman_xml(dok.judul)
    doc.core_properties.author = aman_xml(dok.instansi)
    doc.core_properties.language = "id-ID" if dok.bahasa == "id" else "en-US"
    gaya = doc.styles["Normal"]
    gaya.font.name = "Calibri"
    gaya.font.size = Pt(10)
    isi_tabel = doc.styles.add_style(GAYA_SEL, WD_STYLE_TYPE.PARAGRAPH)
    isi_tabel.base_style = gaya
    isi_tabel.font.size = Pt(8.5)
    isi_tabel.paragraph_format.space_after = Pt(0)
    bagian = doc.sections[0]
    bagian.orientation = WD_ORIENT.PORTRAIT
    bagian.page_width, bagian.page_height = Cm(21.0), Cm(29.7)
    bagian.top_margin, bagian.bottom_margin = Cm(2.5), Cm(2.2)
    bagian.left_margin, bagian.right_margin = Cm(2.5), Cm(2.0)
    _kepala(bagian.header.paragraphs[0], dok)
    with dalam_bahasa(dok.bahasa):
        _kaki(bagian.footer.paragraphs[0], t("dok.render.halaman", x="{x}", y="{y}"))
        _sampul(doc, dok)
        for b in dok.isi:
            _blok(doc, b)
    keluar = io.BytesIO()
    doc.save(keluar)
    return keluar.getvalue()


def _teks(paragraf: Paragraph, teks: str, *, tebal: bool = False, miring: bool = False,
          ukuran: float | None = None, warna: str | None = None) -> None:
    """``teks`` as one run (its line breaks kept as ``w:br``)."""
    run = paragraf.add_run(aman_xml(teks.replace("\r\n", "\n").replace("\r", "\n")))
    if tebal:
        run.bold = True
    if miring:
        run.italic = True
    if ukuran:
        run.font.size = Pt(ukuran)
    if warna:
        run.font.color.rgb = RGBColor.from_string(warna.lstrip("#").upper())


def _kepala(p: Paragraph, dok: Dokumen) -> None:
    if not dok.instansi and not jenis_gambar(dok.logo):  # no letterhead set: no line under nothing
        return
    if dok.logo and jenis_gambar(dok.logo):
        p.add_run().add_picture(io.BytesIO(dok.logo), height=Cm(1.2))
        p.add_run("  ")
    _teks(p, dok.instansi, tebal=True, ukuran=11)
    _garis_bawah(p)


def _garis_bawah(p: Paragraph) -> None:
    pPr = p._p.get_or_add_pPr()
    batas = OxmlElement("w:pBdr")
    bawah = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bawah.set(qn(k), v)
    batas.append(bawah)
    pPr.append(batas)


def _kaki(p: Paragraph, pola: str) -> None:
    """The footer: the words around a PAGE and a NUMPAGES field, as Word fills them in."""
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for bagian in bagian_halaman(pola):
        if bagian in ("{x}", "{y}"):
            _ruas(p, "PAGE" if bagian == "{x}" else "NUMPAGES")
        else:
            _teks(p, bagian, ukuran=8)


def _ruas(p: Paragraph, perintah: str) -> None:
    """A field (``PAGE``, ``NUMPAGES``): begin, its instruction, separate, a placeholder result Word replaces, end."""

    def tanda(jenis: str) -> BaseOxmlElement:
        e = OxmlElement("w:fldChar")
        e.set(qn("w:fldCharType"), jenis)
        return e

    perintah_xml = OxmlElement("w:instrText")
    perintah_xml.set(qn("xml:space"), "preserve")
    perintah_xml.text = f" {perintah} "
    for isi in (tanda("begin"), perintah_xml, tanda("separate"), None, tanda("end")):
        run = p.add_run("1" if isi is None else None)
        run.font.size = Pt(8)
        if isi is not None:
            run._r.append(isi)


def _sampul(doc: object, dok: Dokumen) -> None:
    judul = doc.add_paragraph()  # type: ignore[attr-defined]
    judul.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _teks(judul, dok.judul, tebal=True, ukuran=15)
    for s in dok.sub_judul:
        sub = doc.add_paragraph()  # type: ignore[attr-defined]
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _teks(sub, s, ukuran=11)


def _blok(doc: object, b: object) -> None:
    d = doc  # python-docx's Document is not typed
    if isinstance(b, Judul):
        h = d.add_heading(level=min(max(b.tingkat, 1), 3))  # type: ignore[attr-defined]
        _teks(h, b.teks)
    elif isinstance(b, Paragraf):
        _teks(d.add_paragraph(), b.teks, tebal=b.tebal, miring=b.miring)  # type: ignore[attr-defined]
    elif isinstance(b, Butir):
        for x in b.isi:
            _teks(d.add_paragraph(style="List Bullet"), x)  # type: ignore[attr-defined]
    elif isinstance(b, Tabel):
        _tabel(d, b)
    elif isinstance(b, TandaTangan):
        _tanda_tangan(d, b)
    elif isinstance(b, HalamanBaru):
        d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # type: ignore[attr-defined]
    else:
        raise TypeError(f"not a block of a document: {b!r}")


def _tabel(doc: object, b: Tabel) -> None:
    keterangan = doc.add_paragraph()  # type: ignore[attr-defined]
    keterangan.paragraph_format.keep_with_next = True
    _teks(keterangan, b.judul, tebal=True)
    baris, lebar = rapikan_baris(b)
    if not baris:
        _teks(doc.add_paragraph(), b.kosong, miring=True)  # type: ignore[attr-defined]
        return
    tabel = doc.add_table(rows=1 + len(baris), cols=len(b.kolom))  # type: ignore[attr-defined]
    tabel.style = "Table Grid"
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    tabel.autofit = False
    jumlah = sum(lebar)
    kolom_lebar = [int(LEBAR_ISI * w / jumlah) for w in lebar]
    # the cells straight from each row's XML: python-docx's rows[i].cells walks the whole table every time
    baris_xml = tabel._tbl.tr_lst
    for i, k in enumerate(b.kolom):
        _isi_sel(baris_xml[0].tc_lst[i], Sel(k, tebal=True), kolom_lebar[i], latar="D9D9D9")
    trPr = baris_xml[0].get_or_add_trPr()
    kepala = OxmlElement("w:tblHeader")
    kepala.set(qn("w:val"), "true")
    trPr.append(kepala)
    for tr, isi in zip(baris_xml[1:], baris):
        for i, (tc, s) in enumerate(zip(tr.tc_lst, isi)):
            _isi_sel(tc, s, kolom_lebar[i])


def _isi_sel(tc: BaseOxmlElement, s: Sel, lebar: int, latar: str | None = None) -> None:
    """One cell (``w:tc`` as ``add_table`` made it: its ``tcPr/tcW`` and one empty paragraph) filled straight in its
    XML: python-docx's properties look every child up again, about 1 ms a cell, 10 s for 300 IKU's tables.
    The text goes in as element text (escaped by lxml), its line breaks as ``w:br`` and tabs as ``w:tab``."""
    tcPr = tc.find(_W + "tcPr")
    if tcPr is None:
        tcPr = etree.SubElement(tc, _W + "tcPr")
        tc.insert(0, tcPr)
    tcW = tcPr.find(_W + "tcW")
    if tcW is None:
        tcW = etree.SubElement(tcPr, _W + "tcW")
    tcW.set(_W + "w", str(lebar // 635))  # EMU → twentieths of a point
    tcW.set(_W + "type", "dxa")
    warna = None
    if s.status is not None:
        latar = WARNA_STATUS[s.status].lstrip("#").upper()
        warna = WARNA_TEKS_STATUS[s.status].lstrip("#").upper()
    if latar:
        shd = etree.SubElement(tcPr, _W + "shd")
        for k, v in (("val", "clear"), ("color", "auto"), ("fill", latar)):
            shd.set(_W + k, v)
    p = tc.find(_W + "p")
    pPr = etree.Element(_W + "pPr")
    p.insert(0, pPr)
    etree.SubElement(pPr, _W + "pStyle").set(_W + "val", _ID_GAYA_SEL)
    if s.rata in ("kanan", "tengah"):
        etree.SubElement(pPr, _W + "jc").set(_W + "val", "right" if s.rata == "kanan" else "center")
    r = etree.SubElement(p, _W + "r")
    if s.tebal or warna:
        rPr = etree.SubElement(r, _W + "rPr")
        if s.tebal:
            etree.SubElement(rPr, _W + "b")
        if warna:
            etree.SubElement(rPr, _W + "color").set(_W + "val", warna)
    for i, baris in enumerate(aman_xml(s.teks.replace("\r\n", "\n").replace("\r", "\n")).split("\n")):
        if i:
            etree.SubElement(r, _W + "br")
        for j, bagian in enumerate(baris.split("\t")):
            if j:
                etree.SubElement(r, _W + "tab")
            if bagian:
                t = etree.SubElement(r, _W + "t")
                t.text = bagian
                t.set(_XML_SPACE, "preserve")


def _tanda_tangan(doc: object, b: TandaTangan) -> None:
    if not b.blok:
        return
    doc.add_paragraph()  # type: ignore[attr-defined]
    tabel = doc.add_table(rows=1, cols=len(b.blok))  # type: ignore[attr-defined]  # no style: no borders
    tabel.alignment = WD_TABLE_ALIGNMENT.CENTER
    for sel, p in zip(tabel.rows[0].cells, b.blok):
        baris = [x for x in (p.keterangan, p.tempat_tanggal, p.jabatan) if x]
        par = sel.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        par.paragraph_format.keep_with_next = True
        _teks(par, "\n".join(baris))
        for _ in range(4):  # room to sign
            par.add_run().add_break()
        nama = sel.add_paragraph()
        nama.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _teks(nama, p.nama, tebal=True)
        nama.runs[-1].underline = True
        if p.nip:
            nip = sel.add_paragraph()
            nip.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _teks(nip, p.nip)
    baris_tt = tabel.rows[0]._tr.get_or_add_trPr()
    tetap = OxmlElement("w:cantSplit")
    tetap.set(qn("w:val"), "true")
    baris_tt.append(tetap)
