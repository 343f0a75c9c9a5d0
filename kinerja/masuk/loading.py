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
certainty is refused with its row and column:

- **Encoding, per file.** Valid UTF-8 (with or without BOM) is UTF-8; a UTF-16
  BOM means UTF-16 (damaged UTF-16, an odd length or a lone surrogate, is
  refused). Bytes that are not UTF-8 are Windows-1252, the "CSV" of Excel on an
  Indonesian Windows, only when the file holds no multi-byte UTF-8 sequence at
  all (with a notice); UTF-8 text with stray bytes is refused naming the lines.
- **Decimal mark, per file, from all its numeric columns.** Evidence for a
  decimal comma: a comma not followed by exactly three digits (``90,9``),
  both marks as ``1.234,5``, several thousands dots (``5.700.000.000``);
  for a decimal dot the mirror images (``1.5``, ``0.500``, ``1,234.5``,
  ``1,234,567``). Both kinds in one file: refused, naming a row of each. One
  kind: the whole file is read that way, including values such as ``1.500``.
  Neither: a `;`-separated file or a workbook is Indonesian (decimal comma) by
  convention; otherwise a value that reads two ways (one mark followed by
  exactly three digits, ``1.500``, ``1,500``) is refused naming its row.
  Number cells of a workbook arrive as ``0,5`` / ``1500``. ``%``, ``Rp`` and
  spaces are decorations.
- **Magnitudes.** bobot is > 0 and at most BATAS_BOBOT; targets, realisasi and
  realisasi_terburuk are at most BATAS_NILAI in absolute value (Rp 1 000
  triliun written in rupiah). Anything larger is refused, never stored as a
  number that breaks the scores.
- **The app's own exports round-trip.** kinerja.masuk.exporting writes text that a
  spreadsheet would run as a formula with a leading ``'``; on import a leading
  ``'`` immediately followed by ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return is removed in every text and code column (with a notice), so
  ``'-F2`` is the code ``-F2`` again.
- **Control characters.** Word's manual line and page breaks (``\\x0b``,
  ``\\x0c``) become a newline, with a notice; any other control character
  (C0 except tab, newline and carriage return; DEL; C1, including the bytes
  Windows-1252 leaves undefined) is refused naming row and column.
- **Lengths.** At most BATAS_PANJANG characters per cell of the named columns
  (codes 50, pic 200, satuan 100), BATAS_PANJANG_LAIN (2 000) elsewhere.
- **Codes** (kode_unit, kode_iku, kode_induk) are plain: ASCII letters, digits,
  ``-``, ``_``, ``.``. A non-Latin look-alike letter (Cyrillic ``В``) is named
  with the code spelled in Latin as a suggestion. Codes compare without regard
  to case, so ``bgr-01`` and ``BGR-01`` in one file are the same key.
- **Dates** are day first, as Indonesians write them: ``31/12/2019``,
  ``31-12-2019``, ``31.12.2019``, ``31 Desember 2019``, ``31 Des 2019`` (Indonesian
  or English month names, any case), and year first ``2019-12-31``; a time
  after the date (a spreadsheet date cell, ``2019-12-31 00:00:00``) is ignored.
  A date that is not in the calendar (``31/02/2019``) is refused.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import functools
import io
import os
import re
import threading
import unicodedata
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from kinerja.masuk import lembar
from kinerja.store import KUNCI
from kinerja.texts import TEKS, t, tn
from kinerja_core.kaskade import Agregasi
from kinerja_core.komponen import POLA_NAMA_KOMPONEN, RumusTidakSah, baca_rumus
from kinerja_core.model import Konsolidasi, Perspektif, Polaritas, StatusAksi, Sumber, baca_triwulan

BATAS_KESALAHAN = 500
"""At most this many errors are collected per file; the rest are counted."""


class Jenis(str, Enum):
    """The kind of an uploaded file; the order is the order they are applied in."""

    UNIT = "unit"
    IKU = "iku"
    REALISASI = "realisasi"
    KOMPONEN = "komponen"


KOLOM: dict[Jenis, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Jenis.UNIT: (("kode_unit", "nama_unit"), ("kode_induk",)),
    Jenis.IKU: (
        ("tahun", "kode_unit", "kode_iku", "nama_iku", "perspektif", "polaritas", "konsolidasi", "bobot",
         "target_tw1", "target_tw2", "target_tw3", "target_tw4"),
        ("sasaran_strategis", "satuan", "konversi_120", "realisasi_terburuk", "sumber", "kode_unit_induk",
         "kode_iku_induk", "agregasi_anak", "rumus_komponen", "batas_bawah", "bilangan_bulat"),
    ),
    Jenis.REALISASI: (
        ("tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"),
        ("kendala", "rencana_aksi", "pic", "tenggat", "status_aksi", "catatan_aksi"),
    ),
    Jenis.KOMPONEN: (("tahun", "triwulan", "kode_unit", "kode_iku", "komponen", "nilai"), ()),
}
"""Required and optional columns of each kind, as DOMAIN.md names them."""

KOLOM_INFO: dict[Jenis, tuple[str, ...]] = {
    Jenis.UNIT: ("nama_induk",),
    Jenis.IKU: ("nama_unit",),
    Jenis.REALISASI: ("nama_unit", "nama_iku", "satuan", "target_triwulan"),
    Jenis.KOMPONEN: ("nama_unit", "nama_iku", "rumus_komponen"),
}
"""Columns our templates add for the reader's sake: ignored on upload without a notice."""

BATAS_UKURAN_MB = int(os.environ.get("KINERJA_BATAS_MB", "50"))
"""Largest file accepted, in MiB (KINERJA_BATAS_MB)."""

BATAS_BARIS = int(os.environ.get("KINERJA_BATAS_BARIS", "1000000"))
"""Most data rows accepted in one file (KINERJA_BATAS_BARIS)."""

TARGET = ("target_tw1", "target_tw2", "target_tw3", "target_tw4")

BATAS_NILAI = 1e15
"""Largest absolute target, realisasi or realisasi_terburuk accepted: Rp 1 000 triliun written in rupiah."""

BATAS_BOBOT = 1_000_000
"""Largest bobot accepted (bobot are relative weights: any positive numbers, normalised per unit)."""

BATAS_PANJANG = {"kode_unit": 50, "kode_iku": 50, "kode_induk": 50, "kode_unit_induk": 50, "kode_iku_induk": 50,
                 "komponen": 40, "rumus_komponen": 500, "pic": 200, "satuan": 100, "tempat": 200,
                 "pimpinan": 200, "peserta": 4000, "arahan": 4000}
"""Most characters in a cell of these columns."""

BATAS_PANJANG_LAIN = 2000
"""Most characters in a cell of any other column (names, sasaran, kendala, rencana aksi)."""

BATAS_KUTIP = 80
"""A value quoted in a message is cut to this many characters."""

KOLOM_KODE = ("kode_unit", "kode_iku", "kode_induk", "kode_unit_induk", "kode_iku_induk")
KOLOM_ANGKA = (*TARGET, "bobot", "realisasi", "realisasi_terburuk", "batas_bawah", "nilai")


@dataclass(frozen=True)
class Kesalahan:
    """One problem in an uploaded file, located as precisely as it can be."""

    berkas: str
    pesan: str
    baris: int | None = None
    kolom: str | None = None

    def __str__(self) -> str:
        if self.baris is not None and self.kolom:
            return t("galat.lokasi", berkas=self.berkas, baris=self.baris, kolom=self.kolom, pesan=self.pesan)
        if self.baris is not None:
            return t("galat.lokasi_baris", berkas=self.berkas, baris=self.baris, pesan=self.pesan)
        return t("galat.lokasi_berkas", berkas=self.berkas, pesan=self.pesan)


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
    catatan: list[str] = field(default_factory=list)
    kesalahan_lain: int = 0

    @property
    def sah(self) -> bool:
        return not self.kesalahan


class _Pencatat:
    """Collects errors of one file up to BATAS_KESALAHAN, counting the rest, and its notices."""

    def __init__(self, berkas: str) -> None:
        self.berkas = berkas
        self.daftar: list[Kesalahan] = []
        self.lain = 0
        self.catatan: list[str] = []

    def catat(self, pesan: str, baris: int | None = None, kolom: str | None = None) -> None:
        if len(self.daftar) < BATAS_KESALAHAN:
            self.daftar.append(Kesalahan(self.berkas, pesan, baris, kolom))
        else:
            self.lain += 1

    def catat_kolom(self, mask: pd.Series, data: pd.DataFrame, kolom: str, pesan: Callable[[str], str]) -> None:
        """One error per row where ``mask`` holds, quoting the raw value found (cut to BATAS_KUTIP)."""
        jumlah = int(mask.sum())
        if not jumlah:
            return
        ruang = max(BATAS_KESALAHAN - len(self.daftar), 0)
        contoh = data.loc[mask, ["baris", kolom]].head(ruang)
        for baris, nilai in contoh.itertuples(index=False):
            self.daftar.append(Kesalahan(self.berkas, pesan(_kutip(nilai)), int(baris), kolom))
        self.lain += jumlah - len(contoh)


def _kutip(nilai: object) -> object:
    """A cell as a message quotes it: long text is cut (a 50 MB cell must not become a 50 MB message)."""
    if isinstance(nilai, str) and len(nilai) > BATAS_KUTIP:
        return nilai[: BATAS_KUTIP - 1] + "…"
    return nilai


def _ribuan(n: float) -> str:
    """An integer written with thousands dots: 1000000 → '1.000.000'."""
    return f"{n:,.0f}".replace(",", ".")


# --- text ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Teks:
    """A file's bytes decoded with one encoding, or (``teks`` None) why they cannot be read with certainty."""

    teks: str | None
    kodek: str
    salah: tuple[tuple[int | None, str], ...] = ()
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
    >>> hasil.teks, [(baris, pesan[:26]) for baris, pesan in hasil.salah]
    (None, [(3, 'byte 0x96 bukan UTF-8 (di ')])
    """
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Teks(isi.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as e:
            baris = isi[: e.start - e.start % 2].decode("utf-16", errors="replace").count("\n") + 1
            pesan = tn("baca.utf16_ganjil", len(isi), n=_ribuan(len(isi))) if len(isi) % 2 else t("baca.utf16_rusak")
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


def _baris_bukan_utf8(campur: str) -> tuple[tuple[tuple[int | None, str], ...], int]:
    """One message per line holding bytes that are not UTF-8 (at most BATAS_KESALAHAN), and how many more lines."""
    salah: list[tuple[int | None, str]] = []
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
        salah.append((baris, t("baca.bukan_utf8", byte=byte, konteks=_BYTE_ASING.sub("\ufffd", konteks).strip())))
    return tuple(salah), lain


def _nama_kolom(judul: str) -> str:
    """'Kode Unit ' → 'kode_unit', 'Target TW1' → 'target_tw1'."""
    return "_".join(judul.strip().strip('"').lower().replace("-", " ").split())


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


def kenali_jenis(kolom: Iterable[str]) -> Jenis | None:
    """The kind of file a header belongs to.

    >>> kenali_jenis(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"])
    <Jenis.REALISASI: 'realisasi'>
    """
    ada = set(kolom)
    if {"komponen", "nilai"} <= ada:
        return Jenis.KOMPONEN
    if {"triwulan", "realisasi"} <= ada:
        return Jenis.REALISASI
    if "nama_iku" in ada or "target_tw1" in ada:
        return Jenis.IKU
    if "nama_unit" in ada:
        return Jenis.UNIT
    return None


# --- numbers ---------------------------------------------------------------------------------------

_HIASAN = r"(?i)rp\.?|%|\s|\u00a0"
_POLOS = r"(?:[-+]?\d+(?:[eE][-+]?\d+)?)"
_GANDA = r"(?:[-+]?[1-9]\d{0,2}[.,]\d{3})"
_KOMA = (r"(?:[-+]?\d*,\d+|[-+]?\d,\d+[eE][-+]?\d+|[-+]?[1-9]\d{0,2}(?:\.\d{3})+,\d+"
         r"|[-+]?[1-9]\d{0,2}(?:\.\d{3}){2,})")
_TITIK = (r"(?:[-+]?\d*\.\d+|[-+]?\d\.\d+[eE][-+]?\d+|[-+]?[1-9]\d{0,2}(?:,\d{3})+\.\d+"
          r"|[-+]?[1-9]\d{0,2}(?:,\d{3}){2,})")


@dataclass
class _Golongan:
    """A numeric column sorted value by value: how each distinct value can be read (each is looked at once)."""

    kode: np.ndarray
    """Per row, the position of its value among the distinct ones."""
    asal: pd.Series
    """The column itself (its index and name go to every per-row answer)."""
    bersih: pd.Series
    """The text without decorations (Rp, %, spaces)."""
    kosong: pd.Series
    polos: pd.Series
    """Digits only (perhaps signed, perhaps with an exponent): one reading."""
    koma: pd.Series
    """Readable only with a decimal comma: 90,9 · 1.234,5 · 5.700.000.000 · 0,500."""
    titik: pd.Series
    """Readable only with a decimal dot: 1.5 · 1,234.5 · 1,234,567 · 0.500."""
    ganda: pd.Series
    """One mark followed by exactly three digits: 1.500 and 1,500 read two ways."""

    def per_baris(self, nilai: pd.Series) -> pd.Series:
        """An answer about each distinct value, given for every row."""
        return _sebar(nilai, self.kode, self.asal)


def _unik(teks: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """Per row, the position of its value among the distinct values; and those values, in order of first
    appearance, of the column's own type (so a check on them is the check on the rows, done once per value).

    >>> kode, unik = _unik(pd.Series(["TW I", "TW II", "TW I"]))
    >>> kode.tolist(), unik.tolist()
    ([0, 1, 0], ['TW I', 'TW II'])
    """
    kode, unik = pd.factorize(teks, use_na_sentinel=False)
    if unik.dtype == teks.dtype:
        return kode, pd.Series(unik, name=teks.name)
    _, pertama = np.unique(kode, return_index=True)  # factorize changed the type: take the values themselves
    return kode, teks.iloc[pertama].reset_index(drop=True)


def _sebar(nilai: pd.Series, kode: np.ndarray, asal: pd.Series) -> pd.Series:
    """Answers about distinct values (see ``_unik``) given for every row of ``asal``, keeping their type."""
    return pd.Series(nilai.array.take(kode), index=asal.index, name=asal.name)


def _golongkan(teks: pd.Series) -> _Golongan:
    kode, unik = _unik(teks)
    s = unik.fillna("").astype("str").str.strip()
    kosong = s == ""
    hias = s.str.contains(r"[^0-9.,eE+\-]", regex=True)
    if hias.any():  # the regular expression below is slow: only values with more than digits and marks need it
        s = s.mask(hias, s[hias].str.replace(_HIASAN, "", regex=True).str.replace("\u2212", "-", regex=False))
    ganda = s.str.fullmatch(_GANDA)
    return _Golongan(kode, teks, s, kosong, s.str.fullmatch(_POLOS), s.str.fullmatch(_KOMA) & ~ganda,
                     s.str.fullmatch(_TITIK) & ~ganda, ganda)


def _nilai_angka(g: _Golongan, koma_desimal: bool | None) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Values, the mask of values that are not numbers, and of values left ambiguous (style None), per row."""
    koma = g.koma | (g.ganda & (koma_desimal is True))
    titik = g.titik | (g.ganda & (koma_desimal is False))
    s = g.bersih
    normal = s.where(~koma, s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    normal = normal.where(~titik, s.str.replace(",", "", regex=False))
    angka = pd.to_numeric(normal.where(g.polos | koma | titik), errors="coerce").astype("float64")
    belum = g.ganda & (koma_desimal is None)
    salah = ~g.kosong & ~belum & angka.isna()
    return g.per_baris(angka.where(~salah & ~belum)), g.per_baris(salah), g.per_baris(belum)


def baca_angka(teks: pd.Series, koma_desimal: bool | None) -> tuple[pd.Series, pd.Series]:
    """Numbers from spreadsheet text read in one style, and the mask of values that are not numbers.

    Blanks become missing (not an error). ``Rp``, ``%``, spaces are dropped.
    ``koma_desimal`` is the file's style: a value such as ``1.500`` is read in
    it (with None it is left missing; the caller refuses it). A value that
    only reads the other way (``1.5`` in a decimal-comma file) is read as
    written: a file holding both kinds is refused before (see the module doc).

    >>> nilai, salah = baca_angka(pd.Series(["5.700.000.000,50", "90,9", "Rp 5,7", "95%", "", "abc", "1.500"]), True)
    >>> nilai.tolist(), salah.tolist()
    ([5700000000.5, 90.9, 5.7, 95.0, nan, nan, 1500.0], [False, False, False, False, False, True, False])
    >>> baca_angka(pd.Series(["1.500", "1,234.5", "1.2.3"]), False)[0].tolist()
    [1.5, 1234.5, nan]
    """
    angka, salah, _ = _nilai_angka(_golongkan(teks), koma_desimal)
    return angka, salah


@dataclass(frozen=True)
class _Contoh:
    baris: int
    kolom: str
    nilai: str


def _contoh_pertama(mentah: pd.DataFrame, tanda: dict[str, pd.Series]) -> _Contoh | None:
    """The first row (then the first column) where a mask holds, with the value found there."""
    contoh = []
    for urutan, (k, m) in enumerate(tanda.items()):
        if m.any():
            i = m.idxmax()
            contoh.append((int(mentah.at[i, "baris"]), urutan, _Contoh(int(mentah.at[i, "baris"]), k,
                                                                         str(mentah.at[i, k]))))
    return min(contoh, key=lambda c: c[:2])[2] if contoh else None


def _nama_gaya(contoh: _Contoh, koma: bool) -> str:
    if koma:
        return t("baca.koma_desimal" if "," in contoh.nilai else "baca.titik_ribuan")
    return t("baca.titik_desimal" if "." in contoh.nilai else "baca.koma_ribuan")


def _pesan_ganda(nilai: str) -> str:
    """'1.500' reads 1500 or 1,5: say both, and how to write each so it reads one way."""
    s = re.sub(_HIASAN, "", nilai).replace("\u2212", "-")
    tanda = "." if "." in s else ","
    depan, _, belakang = s.partition(tanda)
    pecahan = belakang.rstrip("0")
    tulis = pecahan + "0" if len(pecahan) == 3 else pecahan or "0"  # never again three digits after the mark
    return t("baca.angka_ganda", nilai=nilai, ribuan=depan + belakang,
             desimal=depan + ("," + pecahan if pecahan else ""), tulis_desimal=f"{depan}{tanda}{tulis}")


def _angka_berkas(mentah: pd.DataFrame, kolom: tuple[str, ...], pemisah: str,
                  catat: _Pencatat) -> dict[str, tuple[pd.Series, pd.Series]]:
    """The numeric columns of a file read in the file's one style, decided from all of them (module doc).

    Refuses a file that shows both styles, and (when nothing decides) each
    value that reads two ways; notes how numbers were read when any has a
    mark. Returns per column the values and the mask of values that are not
    numbers (the caller words that error).
    """
    golongan = {k: _golongkan(mentah[k]) for k in kolom}
    koma = _contoh_pertama(mentah, {k: g.per_baris(g.koma) for k, g in golongan.items() if g.koma.any()})
    titik = _contoh_pertama(mentah, {k: g.per_baris(g.titik) for k, g in golongan.items() if g.titik.any()})
    ada_tanda = koma is not None or titik is not None or any(g.ganda.any() for g in golongan.values())
    koma_desimal: bool | None
    if koma is not None and titik is not None:
        (a, a_koma), (b, b_koma) = sorted(((koma, True), (titik, False)),
                                          key=lambda c: (c[0].baris, kolom.index(c[0].kolom)))
        catat.catat(t("baca.dua_gaya", baris_a=a.baris, nilai_a=_kutip(a.nilai), gaya_a=_nama_gaya(a, a_koma),
                      baris_b=b.baris, nilai_b=_kutip(b.nilai), gaya_b=_nama_gaya(b, b_koma)), b.baris, b.kolom)
        koma_desimal, dasar = pemisah == ";", None  # only to go on checking: the file is refused
    elif koma is not None or titik is not None:
        contoh = koma or titik
        assert contoh is not None
        koma_desimal = koma is not None
        dasar = t("baca.dasar_contoh", baris=contoh.baris, kolom=contoh.kolom, nilai=_kutip(contoh.nilai))
    elif pemisah == ";":
        koma_desimal, dasar = True, t("baca.dasar_titik_koma")
    else:
        koma_desimal, dasar = None, None
    if ada_tanda and dasar is not None:
        catat.catatan.append(t("baca.gaya_indonesia" if koma_desimal else "baca.gaya_inggris", dasar=dasar))
    hasil = {}
    for k, g in golongan.items():
        angka, salah, belum = _nilai_angka(g, koma_desimal)
        catat.catat_kolom(belum, mentah, k, _pesan_ganda)
        hasil[k] = (angka, salah)
    return hasil


def _peta_unik(teks: pd.Series, baca: Callable[[str], object]) -> pd.Series:
    """Apply a scalar parser once per distinct value and map the results back."""
    kode, unik = _unik(teks)
    return _sebar(unik.map(dict(zip(unik, (baca(v) for v in unik)))), kode, teks)


# --- cells -----------------------------------------------------------------------------------------

_KENDALI = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
KENDALI_TERLARANG = "[\x00-\x08\x0e-\x1f\x7f-\x9f]"
"""Control characters refused in text (after Word's line and page breaks became line breaks)."""
_PEMISAH_WORD = "[\x0b\x0c]"
_APOSTROF = "'[=+\\-@\t\r]"
_KODE = "[A-Za-z0-9._-]+"
_KEMBAR = {
    **dict(zip("\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0406\u0408\u0405"
               "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u04bb", "ABEKMHOPCTXYIJSaeopcyxijsh")),
    **dict(zip("\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u03bf",
               "ABEZHIKMNOPTYXo")),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
}
"""Cyrillic and Greek letters drawn like Latin ones, and dashes drawn like '-': their Latin twin."""


def rapikan_teks(isi: str) -> str:
    """Typed text as it is stored: Word's manual line and page breaks as line breaks, trimmed.

    >>> rapikan_teks("  Impor tertunda\\x0bAsistensi ")
    'Impor tertunda\\nAsistensi'
    """
    return re.sub(_PEMISAH_WORD, "\n", isi).strip()


def _bersihkan(mentah: pd.DataFrame, kolom: tuple[str, ...], catat: _Pencatat,
               tanpa_kendali: bool = False) -> pd.DataFrame:
    """Every cell as text that can be stored, exported and read back (rules in the module doc), stripped.

    ``tanpa_kendali``: the file is known to hold no control character, so no cell is searched for one.
    """
    word: list[tuple[int, int, str]] = []
    apostrof: list[tuple[int, int, str]] = []
    for k in kolom:
        s = mentah[k]
        if not tanpa_kendali and s.str.contains(_KENDALI, regex=True).any():  # rare: only then looked at again
            pemisah = s.str.contains(_PEMISAH_WORD, regex=True)
            if pemisah.any():
                s = s.str.replace(_PEMISAH_WORD, "\n", regex=True)
                word.append((int(mentah.loc[pemisah, "baris"].iloc[0]), int(pemisah.sum()), k))
            lain = s.str.contains(KENDALI_TERLARANG, regex=True)
            pertama = s.where(lain, "").str.extract(f"({KENDALI_TERLARANG})", expand=False)
            catat.catat_kolom(lain, pd.DataFrame({"baris": mentah["baris"], k: pertama}), k,
                              lambda c: t("baca.kendali", kode=f"U+{ord(c):04X}"))
        s = s.str.strip()
        batas = BATAS_PANJANG.get(k, BATAS_PANJANG_LAIN)
        if _paling_panjang(s) > batas:  # a character takes at least a byte: most columns stop here
            panjang = s.str.len()
            catat.catat_kolom(panjang > batas, pd.DataFrame({"baris": mentah["baris"], k: panjang}), k,
                              lambda n, b=batas: t("baca.terlalu_panjang", panjang=_ribuan(n), batas=_ribuan(b)))
        if k not in (*KOLOM_ANGKA, "tahun"):
            tanda = s.str.startswith("'")
            if tanda.any() and (tanda := tanda & s.str.match(_APOSTROF)).any():
                s = s.where(~tanda, s.str.slice(1))
                apostrof.append((int(mentah.loc[tanda, "baris"].iloc[0]), int(tanda.sum()), k))
        mentah[k] = s
    for daftar, kunci in ((word, "baca.pemisah_word"), (apostrof, "baca.apostrof")):
        if daftar:
            baris, _, k = min(daftar)
            catat.catatan.append(tn(kunci, sum(n for _, n, _ in daftar), baris=baris, kolom=k))
    for k in KOLOM_KODE:
        if k in kolom:
            kode, unik = _unik(mentah[k])  # a thousand units in a million rows: each code is looked at once
            salah = _sebar((unik != "") & ~unik.str.fullmatch(_KODE), kode, mentah[k])
            catat.catat_kolom(salah, mentah, k, _pesan_kode)
    return mentah


def _paling_panjang(s: pd.Series) -> float:
    """An upper bound of the longest cell: its length in UTF-8 bytes (0 for an empty column)."""
    larik = pa.array(s, from_pandas=True)
    if not (pa.types.is_string(larik.type) or pa.types.is_large_string(larik.type)):
        return float("inf")  # not all text: the caller measures every cell
    return pc.max(pc.binary_length(larik)).as_py() or 0


def _kembar(huruf: str) -> str | None:
    """The plain character a look-alike stands for (Cyrillic В → B, – → -, fullwidth Ａ → A), else None."""
    kembar = _KEMBAR.get(huruf) or unicodedata.normalize("NFKC", huruf)
    return kembar if kembar != huruf and re.fullmatch(_KODE, kembar) and len(kembar) == 1 else None


def _pesan_kode(nilai: str) -> str:
    """Why a code is not plain, naming the first character at fault; a look-alike gets the Latin spelling."""
    aturan = t("baca.kode_aturan")
    huruf = next((h for h in nilai if not re.fullmatch(_KODE, h)), "")
    nama = unicodedata.name(huruf, f"U+{ord(huruf):04X}") if huruf and not huruf.isascii() else ""
    kembar = _kembar(huruf) if huruf else None
    if huruf.isspace():
        return t("baca.kode_spasi", nilai=nilai, aturan=aturan)
    if kembar is None:
        return t("baca.kode_karakter", nilai=nilai, huruf=huruf, nama=f" ({nama})" if nama else "", aturan=aturan)
    saran = "".join(_kembar(h) or h for h in nilai)
    akhir = t("baca.kode_saran", saran=saran) if re.fullmatch(_KODE, saran) else "; " + aturan
    if kembar.isalpha():
        aksara = {"CYRILLIC": "Cyrillic", "GREEK": "Greek", "FULLWIDTH": "lebar penuh"}.get(
            nama.split(" ")[0], nama.split(" ")[0].title())
        return t("baca.kode_huruf_asing", nilai=nilai, huruf=huruf, aksara=aksara) + akhir
    return t("baca.kode_tanda_asing", nilai=nilai, huruf=huruf, nama=nama, latin=kembar) + akhir


# --- reading ---------------------------------------------------------------------------------------


def _baris_terlalu_panjang(teks: str, pemisah: str, jumlah_judul: int) -> tuple[int | None, int]:
    """The first row with more fields than the header, and its field count (error path only)."""
    try:
        for nomor, sel in enumerate(csv.reader(io.StringIO(teks), delimiter=pemisah), start=1):
            if len(sel) > jumlah_judul:
                return nomor, len(sel)
    except csv.Error:
        pass  # not CSV at all: the caller reports the file as unreadable
    return None, 0


def _judul(kolom_mentah: Iterable[object], catat: _Pencatat) -> list[str] | None:
    """Normalised column names, or None (with the error) when a name appears twice."""
    kolom = [_nama_kolom(str(k) if k is not None else "") for k in kolom_mentah]
    ganda = sorted({k for k in kolom if k and kolom.count(k) > 1})
    for k in ganda:
        catat.catat(t("galat.kolom_ganda", kolom=k), baris=1)
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
    A file with no more line ends than ``batas`` costs three byte counts; a 28 MB file of 1.3 million rows about
    0.1 s, a 1 MB piece at a time. A file with quotes (a cell may hold line ends) has its records counted by
    pandas' own tokenizer, one column kept (about 0.3 s for 28 MB), less every line that might be blank.

    >>> baris_csv_melebihi(b"a;b\\n1;2\\n3;4\\n", 1), baris_csv_melebihi(b'a;b\\n1;"2\\n3"\\n;;\\n', 1)
    (2, None)
    """
    teks = _per_byte(isi)
    akhir_baris = teks.count(b"\n") + teks.count(b"\r") - teks.count(b"\r\n")
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


_KUNCI_PERINGATAN = threading.Lock()
"""Python's warning filters belong to the whole process: two files read at once (two sessions, or the files of
one upload) must not change them at the same time, or a row longer than its header could slip through."""


def _baca_csv(isi: bytes, catat: _Pencatat) -> tuple[pd.DataFrame | None, str, bool]:
    """The raw table (all text) of a CSV/TSV file, the separator used, and whether the file holds no control
    character at all (then ``_bersihkan`` need not look for one cell by cell)."""
    hasil = dekode(isi)
    if hasil.teks is None:
        for baris, pesan in hasil.salah:
            catat.catat(pesan, baris=baris)
        catat.lain += hasil.salah_lain
        return None, ",", False
    if hasil.kodek == "cp1252":
        catat.catatan.append(t("baca.cp1252"))
    teks = hasil.teks
    baris_judul = _baris_judul(teks)
    if not baris_judul:
        catat.catat(t("galat.kosong"))
        return None, ",", False
    pemisah = tebak_pemisah(baris_judul)
    kolom = _judul(_sel_judul(baris_judul, pemisah), catat)
    if kolom is None:
        return None, pemisah, False
    teks = teks[teks.index(baris_judul):]  # the header is row 1 even after leading blank lines
    data = teks.encode("utf-8", errors="surrogatepass")
    bersih = _tanpa_kendali(data, teks.isascii())
    tabel = None
    if bersih and b'"' not in data and data.count(b"\r") == data.count(b"\r\n"):
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
                catat.catat(t("galat.tidak_terbaca", sebab=str(e).replace("Error tokenizing data. C error: ", "")))
            else:
                catat.catat(t("galat.jumlah_kolom", ada=jumlah, judul=len(kolom)), baris=baris)
            return None, pemisah, False
        except (ValueError, csv.Error) as e:
            catat.catat(t("galat.tidak_terbaca", sebab=str(e).strip()))
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
        catat.catat(t("galat.kosong"))
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
    sheet = ", ".join(b.nama.removeprefix(f"{nama} [").removesuffix("]") for b in bagian)
    return Berkas(nama, None, pd.DataFrame(), [Kesalahan(nama, t("galat.xlsx_banyak_sheet", sheet=sheet))],
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
        return [Kesalahan(nama, t("galat.terlalu_besar", ukuran=round(len(isi) / 1024 / 1024, 1),
                                  batas=BATAS_UKURAN_MB))]
    if lembar.buku_kerja(isi):
        pesan = lembar.tolakan_awal(isi)
        return [Kesalahan(nama, pesan)] if pesan else []
    baris = baris_csv_melebihi(isi, BATAS_BARIS)
    if baris is not None:
        return [Kesalahan(nama, t("galat.terlalu_banyak_baris", baris=baris, batas=BATAS_BARIS))]
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
        kesalahan = [Kesalahan(nama, p) for p in buku.kesalahan] or [Kesalahan(nama, t("galat.kosong"))]
        return [Berkas(nama, None, pd.DataFrame(), kesalahan, buku.catatan, 0)]
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
        asing = "" if mirip is None else _kolom_asing(mentah.columns, mirip)
        catat.catat(t("galat.jenis_tidak_dikenal", kolom=kolom) + (t("galat.kolom_asing", daftar=asing) if asing
                                                                   else ""), baris=1)
        return Berkas(nama, None, pd.DataFrame(), catat.daftar, [], catat.lain)
    wajib, pilihan = KOLOM[jenis]
    hilang = [k for k in wajib if k not in mentah.columns]
    if hilang:
        asing = _kolom_asing(mentah.columns, jenis)
        catat.catat(t("galat.kolom_hilang", kolom=", ".join(hilang)) + (t("galat.kolom_asing", daftar=asing) if asing
                                                                        else ""), baris=1)
        return Berkas(nama, jenis, pd.DataFrame(), catat.daftar, [], catat.lain)
    catatan = []
    lebih = [k for k in mentah.columns if k not in (*wajib, *pilihan, *KOLOM_INFO[jenis], "baris")]
    if lebih:
        catatan.append(t("galat.kolom_diabaikan", kolom=", ".join(lebih)))
    if mentah.empty:
        catat.catat(t("galat.tanpa_data"))
        return Berkas(nama, jenis, pd.DataFrame(), catat.daftar, catatan, catat.lain)
    if len(mentah) > BATAS_BARIS:
        catat.catat(t("galat.terlalu_banyak_baris", baris=len(mentah), batas=BATAS_BARIS))
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


_SINONIM_JUDUL = {"indikator": "iku", "i": "1", "ii": "2", "iii": "3", "iv": "4", "tw": "tw", "triwulan": "tw"}
"""Header words people write for ours, word by word (``target_tw_i`` is target_tw1), used only to suggest."""


def _kerangka_judul(nama: str) -> str:
    """A header reduced for comparison: words read through _SINONIM_JUDUL, joined without separators."""
    return "".join(_SINONIM_JUDUL.get(w, w) for w in nama.split("_"))


def _jenis_terdekat(kolom: Iterable[str]) -> Jenis | None:
    """For a header no kind is recognised from: the kind it most likely means, so its missing columns can be
    suggested; else None. A kind scores its required columns present plus the unknown columns that read as one
    of its missing columns (``kode_indikator`` as ``kode_iku``); the best needs two and must beat the rest.

    >>> _jenis_terdekat(["tahun", "kode_unit", "kode_indikator", "triwulan", "nilai_realisasi"])
    <Jenis.REALISASI: 'realisasi'>
    """
    kolom = list(kolom)
    ada = set(kolom)
    skor = sorted(((len(ada & set(KOLOM[j][0])) + sum(s is not None for _, s in _saran_kolom(kolom, j)), j)
                   for j in Jenis), key=lambda x: -x[0])
    if skor[0][0] >= 2 and skor[0][0] > skor[1][0]:
        return skor[0][1]
    return None


def _saran_kolom(kolom: Iterable[str], jenis: Jenis) -> list[tuple[str, str | None]]:
    """The columns of a header that ``jenis`` does not know, each with the missing column of that kind it most
    likely means (None when none is close)."""
    kolom = [k for k in kolom if k != "baris"]
    wajib, pilihan = KOLOM[jenis]
    dikenal = (*wajib, *pilihan, *KOLOM_INFO[jenis])
    calon = {_kerangka_judul(k): k for k in (*wajib, *pilihan) if k not in kolom}
    hasil: list[tuple[str, str | None]] = []
    for k in kolom:
        if k in dikenal:
            continue
        kunci = _kerangka_judul(k)
        mirip = [kunci] if kunci in calon else difflib.get_close_matches(kunci, list(calon), n=1, cutoff=0.75)
        hasil.append((k, calon[mirip[0]] if mirip else None))
    return hasil


def _kolom_asing(kolom: Iterable[str], jenis: Jenis) -> str:
    """The columns of a header that ``jenis`` does not know, each with the missing column it most likely means.

    >>> _kolom_asing(["tahun", "nama_indikator", "target_tw_i", "catatan"], Jenis.IKU)
    'nama_indikator (mungkin maksudnya nama_iku?), target_tw_i (mungkin maksudnya target_tw1?), catatan'
    """
    return ", ".join(k if s is None else t("galat.saran_kolom", kolom=k, saran=s) for k, s in _saran_kolom(kolom, jenis))


def _wajib_isi(mentah: pd.DataFrame, kolom: Iterable[str], catat: _Pencatat) -> None:
    for k in kolom:
        catat.catat_kolom(mentah[k] == "", mentah, k, lambda _: t("galat.wajib"))


def _tahun(mentah: pd.DataFrame, catat: _Pencatat) -> pd.Series:
    kode, unik = _unik(mentah["tahun"])  # a file holds a handful of years: each is read once
    teks = unik.str.replace(r"\.0$", "", regex=True)
    tahun = _sebar(pd.to_numeric(teks.where(teks.str.fullmatch(r"\d{4}")), errors="coerce"), kode, mentah["tahun"])
    salah = (mentah["tahun"] != "") & (tahun.isna() | (tahun < 1990) | (tahun > 2100))
    catat.catat_kolom(salah, mentah, "tahun", lambda v: t("galat.tahun", nilai=v))
    return tahun.astype("Int64")


def _kosakata(mentah: pd.DataFrame, kolom: str, baca: Callable[[str], object], kunci_galat: str,
              catat: _Pencatat) -> pd.Series:
    nilai = _peta_unik(mentah[kolom], baca)
    salah = (mentah[kolom] != "") & nilai.isna()
    catat.catat_kolom(salah, mentah, kolom, lambda v: t(kunci_galat, nilai=v))
    return nilai


def _angka(mentah: pd.DataFrame, kolom: str, dibaca: tuple[pd.Series, pd.Series], catat: _Pencatat) -> pd.Series:
    """A target or realisasi column: not a number, or beyond BATAS_NILAI, is refused with row and column."""
    angka, salah = dibaca
    catat.catat_kolom(salah, mentah, kolom, lambda v: t("galat.angka", nilai=v))
    catat.catat_kolom(angka.abs() > BATAS_NILAI, mentah, kolom,
                      lambda v: t("baca.di_luar_batas", nilai=v, batas=_ribuan(BATAS_NILAI)))
    return angka


def _ya_tidak(teks: str) -> bool | None:
    kunci = re.sub(r"^([01])[.,]0+$", r"\1", teks.strip().lower())  # 1,0 from a spreadsheet number
    if kunci in ("", "0", "tidak", "no", "false", "n", "t"):
        return False
    if kunci in ("1", "ya", "yes", "true", "y"):
        return True
    return None


def _periksa_unit(mentah: pd.DataFrame, pemisah: str, catat: _Pencatat) -> pd.DataFrame:
    _wajib_isi(mentah, ("kode_unit", "nama_unit"), catat)
    induk = mentah["kode_induk"].where(mentah["kode_induk"] != "")
    return pd.DataFrame({
        "baris": mentah["baris"], "kode_unit": mentah["kode_unit"], "nama_unit": mentah["nama_unit"],
        "kode_induk": induk,
    })


def _periksa_iku(mentah: pd.DataFrame, pemisah: str, catat: _Pencatat) -> pd.DataFrame:
    _wajib_isi(mentah, ("tahun", "kode_unit", "kode_iku", "nama_iku", "perspektif", "polaritas",
                        "konsolidasi", "bobot"), catat)
    angka = _angka_berkas(mentah, (*TARGET, "bobot", "realisasi_terburuk", "batas_bawah"), pemisah, catat)
    data = pd.DataFrame({
        "baris": mentah["baris"],
        "tahun": _tahun(mentah, catat),
        "kode_unit": mentah["kode_unit"],
        "kode_iku": mentah["kode_iku"],
        "nama_iku": mentah["nama_iku"],
        "sasaran_strategis": mentah["sasaran_strategis"],
        "perspektif": _kosakata(mentah, "perspektif", lambda v: _dari_teks_atau_label(Perspektif, v),
                                "galat.perspektif", catat),
        "satuan": mentah["satuan"],
        "polaritas": _kosakata(mentah, "polaritas", lambda v: _dari_teks_atau_label(Polaritas, v),
                               "galat.polaritas", catat),
        "konsolidasi": _kosakata(mentah, "konsolidasi", lambda v: _dari_teks_atau_label(Konsolidasi, v),
                                 "galat.konsolidasi", catat),
    })
    bobot, salah_angka = angka["bobot"]
    catat.catat_kolom((mentah["bobot"] != "") & (salah_angka | (bobot <= 0)), mentah, "bobot",
                      lambda v: t("galat.bobot", nilai=v))
    catat.catat_kolom(bobot > BATAS_BOBOT, mentah, "bobot",
                      lambda v: t("baca.bobot_terlalu_besar", nilai=v, batas=_ribuan(BATAS_BOBOT)))
    data["bobot"] = bobot
    for k in TARGET:
        data[k] = _angka(mentah, k, angka[k], catat)
    tanpa_target = data[list(TARGET)].isna().all(axis=1) & (mentah[list(TARGET)] == "").all(axis=1)
    for baris in mentah.loc[tanpa_target, "baris"]:
        catat.catat(t("galat.tanpa_target"), int(baris), "target_tw1")
    data["konversi_120"] = _kosakata(mentah, "konversi_120", _ya_tidak, "galat.ya_tidak", catat)
    data["realisasi_terburuk"] = _angka(mentah, "realisasi_terburuk", angka["realisasi_terburuk"], catat)
    data["konversi_120"] = data["konversi_120"].fillna(False).astype(bool)
    # what the unit declares its values can be: an upload of realisasi is held to it (importing)
    data["batas_bawah"] = _angka(mentah, "batas_bawah", angka["batas_bawah"], catat)
    data["bilangan_bulat"] = _kosakata(mentah, "bilangan_bulat", _ya_tidak, "galat.ya_tidak", catat
                                       ).fillna(False).astype(bool)
    for k in (*TARGET, "realisasi_terburuk"):
        di_bawah = data[k] < data["batas_bawah"]
        catat.catat_kolom(di_bawah, mentah, k, lambda v: t("galat.di_bawah_batas", nilai=v))
    # the planning basis: blank is the performance agreement (PENKIN), where IKU come from unless said otherwise
    data["sumber"] = _kosakata(mentah, "sumber", lambda v: _nilai(Sumber.dari_teks(v)), "galat.sumber",
                               catat).fillna(Sumber.PENKIN.value)
    # the IKU this one supports: both codes or neither (the unit above and its IKU are checked against the tree)
    for k in ("kode_unit_induk", "kode_iku_induk"):
        data[k] = mentah[k].where(mentah[k] != "")
    separuh = data["kode_unit_induk"].isna() != data["kode_iku_induk"].isna()
    for baris, tanpa in zip(mentah.loc[separuh, "baris"], data.loc[separuh, "kode_unit_induk"].isna()):
        catat.catat(t("galat.induk_separuh"), int(baris), "kode_unit_induk" if tanpa else "kode_iku_induk")
    data["agregasi_anak"] = _kosakata(mentah, "agregasi_anak", lambda v: _nilai(Agregasi.dari_teks(v)),
                                      "galat.agregasi", catat)
    data["rumus_komponen"] = _rumus(mentah, catat)
    dua_asal = data["agregasi_anak"].notna() & data["rumus_komponen"].notna()
    catat.catat_kolom(dua_asal, mentah, "rumus_komponen", lambda _: t("galat.rumus_dan_agregasi"))
    return data


def _rumus(mentah: pd.DataFrame, catat: _Pencatat) -> pd.Series:
    """The komponen formulas, each read once (``kinerja_core.komponen.baca_rumus``) and kept in its canonical
    spelling; a formula that does not read is refused with its row and why."""
    def baca(teks: str) -> str | RumusTidakSah | None:
        if teks == "":
            return None
        try:
            return str(baca_rumus(teks))
        except RumusTidakSah as salah:
            return salah

    if not (mentah["rumus_komponen"] != "").any():
        return pd.Series(None, index=mentah.index, dtype=object)
    hasil = _peta_unik(mentah["rumus_komponen"], baca)
    salah = hasil.map(lambda r: isinstance(r, RumusTidakSah)).astype(bool)
    for baris, teks, r in zip(mentah.loc[salah, "baris"], mentah.loc[salah, "rumus_komponen"], hasil[salah]):
        catat.catat(t("galat.rumus", nilai=_kutip(teks), alasan=t(f"rumus.{r.alasan.value}", bagian=r.bagian)),
                    int(baris), "rumus_komponen")
    return hasil.where(~salah & hasil.notna(), None).astype(object)


def _nilai(anggota: Enum | None) -> str | None:
    return None if anggota is None else anggota.value


_AWALAN_LABEL: dict[type, tuple[str, ...]] = {
    Perspektif: ("perspektif.",), Polaritas: ("polaritas.",), Konsolidasi: ("konsolidasi.", "rumus.konsolidasi."),
}
"""Where kinerja.texts keeps the words the app shows for each member (``polaritas.maximize``: "Semakin tinggi
semakin baik"); a file the app's reader filled in from the screen uses them."""


def _kunci_label(teks: str) -> str:
    return re.sub(r"[^0-9a-z&]+", " ", teks.lower()).strip()


@functools.cache
def _label_aplikasi(kosakata: type) -> dict[str, str]:
    """Every label the app shows for a member of ``kosakata``, in every language, to the member's value."""
    label = {}
    for teks in TEKS.values():
        for anggota in kosakata:  # type: ignore[attr-defined]
            for awalan in _AWALAN_LABEL[kosakata]:
                if f"{awalan}{anggota.value}" in teks:
                    label.setdefault(_kunci_label(teks[f"{awalan}{anggota.value}"]), anggota.value)
    return label


def _dari_teks_atau_label(kosakata: type, teks: str) -> str | None:
    """A vocabulary word as people type it (``dari_teks``) or as the app itself shows it, in either language.

    >>> _dari_teks_atau_label(Polaritas, "Semakin tinggi semakin baik"), _dari_teks_atau_label(Konsolidasi, "last value")
    ('maximize', 'last')
    """
    return _nilai(kosakata.dari_teks(teks)) or _label_aplikasi(kosakata).get(_kunci_label(teks))  # type: ignore[attr-defined]


def _kunci_triwulan(mentah: pd.DataFrame, catat: _Pencatat) -> dict[str, pd.Series]:
    """The key of a row about one IKU in one quarter (realisasi, komponen): baris, tahun, triwulan, kode_unit,
    kode_iku; a year or quarter that does not read is refused with its row."""
    triwulan = _kosakata(mentah, "triwulan", baca_triwulan, "galat.triwulan", catat)
    return {
        "baris": mentah["baris"],
        "tahun": _tahun(mentah, catat),
        "triwulan": pd.to_numeric(triwulan, errors="coerce").astype("Int64"),
        "kode_unit": mentah["kode_unit"],
        "kode_iku": mentah["kode_iku"],
    }


def _periksa_realisasi(mentah: pd.DataFrame, pemisah: str, catat: _Pencatat) -> pd.DataFrame:
    _wajib_isi(mentah, ("tahun", "triwulan", "kode_unit", "kode_iku"), catat)
    angka = _angka_berkas(mentah, ("realisasi",), pemisah, catat)
    return pd.DataFrame({
        **_kunci_triwulan(mentah, catat),
        "realisasi": _angka(mentah, "realisasi", angka["realisasi"], catat),
        "kendala": mentah["kendala"].where(mentah["kendala"] != ""),
        "rencana_aksi": mentah["rencana_aksi"].where(mentah["rencana_aksi"] != ""),
        "pic": mentah["pic"].where(mentah["pic"] != ""),
        "tenggat": _tanggal(mentah, "tenggat", catat),
        # what a later meeting said of this quarter's rencana aksi (selesai / berjalan / terlambat / batal)
        "status_aksi": _kosakata(mentah, "status_aksi", lambda v: _nilai(StatusAksi.dari_teks(v)),
                                 "galat.status_aksi", catat),
        "catatan_aksi": mentah["catatan_aksi"].where(mentah["catatan_aksi"] != ""),
    })


_BULAN = {
    **dict.fromkeys(("jan", "januari", "january"), 1), **dict.fromkeys(("feb", "peb", "februari", "pebruari",
                                                                        "february"), 2),
    **dict.fromkeys(("mar", "maret", "march"), 3), **dict.fromkeys(("apr", "april"), 4),
    **dict.fromkeys(("mei", "may"), 5), **dict.fromkeys(("jun", "juni", "june"), 6),
    **dict.fromkeys(("jul", "juli", "july"), 7), **dict.fromkeys(("agu", "agt", "ags", "agus", "agustus", "aug",
                                                                  "august"), 8),
    **dict.fromkeys(("sep", "sept", "september"), 9), **dict.fromkeys(("okt", "oct", "oktober", "october"), 10),
    **dict.fromkeys(("nov", "nop", "november", "nopember"), 11),
    **dict.fromkeys(("des", "dec", "desember", "december"), 12),
}
"""Indonesian and English month names and their usual abbreviations (lower case)."""

_POLA_TANGGAL = (
    r"^(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?P<d2>\d{1,2})[-/.](?P<m2>\d{1,2})[-/.](?P<y2>\d{4})"
    r"|(?P<d3>\d{1,2})[\s.-]*(?P<b3>[a-z]+)\.?[\s.-]*(?P<y3>\d{4})"
    r"|(?P<b4>[a-z]+)\.?\s*(?P<d4>\d{1,2}),?\s*(?P<y4>\d{4}))"
    r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)


def _tanggal(mentah: pd.DataFrame, kolom: str, catat: _Pencatat) -> pd.Series:
    """Dates day first, as Indonesians write them (module doc): 20/12/2019, 20-12-2019, 20.12.2019,
    20 Desember 2019, 20 Des 2019, and year first 2019-12-20 (a time after it is ignored)."""
    isi = mentah[kolom] != ""
    if not isi.any():
        return pd.Series(pd.NaT, index=mentah.index, dtype="datetime64[s]")
    kode, unik = _unik(mentah[kolom])  # deadlines repeat: each distinct one is read once
    isi_unik = unik != ""
    b = unik.str.lower().str.extract(_POLA_TANGGAL)

    def pertama(*nama: str) -> pd.Series:
        hasil = b[nama[0]]
        for n in nama[1:]:
            hasil = hasil.fillna(b[n])
        return pd.to_numeric(hasil, errors="coerce")

    nama_bulan = b["b3"].fillna(b["b4"])
    bulan = pertama("m1", "m2").fillna(pd.to_numeric(nama_bulan.map(_BULAN), errors="coerce"))
    tahun = pertama("y1", "y2", "y3", "y4")
    tahun = tahun.where(tahun.between(1900, 2200))
    tanggal = pd.to_datetime(pd.DataFrame({"year": tahun, "month": bulan, "day": pertama("d1", "d2", "d3", "d4")}),
                             errors="coerce").astype("datetime64[s]")
    mustahil = isi_unik & tanggal.isna() & bulan.notna() & tahun.notna()
    catat.catat_kolom(_sebar(mustahil, kode, isi), mentah, kolom, lambda v: t("baca.tanggal_mustahil", nilai=v))
    catat.catat_kolom(_sebar(isi_unik & tanggal.isna() & ~mustahil, kode, isi), mentah, kolom,
                      lambda v: t("galat.tanggal", nilai=v))
    return _sebar(tanggal, kode, mentah[kolom]).rename(None)


def _periksa_komponen(mentah: pd.DataFrame, pemisah: str, catat: _Pencatat) -> pd.DataFrame:
    """A komponen file: one value per IKU, quarter and komponen name (the name as the IKU's ``rumus_komponen``
    spells it, compared without regard to case; whether the IKU has that komponen is checked against the store)."""
    _wajib_isi(mentah, ("tahun", "triwulan", "kode_unit", "kode_iku", "komponen"), catat)
    angka = _angka_berkas(mentah, ("nilai",), pemisah, catat)
    kunci = _kunci_triwulan(mentah, catat)
    nama = mentah["komponen"].str.strip()
    salah = (nama != "") & ~nama.str.fullmatch(POLA_NAMA_KOMPONEN)
    catat.catat_kolom(salah, mentah, "komponen", lambda v: t("galat.komponen_nama", nilai=v))
    return pd.DataFrame({
        **kunci,
        "komponen": nama.str.lower().where((nama != "") & ~salah),
        "nilai": _angka(mentah, "nilai", angka["nilai"], catat),
    })


_PERIKSA = {Jenis.UNIT: _periksa_unit, Jenis.IKU: _periksa_iku, Jenis.REALISASI: _periksa_realisasi,
            Jenis.KOMPONEN: _periksa_komponen}


def _periksa_duplikat(data: pd.DataFrame, jenis: Jenis, catat: _Pencatat) -> None:
    """A key twice in one file is ambiguous: report every repeat with the row it repeats.

    Codes compare without regard to case (DOMAIN.md): bgr-01 repeats BGR-01.
    """
    kunci = KUNCI[jenis]
    lengkap = data.dropna(subset=kunci)
    banding = lengkap[kunci].assign(**{k: lengkap[k].str.upper() for k in kunci if k in KOLOM_KODE})
    ganda = banding.duplicated(keep="first")
    if not ganda.any():
        return
    pertama = banding[~ganda].assign(baris_lain=lengkap.loc[~ganda, "baris"])
    ulang = banding[ganda].assign(
        baris=lengkap.loc[ganda, "baris"], kunci=lengkap.loc[ganda, kunci].astype(str).agg(" / ".join, axis=1),
    ).merge(pertama, on=kunci, how="left")
    for baris, teks_kunci, baris_lain in ulang[["baris", "kunci", "baris_lain"]].head(BATAS_KESALAHAN).itertuples(
        index=False
    ):
        catat.catat(t("galat.duplikat", kunci=teks_kunci, baris_lain=int(baris_lain)), int(baris))
    catat.lain += max(len(ulang) - BATAS_KESALAHAN, 0)
