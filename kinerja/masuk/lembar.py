"""Reading Excel workbooks (.xlsx) as raw all-text tables, at a cost bounded by the upload limits.

An .xlsx file is a zip of XML parts. Only the parts needed are opened (the
workbook, its relations, the styles, the shared strings and the sheets that are
read) and every part is streamed through expat: nothing is built that the file
merely claims. A declared dimension of ``A1:XFD1048576``, a lone cell at
XFD1048576, a million rows or a part that says it inflates to gigabytes cost no
more than what the limits allow (rows, columns, extracted size), and whatever
passes a limit is refused with a message, not read. The cost is bounded by what
is actually read, not by what the file declares: the zip directory is checked
before anything is inflated (``periksa_zip``: sizes in all, and per part against
its compressed size), then every block is measured before expat sees it (bytes
really inflated, and XML tags that hold no data: BATAS_ELEMEN), so 100 MiB of
``<row/>`` packed in half a megabyte is refused after under a second of work.

Cells come back as the text a CSV export from an Indonesian Excel would hold
(see :func:`teks_sel`): number cells with a decimal comma and never a thousands
mark (``0,5``, ``1500``), a percent cell as it is shown (``95,5 %`` → ``95,5``),
a date cell as ``YYYY-MM-DD``, booleans as ``1``/``0``. A formula gives its
saved result; a formula without one (a file written by a script, never opened
in Excel) is refused naming its cells, never read as a blank.

Which sheets are read: every visible sheet named like a file kind (``unit``,
``iku``, ``realisasi``, any case), else the first visible sheet. Hidden sheets
are skipped with a notice. Each sheet read comes back as a :class:`Lembar`
whose first row is its header; rows keep their spreadsheet numbers.

Other files that look like a workbook are recognised and answered with what to
do: a legacy ``.xls``, a password-protected workbook, an ``.xlsb``, an ``.ods``.
"""

from __future__ import annotations

import datetime
import decimal
import io
import math
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.parsers import expat

from kinerja.masuk.jenis import _nama_kolom
from kinerja.pesan import Pesan

JENIS_SHEET = ("unit", "iku", "realisasi", "komponen")
"""Sheet names (any case) read as their own file part."""

KOLOM_ANGKA_MENTAH = frozenset({"nip_pimpinan"})
"""Columns of identifiers written in digits (a NIP's 18): a number cell there is read as the worksheet stores it,
not as its 15 significant digits (a spreadsheet keeps no more, so ``197001011995011001`` typed as a number is
``1.97001011995011E+17``, which the column's check refuses rather than store ``…011000``)."""

BATAS_KOLOM = 256
"""Columns read from a sheet (A…IV, Excel 2003's grid); header names further right are ignored with a notice."""

BATAS_ISI_MB = 1024
"""Most MiB the parts read may inflate to, as the zip declares them (1 000 000 rows of 7 cells take ~370)."""

BATAS_TEKS_MB = 256
"""Most MiB of memory the shared strings may take (their count and length, estimated as CPython stores them)."""

BATAS_PANJANG_SEL = 32_767
"""Most characters in one cell, as in Excel."""

BATAS_DIREKTORI = 1 << 20
"""Most bytes of zip central directory (a workbook has tens of parts; this is ~10 000)."""

BATAS_GABUNG = 1000
"""Merged ranges reported per sheet."""

BATAS_TOKEN = 1 << 20
"""Most bytes of XML without a ``<`` or ``>``: one tag or text longer than this is refused before expat holds it
(a cell holds at most 32 767 characters, some 160 KB escaped)."""

BATAS_GAYA = 100_000
"""Cell formats read from the styles (Excel allows about 64 000); formats past it count as General."""

RASIO_KEMBANG = 100
"""Most bytes a part may inflate to per compressed byte, past the free allowance below. Excel's XML compresses
5–30 times (rich text about 26); 100 is Apache POI's zip-bomb ratio. A file of repeated empty elements inflates
about 1000 times."""

BEBAS_KEMBANG_MB = 8
"""MiB every part may inflate to whatever its compressed size: the ratio is checked on the bytes really inflated
past this, as they come out of the zip. 8 MiB of sheet is about a second of parsing: a small file of a million
identical data rows (which compress like empty elements) is refused after that, not after the row limit."""

BEBAS_KLAIM_MB = 256
"""The same allowance for the sizes the zip directory declares, checked before anything is parsed. Larger than
BEBAS_KEMBANG_MB so that a sheet the row limit stops early is refused by that limit, with its clearer message."""

BATAS_ELEMEN = 400_000
"""XML tags (counted as ``<`` in the inflated bytes, before expat parses them) the whole workbook may hold beyond
what its content earns: each data row kept earns ELEMEN_PER_SEL × (its width + 8) tags (a row of 7 cells as
Excel writes it has about 40), each distinct shared string earns ELEMEN_PER_TEKS, and the workbook, its
relationships and styles earn nothing. Empty rows, empty cells, cells right of the header, repeated strings and
styles nobody uses spend this allowance; past it the workbook is refused. About one second of parsing on a
2-core server (each tag is a call into Python)."""

ELEMEN_PER_SEL = 8
ELEMEN_PER_TEKS = 32
"""Tags a distinct shared string may take (``<si><t>…</t></si>`` is 4; a rich-text run about 10)."""

CONTOH_SEL = 10
"""Cells named in one message; the rest are counted."""

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = (b"PK\x03\x04", b"PK\x05\x06")

_BLOK = 1 << 16
_TEKS_BERSAMA_PER_STR = 49 + 40  # bytes of a CPython str besides its characters, and its entry among the distinct


@dataclass(frozen=True)
class Masalah:
    """A problem located in a sheet: its message, spreadsheet row and the header text of its column."""

    pesan: Pesan
    baris: int | None = None
    judul: str | None = None


@dataclass
class Lembar:
    """One sheet read as text.

    ``baris`` holds ``(row number, cells)`` pairs: the header first, then every
    row with something in a named column, all as wide as the header. When
    ``kesalahan`` is not empty the sheet is refused and ``baris`` is empty.
    """

    nama: str
    baris: list[tuple[int, list[str]]] = field(default_factory=list)
    kesalahan: list[Masalah] = field(default_factory=list)
    catatan: list[Pesan] = field(default_factory=list)


@dataclass
class Buku:
    """A workbook read: the sheets read, or why none can be (``kesalahan``), and notices."""

    lembar: list[Lembar] = field(default_factory=list)
    kesalahan: list[Pesan] = field(default_factory=list)
    catatan: list[Pesan] = field(default_factory=list)


class _Tolak(Exception):
    """The workbook as a whole cannot be read; the argument is the message for the user."""


class _Berhenti(Exception):
    """Stop reading a sheet: a limit was passed or a cell is unreadable (the argument says which)."""


class _PerluHitung(Exception):
    """The sheet declares more rows than the limit: count them before keeping any."""


# --- cells -----------------------------------------------------------------------------------------


def teks_sel(nilai: object, *, persen: bool = False) -> str:
    """A cell value as the text a CSV export would hold: decimal comma, no thousands mark.

    Excel keeps 15 significant digits, so float noise past them is dropped;
    numbers are written out in full, never with an exponent; a percent cell is
    the number shown (×100, rounded to 12 digits); a date at midnight is a
    plain ISO date.

    >>> teks_sel(1500), teks_sel(0.5), teks_sel(2.0), teks_sel(0.955, persen=True), teks_sel(True), teks_sel(1e-05)
    ('1500', '0,5', '2', '95,5', '1', '0,00001')
    >>> teks_sel(datetime.datetime(2020, 1, 31)), teks_sel(datetime.datetime(2020, 1, 31, 8, 30)), teks_sel(None)
    ('2020-01-31', '2020-01-31 08:30:00', '')
    """
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "1" if nilai else "0"
    if isinstance(nilai, int | float) and persen:
        nilai = float(f"{nilai * 100:.12g}")
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        if not math.isfinite(nilai):
            return repr(nilai)
        nilai = float(f"{nilai:.15g}")
        if nilai.is_integer():
            return str(int(nilai))
        return format(decimal.Decimal(repr(nilai)), "f").replace(".", ",")  # 1e-05 → 0,00001: never an exponent
    if isinstance(nilai, datetime.datetime):
        if nilai.time() == datetime.time(0):
            return nilai.date().isoformat()
        return nilai.isoformat(sep=" ")
    if isinstance(nilai, datetime.date | datetime.time):
        return nilai.isoformat()
    if isinstance(nilai, datetime.timedelta):
        return str(nilai)
    return str(nilai)


_GAYA_UMUM, _GAYA_PERSEN, _GAYA_TANGGAL = 0, 1, 2
_TANGGAL_BAWAAN = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}
_BUKAN_FORMAT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def jenis_format(kode: str | None, nomor: int = 0) -> int:
    """What a number format makes of a number: 0 plain, 1 percent (shown ×100), 2 date or time.

    >>> jenis_format("0.0%"), jenis_format('0.0" %"'), jenis_format("dd/mm/yyyy"), jenis_format("#,##0.00")
    (1, 0, 2, 0)
    """
    if nomor in _TANGGAL_BAWAAN:
        return _GAYA_TANGGAL
    if kode is None:
        return _GAYA_UMUM
    from openpyxl.styles.numbers import is_date_format  # openpyxl only where a workbook is read, not for a CSV
    if is_date_format(kode):
        return _GAYA_TANGGAL
    return _GAYA_PERSEN if "%" in _BUKAN_FORMAT.sub("", kode) else _GAYA_UMUM


_ANGKA_BULAT = re.compile(r"-?\d{1,300}")
_SUB_KOLOM: dict[str, int] = {}


def nomor_kolom(ref: str) -> int:
    """The 1-based column of a cell reference.

    >>> nomor_kolom("A1"), nomor_kolom("E12"), nomor_kolom("XFD1048576")
    (1, 5, 16384)
    """
    huruf = ref.rstrip("0123456789$").lstrip("$")
    n = _SUB_KOLOM.get(huruf)
    if n is None:
        n = 0
        for h in huruf.upper():
            o = ord(h) - 64
            if not 1 <= o <= 26:
                return 0
            n = n * 26 + o
        if len(huruf) <= 3:
            _SUB_KOLOM[huruf] = n
    return n


def huruf_kolom(n: int) -> str:
    """The letters of a 1-based column: 1 → A, 27 → AA.

    >>> huruf_kolom(1), huruf_kolom(27), huruf_kolom(16384)
    ('A', 'AA', 'XFD')
    """
    huruf = ""
    while n > 0:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(65 + sisa) + huruf
    return huruf


def _daftar_sel(sel: list[str], jumlah: int | None = None) -> Pesan:
    """'E2, E3' — at most CONTOH_SEL references, then how many more (of ``jumlah``, when more were seen than
    kept)."""
    lain = (len(sel) if jumlah is None else jumlah) - min(len(sel), CONTOH_SEL)
    return Pesan.daftar(sel[:CONTOH_SEL], Pesan.jamak("galat.xlsx_sel_lain", lain) if lain > 0 else 0)


def _daftar(nama: list[str]) -> Pesan:
    """'Sheet2, Sheet3' — at most CONTOH_SEL names, then how many more."""
    return Pesan.daftar(nama[:CONTOH_SEL], max(len(nama) - CONTOH_SEL, 0))


# --- the zip -----------------------------------------------------------------------------------------


def buku_kerja(isi: bytes) -> bool:
    """Whether bytes are a workbook (a zip, or a legacy OLE2 file) rather than text.

    >>> buku_kerja(b"PK\\x03\\x04..."), buku_kerja(b"tahun;triwulan")
    (True, False)
    """
    return isi.startswith((*ZIP, OLE2))


def _pesan_ole2(isi: bytes) -> Pesan:
    """A legacy .xls, or a password-protected workbook (which Excel stores as OLE2 too)."""
    if "EncryptedPackage".encode("utf-16-le") in isi:
        return Pesan("galat.xlsx_sandi")
    return Pesan("galat.xlsx_xls")


def _periksa_direktori(isi: bytes) -> None:
    """Refuse a zip whose central directory is absurdly large, before zipfile builds it in memory."""
    ekor = isi[-(22 + 65535):]
    letak = ekor.rfind(b"PK\x05\x06")
    if letak < 0 or len(ekor) < letak + 22:
        return  # zipfile says what is wrong
    ukuran = struct.unpack_from("<I", ekor, letak + 12)[0]
    if ukuran > BATAS_DIREKTORI:
        raise _Tolak(_rusak(Pesan("galat.xlsx_sebab_direktori")))


def _mb(n: float) -> str:
    """Bytes as MiB with one decimal, '12.3' in every language (as these messages have always written it)."""
    return str(round(n / 2**20, 1))


def _rusak(sebab: Pesan | str) -> Pesan:
    """The workbook is damaged, and why (a message, or the name of what refused it: 'BadZipFile')."""
    return Pesan("galat.xlsx_rusak", {"sebab": sebab})


def _pesan_isi_besar(info: zipfile.ZipInfo, total: int, batas_mb: int) -> Pesan:
    return Pesan("galat.xlsx_isi_besar", {"bagian": info.filename, "ukuran": _mb(info.file_size),
                                          "total": _mb(total), "batas": batas_mb})


def _boleh_kembang(info: zipfile.ZipInfo, ukuran_berkas: int, bebas_mb: int) -> int:
    """Most bytes a part may inflate to: the free allowance plus RASIO_KEMBANG per compressed byte (as declared,
    but never more than the whole file: zipfile reads no more than there is)."""
    return bebas_mb * 2**20 + RASIO_KEMBANG * min(info.compress_size, ukuran_berkas)


def _ukuran(n: int) -> str:
    """'4.6 MB', or '120 KB' below a megabyte (as the other messages, MB with a decimal point)."""
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{max(round(n / 1024), 1)} KB"


def _pesan_kembang(info: zipfile.ZipInfo, ukuran_berkas: int, boleh: int) -> Pesan:
    return Pesan("galat.xlsx_kembang", {"bagian": info.filename,
                                        "kecil": _ukuran(min(info.compress_size, ukuran_berkas)),
                                        "besar": _ukuran(boleh), "rasio": RASIO_KEMBANG})


def periksa_zip(zf: zipfile.ZipFile, ukuran_berkas: int, batas_isi_mb: int = BATAS_ISI_MB) -> None:
    """Refuse, from the zip directory alone and before any part is inflated or parsed, a workbook whose parts
    declare more than ``batas_isi_mb`` MiB in all, or a part declaring more than BEBAS_KLAIM_MB plus
    RASIO_KEMBANG times its compressed size. The declared sizes may lie: what is really inflated is counted
    again as it comes out (``_urai``)."""
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if total > batas_isi_mb * 2**20:
            raise _Tolak(_pesan_isi_besar(info, total, batas_isi_mb))
    for info in zf.infolist():
        boleh = _boleh_kembang(info, ukuran_berkas, BEBAS_KLAIM_MB)
        if info.file_size > boleh:
            raise _Tolak(_pesan_kembang(info, ukuran_berkas, boleh))


class _Anggaran:
    """What the parts read may cost: the extracted bytes, as their zip entries declare them, and the XML tags
    that earn nothing (BATAS_ELEMEN, shared by every part read).

    Every reading of a part is charged (a hostile workbook may list one huge
    part under many sheet names), except the re-reading of a sheet whose rows
    had to be counted first.
    """

    def __init__(self, batas_mb: int, ukuran_berkas: int = 0) -> None:
        self.batas_mb = batas_mb
        self.sisa = batas_mb * 1024 * 1024
        self.ukuran_berkas = ukuran_berkas
        self.boros = 0
        """Tags beyond what their part earned, in the parts read to the end."""

    def pakai(self, info: zipfile.ZipInfo) -> None:
        self.sisa -= info.file_size
        if self.sisa < 0:
            raise _Tolak(_pesan_isi_besar(info, self.batas_mb * 1024 * 1024 - self.sisa, self.batas_mb))


def _tolak_dtd(*_: object) -> None:
    raise _Tolak(_rusak("DOCTYPE"))


def _urai(zf: zipfile.ZipFile, nama: str, anggaran: _Anggaran, mulai: Callable[[str, dict[str, str]], None],
          akhir: Callable[[str], None] | None = None, teks: Callable[[str], None] | None = None, *,
          tagih: bool = True, dapat: Callable[[], int] | None = None,
          boros: Callable[[int], Pesan] | None = None) -> None:
    """Stream one XML part of the zip through expat, charged to the budget (``tagih`` false: its declared size
    is charged already).

    Each block is measured before expat parses it: the bytes inflated so far
    against ``_boleh_kembang`` (a zip may declare less than it holds), and the
    tags (``<``) so far, less the tags the part has earned (``dapat``), against
    what is left of BATAS_ELEMEN; past either the workbook is refused at once,
    in the words of ``boros`` for the tags when given.

    Namespaces are not processed: handlers take the local name, so ``c`` and
    ``x:c``, transitional and strict OOXML read alike. A DOCTYPE (entity
    tricks) is refused.
    """
    try:
        info = zf.getinfo(nama)
    except KeyError:
        raise _Tolak(_rusak(Pesan("galat.xlsx_sebab_bagian", {"bagian": nama}))) from None
    if tagih:
        anggaran.pakai(info)
    boleh = _boleh_kembang(info, anggaran.ukuran_berkas, BEBAS_KEMBANG_MB)
    keluar = tag = 0
    p = expat.ParserCreate()
    p.buffer_text = True
    p.StartDoctypeDeclHandler = _tolak_dtd
    p.StartElementHandler = mulai
    if akhir is not None:
        p.EndElementHandler = akhir
    if teks is not None:
        p.CharacterDataHandler = teks
    try:
        with zf.open(info) as f:
            tanpa_tanda = 0  # bytes since the last < or >: a tag or text that never ends is refused early
            while blok := f.read(_BLOK):
                keluar += len(blok)
                if keluar > boleh:
                    raise _Tolak(_pesan_kembang(info, anggaran.ukuran_berkas, boleh))
                tanda = max(blok.rfind(b"<"), blok.rfind(b">"))
                tanpa_tanda = len(blok) - 1 - tanda if tanda >= 0 else tanpa_tanda + len(blok)
                if tanpa_tanda > BATAS_TOKEN:
                    raise _Tolak(_rusak(Pesan("galat.xlsx_sebab_token", {"bagian": nama})))
                tag += blok.count(b"<")
                if anggaran.boros + max(tag - (dapat() if dapat else 0), 0) > BATAS_ELEMEN:
                    raise _Tolak(boros(tag) if boros else _rusak(Pesan(
                        "galat.xlsx_sebab_elemen", {"bagian": nama, "batas": _ribuan(BATAS_ELEMEN)})))
                p.Parse(blok, False)
            p.Parse(b"", True)
    except (expat.ExpatError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            ValueError, OSError) as e:
        raise _Tolak(_rusak(type(e).__name__)) from None
    anggaran.boros += max(tag - (dapat() if dapat else 0), 0)


def _ribuan(n: int) -> str:
    """1000000 → '1.000.000'."""
    return f"{n:,}".replace(",", ".")


def _lokal(nama: str) -> str:
    """'x:c' → 'c'."""
    return nama[nama.find(":") + 1:]


def _atribut(atribut: dict[str, str], nama: str) -> str | None:
    """An attribute by local name, whatever its prefix (``r:id`` is ``id``)."""
    if nama in atribut:
        return atribut[nama]
    akhiran = ":" + nama
    return next((v for k, v in atribut.items() if k.endswith(akhiran)), None)


def _relasi(zf: zipfile.ZipFile, bagian: str, anggaran: _Anggaran) -> dict[str, tuple[str, str]]:
    """The relationships of a part: id → (type suffix, target path inside the zip)."""
    folder, nama = posixpath.split(bagian)
    path = posixpath.join(folder, "_rels", nama + ".rels")
    hasil: dict[str, tuple[str, str]] = {}
    if path not in zf.NameToInfo:
        return hasil

    def mulai(el: str, a: dict[str, str]) -> None:
        if _lokal(el) == "Relationship" and len(hasil) < 100_000:
            target = a.get("Target", "")
            if a.get("TargetMode") == "External":
                return
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            hasil[a.get("Id", "")] = (a.get("Type", "").rsplit("/", 1)[-1], target)

    _urai(zf, path, anggaran, mulai)
    return hasil


def _kenali_zip(zf: zipfile.ZipFile, anggaran: _Anggaran) -> str:
    """The workbook part, or a refusal saying what the zip is instead (.xlsb, .ods, not Excel)."""
    nama = zf.NameToInfo
    if "mimetype" in nama:
        info = nama["mimetype"]
        try:
            jenis = zf.read(info) if info.file_size < 200 else b""
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
            jenis = b""
        if b"opendocument.spreadsheet" in jenis:
            raise _Tolak(Pesan("galat.xlsx_ods"))
    utama = next((target for tipe, target in _relasi(zf, "", anggaran).values() if tipe == "officeDocument"), None)
    if utama is None and "xl/workbook.xml" in nama:
        utama = "xl/workbook.xml"
    if "xl/workbook.bin" in nama or (utama or "").endswith(".bin"):
        raise _Tolak(Pesan("galat.xlsx_xlsb"))
    if utama is None or utama not in nama:
        raise _Tolak(Pesan("galat.xlsx_bukan_excel"))
    return utama


# --- workbook parts ----------------------------------------------------------------------------------


@dataclass
class _Sheet:
    nama: str
    tersembunyi: bool
    rid: str


def _baca_workbook(zf: zipfile.ZipFile, path: str, anggaran: _Anggaran) -> tuple[list[_Sheet], bool, bool]:
    """The sheets in order, whether dates count from 1904, and whether cached formula results are stale."""
    sheet: list[_Sheet] = []
    tanda = {"1904": False, "hitung_ulang": False, "akar": False}

    def mulai(el: str, a: dict[str, str]) -> None:
        el = _lokal(el)
        if not tanda["akar"]:
            tanda["akar"] = True
            if el != "workbook":  # a Word or PowerPoint file, or another zip
                raise _Tolak(Pesan("galat.xlsx_bukan_excel"))
        if el == "sheet":
            if len(sheet) >= 10_000:
                raise _Tolak(_rusak(Pesan("galat.xlsx_sebab_sheet")))
            sheet.append(_Sheet(a.get("name", ""), a.get("state", "visible") in ("hidden", "veryHidden"),
                                _atribut(a, "id") or ""))
        elif el == "workbookPr":
            tanda["1904"] = a.get("date1904", "0").lower() in ("1", "true")
        elif el == "calcPr":
            tanda["hitung_ulang"] = a.get("fullCalcOnLoad", "0").lower() in ("1", "true")

    _urai(zf, path, anggaran, mulai)
    return sheet, tanda["1904"], tanda["hitung_ulang"]


def _baca_gaya(zf: zipfile.ZipFile, path: str | None, anggaran: _Anggaran) -> list[int]:
    """Per cell style index: what its number format makes of a number (plain, percent, date)."""
    if path is None:
        return []
    kode: dict[int, str] = {}
    nomor_xf: list[int] = []
    dalam = {"cellXfs": False}

    def mulai(el: str, a: dict[str, str]) -> None:
        el = _lokal(el)
        if el == "numFmt" and len(kode) < BATAS_GAYA:
            try:
                kode[int(a.get("numFmtId", ""))] = a.get("formatCode", "")
            except ValueError:
                pass
        elif el == "cellXfs":
            dalam["cellXfs"] = True
        elif el == "xf" and dalam["cellXfs"] and len(nomor_xf) < BATAS_GAYA:
            try:
                nomor_xf.append(int(a.get("numFmtId", "0")))
            except ValueError:
                nomor_xf.append(0)

    def akhir(el: str) -> None:
        if _lokal(el) == "cellXfs":
            dalam["cellXfs"] = False

    _urai(zf, path, anggaran, mulai, akhir, dapat=lambda: len(nomor_xf))  # styles bloated to Excel's 64 000 pass
    from openpyxl.styles.numbers import BUILTIN_FORMATS
    jenis = {n: jenis_format(kode.get(n, BUILTIN_FORMATS.get(n)), n) for n in set(nomor_xf)}
    return [jenis[n] for n in nomor_xf]


class _PembacaTeks:
    """The shared strings table: every ``<si>``, rich-text runs joined, phonetic guides left out.

    A string met again is kept once (Excel writes each string once; a table repeating one string is a
    zip bomb or a careless writer): its repeats cost a list slot, and only distinct strings earn tags
    (``dapat``, BATAS_ELEMEN).
    """

    def __init__(self, batas_mb: int) -> None:
        self.daftar: list[str] = []
        self.unik: dict[str, str] = {}
        self.sisa = batas_mb * 1024 * 1024
        self.batas_mb = batas_mb
        self.potongan: list[str] = []
        self.kumpul = False
        self.rph = 0
        self.panjang = 0

    def dapat(self) -> int:
        return ELEMEN_PER_TEKS * len(self.unik)

    def mulai(self, el: str, a: dict[str, str]) -> None:
        if ":" in el:
            el = el[el.find(":") + 1:]
        if el == "t":
            self.kumpul = not self.rph
        elif el == "si":
            self.potongan = []
            self.panjang = 0
        elif el == "rPh":
            self.rph += 1

    def akhir(self, el: str) -> None:
        if ":" in el:
            el = el[el.find(":") + 1:]
        if el == "t":
            self.kumpul = False
        elif el == "si":
            potongan = self.potongan
            teks = _tanpa_escape(potongan[0] if len(potongan) == 1 else "".join(potongan))
            n = len(self.unik)
            teks = self.unik.setdefault(teks, teks)
            self.sisa -= (len(teks) + _TEKS_BERSAMA_PER_STR + 8) if len(self.unik) > n else 8  # a repeat: its slot
            if self.sisa < 0:
                raise _Tolak(Pesan("galat.xlsx_teks_besar", {"batas": self.batas_mb}))
            self.daftar.append(teks)
        elif el == "rPh":
            self.rph -= 1

    def teks(self, data: str) -> None:
        if self.kumpul:
            self.panjang += len(data)
            if self.panjang > BATAS_PANJANG_SEL:
                raise _Tolak(_rusak(Pesan("galat.xlsx_sebab_teks_panjang", {"batas": BATAS_PANJANG_SEL})))
            self.potongan.append(data)


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _tanpa_escape(teks: str) -> str:
    """Excel writes control characters as ``_x000D_``; turn them back."""
    if "_x" not in teks:
        return teks
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), teks)


# --- one sheet ---------------------------------------------------------------------------------------


class _PembacaSheet:
    """Expat handlers for one sheet: keeps the header and the rows with content, nothing else.

    Cells right of ``batas_kolom`` are skipped (a header name there is noted),
    cells right of the header are skipped, rows without anything in a named
    column are skipped; rows are counted and reading stops as soon as there are
    more than ``batas_baris`` (what is left of ``batas_berkas``, the limit of
    the whole file, when earlier sheets used some). With ``simpan`` false only
    the count is kept.
    """

    def __init__(self, teks_bersama: list[str], gaya: list[int], epoch: datetime.datetime, hitung_ulang: bool,
                 batas_baris: int, batas_berkas: int, batas_kolom: int, simpan: bool, percaya_dimensi: bool) -> None:
        self.teks_bersama = teks_bersama
        self.gaya = gaya
        self.epoch = epoch
        self.hitung_ulang = hitung_ulang
        self.batas_baris = batas_baris
        self.batas_berkas = batas_berkas
        self.batas_kolom = batas_kolom
        self.simpan = simpan
        self.percaya_dimensi = percaya_dimensi
        # what is kept
        self.baris_judul: int | None = None
        self.judul: list[str] = []
        self.bernama: list[bool] = []
        self.kolom_mentah: set[int] = set()  # columns of KOLOM_ANGKA_MENTAH, by number
        self.lebar = batas_kolom
        self.data: list[tuple[int, list[str]]] = []
        self.jumlah = 0
        self.dibaca = 0  # <row> elements read, empty ones included
        self.rumus: dict[int, tuple[int, list[int]]] = {}  # column → (how many, first rows)
        self.gabung: list[str] = []
        self.luar: list[str] = []
        # the row being read
        self.r = 0
        self.sel: dict[int, str] = {}
        self.rumus_baris: list[int] = []
        self.luar_baris: list[str] = []
        # the cell being read
        self.c = 0
        self.ref = ""
        self.tipe = "n"
        self.s = 0
        self.f = False
        self.v: str | None = None
        self.potongan: list[str] = []
        self.kumpul = False
        self.panjang = 0
        self.dalam_is = False
        self.rph = 0

    def mulai(self, el: str, a: dict[str, str]) -> None:
        if ":" in el:
            el = el[el.find(":") + 1:]
        if el == "c":
            ref = a.get("r")
            self.c = nomor_kolom(ref) if ref else self.c + 1
            self.ref = ref or ""
            self.tipe = a.get("t", "n")
            s = a.get("s")
            self.s = int(s) if s and s.isdecimal() else 0
            self.f = False
            self.v = None
        elif el == "v":
            self.potongan = []
            self.panjang = 0
            self.kumpul = True
        elif el == "f":
            self.f = True
        elif el == "row":
            r = a.get("r")
            self.r = int(r) if r and r.isdecimal() else self.r + 1
            self.c = 0
            self.dibaca += 1
        elif el == "is":
            self.dalam_is = True
            self.potongan = []
            self.panjang = 0
        elif el == "t":
            self.kumpul = self.dalam_is and not self.rph
        elif el == "rPh":
            self.rph += 1
        elif el == "mergeCell":
            if len(self.gabung) < BATAS_GABUNG:
                self.gabung.append(a.get("ref", ""))
        elif el == "dimension" and self.percaya_dimensi:
            _, _, akhir = a.get("ref", "").partition(":")
            baris = akhir.lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZ").lstrip("$")
            if baris.isdecimal() and int(baris) - 1 > self.batas_baris:
                raise _PerluHitung

    def teks(self, data: str) -> None:
        if self.kumpul:
            self.panjang += len(data)
            if self.panjang > BATAS_PANJANG_SEL:
                raise _Berhenti(Masalah(Pesan("galat.xlsx_sel_panjang", {
                    "sel": self.ref or self._ref(), "batas": _ribuan(BATAS_PANJANG_SEL)}), self.r))
            self.potongan.append(data)

    def akhir(self, el: str) -> None:
        if ":" in el:
            el = el[el.find(":") + 1:]
        if el == "c":
            self._sel()
        elif el == "v":
            self.v = "".join(self.potongan)
            self.kumpul = False
        elif el == "row":
            self._baris()
        elif el == "t":
            self.kumpul = False
        elif el == "is":
            self.dalam_is = False
            if self.tipe == "inlineStr":
                self.v = "".join(self.potongan)
        elif el == "rPh":
            self.rph -= 1

    def _ref(self) -> str:
        return f"{huruf_kolom(self.c)}{self.r}"

    def _sel(self) -> None:
        c = self.c
        if c > self.batas_kolom or c < 1:
            if self.baris_judul is None and self.v and len(self.luar_baris) < BATAS_GABUNG \
                    and self._nilai(self.v).strip():
                self.luar_baris.append(self.ref or self._ref())
            return
        if c > self.lebar:
            return
        if self.f and (self.hitung_ulang or self.v is None or (self.v == "" and self.tipe != "str")):
            self.rumus_baris.append(c)
            return
        if self.v:
            if not self.simpan and self.tipe not in ("s", "str", "inlineStr"):
                self.sel[c] = "#"  # only counting: a number, date or boolean is content, its text is not needed
                return
            mentah = c in self.kolom_mentah and self.tipe == "n"
            teks = self.v.strip() if mentah else self._nilai(self.v)
            if teks:
                self.sel[c] = teks

    def _nilai(self, v: str) -> str:
        tipe = self.tipe
        if tipe == "s":
            try:
                return self.teks_bersama[int(v)]
            except (ValueError, IndexError):
                raise _Tolak(_rusak(Pesan("galat.xlsx_sebab_teks_bersama", {"sel": self._ref()}))) from None
        if tipe in ("str", "inlineStr"):
            return _tanpa_escape(v)
        if tipe == "b":
            return "1" if v.strip() in ("1", "true") else "0"
        if tipe == "e":
            return v
        if tipe == "d":
            try:
                return teks_sel(datetime.datetime.fromisoformat(v.strip()))
            except ValueError:
                return v
        # a number: its cell style says whether it shows as a percent or a date
        gaya = self.gaya[self.s] if self.s < len(self.gaya) else _GAYA_UMUM
        v = v.strip()
        if gaya == _GAYA_UMUM and v.isascii() and v.isdigit() and len(v) < 16 and (v[0] != "0" or v == "0"):
            return v  # the common case (a year, a quarter, a count) is already its own text
        try:
            angka: int | float = int(v) if _ANGKA_BULAT.fullmatch(v) else float(v)
        except ValueError:
            return v
        if gaya == _GAYA_TANGGAL:
            from openpyxl.utils.datetime import from_excel
            try:
                return teks_sel(from_excel(angka, self.epoch))
            except (OverflowError, ValueError, TypeError):
                return v
        return teks_sel(angka, persen=gaya == _GAYA_PERSEN)

    def _baris(self) -> None:
        sel, rumus, luar = self.sel, self.rumus_baris, self.luar_baris
        self.sel, self.rumus_baris, self.luar_baris = {}, [], []
        if self.baris_judul is None:
            if not any(v.strip() for v in sel.values()) and not rumus:
                return
            self.baris_judul = self.r
            self.lebar = max((c for c, v in sel.items() if v.strip()), default=0)
            self.judul = [sel.get(c, "") for c in range(1, self.lebar + 1)]
            self.kolom_mentah = {c for c, j in enumerate(self.judul, start=1) if _nama_kolom(j) in KOLOM_ANGKA_MENTAH}
            self.bernama = [False, *(bool(j.strip()) for j in self.judul)]
            self._catat_rumus(rumus)
            self.luar = luar
            return
        if self.r <= self.baris_judul:
            return  # rows out of order: only a hand-made file does this
        if rumus:
            self._catat_rumus(rumus)
        bernama = self.bernama
        if not any(bernama[c] and v.strip() for c, v in sel.items()):
            return
        self.jumlah += 1
        if self.jumlah > self.batas_baris:
            raise _Berhenti(Masalah(Pesan("galat.xlsx_terlalu_banyak_baris", {"batas": self.batas_berkas})))
        if self.simpan:
            self.data.append((self.r, [sel.get(c, "") for c in range(1, self.lebar + 1)]))

    def _catat_rumus(self, kolom: list[int]) -> None:
        """Remember formula cells without a saved result: per column, how many and the first few rows."""
        for c in kolom:
            jumlah, baris = self.rumus.get(c, (0, []))
            if len(baris) < CONTOH_SEL:
                baris.append(self.r)
            self.rumus[c] = (jumlah + 1, baris)

    def sel_rumus(self) -> list[Masalah]:
        """One problem per column holding formulas without a saved result, at its first such row."""
        hasil = []
        for c, (jumlah, baris) in self.rumus.items():
            sel = [f"{huruf_kolom(c)}{r}" for r in baris]
            judul = self.judul[c - 1] if baris[0] != self.baris_judul and c <= len(self.judul) else ""
            hasil.append(Masalah(Pesan("galat.xlsx_rumus_tanpa_nilai", {"sel": _daftar_sel(sel, jumlah)}), baris[0],
                                 judul.strip() or None))
        return sorted(hasil, key=lambda m: m.baris or 0)

    def dapat(self) -> int:
        """The tags the data rows kept so far have earned (BATAS_ELEMEN)."""
        return self.jumlah * ELEMEN_PER_SEL * (min(self.lebar, self.batas_kolom) + 8)

    def jalankan(self, zf: zipfile.ZipFile, path: str, nama: str, anggaran: _Anggaran, tagih: bool = True) -> None:
        def boros(tag: int) -> Pesan:
            return Pesan("galat.xlsx_sheet_boros", {"sheet": nama, "baris": _ribuan(self.dibaca),
                                                    "data": _ribuan(self.jumlah), "elemen": _ribuan(tag),
                                                    "batas": _ribuan(BATAS_ELEMEN)})

        _urai(zf, path, anggaran, self.mulai, self.akhir, self.teks, tagih=tagih, dapat=self.dapat, boros=boros)


def _baca_sheet(zf: zipfile.ZipFile, path: str, nama: str, anggaran: _Anggaran, teks_bersama: list[str],
                gaya: list[int], epoch: datetime.datetime, hitung_ulang: bool, batas_baris: int, batas_berkas: int,
                batas_kolom: int) -> tuple[Lembar, int]:
    """One sheet as a Lembar, and the data rows it used of the limit."""
    def pembaca(simpan: bool, percaya_dimensi: bool) -> _PembacaSheet:
        return _PembacaSheet(teks_bersama, gaya, epoch, hitung_ulang, batas_baris, batas_berkas, batas_kolom, simpan,
                             percaya_dimensi)

    p = aktif = pembaca(True, True)
    try:
        try:
            p.jalankan(zf, path, nama, anggaran)
        except _PerluHitung:
            # the sheet claims more rows than allowed: count what is really there, keeping nothing
            aktif = pembaca(False, False)
            aktif.jalankan(zf, path, nama, anggaran, tagih=False)
            p = aktif = pembaca(True, False)
            p.jalankan(zf, path, nama, anggaran, tagih=False)
    except _Berhenti as e:
        return Lembar(nama, kesalahan=[e.args[0]]), aktif.jumlah
    lembar = Lembar(nama)
    if p.luar:
        lembar.catatan.append(Pesan("galat.xlsx_kolom_di_luar_batas", {"batas": batas_kolom,
                                                                        "sel": _daftar_sel(p.luar)}))
    for ref in sorted(p.gabung, key=_urutan_rentang):
        lembar.kesalahan.append(Masalah(Pesan("galat.sel_gabung", {"sel": ref, "sheet": nama}),
                                        _urutan_rentang(ref)[0]))
    lembar.kesalahan = sorted([*lembar.kesalahan, *p.sel_rumus()], key=lambda m: m.baris or 0)
    if lembar.kesalahan or p.baris_judul is None:
        return lembar, p.jumlah
    lembar.baris = [(p.baris_judul, p.judul), *p.data]
    return lembar, p.jumlah


def _urutan_rentang(ref: str) -> tuple[int, int]:
    """(row, column) of a range's first cell, for sorting and locating: 'B3:C4' → (3, 2)."""
    awal = ref.partition(":")[0]
    baris = awal.lstrip("$ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz").lstrip("$")
    return (int(baris) if baris.isdecimal() else 0, nomor_kolom(awal))


# --- the workbook ------------------------------------------------------------------------------------


def baca_buku(isi: bytes, *, batas_baris: int, batas_isi_mb: int = BATAS_ISI_MB, batas_kolom: int = BATAS_KOLOM,
              jenis: Iterable[str] = JENIS_SHEET) -> Buku:
    """Read the sheets of an .xlsx that hold data, as raw text tables.

    ``batas_baris`` is the most data rows read from the whole workbook; past it
    the sheet being read is refused at once. Every visible sheet named like one
    of ``jenis`` (any case) is read; with none, the first visible sheet. An empty
    sheet among several is skipped with a notice.

    >>> import openpyxl
    >>> buku = openpyxl.Workbook()
    >>> buku.active.title = "realisasi"
    >>> buku.active.append(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"])
    >>> buku.active.append([2019, "TW III", "KPPBCBOGOR", "BGR-01", 43.8])
    >>> isi = io.BytesIO(); buku.save(isi)
    >>> hasil = baca_buku(isi.getvalue(), batas_baris=1000)
    >>> [(s.nama, s.baris) for s in hasil.lembar]  # doctest: +NORMALIZE_WHITESPACE
    [('realisasi', [(1, ['tahun', 'triwulan', 'kode_unit', 'kode_iku', 'realisasi']),
                    (2, ['2019', 'TW III', 'KPPBCBOGOR', 'BGR-01', '43,8'])])]
    """
    anggaran = _Anggaran(batas_isi_mb, len(isi))
    try:
        with _buka(isi, batas_isi_mb) as zf:
            return _baca_zip(zf, anggaran, batas_baris, batas_kolom, {j.strip().lower() for j in jenis})
    except _Tolak as e:
        return Buku(kesalahan=[e.args[0]])


def tolakan_awal(isi: bytes, batas_isi_mb: int = BATAS_ISI_MB) -> Pesan | None:
    """Why a workbook is refused before any of its parts is inflated or parsed (a legacy or password-protected
    file, a damaged zip, a zip directory or declared sizes past the limits: ``periksa_zip``), or None.

    >>> tolakan_awal(b"PK\\x05\\x06" + bytes(18))  # an empty zip passes here; reading it says what is missing
    """
    try:
        _buka(isi, batas_isi_mb).close()
    except _Tolak as e:
        return e.args[0]
    return None


def _buka(isi: bytes, batas_isi_mb: int) -> zipfile.ZipFile:
    """The zip, once its directory and declared sizes pass the limits."""
    if isi.startswith(OLE2):
        raise _Tolak(_pesan_ole2(isi))
    _periksa_direktori(isi)
    try:
        zf = zipfile.ZipFile(io.BytesIO(isi))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError,
            struct.error) as e:
        raise _Tolak(_rusak(type(e).__name__)) from None
    try:
        periksa_zip(zf, len(isi), batas_isi_mb)
    except _Tolak:
        zf.close()
        raise
    return zf


def _baca_zip(zf: zipfile.ZipFile, anggaran: _Anggaran, batas_baris: int, batas_kolom: int,
              jenis: set[str]) -> Buku:
    path = _kenali_zip(zf, anggaran)
    sheet, tahun_1904, hitung_ulang = _baca_workbook(zf, path, anggaran)
    relasi = _relasi(zf, path, anggaran)
    lembar_kerja = [s for s in sheet if relasi.get(s.rid, ("", ""))[0] == "worksheet"]
    buku = Buku()
    tersembunyi = [s.nama for s in sheet if s.tersembunyi]
    if tersembunyi:
        buku.catatan.append(Pesan("galat.xlsx_sheet_tersembunyi", {"sheet": _daftar(tersembunyi)}))
    terlihat = [s for s in lembar_kerja if not s.tersembunyi]
    dibaca = [s for s in terlihat if s.nama.strip().lower() in jenis]
    if not dibaca:
        if not terlihat:
            buku.kesalahan.append(Pesan("galat.xlsx_tanpa_sheet"))
            return buku
        dibaca = terlihat[:1]
        lain = [s.nama for s in sheet if not s.tersembunyi and s is not dibaca[0]]
        if lain:
            buku.catatan.append(Pesan("galat.xlsx_sheet_lain", {"sheet": _daftar(lain), "dibaca": dibaca[0].nama}))
    path_teks = next((p for tipe, p in relasi.values() if tipe == "sharedStrings" and p in zf.NameToInfo), None)
    path_gaya = next((p for tipe, p in relasi.values() if tipe == "styles" and p in zf.NameToInfo), None)
    teks_bersama: list[str] = []
    if path_teks is not None:
        pembaca_teks = _PembacaTeks(BATAS_TEKS_MB)
        _urai(zf, path_teks, anggaran, pembaca_teks.mulai, pembaca_teks.akhir, pembaca_teks.teks,
              dapat=pembaca_teks.dapat)
        teks_bersama = pembaca_teks.daftar
    gaya = _baca_gaya(zf, path_gaya, anggaran)
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900
    epoch = CALENDAR_MAC_1904 if tahun_1904 else CALENDAR_WINDOWS_1900
    sisa = batas_baris
    kosong = []
    for s in dibaca:
        lembar, jumlah = _baca_sheet(zf, relasi[s.rid][1], s.nama, anggaran, teks_bersama, gaya, epoch, hitung_ulang,
                                     max(sisa, 0), batas_baris, batas_kolom)
        sisa -= jumlah
        if not lembar.baris and not lembar.kesalahan:
            kosong.append(lembar)
        buku.lembar.append(lembar)
        if sisa < 0:
            break  # the row limit is for the whole file: the sheets after this one are not read
    if kosong and len(kosong) < len(buku.lembar):
        buku.lembar = [s for s in buku.lembar if all(s is not k for k in kosong)]
        buku.catatan.append(Pesan("galat.xlsx_sheet_kosong", {"sheet": _daftar([s.nama for s in kosong])}))
    return buku
