"""A ``Dokumen`` as an Excel workbook (openpyxl): a first sheet with the document's words (headings, paragraphs,
lists: the NKO and its formula, or the sentence saying a unit has no data yet), then one sheet per ``Tabel``, the
document's title rows above its header row, the header frozen and repeated on every printed page, A4.

Numbers stay numbers (``Sel.angka`` with ``Sel.format_angka``), so a reader can sum and chart them; every text is a
text cell, and text a spreadsheet would run as a formula (``=SUM(A1)``, ``+62…``, ``-5 hari``, ``@x``) is stored as
text with Excel's quote prefix, as ``kinerja.masuk.exporting`` does for the app's exports.
"""

from __future__ import annotations

import io
import math
import re

from openpyxl import Workbook
from openpyxl.cell.cell import TYPE_STRING, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from kinerja.dokumen.model import Butir, Dokumen, Judul, Paragraf, Sel, Tabel, aman_xml, rapikan_baris
from kinerja.masuk.keluaran import AWALAN_RUMUS
from kinerja.texts import WARNA_STATUS, WARNA_TEKS_STATUS, dalam_bahasa, t

LEBAR_MAKS = 60
"""Widest a column is made (in characters); longer text wraps."""
_TIDAK_BOLEH_DI_NAMA = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_GARIS = Side(style="thin", color="808080")
_KOTAK = Border(left=_GARIS, right=_GARIS, top=_GARIS, bottom=_GARIS)
_KEPALA = PatternFill("solid", fgColor="D9D9D9")


def render(dok: Dokumen) -> bytes:
    """The .xlsx of ``dok``: its words on a first sheet (when it has any besides its tables), then its tables; a
    document with no table says so on that first sheet."""
    buku = Workbook()
    buku.remove(buku.active)  # type: ignore[arg-type]
    buku.properties.title = aman_xml(dok.judul)[:255]
    buku.properties.creator = aman_xml(dok.instansi)[:255]
    with dalam_bahasa(dok.bahasa):
        dipakai: set[str] = set()
        tabel = dok.tabel()
        teks = _teks(dok)
        if teks or not tabel:
            lembar = buku.create_sheet(nama_lembar(dok.judul, dipakai))
            baris = _judul(lembar, dok, None)
            for isi, tebal in [*teks, *([] if tabel else [(t("dok.render.tanpa_tabel"), False)])]:
                _tulis(lembar.cell(baris, 1), isi)
                lembar.cell(baris, 1).alignment = Alignment(wrap_text=True, vertical="top")
                lembar.cell(baris, 1).font = Font(bold=tebal)
                baris += 1
            lembar.column_dimensions["A"].width = 100
        for tb in tabel:
            _lembar(buku.create_sheet(nama_lembar(tb.judul, dipakai)), dok, tb)
    keluar = io.BytesIO()
    buku.save(keluar)
    return keluar.getvalue()


def _teks(dok: Dokumen) -> list[tuple[str, bool]]:
    """The document's words outside its tables, in reading order, each with whether it is set bold (a heading);
    signature blocks are for paper and stay out."""
    teks: list[tuple[str, bool]] = []
    for b in dok.isi:
        if isinstance(b, Judul):
            teks.append((b.teks, True))
        elif isinstance(b, Paragraf):
            teks.append((b.teks, b.tebal))
        elif isinstance(b, Butir):
            teks += [(f"• {isi}", False) for isi in b.isi]
    return teks


def nama_lembar(judul: str, dipakai: set[str]) -> str:
    """A sheet name Excel accepts, unlike those already ``dipakai`` (Excel compares them without case): no
    ``[]:*?/\\``, no apostrophe at either end, at most 31 characters, never empty; a repeat gets " (2)", " (3)" ….

    >>> dipakai = set()
    >>> nama_lembar("Capaian IKU: TW III [2019]", dipakai), nama_lembar("capaian iku  tw iii  2019 ", dipakai)
    ('Capaian IKU TW III 2019', 'capaian iku tw iii 2019 (2)')
    """
    dasar = " ".join(_TIDAK_BOLEH_DI_NAMA.sub(" ", judul).split()).strip("'").strip()[:31].strip() or t("dok.render.lembar")
    nama, n = dasar, 1
    while nama.lower() in dipakai:
        n += 1
        akhir = f" ({n})"
        nama = dasar[:31 - len(akhir)].rstrip() + akhir
    dipakai.add(nama.lower())
    return nama


def _tulis(sel: Cell, teks: str) -> None:
    """``teks`` as a text cell, whatever it starts with."""
    sel.value = aman_xml(teks)
    if teks.startswith(AWALAN_RUMUS):
        sel.data_type = TYPE_STRING  # written as text: Excel never evaluates it
        sel.quotePrefix = True  # and keeps it text when someone edits the cell


def _judul(lembar: Worksheet, dok: Dokumen, tabel: Tabel | None) -> int:
    """The title rows (the document, its sub-titles, the table's caption); the next free row."""
    baris = 1
    for i, teks in enumerate((dok.judul, *dok.sub_judul, *((tabel.judul,) if tabel else ()))):
        sel = lembar.cell(baris, 1)
        _tulis(sel, teks)
        sel.font = Font(bold=i == 0 or (tabel is not None and teks is tabel.judul), size=13 if i == 0 else 11)
        baris += 1
    return baris + 1


def _lembar(lembar: Worksheet, dok: Dokumen, tabel: Tabel) -> None:
    kepala = _judul(lembar, dok, tabel)
    baris, _ = rapikan_baris(tabel)
    lebar = [len(k) for k in tabel.kolom]
    for i, k in enumerate(tabel.kolom, start=1):
        sel = lembar.cell(kepala, i)
        _tulis(sel, k)
        sel.font, sel.fill, sel.border = Font(bold=True), _KEPALA, _KOTAK
        sel.alignment = Alignment(wrap_text=True, vertical="center")
    for r, isi in enumerate(baris, start=kepala + 1):
        for i, s in enumerate(isi, start=1):
            _sel(lembar.cell(r, i), s)
            lebar[i - 1] = max(lebar[i - 1], *(len(x) for x in s.teks.split("\n")))
    if not baris and tabel.kosong:
        _tulis(lembar.cell(kepala + 1, 1), tabel.kosong)
    for i, w in enumerate(lebar, start=1):
        lembar.column_dimensions[get_column_letter(i)].width = min(max(w, 6) + 2, LEBAR_MAKS)
    lembar.freeze_panes = lembar.cell(kepala + 1, 1)
    lembar.print_title_rows = f"{kepala}:{kepala}"
    lembar.page_setup.paperSize = lembar.PAPERSIZE_A4
    lembar.page_setup.orientation = "landscape" if len(tabel.kolom) > 6 else "portrait"
    lembar.page_setup.fitToWidth = 1
    lembar.page_setup.fitToHeight = 0
    lembar.sheet_properties.pageSetUpPr.fitToPage = True
    lembar.print_options.gridLines = False


def _sel(sel: Cell, s: Sel) -> None:
    if s.angka is not None and math.isfinite(s.angka):
        sel.value = float(s.angka)
        sel.number_format = s.format_angka
    else:
        _tulis(sel, s.teks)
    rata = {"kanan": "right", "tengah": "center"}.get(s.rata, "left" if s.angka is None else "right")
    sel.alignment = Alignment(horizontal=rata, vertical="top", wrap_text=True)
    sel.border = _KOTAK
    if s.status is not None:
        sel.fill = PatternFill("solid", fgColor=WARNA_STATUS[s.status].lstrip("#").upper())
        sel.font = Font(bold=s.tebal, color=WARNA_TEKS_STATUS[s.status].lstrip("#").upper())
    elif s.tebal:
        sel.font = Font(bold=True)
