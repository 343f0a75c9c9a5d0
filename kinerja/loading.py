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
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum

import numpy as np
import openpyxl
import pandas as pd

from kinerja.storage import KUNCI
from kinerja.texts import t
from kinerja_core.model import Konsolidasi, Perspektif, Polaritas, baca_triwulan

BATAS_KESALAHAN = 500
"""At most this many errors are collected per file; the rest are counted."""


class Jenis(str, Enum):
    """The kind of an uploaded file; the order is the order they are applied in."""

    UNIT = "unit"
    IKU = "iku"
    REALISASI = "realisasi"


KOLOM: dict[Jenis, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Jenis.UNIT: (("kode_unit", "nama_unit"), ("kode_induk",)),
    Jenis.IKU: (
        ("tahun", "kode_unit", "kode_iku", "nama_iku", "perspektif", "polaritas", "konsolidasi", "bobot",
         "target_tw1", "target_tw2", "target_tw3", "target_tw4"),
        ("sasaran_strategis", "satuan", "konversi_120", "realisasi_terburuk"),
    ),
    Jenis.REALISASI: (
        ("tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"),
        ("kendala", "rencana_aksi", "pic", "tenggat"),
    ),
}
"""Required and optional columns of each kind, as DOMAIN.md names them."""

KOLOM_INFO: dict[Jenis, tuple[str, ...]] = {
    Jenis.UNIT: ("nama_induk",),
    Jenis.IKU: ("nama_unit",),
    Jenis.REALISASI: ("nama_unit", "nama_iku", "satuan", "target_triwulan"),
}
"""Columns our templates add for the reader's sake: ignored on upload without a notice."""

BATAS_UKURAN_MB = int(os.environ.get("KINERJA_BATAS_MB", "50"))
"""Largest file accepted, in MiB (KINERJA_BATAS_MB)."""

BATAS_BARIS = int(os.environ.get("KINERJA_BATAS_BARIS", "1000000"))
"""Most data rows accepted in one file (KINERJA_BATAS_BARIS)."""

TARGET = ("target_tw1", "target_tw2", "target_tw3", "target_tw4")


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
    """Collects errors of one file up to BATAS_KESALAHAN, counting the rest."""

    def __init__(self, berkas: str) -> None:
        self.berkas = berkas
        self.daftar: list[Kesalahan] = []
        self.lain = 0

    def catat(self, pesan: str, baris: int | None = None, kolom: str | None = None) -> None:
        if len(self.daftar) < BATAS_KESALAHAN:
            self.daftar.append(Kesalahan(self.berkas, pesan, baris, kolom))
        else:
            self.lain += 1

    def catat_kolom(self, mask: pd.Series, data: pd.DataFrame, kolom: str, pesan: Callable[[str], str]) -> None:
        """One error per row where ``mask`` holds, quoting the raw value found."""
        jumlah = int(mask.sum())
        if not jumlah:
            return
        ruang = max(BATAS_KESALAHAN - len(self.daftar), 0)
        contoh = data.loc[mask, ["baris", kolom]].head(ruang)
        for baris, nilai in contoh.itertuples(index=False):
            self.daftar.append(Kesalahan(self.berkas, pesan(nilai), int(baris), kolom))
        self.lain += jumlah - len(contoh)


# --- text ------------------------------------------------------------------------------------------


def dekode(isi: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    >>> dekode("\\ufeffkode_unit;nama_unit".encode("utf-8"))
    'kode_unit;nama_unit'
    >>> dekode("Rp 5,7 miliar – ok".encode("cp1252"))
    'Rp 5,7 miliar – ok'
    """
    if isi.startswith((b"\xff\xfe", b"\xfe\xff")):
        return isi.decode("utf-16")
    try:
        return isi.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on an Indonesian Windows laptop saves "CSV" in the ANSI code page
        return isi.decode("cp1252", errors="replace")


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
    if {"triwulan", "realisasi"} <= ada:
        return Jenis.REALISASI
    if "nama_iku" in ada or "target_tw1" in ada:
        return Jenis.IKU
    if "nama_unit" in ada:
        return Jenis.UNIT
    return None


# --- numbers ---------------------------------------------------------------------------------------

_RIBUAN_TITIK = r"^-?\d{1,3}(\.\d{3})+$"
_RIBUAN_KOMA = r"^-?\d{1,3}(,\d{3}){2,}$"
_KOMA_DESIMAL = r"^-?[\d.]*\d,\d+$"


def pakai_koma_desimal(kolom: Iterable[pd.Series], pemisah: str) -> bool:
    """Whether a file writes decimals with a comma (Indonesian) rather than a dot.

    A `;`-separated file is Indonesian by convention; otherwise any value
    like ``90,9`` in a numeric column decides it.
    """
    if pemisah == ";":
        return True
    return any(s.str.strip().str.match(_KOMA_DESIMAL).any() for s in kolom)


def baca_angka(teks: pd.Series, koma_desimal: bool) -> tuple[pd.Series, pd.Series]:
    """Numbers from spreadsheet text, and the mask of values that are not numbers.

    Blanks become missing (not an error). ``Rp``, ``%``, spaces are dropped.
    Where both ``.`` and ``,`` appear the later one is the decimal mark; a lone
    separator followed by three digits is a thousands mark in an Indonesian file.

    >>> nilai, salah = baca_angka(pd.Series(["5.700.000.000,50", "90,9", "Rp 5,7", "95%", "", "abc"]), True)
    >>> nilai.tolist(), salah.tolist()
    ([5700000000.5, 90.9, 5.7, 95.0, nan, nan], [False, False, False, False, False, True])
    """
    s = teks.fillna("").astype("str").str.strip()
    kosong = s == ""
    s = s.str.replace(r"(?i)rp\.?|%|\s|\u00a0", "", regex=True).str.replace("\u2212", "-", regex=False)
    koma = s.str.contains(",", regex=False)
    titik = s.str.contains(".", regex=False)
    # both marks: only the two well-formed spellings are read, anything else stays an error
    gaya_indonesia = s.str.match(r"^-?\d{1,3}(\.\d{3})+,\d+$") | (
        ~koma & s.str.match(_RIBUAN_TITIK) & (koma_desimal | (s.str.count(r"\.") > 1))
    )
    gaya_inggris = s.str.match(r"^-?\d{1,3}(,\d{3})+\.\d+$") | (~titik & s.str.match(_RIBUAN_KOMA))
    hanya_koma = koma & ~titik & ~gaya_inggris
    normal = np.select(
        [gaya_indonesia.to_numpy(), gaya_inggris.to_numpy(), hanya_koma.to_numpy()],
        [
            s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False).to_numpy(),
            s.str.replace(",", "", regex=False).to_numpy(),
            s.str.replace(",", ".", regex=False).to_numpy(),
        ],
        default=s.to_numpy(),
    )
    angka = pd.to_numeric(pd.Series(normal, index=teks.index), errors="coerce").astype("float64")
    angka = angka.where(~kosong)
    salah = ~kosong & (angka.isna() | ~np.isfinite(angka.fillna(0)))
    return angka.where(~salah), salah


def _peta_unik(teks: pd.Series, baca: Callable[[str], object]) -> pd.Series:
    """Apply a scalar parser once per distinct value and map the results back."""
    unik = teks.drop_duplicates()
    return teks.map(dict(zip(unik, (baca(v) for v in unik))))


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
    isi_ada = tabel.drop(columns="baris").apply(lambda k: k.str.strip() != "").any(axis=1)
    return tabel[isi_ada].reset_index(drop=True)


def _baca_csv(isi: bytes, catat: _Pencatat) -> tuple[pd.DataFrame | None, str]:
    """The raw table (all text) of a CSV/TSV file, and the separator used."""
    teks = dekode(isi)
    baris_judul = next((b for b in teks.splitlines() if b.strip()), "")
    if not baris_judul:
        catat.catat(t("galat.kosong"))
        return None, ","
    pemisah = tebak_pemisah(baris_judul)
    kolom = _judul(_sel_judul(baris_judul, pemisah), catat)
    if kolom is None:
        return None, pemisah
    teks = teks[teks.index(baris_judul):]  # the header is row 1 even after leading blank lines
    try:
        with warnings.catch_warnings():
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
        return None, pemisah
    except (ValueError, csv.Error) as e:
        catat.catat(t("galat.tidak_terbaca", sebab=str(e).strip()))
        return None, pemisah
    return _rapikan(tabel, kolom), pemisah


def _teks_sel(nilai: object) -> str:
    """A spreadsheet cell as the text a CSV export would hold, decimals written with a comma."""
    if nilai is None:
        return ""
    if isinstance(nilai, bool):
        return "1" if nilai else "0"
    if isinstance(nilai, int):
        return str(nilai)
    if isinstance(nilai, float):
        return str(int(nilai)) if nilai.is_integer() else repr(nilai).replace(".", ",")
    if isinstance(nilai, (datetime.date, datetime.time)):
        return nilai.isoformat()
    return str(nilai)


def _baca_xlsx(isi: bytes, catat: _Pencatat) -> tuple[pd.DataFrame | None, str]:
    """The raw table of an Excel workbook: the sheet named like a file kind, else the first sheet.

    Numbers typed as numbers and as text both load; merged cells are reported
    (a merged header would otherwise shift every column name).
    """
    try:
        buku = openpyxl.load_workbook(io.BytesIO(isi), data_only=True)
    except Exception as e:  # noqa: BLE001 - openpyxl raises many types for a damaged file; all mean "unreadable"
        catat.catat(t("galat.xlsx_rusak", sebab=type(e).__name__))
        return None, ";"
    sheet = next((buku[n] for n in buku.sheetnames if _nama_kolom(n) in {j.value for j in Jenis}), buku.worksheets[0])
    gabung = sorted(sheet.merged_cells.ranges, key=lambda r: (r.min_row, r.min_col))
    for r in gabung:
        catat.catat(t("galat.sel_gabung", sel=r.coord, sheet=sheet.title), baris=r.min_row)
    if gabung:
        return None, ";"
    baris = [[_teks_sel(v) for v in b] for b in sheet.iter_rows(values_only=True)]
    while baris and not any(v.strip() for v in baris[0]):
        baris.pop(0)
    if not baris:
        catat.catat(t("galat.kosong"))
        return None, ";"
    kolom = _judul(baris[0], catat)
    if kolom is None:
        return None, ";"
    tabel = pd.DataFrame([b[: len(kolom)] for b in baris[1:]], columns=range(len(kolom)), dtype="str")
    # decimals from number cells are written with a comma above, so the file reads as Indonesian
    return _rapikan(tabel, kolom), ";"


def _baca_tabel(isi: bytes, catat: _Pencatat) -> tuple[pd.DataFrame | None, str]:
    """The raw table (all text) with normalised column names, and the separator convention used."""
    if isi.startswith(b"PK\x03\x04"):  # a zip: .xlsx
        return _baca_xlsx(isi, catat)
    return _baca_csv(isi, catat)


def baca_berkas(nama: str, isi: bytes) -> Berkas:
    """Read and check one uploaded file on its own (codes are checked against the database later).

    >>> b = baca_berkas("realisasi.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi\\n2019;TW III;KPPBCBOGOR;BGR-01;43,8\\n")
    >>> b.jenis.value, b.data[["triwulan", "realisasi"]].values.tolist(), b.sah
    ('realisasi', [[3, 43.8]], True)
    """
    catat = _Pencatat(nama)
    if len(isi) > BATAS_UKURAN_MB * 1024 * 1024:
        catat.catat(t("galat.terlalu_besar", ukuran=round(len(isi) / 1024 / 1024, 1), batas=BATAS_UKURAN_MB))
        return Berkas(nama, None, pd.DataFrame(), catat.daftar, [], 0)
    mentah, pemisah = _baca_tabel(isi, catat)
    if mentah is None:
        return Berkas(nama, None, pd.DataFrame(), catat.daftar, [], catat.lain)
    jenis = kenali_jenis(mentah.columns)
    if jenis is None:
        kolom = ", ".join(k for k in mentah.columns if k != "baris")
        catat.catat(t("galat.jenis_tidak_dikenal", kolom=kolom), baris=1)
        return Berkas(nama, None, pd.DataFrame(), catat.daftar, [], catat.lain)
    wajib, pilihan = KOLOM[jenis]
    hilang = [k for k in wajib if k not in mentah.columns]
    if hilang:
        catat.catat(t("galat.kolom_hilang", kolom=", ".join(hilang)), baris=1)
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
    mentah = mentah[["baris", *wajib, *pilihan]].copy()
    for k in (*wajib, *pilihan):
        mentah[k] = mentah[k].str.strip()
    data = _PERIKSA[jenis](mentah, pemisah, catat)
    _periksa_duplikat(data, jenis, catat)
    urutan = {k: i for i, k in enumerate((*wajib, *pilihan))}
    kesalahan = sorted(catat.daftar, key=lambda k: (k.baris or 0, urutan.get(k.kolom or "", -1)))
    return Berkas(nama, jenis, data.reset_index(drop=True), kesalahan, catatan, catat.lain)


def _wajib_isi(mentah: pd.DataFrame, kolom: Iterable[str], catat: _Pencatat) -> None:
    for k in kolom:
        catat.catat_kolom(mentah[k] == "", mentah, k, lambda _: t("galat.wajib"))


def _tahun(mentah: pd.DataFrame, catat: _Pencatat) -> pd.Series:
    teks = mentah["tahun"].str.replace(r"\.0$", "", regex=True)
    tahun = pd.to_numeric(teks.where(teks.str.fullmatch(r"\d{4}")), errors="coerce")
    salah = (mentah["tahun"] != "") & (tahun.isna() | (tahun < 1990) | (tahun > 2100))
    catat.catat_kolom(salah, mentah, "tahun", lambda v: t("galat.tahun", nilai=v))
    return tahun.astype("Int64")


def _kosakata(mentah: pd.DataFrame, kolom: str, baca: Callable[[str], object], kunci_galat: str,
              catat: _Pencatat) -> pd.Series:
    nilai = _peta_unik(mentah[kolom], baca)
    salah = (mentah[kolom] != "") & nilai.isna()
    catat.catat_kolom(salah, mentah, kolom, lambda v: t(kunci_galat, nilai=v))
    return nilai


def _angka(mentah: pd.DataFrame, kolom: str, koma_desimal: bool, catat: _Pencatat) -> pd.Series:
    angka, salah = baca_angka(mentah[kolom], koma_desimal)
    catat.catat_kolom(salah, mentah, kolom, lambda v: t("galat.angka", nilai=v))
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
    koma = pakai_koma_desimal([mentah[k] for k in (*TARGET, "bobot", "realisasi_terburuk")], pemisah)
    data = pd.DataFrame({
        "baris": mentah["baris"],
        "tahun": _tahun(mentah, catat),
        "kode_unit": mentah["kode_unit"],
        "kode_iku": mentah["kode_iku"],
        "nama_iku": mentah["nama_iku"],
        "sasaran_strategis": mentah["sasaran_strategis"],
        "perspektif": _kosakata(mentah, "perspektif", lambda v: _nilai(Perspektif.dari_teks(v)),
                                "galat.perspektif", catat),
        "satuan": mentah["satuan"],
        "polaritas": _kosakata(mentah, "polaritas", lambda v: _nilai(Polaritas.dari_teks(v)),
                               "galat.polaritas", catat),
        "konsolidasi": _kosakata(mentah, "konsolidasi", lambda v: _nilai(Konsolidasi.dari_teks(v)),
                                 "galat.konsolidasi", catat),
    })
    bobot, salah_angka = baca_angka(mentah["bobot"], koma)
    catat.catat_kolom((mentah["bobot"] != "") & (salah_angka | (bobot <= 0)), mentah, "bobot",
                      lambda v: t("galat.bobot", nilai=v))
    data["bobot"] = bobot
    for k in TARGET:
        data[k] = _angka(mentah, k, koma, catat)
    tanpa_target = data[list(TARGET)].isna().all(axis=1) & (mentah[list(TARGET)] == "").all(axis=1)
    for baris in mentah.loc[tanpa_target, "baris"]:
        catat.catat(t("galat.tanpa_target"), int(baris), "target_tw1")
    data["konversi_120"] = _kosakata(mentah, "konversi_120", _ya_tidak, "galat.ya_tidak", catat)
    data["realisasi_terburuk"] = _angka(mentah, "realisasi_terburuk", koma, catat)
    data["konversi_120"] = data["konversi_120"].fillna(False).astype(bool)
    return data


def _nilai(anggota: Enum | None) -> str | None:
    return None if anggota is None else anggota.value


def _periksa_realisasi(mentah: pd.DataFrame, pemisah: str, catat: _Pencatat) -> pd.DataFrame:
    _wajib_isi(mentah, ("tahun", "triwulan", "kode_unit", "kode_iku"), catat)
    koma = pakai_koma_desimal([mentah["realisasi"]], pemisah)
    triwulan = _kosakata(mentah, "triwulan", baca_triwulan, "galat.triwulan", catat)
    return pd.DataFrame({
        "baris": mentah["baris"],
        "tahun": _tahun(mentah, catat),
        "triwulan": pd.to_numeric(triwulan, errors="coerce").astype("Int64"),
        "kode_unit": mentah["kode_unit"],
        "kode_iku": mentah["kode_iku"],
        "realisasi": _angka(mentah, "realisasi", koma, catat),
        "kendala": mentah["kendala"].where(mentah["kendala"] != ""),
        "rencana_aksi": mentah["rencana_aksi"].where(mentah["rencana_aksi"] != ""),
        "pic": mentah["pic"].where(mentah["pic"] != ""),
        "tenggat": _tanggal(mentah, "tenggat", catat),
    })


def _tanggal(mentah: pd.DataFrame, kolom: str, catat: _Pencatat) -> pd.Series:
    """Dates written 2019-12-20, 20/12/2019, 20-12-2019 or 20.12.2019 (day first, as Indonesians write)."""
    teks = mentah[kolom].str.replace(r"[./]", "-", regex=True)
    iso = pd.to_datetime(teks, format="%Y-%m-%d", errors="coerce")
    hari_dulu = pd.to_datetime(teks, format="%d-%m-%Y", errors="coerce")
    tanggal = iso.fillna(hari_dulu)
    catat.catat_kolom((mentah[kolom] != "") & tanggal.isna(), mentah, kolom, lambda v: t("galat.tanggal", nilai=v))
    return tanggal


_PERIKSA = {Jenis.UNIT: _periksa_unit, Jenis.IKU: _periksa_iku, Jenis.REALISASI: _periksa_realisasi}


def _periksa_duplikat(data: pd.DataFrame, jenis: Jenis, catat: _Pencatat) -> None:
    """A key twice in one file is ambiguous: report every repeat with the row it repeats."""
    kunci = KUNCI[jenis]
    lengkap = data.dropna(subset=kunci)
    ganda = lengkap.duplicated(subset=kunci, keep="first")
    if not ganda.any():
        return
    pertama = lengkap[~ganda][[*kunci, "baris"]].rename(columns={"baris": "baris_lain"})
    ulang = lengkap[ganda].merge(pertama, on=kunci, how="left")
    ulang["kunci"] = ulang[kunci].astype(str).agg(" / ".join, axis=1)
    for baris, teks_kunci, baris_lain in ulang[["baris", "kunci", "baris_lain"]].head(BATAS_KESALAHAN).itertuples(
        index=False
    ):
        catat.catat(t("galat.duplikat", kunci=teks_kunci, baris_lain=int(baris_lain)), int(baris))
    catat.lain += max(len(ulang) - BATAS_KESALAHAN, 0)
