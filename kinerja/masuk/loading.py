"""Reading the files people upload: bytes in, typed tables and row-located errors out.

The exports people really have are accepted: `;`, `,` or tab separators, a
UTF-8 BOM, UTF-16 or Windows-1252, decimal commas and thousands dots
(``5.700.000.000,50``), ``%`` and ``Rp`` decorations, quarters written as
``TW III``, ``Triwulan 3``, ``Q3`` or ``3``. The kind of file (unit, IKU,
realisasi) is recognised from its header.

Every check runs on whole columns (pandas on Arrow strings), never row by row,
so a ministry's file of hundreds of thousands of rows loads in about the time
it takes to read it. Closed vocabularies are parsed once per distinct value.
Row numbers are spreadsheet rows: the header is row 1, the first data row 2.

Nothing is guessed. A value is read one documented way for the whole file, and
the preview says how (a notice in ``Berkas.catatan``); what cannot be read with
certainty is refused with its row and column. Each rule is written down with
the code that keeps it:

- kinerja.masuk.dekode: the encoding, the separator, the rows counted before decoding;
- kinerja.masuk.gaya_angka: the decimal mark, one for the whole file;
- kinerja.masuk.bersih: control characters, the app's own exports read back, lengths, codes;
- kinerja.masuk.periksa_jenis: each kind's columns, magnitudes, dates, a key once per file;
- kinerja.masuk.jenis: the kinds of file and their columns, recognised from the header;
- kinerja.masuk.catat: the errors found (``Kesalahan``), at most BATAS_KESALAHAN per file.

This module runs the read: the limits that refuse a file before it is decoded
(``periksa_batas``), then a CSV file or each sheet of a workbook as a table of
text, cleaned and checked as its kind (``baca_semua``, ``baca_berkas``). The
names the rest of the app uses (``Jenis``, ``KOLOM``, ``Kesalahan``,
``rapikan_teks`` ...) are imported from here.
"""

from __future__ import annotations

import csv
import io
import os
import threading
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from kinerja.masuk import lembar
from kinerja.masuk.bersih import BATAS_PANJANG, BATAS_PANJANG_LAIN, KENDALI_TERLARANG, _bersihkan, rapikan_teks
from kinerja.masuk.catat import BATAS_KESALAHAN, BATAS_KUTIP, Kesalahan, _Pencatat
from kinerja.masuk.dekode import (
    Teks,
    _baca_arrow,
    _baris_judul,
    _baris_terlalu_panjang,
    _sel_judul,
    _tanpa_kendali,
    baris_csv_melebihi,
    dekode,
    tebak_pemisah,
)
from kinerja.masuk.gaya_angka import baca_angka
from kinerja.masuk.jenis import (
    KOLOM,
    KOLOM_ANGKA,
    KOLOM_INFO,
    KOLOM_KODE,
    TARGET,
    Jenis,
    _jenis_terdekat,
    _kolom_asing,
    _nama_kolom,
    kenali_jenis,
)
from kinerja.masuk.periksa_jenis import _PERIKSA, BATAS_BOBOT, BATAS_NILAI, _periksa_duplikat
from kinerja.pesan import Pesan

__all__ = [
    "BATAS_BARIS", "BATAS_BOBOT", "BATAS_KESALAHAN", "BATAS_KUTIP", "BATAS_NILAI", "BATAS_PANJANG",
    "BATAS_PANJANG_LAIN", "BATAS_UKURAN_MB", "KENDALI_TERLARANG", "KOLOM", "KOLOM_ANGKA", "KOLOM_INFO", "KOLOM_KODE",
    "TARGET", "Berkas", "Jenis", "Kesalahan", "Teks", "baca_angka", "baca_berkas", "baca_semua", "baris_csv_melebihi",
    "dekode", "kenali_jenis", "periksa_batas", "rapikan_teks", "tebak_pemisah",
]

BATAS_UKURAN_MB = int(os.environ.get("KINERJA_BATAS_MB", "50"))
"""Largest file accepted, in MiB (KINERJA_BATAS_MB)."""

BATAS_BARIS = int(os.environ.get("KINERJA_BATAS_BARIS", "1000000"))
"""Most data rows accepted in one file (KINERJA_BATAS_BARIS)."""


@dataclass
class Berkas:
    """An uploaded file after reading: its kind, typed rows, problems and notices.

    ``data`` has the canonical columns of its kind plus ``baris`` (the
    spreadsheet row each record came from).
    """

    nama: str
    jenis: Jenis | None
    data: pd.DataFrame
    kesalahan: list[Kesalahan] = field(default_factory=list)
    catatan: list[Pesan] = field(default_factory=list)
    """Notices about how the file was read, as messages (words only where a person reads them)."""
    kesalahan_lain: int = 0

    @property
    def sah(self) -> bool:
        return not self.kesalahan


# --- reading ---------------------------------------------------------------------------------------


def _judul(kolom_mentah: Iterable[object], catat: _Pencatat) -> list[str] | None:
    """Normalised column names, or None (with the error) when a name appears twice."""
    kolom = [_nama_kolom(str(k) if k is not None else "") for k in kolom_mentah]
    ganda = sorted({k for k in kolom if k and kolom.count(k) > 1})
    for k in ganda:
        catat.catat(Pesan("galat.kolom_ganda", {"kolom": k}), baris=1, nilai=k)
    return None if ganda else kolom


def _rapikan(tabel: pd.DataFrame, kolom: list[str]) -> pd.DataFrame:
    """Name the columns, number the rows as a spreadsheet does, drop rows that are entirely blank."""
    tabel = tabel.fillna("")
    tabel.columns = kolom
    tabel = tabel.loc[:, [k != "" for k in kolom]]  # unnamed trailing columns (Excel leaves them) go
    tabel = tabel.assign(baris=np.arange(len(tabel)) + 2)
    kosong = np.ones(len(tabel), dtype=bool)  # blank so far; each column looks only at the rows still blank
    for k in tabel.columns.drop("baris"):
        posisi = np.flatnonzero(kosong)
        if not len(posisi):
            break
        kosong[posisi] = (tabel[k].iloc[posisi].str.strip() == "").to_numpy(bool)
    return tabel[~kosong].reset_index(drop=True)


_KUNCI_PERINGATAN = threading.Lock()
"""Python's warning filters belong to the whole process: two files read at once (two sessions, or the files of
one upload) must not change them at the same time, or a row longer than its header could slip through."""


def _baca_csv(isi: bytes, catat: _Pencatat) -> tuple[pd.DataFrame | None, str, bool]:
    """The raw table (all text) of a CSV/TSV file, the separator used, and whether the file holds no control
    character at all (then ``_bersihkan`` need not look for one cell by cell)."""
    hasil = dekode(isi)
    if hasil.teks is None:
        for baris, pesan in hasil.salah:
            catat.catat(pesan, baris=baris, nilai=pesan.isian.get("byte"))
        catat.lain += hasil.salah_lain
        return None, ",", False
    if hasil.kodek == "cp1252":
        catat.catatan.append(Pesan("baca.cp1252"))
    teks = hasil.teks
    baris_judul = _baris_judul(teks)
    if not baris_judul:
        catat.catat(Pesan("galat.kosong"))
        return None, ",", False
    pemisah = tebak_pemisah(baris_judul)
    kolom = _judul(_sel_judul(baris_judul, pemisah), catat)
    if kolom is None:
        return None, pemisah, False
    teks = teks[teks.index(baris_judul):]  # the header is row 1 even after leading blank lines
    data = teks.encode("utf-8", errors="surrogatepass")
    bersih = _tanpa_kendali(data, teks.isascii())
    tabel = None
    if bersih and b'"' not in data and (b"\r" not in data or data.count(b"\r") == data.count(b"\r\n")):
        tabel = _baca_arrow(data, pemisah, len(kolom))
    if tabel is None:
        try:
            with _KUNCI_PERINGATAN, warnings.catch_warnings():
                warnings.simplefilter("error", pd.errors.ParserWarning)  # a row longer than the header
                tabel = pd.read_csv(
                    io.StringIO(teks), sep=pemisah, dtype=str, keep_default_na=False, skip_blank_lines=False,
                    header=None, skiprows=1, names=range(len(kolom)), index_col=False,
                )
        except (pd.errors.ParserError, pd.errors.ParserWarning) as e:
            baris, jumlah = _baris_terlalu_panjang(teks, pemisah, len(kolom))
            if baris is None:
                catat.catat(Pesan("galat.tidak_terbaca",
                                  {"sebab": str(e).replace("Error tokenizing data. C error: ", "")}))
            else:
                catat.catat(Pesan("galat.jumlah_kolom", {"ada": jumlah, "judul": len(kolom)}), baris=baris, nilai=jumlah)
            return None, pemisah, False
        except (ValueError, csv.Error) as e:
            catat.catat(Pesan("galat.tidak_terbaca", {"sebab": str(e).strip()}))
            return None, pemisah, False
    return _rapikan(tabel, kolom), pemisah, bersih


def _baca_xlsx(sheet: lembar.Lembar, catat: _Pencatat) -> tuple[pd.DataFrame | None, str, bool]:
    """The raw table of one sheet read by kinerja.masuk.lembar, rows numbered as the spreadsheet numbers them.

    What the reader found in the sheet (merged cells, formulas without a saved
    result, too many rows) refuses it. Number cells arrive as CSV text with a
    decimal comma ("0,5", "1500"), so a sheet reads as an Indonesian file.
    """
    for m in sheet.kesalahan:
        catat.catat(m.pesan, m.baris, _nama_kolom(m.judul) if m.judul else None)
    if sheet.kesalahan:
        return None, ";", False
    if not sheet.baris:
        catat.catat(Pesan("galat.kosong"))
        return None, ";", False
    (_, judul), *isi = sheet.baris
    kolom = _judul(judul, catat)
    if kolom is None:
        return None, ";", False
    tabel = pd.DataFrame([b for _, b in isi], columns=range(len(kolom)), dtype="str")
    tabel.columns = kolom
    tabel = tabel.loc[:, [k != "" for k in kolom]]  # unnamed columns go, as in a CSV
    return tabel.assign(baris=[n for n, _ in isi]), ";", False


def baca_berkas(nama: str, isi: bytes) -> Berkas:
    """Read and check one uploaded file on its own (codes are checked against the database later).

    >>> b = baca_berkas("realisasi.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi\\n2019;TW III;KPPBCBOGOR;BGR-01;43,8\\n")
    >>> b.jenis.value, b.data[["triwulan", "realisasi"]].values.tolist(), b.sah
    ('realisasi', [[3, 43.8]], True)

    A workbook with several data sheets is refused here, never half-read: read
    it with :func:`baca_semua`.
    """
    bagian = baca_semua(nama, isi)
    if len(bagian) == 1:
        return bagian[0]
    sheet = Pesan.daftar(b.nama.removeprefix(f"{nama} [").removesuffix("]") for b in bagian)
    return Berkas(nama, None, pd.DataFrame(), [Kesalahan(nama, Pesan("galat.xlsx_banyak_sheet", {"sheet": sheet}))],
                  [c for b in bagian for c in b.catatan], 0)


def periksa_batas(nama: str, isi: bytes) -> list[Kesalahan]:
    """The limits that refuse a file before it is decoded, parsed or compared with anything, cheapest first
    (an empty list when it passes them): its size (BATAS_UKURAN_MB); for a workbook, its zip directory and the
    sizes its parts declare (``lembar.tolakan_awal``); for a text file, a lower bound of its rows against
    BATAS_BARIS (``baris_csv_melebihi``). What can only be known while reading (a workbook's rows, empty
    elements and inflated bytes) is bounded by the reader as it goes.

    >>> [str(k) for k in periksa_batas("r.csv", b"tahun;triwulan\\n" + b"2019;3\\n" * (BATAS_BARIS + 1))]
    ['r.csv: berkas berisi 1000001 baris, melebihi batas 1000000 baris; bagi menjadi beberapa berkas']
    """
    if len(isi) > BATAS_UKURAN_MB * 1024 * 1024:
        ukuran = str(round(len(isi) / 1024 / 1024, 1))  # '50.5' in every language, as it has always read
        return [Kesalahan(nama, Pesan("galat.terlalu_besar", {"ukuran": ukuran, "batas": BATAS_UKURAN_MB}),
                          nilai=len(isi))]
    if lembar.buku_kerja(isi):
        pesan = lembar.tolakan_awal(isi)
        return [Kesalahan(nama, pesan)] if pesan else []
    baris = baris_csv_melebihi(isi, BATAS_BARIS)
    if baris is not None:
        return [Kesalahan(nama, Pesan("galat.terlalu_banyak_baris", {"baris": baris, "batas": BATAS_BARIS}),
                          nilai=baris)]
    return []


def baca_semua(nama: str, isi: bytes) -> list[Berkas]:
    """Read and check one upload: a CSV file is one Berkas, a workbook one Berkas per sheet read.

    A sheet's Berkas is named like ``buku.xlsx [realisasi]``, so every message
    names file and sheet. Which sheets are read is kinerja.masuk.lembar's rule: every
    visible sheet named unit, iku, realisasi or komponen, else the first visible sheet;
    its notices (hidden sheets skipped) go with the first part.

    >>> [b.nama for b in baca_semua("unit.csv", b"kode_unit;nama_unit\\nBTP;Balai Teknologi Polimer\\n")]
    ['unit.csv']
    """
    kesalahan = periksa_batas(nama, isi)
    if kesalahan:
        return [Berkas(nama, None, pd.DataFrame(), kesalahan, [], 0)]
    if not lembar.buku_kerja(isi):
        return [_periksa_berkas(nama, lambda catat: _baca_csv(isi, catat))]
    buku = lembar.baca_buku(isi, batas_baris=BATAS_BARIS)
    if buku.kesalahan or not buku.lembar:
        kesalahan = [Kesalahan(nama, p) for p in buku.kesalahan] or [Kesalahan(nama, Pesan("galat.kosong"))]
        return [Berkas(nama, None, pd.DataFrame(), kesalahan, list(buku.catatan), 0)]
    bagian = []
    for sheet in buku.lembar:
        b = _periksa_berkas(f"{nama} [{sheet.nama}]", lambda catat, s=sheet: _baca_xlsx(s, catat))
        b.catatan[:0] = sheet.catatan
        bagian.append(b)
    bagian[0].catatan[:0] = buku.catatan
    return bagian


def _periksa_berkas(nama: str, baca: Callable[[_Pencatat], tuple[pd.DataFrame | None, str, bool]]) -> Berkas:
    """One table (a CSV file or one sheet of a workbook), read by ``baca`` and checked on its own."""
    catat = _Pencatat(nama)
    mentah, pemisah, tanpa_kendali = baca(catat)
    if mentah is None:
        return Berkas(nama, None, pd.DataFrame(), catat.daftar, [], catat.lain)
    jenis = kenali_jenis(mentah.columns)
    if jenis is None:
        kolom = ", ".join(k for k in mentah.columns if k != "baris")
        mirip = _jenis_terdekat(mentah.columns)
        asing = None if mirip is None else _kolom_asing(mentah.columns, mirip)
        catat.catat(Pesan("galat.jenis_tidak_dikenal", {"kolom": kolom}, lanjut=(asing,) if asing else ()), baris=1)
        return Berkas(nama, None, pd.DataFrame(), catat.daftar, [], catat.lain)
    wajib, pilihan = KOLOM[jenis]
    hilang = [k for k in wajib if k not in mentah.columns]
    if hilang:
        asing = _kolom_asing(mentah.columns, jenis)
        catat.catat(Pesan("galat.kolom_hilang", {"kolom": ", ".join(hilang)}, lanjut=(asing,) if asing else ()),
                    baris=1)
        return Berkas(nama, jenis, pd.DataFrame(), catat.daftar, [], catat.lain)
    catatan: list[Pesan] = []
    lebih = [k for k in mentah.columns if k not in (*wajib, *pilihan, *KOLOM_INFO[jenis], "baris")]
    if lebih:
        catatan.append(Pesan("galat.kolom_diabaikan", {"kolom": ", ".join(lebih)}))
    if mentah.empty:
        catat.catat(Pesan("galat.tanpa_data"))
        return Berkas(nama, jenis, pd.DataFrame(), catat.daftar, catatan, catat.lain)
    if len(mentah) > BATAS_BARIS:
        catat.catat(Pesan("galat.terlalu_banyak_baris", {"baris": len(mentah), "batas": BATAS_BARIS}),
                    nilai=len(mentah))
        return Berkas(nama, jenis, pd.DataFrame(), catat.daftar, catatan, catat.lain)
    for k in pilihan:
        if k not in mentah.columns:
            mentah[k] = ""
    mentah = _bersihkan(mentah[["baris", *wajib, *pilihan]].copy(), (*wajib, *pilihan), catat, tanpa_kendali)
    data = _PERIKSA[jenis](mentah, pemisah, catat)
    _periksa_duplikat(data, jenis, catat)
    urutan = {k: i for i, k in enumerate((*wajib, *pilihan))}
    kesalahan = sorted(catat.daftar, key=lambda k: (k.baris or 0, urutan.get(k.kolom or "", -1)))
    return Berkas(nama, jenis, data.reset_index(drop=True), kesalahan, [*catatan, *catat.catatan], catat.lain)
