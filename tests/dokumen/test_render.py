"""The renderers (``kinerja.dokumen.pdf``, ``docx``, ``xlsx``) on hand-built documents, each file opened again the
way a reader opens it (pypdf, python-docx, openpyxl): hostile and formula-like text stays text, line breaks stay,
a long table repeats its header on every page, the footer counts pages in both languages, the PDF is PDF/A-2b
with every font embedded, and a spreadsheet's numbers are numbers."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from docx import Document
from PIL import Image
from pypdf import PdfReader

from kinerja.dokumen import docx, pdf, xlsx
from kinerja.dokumen.model import (
    Butir,
    Dokumen,
    HalamanBaru,
    Judul,
    Paragraf,
    Penanda,
    Sel,
    Tabel,
    TandaTangan,
)
from kinerja.dokumen.xlsx import nama_lembar
from kinerja_core.model import Status
from tests.jahat import HTML_JAHAT, MD_JAHAT, NAMA_BOGOR, RAPAT, SATUAN

TYPST_JAHAT = ('#set page(width: 1cm) #panic("JAHAT") #read("/etc/passwd") #image("/etc/passwd") $x^2$ `kode` '
               '<label> @ref \\ *JAHAT tebal* _miring_ ] ) }')
"""Typst markup that would change the page, stop the compile or read a file if it were ever source."""
RUMUS = "=SUM(A1)"
PANJANG = ("Persentase penyelesaian layanan kepabeanan dan cukai tepat waktu sesuai standar pelayanan " * 12).strip()
"""A very long IKU name (about 1 100 characters)."""
KATA_PANJANG = "X" * 300
"""One word longer than any column."""
JAHAT = (HTML_JAHAT, MD_JAHAT, NAMA_BOGOR, SATUAN, *(v for v in RAPAT.values() if isinstance(v, str)),
         *(x for a in RAPAT["arahan"] for x in (a.teks, a.pic) if x), TYPST_JAHAT, RUMUS, "+62 812", "-5 hari", "@rina")
STATUS = (Status.HIJAU, Status.KUNING, Status.MERAH, Status.ABU_ABU)
NAMA_STATUS = {Status.HIJAU: "Hijau", Status.KUNING: "Kuning", Status.MERAH: "Merah", Status.ABU_ABU: "Abu-abu"}


def _logo() -> bytes:
    keluar = io.BytesIO()
    Image.new("RGB", (40, 40), (21, 156, 106)).save(keluar, "PNG")
    return keluar.getvalue()


def _baris(i: int) -> tuple[Sel, ...]:
    s = STATUS[i % 4]
    return (Sel(f"BGR-{i:03d}"), Sel(f"IKU nomor {i}"), Sel(f"{104 + i / 100:.2f}".replace(".", ",") + "%",
                                                            angka=104 + i / 100, rata="kanan"),
            Sel(NAMA_STATUS[s], status=s, rata="tengah"))


def dokumen(bahasa: str = "id", *, baris: int = 400, logo: bool = True) -> Dokumen:
    """A quarterly report's shape: title block, hostile texts in every kind of block, a long table, signatures."""
    jahat = tuple((Sel(f"J-{i}"), Sel(teks), Sel(RUMUS), Sel("Merah", status=Status.MERAH)) for i, teks in enumerate(JAHAT))
    return Dokumen(
        jenis="triwulan", judul=f"Laporan Kinerja {RUMUS}", sub_judul=(NAMA_BOGOR, "TW III 2019"),
        instansi=f"Kementerian Keuangan {HTML_JAHAT}", bahasa=bahasa, nama_berkas="triwulan_KPPBCBOGOR_2019_tw3",
        logo=_logo() if logo else None,
        isi=(
            Judul(f"Bab I {TYPST_JAHAT}"),
            Paragraf("Baris pertama\nbaris kedua\r\nbaris ketiga"),
            Paragraf(f"Catatan panjang: {PANJANG} {KATA_PANJANG}", miring=True),
            Butir((RUMUS, MD_JAHAT, TYPST_JAHAT)),
            Tabel("Teks jahat", ("Kode", "Isi", "Rumus", "Status"), jahat, (1, 6, 2, 1)),
            Tabel(f"Capaian IKU: {PANJANG}", ("Kode", "IKU", "Capaian", "Status"),
                  (*(_baris(i) for i in range(baris)), (Sel("BGR-PJG"), Sel(PANJANG), Sel("—"), Sel(""))),
                  (1, 5, 2, 2)),
            Tabel("Capaian IKU: TW III [2019]", ("Kode",), (), (1,), kosong="Belum ada data triwulan ini."),
            HalamanBaru(),
            Judul("Lampiran", tingkat=2),
            TandaTangan((Penanda("Kepala Kantor", f"Rina {RUMUS}", "NIP 19700101 199501 1 001", "Bogor, 2 Oktober 2019",
                                 "Pihak Pertama"),
                         Penanda("Kepala Kanwil", RAPAT["pimpinan"], "NIP 19800101 200501 1 002"))),
        ))


def _rapat(teks: str) -> str:
    """Text without its spacing: what a PDF extractor gives back may wrap a line anywhere."""
    return re.sub(r"\s+", "", teks)


@pytest.fixture(scope="module")
def berkas_pdf() -> PdfReader:
    return PdfReader(io.BytesIO(pdf.render(dokumen())))


@pytest.fixture(scope="module")
def berkas_docx() -> bytes:
    return docx.render(dokumen())


@pytest.fixture(scope="module")
def berkas_xlsx() -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx.render(dokumen())))


# --- PDF -------------------------------------------------------------------------------------------------------

def test_pdf_teks_jahat_tetap_teks(berkas_pdf: PdfReader):
    semua = _rapat("".join(h.extract_text() for h in berkas_pdf.pages))
    for teks in (*JAHAT, PANJANG, f"Kementerian Keuangan {HTML_JAHAT}", f"Rina {RUMUS}", "Pihak Pertama"):
        assert _rapat(teks) in semua, teks
    assert berkas_pdf.pages[0].mediabox.width == pytest.approx(595.28, abs=0.5)  # #set page(width: 1cm) did nothing
    assert _rapat(KATA_PANJANG) in semua


def test_pdf_baris_baru_tetap(berkas_pdf: PdfReader):
    baris = berkas_pdf.pages[0].extract_text().splitlines()
    assert {"Baris pertama", "baris kedua", "baris ketiga"} <= set(baris)


def test_pdf_kepala_tabel_di_setiap_halaman(berkas_pdf: PdfReader):
    halaman_tabel = [h.extract_text() for h in berkas_pdf.pages if re.search(r"BGR-\d{3}", h.extract_text())]
    assert len(halaman_tabel) >= 5
    for teks in halaman_tabel:
        assert "Kode IKU Capaian Status" in teks
    semua = "".join(h.extract_text() for h in berkas_pdf.pages)
    assert all(f"BGR-{i:03d}" in semua for i in range(400))
    assert "Belum ada data triwulan ini." in semua


def test_pdf_kaki_halaman_dua_bahasa(berkas_pdf: PdfReader):
    n = len(berkas_pdf.pages)
    for i, h in enumerate(berkas_pdf.pages, start=1):
        assert f"Halaman {i} dari {n}" in h.extract_text()
        assert "Kementerian Keuangan" in h.extract_text()  # the letterhead on every page
    inggris = PdfReader(io.BytesIO(pdf.render(dokumen("en", baris=80))))
    m = len(inggris.pages)
    assert m > 1
    assert [f"Page {i} of {m}" in h.extract_text() for i, h in enumerate(inggris.pages, start=1)] == [True] * m
    assert inggris.trailer["/Root"]["/Lang"] == "en"


def test_pdf_huruf_tertanam_dan_pdfa(berkas_pdf: PdfReader):
    huruf = {}
    for h in berkas_pdf.pages:
        for f in h["/Resources"]["/Font"].values():
            f = f.get_object()
            for turunan in f.get("/DescendantFonts", [f]):
                turunan = turunan.get_object()
                deskriptor = turunan["/FontDescriptor"].get_object()
                huruf[str(deskriptor["/FontName"])] = {"/FontFile", "/FontFile2", "/FontFile3"} & set(deskriptor)
    assert huruf and all(huruf.values()), huruf
    meta = berkas_pdf.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[>=\"']+2", meta) and re.search(r"pdfaid:conformance[>=\"']+B", meta)
    assert berkas_pdf.trailer["/Root"]["/Lang"] == "id"
    assert RUMUS in berkas_pdf.metadata.title


def test_pdf_logo_sebagai_gambar(berkas_pdf: PdfReader):
    assert len(berkas_pdf.pages[0].images) == 1
    tanpa = PdfReader(io.BytesIO(pdf.render(dokumen(baris=3, logo=False))))
    assert len(tanpa.pages[0].images) == 0
    rusak = pdf.render(Dokumen("pk", "J", (), "I", "id", (), "x", logo=b"bukan gambar"))  # left out, never a failure
    assert len(PdfReader(io.BytesIO(rusak)).pages[0].images) == 0


# --- DOCX ------------------------------------------------------------------------------------------------------

def test_docx_teks_jahat_dan_baris_baru(berkas_docx: bytes):
    doc = Document(io.BytesIO(berkas_docx))
    paragraf = [p.text for p in doc.paragraphs]
    assert f"Laporan Kinerja {RUMUS}" in paragraf
    assert "Baris pertama\nbaris kedua\nbaris ketiga" in paragraf  # w:br, read back as a line break
    assert f"Bab I {TYPST_JAHAT}" in paragraf
    assert [p.text for p in doc.paragraphs if p.style.name == "List Bullet"] == [RUMUS, MD_JAHAT, TYPST_JAHAT]
    jahat = doc.tables[0]
    assert [r.cells[1].text for r in jahat.rows[1:]] == [t.replace("\r\n", "\n") for t in JAHAT]
    assert all(r.cells[2].text == RUMUS for r in jahat.rows[1:])
    dokumen_xml = zipfile.ZipFile(io.BytesIO(berkas_docx)).read("word/document.xml").decode()
    assert "<a href" not in dokumen_xml and "&lt;a href=" in dokumen_xml  # escaped text, never markup


def test_docx_kepala_tabel_berulang_dan_warna(berkas_docx: bytes):
    doc = Document(io.BytesIO(berkas_docx))
    panjang = doc.tables[1]
    assert len(panjang.rows) == 402
    assert [c.text for c in panjang.rows[0].cells] == ["Kode", "IKU", "Capaian", "Status"]
    kepala = panjang.rows[0]._tr.trPr
    assert kepala is not None and kepala.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader") is not None
    sel = panjang.rows[1].cells[3]
    assert sel.text == "Hijau" and 'w:fill="159C6A"' in sel._tc.xml
    assert panjang.rows[-1].cells[1].text == PANJANG
    sec = doc.sections[0]
    assert (round(sec.page_width.cm, 1), round(sec.page_height.cm, 1)) == (21.0, 29.7)


def test_docx_kepala_kaki_dan_tanda_tangan(berkas_docx: bytes):
    doc = Document(io.BytesIO(berkas_docx))
    sec = doc.sections[0]
    assert f"Kementerian Keuangan {HTML_JAHAT}" in sec.header.paragraphs[0].text
    assert sec.header.part.related_parts  # the logo's picture
    kaki = sec.footer.paragraphs[0]._p.xml
    assert re.findall(r"<w:instrText[^>]*> (PAGE|NUMPAGES) </w:instrText>", kaki) == ["PAGE", "NUMPAGES"]
    assert sec.footer.paragraphs[0].text.startswith("Halaman 1 dari 1")  # Word fills the fields in when it opens
    tt = doc.tables[-1]
    assert tt.style is None or tt.style.name != "Table Grid"  # borderless
    kiri, kanan = (c.text for c in tt.rows[0].cells)
    assert kiri.startswith("Pihak Pertama\nBogor, 2 Oktober 2019\nKepala Kantor")
    assert f"Rina {RUMUS}" in kiri and "NIP 19700101 199501 1 001" in kiri
    assert RAPAT["pimpinan"] in kanan
    inggris = Document(io.BytesIO(docx.render(dokumen("en", baris=3))))
    assert inggris.sections[0].footer.paragraphs[0].text.startswith("Page 1 of 1")


def test_docx_karakter_kendali_tidak_menggagalkan():
    isi = Document(io.BytesIO(docx.render(Dokumen("pk", "J\x1b[31m", (), "I\x00", "id", (Paragraf("a\x0bb\x07c"),), "x"))))
    assert "a\ufffdb\ufffdc" in [p.text for p in isi.paragraphs]


# --- XLSX ------------------------------------------------------------------------------------------------------

def test_xlsx_satu_lembar_per_tabel(berkas_xlsx: openpyxl.Workbook):
    nama = berkas_xlsx.sheetnames
    assert len(nama) == 4 and len({n.lower() for n in nama}) == 4
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\") for n in nama)
    assert nama[0] == f"Laporan Kinerja {RUMUS}"  # the document's words first, then one sheet per table
    assert nama[1] == "Teks jahat" and nama[2].startswith("Capaian IKU Persentase") and nama[3] == \
        "Capaian IKU TW III 2019"
    kosong = berkas_xlsx[nama[3]]
    assert [c.value for c in kosong["A"] if c.value][-1] == "Belum ada data triwulan ini."


def test_xlsx_angka_tetap_angka_rumus_tetap_teks(berkas_xlsx: openpyxl.Workbook):
    lembar = berkas_xlsx.worksheets[2]
    judul = [lembar.cell(r, 1).value for r in range(1, 5)]
    assert judul == [f"Laporan Kinerja {RUMUS}", NAMA_BOGOR, "TW III 2019", f"Capaian IKU: {PANJANG}"]
    assert lembar.cell(1, 1).data_type == "s"  # the title too: text, never a formula
    kepala = 6
    assert [lembar.cell(kepala, k).value for k in range(1, 5)] == ["Kode", "IKU", "Capaian", "Status"]
    angka = lembar.cell(kepala + 2, 3)
    assert angka.data_type == "n" and angka.value == pytest.approx(104.01) and angka.number_format == "0.00"
    assert lembar.cell(kepala + 1, 4).fill.fgColor.rgb.endswith("159C6A")
    assert lembar.freeze_panes == f"A{kepala + 1}"
    assert lembar.print_title_rows == f"${kepala}:${kepala}"
    assert str(lembar.page_setup.paperSize) == lembar.PAPERSIZE_A4 == "9"  # A4
    jahat = berkas_xlsx.worksheets[1]
    isi = {jahat.cell(r, 2).value: jahat.cell(r, 2) for r in range(7, 7 + len(JAHAT))}
    assert list(isi) == [t.replace("\r\n", "\n") for t in JAHAT]
    for teks in (RUMUS, "+62 812", "-5 hari", "@rina"):
        assert isi[teks].data_type == "s" and isi[teks].quotePrefix
    assert all(jahat.cell(r, 3).value == RUMUS and jahat.cell(r, 3).data_type == "s" for r in range(7, 7 + len(JAHAT)))


def test_xlsx_tidak_ada_rumus_di_berkas():
    isi = zipfile.ZipFile(io.BytesIO(xlsx.render(dokumen(baris=3))))
    assert not any("<f>" in isi.read(n).decode() for n in isi.namelist() if n.startswith("xl/worksheets/"))


def test_xlsx_tanpa_tabel_berkata_demikian():
    buku = openpyxl.load_workbook(io.BytesIO(xlsx.render(Dokumen("pk", "Perjanjian Kinerja", (), "I", "en",
                                                                   (Paragraf("x"),), "x"))))
    assert buku.sheetnames == ["Perjanjian Kinerja"]
    assert "This document has no tables." in [c.value for c in buku.active["A"]]


def test_nama_lembar():
    dipakai: set[str] = set()
    assert nama_lembar("'Capaian'", dipakai) == "Capaian"
    assert nama_lembar("CAPAIAN", dipakai) == "CAPAIAN (2)"
    assert nama_lembar("[]:*?/\\", dipakai) == "Tabel"
    assert nama_lembar("A" * 40, dipakai) == "A" * 31
    assert nama_lembar("A" * 40, dipakai) == "A" * 27 + " (2)"


def test_pdf_karakter_tanpa_huruf_dan_kendali_tetap_pdfa():
    """PDF/A allows no missing glyph: a character no bundled font has (emoji, CJK, Thai, runes) or a control
    character becomes the replacement mark; the rest of the text, and PDF/A, stay."""
    teks = "Emoji 😀 中文 ไทย ᚠ bel\x07 null\x00 ș ğ ★ ∑ →"
    berkas = PdfReader(io.BytesIO(pdf.render(Dokumen("pk", "J", (), "I", "id", (Paragraf(teks),), "x"))))
    hasil = berkas.pages[0].extract_text()
    assert "Emoji \ufffd \ufffd\ufffd \ufffd\ufffd\ufffd \ufffd bel\ufffd null\ufffd ș ğ ★ ∑ →" in hasil
    meta = berkas.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[>=\"']+2", meta)
