"""From an uploaded file's bytes to text, and what can be learnt from the bytes before reading them.

One encoding is used for the whole file, never guessed line by line: valid
UTF-8 (with or without BOM) is UTF-8; a UTF-16 BOM means UTF-16 (damaged
UTF-16, an odd length or a lone surrogate, is refused). Bytes that are not
UTF-8 are Windows-1252, the "CSV" of Excel on an Indonesian Windows, only when
the file holds no multi-byte UTF-8 sequence at all (with a notice); UTF-8 text
with stray bytes is refused naming the lines (``dekode``).

Also here: the header line and its separator, `;`, `,` or tab
(``tebak_pemisah``); a lower bound of a CSV file's rows counted on its bytes,
so an oversized file is refused before it is decoded (``baris_csv_melebihi``);
and the fast path that reads a plain file with Arrow's CSV reader (``_baca_arrow``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from kinerja.masuk.catat import BATAS_KESALAHAN, _ribuan
from kinerja.pesan import Pesan


@dataclass(frozen=True)
class Teks:
    """A file's bytes decoded with one encoding, or (``teks`` None) why they cannot be read with certainty."""

    teks: str | None
    kodek: str
    salah: tuple[tuple[int | None, Pesan], ...] = ()
    """(line, message) per line that cannot be decoded, at most BATAS_KESALAHAN."""
    salah_lain: int = 0


def _sebagai_c1(galat: UnicodeError) -> tuple[str, int]:
    """Bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 control characters
    Windows maps them to: the control-character check then refuses them with their row and column."""
    assert isinstance(galat, UnicodeDecodeError)
    return galat.object[galat.start:galat.end].decode("latin-1"), galat.end


codecs.register_error("kinerja.c1", _sebagai_c1)

_MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")
_BYTE_ASING = re.compile("[\udc80-\udcff]+")


def dekode(isi: bytes) -> Teks:
    """Bytes to text with one encoding for the whole file, never guessed line by line.

    Valid UTF-8 (BOM or not) is UTF-8; a UTF-16 BOM means UTF-16. Bytes that
    are not UTF-8 are Windows-1252 only when the file holds no multi-byte UTF-8
    sequence at all; UTF-8 with stray bytes, and damaged UTF-16, are refused.

    >>> dekode("\\ufeffkode_unit;nama_unit".encode("utf-8"))
    Teks(teks='kode_unit;nama_unit', kodek='utf-8', salah=(), salah_lain=0)
    >>> hasil = dekode("Rp 5,7 miliar – ok".encode("cp1252"))
    >>> hasil.teks, hasil.kodek
    ('Rp 5,7 miliar – ok', 'cp1252')
    >>> hasil = dekode("a;b\\nRp – ok\\n".encode("utf-8") + b"shift \\x96 sore\\n")
    >>> hasil.teks, [(baris, pesan.kunci, pesan.isian["byte"]) for baris, pesan in hasil.salah]
    (None, [(3, 'baca.bukan_utf8', '0x96')])
    """
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Teks(isi.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as e:
            baris = isi[: e.start - e.start % 2].decode("utf-16", errors="replace").count("\n") + 1
            pesan = (Pesan.jamak("baca.utf16_ganjil", len(isi), {"n": _ribuan(len(isi))}) if len(isi) % 2
                     else Pesan("baca.utf16_rusak"))
            return Teks(None, "utf-16", ((baris, pesan),))
    try:
        return Teks(isi.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    campur = isi.decode("utf-8", errors="surrogateescape")  # a byte that is not UTF-8 becomes U+DC80…U+DCFF
    if not _MULTIBYTE.search(campur):
        # Excel on an Indonesian Windows laptop saves "CSV" in the ANSI code page
        return Teks(isi.decode("cp1252", errors="kinerja.c1"), "cp1252")
    salah, lain = _baris_bukan_utf8(campur)
    return Teks(None, "utf-8", salah, lain)


def _baris_bukan_utf8(campur: str) -> tuple[tuple[tuple[int | None, Pesan], ...], int]:
    """One message per line holding bytes that are not UTF-8 (at most BATAS_KESALAHAN), and how many more lines."""
    salah: list[tuple[int | None, Pesan]] = []
    lain, baris, letak, terakhir = 0, 1, 0, 0
    for m in _BYTE_ASING.finditer(campur):  # only the stray bytes are visited, not every line
        baris += campur.count("\n", letak, m.start())
        letak = m.start()
        if baris == terakhir:
            continue
        terakhir = baris
        if len(salah) >= BATAS_KESALAHAN:
            lain += 1
            continue
        byte = ", ".join(f"0x{ord(c) - 0xDC00:02X}" for c in m.group()[:3])
        awal = campur.rfind("\n", 0, m.start()) + 1
        konteks = campur[max(awal, m.start() - 20): m.end() + 20].split("\n")[0]
        salah.append((baris, Pesan("baca.bukan_utf8", {"byte": byte,
                                                       "konteks": _BYTE_ASING.sub("\ufffd", konteks).strip()})))
    return tuple(salah), lain


def tebak_pemisah(baris_judul: str) -> str:
    """The separator that splits the header into the most columns: ';', ',' or tab.

    >>> tebak_pemisah("tahun;triwulan;kode_unit"), tebak_pemisah("tahun,triwulan")
    (';', ',')
    """
    return max((";", ",", "\t"), key=lambda p: len(_sel_judul(baris_judul, p)))


def _sel_judul(baris_judul: str, pemisah: str) -> list[str]:
    """The header's cells; a line the csv module refuses (a NUL, a stray newline) is split plainly."""
    try:
        return next(csv.reader([baris_judul], delimiter=pemisah), [])
    except csv.Error:
        return baris_judul.split(pemisah)


def _baris_terlalu_panjang(teks: str, pemisah: str, jumlah_judul: int) -> tuple[int | None, int]:
    """The first row with more fields than the header, and its field count (error path only)."""
    try:
        for nomor, sel in enumerate(csv.reader(io.StringIO(teks), delimiter=pemisah), start=1):
            if len(sel) > jumlah_judul:
                return nomor, len(sel)
    except csv.Error:
        pass  # not CSV at all: the caller reports the file as unreadable
    return None, 0


def _baris_judul(teks: str) -> str:
    """The first line that is not blank, found without splitting the whole file into lines.

    >>> _baris_judul("\\n  \\r\\nkode_unit;nama_unit\\r\\nBTP;Balai\\n")
    'kode_unit;nama_unit'
    """
    ukuran = 1 << 16
    while True:
        potong = teks[:ukuran]
        baris = potong.splitlines()
        if ukuran < len(teks):
            baris = baris[:-1]  # the last line may go on past the cut
        judul = next((b for b in baris if b.strip()), None)
        if judul is not None or ukuran >= len(teks):
            return judul or ""
        ukuran *= 8


_BUKAN_KENDALI = bytes(b for b in range(256) if b in (9, 10, 13) or 0x20 <= b < 0x7F or b >= 0x80)
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")


def _tanpa_kendali(data: bytes, ascii_saja: bool) -> bool:
    """Whether UTF-8 text holds no control character that ``_bersihkan`` looks for (one pass over the file)."""
    return not data.translate(None, _BUKAN_KENDALI) and (ascii_saja or not _C1_UTF8.search(data))


def _baca_arrow(data: bytes, pemisah: str, jumlah: int) -> pd.DataFrame | None:
    """A file without quotes, control characters or lone carriage returns, read by Arrow's CSV reader: the
    same table the pandas reader gives such a file, in a fraction of the time. None when Arrow refuses the
    file (a row of another length, a blank line): the pandas reader then reads it and words the problem."""
    nama = [str(i) for i in range(jumlah)]
    try:
        tabel = pacsv.read_csv(
            io.BytesIO(data),
            read_options=pacsv.ReadOptions(column_names=nama, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=pemisah, quote_char=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(nama, pa.large_string()),
                                                 strings_can_be_null=False),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    teks = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas' own text type, what read_csv(dtype=str) gives
    return pd.DataFrame({i: pd.Series(tabel.column(k), dtype=teks) for i, k in enumerate(nama)})


_ISI_PASTI = bytes(b for b in range(0x21, 0x7F) if b not in b'";,')
"""Bytes that make a line hold something whatever the file's encoding and separator: printable ASCII other than
a separator or a quote (a line of spaces, separators, quotes or non-ASCII letters might be blank)."""
_KELAS_BARIS = bytes.maketrans(b"\r" + _ISI_PASTI, b"\n" + b"x" * len(_ISI_PASTI))
_BUANG_BARIS = bytes(b for b in range(256) if b not in (0x0A, 0x0D) and b not in _ISI_PASTI)
_POTONG = 1 << 20


def _per_byte(isi: bytes) -> bytes | bytearray:
    """The file with one byte per character where the row count needs it: UTF-16 (by its BOM) becomes its ASCII
    characters, every other character 0x80 (so ``Ċ``, 0x010A, is never taken for a line end); other encodings
    are already ASCII-compatible and are returned as they are."""
    if not isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        return isi
    unit = np.frombuffer(isi, dtype="<u2" if isi[0] == 0xFF else ">u2", count=(len(isi) - 2) // 2, offset=2)
    keluar = bytearray()
    for i in range(0, len(unit), _POTONG):
        keluar += np.minimum(unit[i:i + _POTONG], 0x80).astype(np.uint8).tobytes()
    return keluar


def baris_csv_melebihi(isi: bytes, batas: int) -> int | None:
    """The data rows of a CSV file when they are certainly more than ``batas``, counted on its bytes before it
    is decoded or parsed; None otherwise (the reader then counts exactly).

    The count is a lower bound, so a file under the limit is never refused by it: a line holding nothing but
    spaces, separators, quotes or non-ASCII characters may be blank (blank rows are dropped) and is not counted.
    A file with no more line ends than ``batas`` costs one byte count (three when it holds a ``\\r``); a 28 MB
    file of 1.3 million rows about 0.1 s, a 1 MB piece at a time. A file with quotes (a cell may hold line ends)
    has its records counted by pandas' own tokenizer, one column kept (about 0.3 s for 28 MB), less every line
    that might be blank.

    >>> baris_csv_melebihi(b"a;b\\n1;2\\n3;4\\n", 1), baris_csv_melebihi(b'a;b\\n1;"2\\n3"\\n;;\\n', 1)
    (2, None)
    """
    teks = _per_byte(isi)
    akhir_baris = teks.count(b"\n")
    if b"\r" in teks:  # a Windows or old Mac file: each \r\n once, a lone \r as a line end too
        akhir_baris += teks.count(b"\r") - teks.count(b"\r\n")
    if akhir_baris <= batas:
        return None  # lines ≥ rows, and the header is a line
    berisi, terakhir = 0, b"\n"  # lines with something in them; the last class seen
    for i in range(0, len(teks), _POTONG):
        kelas = bytes(teks[i:i + _POTONG]).translate(_KELAS_BARIS, _BUANG_BARIS)  # 'x' holds something, '\n' ends
        if kelas:
            berisi += kelas.count(b"x\n") + (terakhir == b"x" and kelas[:1] == b"\n")
            terakhir = kelas[-1:]
    if b'"' not in teks:
        data = berisi + (terakhir == b"x") - 1  # every line a record; the header is one
    else:
        rekaman = _rekaman_csv(teks)
        if rekaman is None:
            return None
        data = rekaman - (akhir_baris - berisi) - 1  # less every line ended empty, and the header
    return data if data > batas else None


def _rekaman_csv(teks: bytes | bytearray) -> int | None:
    """The records of a CSV file with quotes as pandas reads it (blank lines skipped, rows longer than the
    first skipped: fewer, never more), keeping one column of a chunk at a time; None when it cannot be read."""
    judul = _baris_judul(bytes(teks[:1 << 16]).decode("latin-1"))
    try:
        return sum(len(potong) for potong in pd.read_csv(
            io.BytesIO(teks), sep=tebak_pemisah(judul), header=None, usecols=[0], dtype=str, encoding="latin-1",
            keep_default_na=False, skip_blank_lines=True, on_bad_lines="skip", chunksize=1 << 18, engine="c"))
    except (pd.errors.ParserError, pd.errors.ParserWarning, pd.errors.EmptyDataError, ValueError, csv.Error):
        return None

