"""The checks of each kind of file (unit, IKU, realisasi, komponen): from cleaned text to typed rows.

``_PERIKSA`` holds one check per kind; each words what it refuses with its row
and column and returns the kind's canonical columns plus ``baris``. Shared by
them:

- **Vocabularies** (perspektif, polaritas, konsolidasi, sumber, ...) are read
  once per distinct value, as people type them or as the app itself shows them.
- **Magnitudes.** bobot is > 0 and at most BATAS_BOBOT; targets, realisasi and
  realisasi_terburuk are at most BATAS_NILAI in absolute value (Rp 1 000
  triliun written in rupiah). Anything larger is refused, never stored as a
  number that breaks the scores.
- **Dates** are day first, as Indonesians write them: ``31/12/2019``,
  ``31-12-2019``, ``31.12.2019``, ``31 Desember 2019``, ``31 Des 2019`` (Indonesian
  or English month names, any case), and year first ``2019-12-31``; a time
  after the date (a spreadsheet date cell, ``2019-12-31 00:00:00``) is ignored.
  A date that is not in the calendar (``31/02/2019``) is refused.
- **What documents print** (issue 31): a unit's ``nip_pimpinan`` is 18 digits,
  spaces allowed (``19700101 199501 1 001``) and dropped, kept as text; an
  IKU's ``target_renstra`` is read in the file's number style with
  ``tahun_renstra`` (2000–2100), both or neither. Blank keeps what is stored.
- **Keys** appear once per file (``_periksa_duplikat``). Codes compare without
  regard to case, so ``bgr-01`` and ``BGR-01`` in one file are the same key.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from enum import Enum

import pandas as pd

from kinerja.masuk.catat import BATAS_KESALAHAN, _kutip, _Pencatat, _peta_unik, _ribuan, _sebar, _unik
from kinerja.masuk.gaya_angka import _angka_berkas
from kinerja.masuk.jenis import KOLOM_KODE, TARGET, Jenis
from kinerja.pesan import Pesan
from kinerja.store import KUNCI
from kinerja.texts import TEKS
from kinerja_core.kaskade import Agregasi
from kinerja_core.komponen import POLA_NAMA_KOMPONEN, RumusTidakSah, baca_rumus
from kinerja_core.model import Konsolidasi, Perspektif, Polaritas, StatusAksi, Sumber, baca_triwulan

BATAS_NILAI = 1e15
"""Largest absolute target, realisasi or realisasi_terburuk accepted: Rp 1 000 triliun written in rupiah."""

BATAS_BOBOT = 1_000_000
"""Largest bobot accepted (bobot are relative weights: any positive numbers, normalised per unit)."""


def _wajib_isi(mentah: pd.DataFrame, kolom: Iterable[str], catat: _Pencatat) -> None:
    for k in kolom:
        catat.catat_kolom(mentah[k] == "", mentah, k, lambda _: Pesan("galat.wajib"))


def _tahun(mentah: pd.DataFrame, catat: _Pencatat) -> pd.Series:
    kode, unik = _unik(mentah["tahun"])  # a file holds a handful of years: each is read once
    teks = unik.str.replace(r"\.0$", "", regex=True)
    tahun = _sebar(pd.to_numeric(teks.where(teks.str.fullmatch(r"\d{4}")), errors="coerce"), kode, mentah["tahun"])
    salah = (mentah["tahun"] != "") & (tahun.isna() | (tahun < 1990) | (tahun > 2100))
    catat.catat_kolom(salah, mentah, "tahun", lambda v: Pesan("galat.tahun", {"nilai": v}))
    return tahun.astype("Int64")


def _kosakata(mentah: pd.DataFrame, kolom: str, baca: Callable[[str], object], kunci_galat: str,
              catat: _Pencatat) -> pd.Series:
    nilai = _peta_unik(mentah[kolom], baca)
    salah = (mentah[kolom] != "") & nilai.isna()
    catat.catat_kolom(salah, mentah, kolom, lambda v: Pesan(kunci_galat, {"nilai": v}))
    return nilai


def _angka(mentah: pd.DataFrame, kolom: str, dibaca: tuple[pd.Series, pd.Series], catat: _Pencatat) -> pd.Series:
    """A target or realisasi column: not a number, or beyond BATAS_NILAI, is refused with row and column."""
    angka, salah = dibaca
    catat.catat_kolom(salah, mentah, kolom, lambda v: Pesan("galat.angka", {"nilai": v}))
    catat.catat_kolom(angka.abs() > BATAS_NILAI, mentah, kolom,
                      lambda v: Pesan("baca.di_luar_batas", {"nilai": v, "batas": _ribuan(BATAS_NILAI)}))
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
        # who signs the unit's documents and where (a blank keeps what is stored)
        "nama_pimpinan": _teks_atau_kosong(mentah, "nama_pimpinan"),
        "nip_pimpinan": _nip(mentah, "nip_pimpinan", catat),
        "jabatan_pimpinan": _teks_atau_kosong(mentah, "jabatan_pimpinan"),
        "kota": _teks_atau_kosong(mentah, "kota"),
    })


def _teks_atau_kosong(mentah: pd.DataFrame, kolom: str) -> pd.Series:
    """A text column with a blank as missing (None): in the columns that keep a blank, the stored value stays."""
    return mentah[kolom].where(mentah[kolom] != "", None)


_POLA_NIP = re.compile(r"[0-9]{18}")


def baca_nip(teks: str) -> str | None:
    """A civil servant's NIP as stored: its 18 digits, read from the way it is commonly written (spaces between
    the birth date, the appointment month, the sex and the serial number, or none); None for anything else, which
    is never guessed at (a spreadsheet number cell keeps only 15 digits).

    >>> baca_nip("19700101 199501 1 001"), baca_nip("197001011995011001"), baca_nip("1,97001E+17")
    ('197001011995011001', '197001011995011001', None)
    """
    digit = re.sub(r"\s+", "", teks)
    return digit if _POLA_NIP.fullmatch(digit) else None


def _nip(mentah: pd.DataFrame, kolom: str, catat: _Pencatat) -> pd.Series:
    """A NIP column: 18 digits, spaces allowed and dropped; anything else refused with row, column and value."""
    nip = _peta_unik(mentah[kolom], baca_nip)
    salah = (mentah[kolom] != "") & nip.isna()
    catat.catat_kolom(salah, mentah, kolom, lambda v: Pesan("galat.nip", {"nilai": v}))
    return nip.where(nip.notna(), None).astype(object)


def _tahun_renstra(mentah: pd.DataFrame, catat: _Pencatat) -> pd.Series:
    """The year of the Renstra target: four digits, 2000–2100 (a spreadsheet's 2024,0 too); else refused."""
    kolom = mentah["tahun_renstra"]
    teks = kolom.str.replace(r"[.,]0+$", "", regex=True)
    tahun = pd.to_numeric(teks.where(teks.str.fullmatch(r"[0-9]{4}")), errors="coerce")
    salah = (kolom != "") & (tahun.isna() | (tahun < 2000) | (tahun > 2100))
    catat.catat_kolom(salah, mentah, "tahun_renstra", lambda v: Pesan("galat.tahun_renstra", {"nilai": v}))
    return tahun.where(~salah).astype("Int64")


def _renstra(mentah: pd.DataFrame, angka: tuple[pd.Series, pd.Series], catat: _Pencatat) -> dict[str, pd.Series]:
    """The medium-term Renstra target and its year: both or neither in a row (a blank pair keeps the stored one);
    the target read in the file's number style, as the quarterly targets are."""
    target = _angka(mentah, "target_renstra", angka, catat)
    tahun = _tahun_renstra(mentah, catat)
    isi_target, isi_tahun = mentah["target_renstra"] != "", mentah["tahun_renstra"] != ""
    for baris, tanpa_tahun in zip(mentah.loc[isi_target != isi_tahun, "baris"], isi_target[isi_target != isi_tahun]):
        catat.catat(Pesan("galat.renstra_separuh"), int(baris), "tahun_renstra" if tanpa_tahun else "target_renstra")
    return {"target_renstra": target, "tahun_renstra": tahun}


def _periksa_iku(mentah: pd.DataFrame, pemisah: str, catat: _Pencatat) -> pd.DataFrame:
    _wajib_isi(mentah, ("tahun", "kode_unit", "kode_iku", "nama_iku", "perspektif", "polaritas",
                        "konsolidasi", "bobot"), catat)
    angka = _angka_berkas(mentah, (*TARGET, "bobot", "realisasi_terburuk", "batas_bawah", "target_renstra"), pemisah,
                          catat)
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
                      lambda v: Pesan("galat.bobot", {"nilai": v}))
    catat.catat_kolom(bobot > BATAS_BOBOT, mentah, "bobot",
                      lambda v: Pesan("baca.bobot_terlalu_besar", {"nilai": v, "batas": _ribuan(BATAS_BOBOT)}))
    data["bobot"] = bobot
    for k in TARGET:
        data[k] = _angka(mentah, k, angka[k], catat)
    tanpa_target = data[list(TARGET)].isna().all(axis=1) & (mentah[list(TARGET)] == "").all(axis=1)
    for baris in mentah.loc[tanpa_target, "baris"]:
        catat.catat(Pesan("galat.tanpa_target"), int(baris), "target_tw1")
    data["konversi_120"] = _kosakata(mentah, "konversi_120", _ya_tidak, "galat.ya_tidak", catat)
    data["realisasi_terburuk"] = _angka(mentah, "realisasi_terburuk", angka["realisasi_terburuk"], catat)
    data["konversi_120"] = data["konversi_120"].fillna(False).astype(bool)
    # what the unit declares its values can be: an upload of realisasi is held to it (importing)
    data["batas_bawah"] = _angka(mentah, "batas_bawah", angka["batas_bawah"], catat)
    data["bilangan_bulat"] = _kosakata(mentah, "bilangan_bulat", _ya_tidak, "galat.ya_tidak", catat
                                       ).fillna(False).astype(bool)
    # the quarter cannot be submitted without data dukung for this IKU (kinerja_core.siklus)
    data["bukti_wajib"] = _kosakata(mentah, "bukti_wajib", _ya_tidak, "galat.ya_tidak", catat).fillna(False).astype(bool)
    for k in (*TARGET, "realisasi_terburuk"):
        di_bawah = data[k] < data["batas_bawah"]
        catat.catat_kolom(di_bawah, mentah, k, lambda v: Pesan("galat.di_bawah_batas", {"nilai": v}))
    # the planning basis: blank is the performance agreement (PENKIN), where IKU come from unless said otherwise
    data["sumber"] = _kosakata(mentah, "sumber", lambda v: _nilai(Sumber.dari_teks(v)), "galat.sumber",
                               catat).fillna(Sumber.PENKIN.value)
    # the IKU this one supports: both codes or neither (the unit above and its IKU are checked against the tree)
    for k in ("kode_unit_induk", "kode_iku_induk"):
        data[k] = mentah[k].where(mentah[k] != "")
    separuh = data["kode_unit_induk"].isna() != data["kode_iku_induk"].isna()
    for baris, tanpa in zip(mentah.loc[separuh, "baris"], data.loc[separuh, "kode_unit_induk"].isna()):
        catat.catat(Pesan("galat.induk_separuh"), int(baris), "kode_unit_induk" if tanpa else "kode_iku_induk")
    data["agregasi_anak"] = _kosakata(mentah, "agregasi_anak", lambda v: _nilai(Agregasi.dari_teks(v)),
                                      "galat.agregasi", catat)
    data["rumus_komponen"] = _rumus(mentah, catat)
    dua_asal = data["agregasi_anak"].notna() & data["rumus_komponen"].notna()
    catat.catat_kolom(dua_asal, mentah, "rumus_komponen", lambda _: Pesan("galat.rumus_dan_agregasi"))
    # what the official documents print of the IKU (the Manual IKU, the Perjanjian Kinerja); a blank keeps
    for k in ("definisi", "sumber_data", "pic_iku"):
        data[k] = _teks_atau_kosong(mentah, k)
    for k, v in _renstra(mentah, angka["target_renstra"], catat).items():
        data[k] = v
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
        catat.catat(Pesan("galat.rumus", {"nilai": _kutip(teks),
                                          "alasan": Pesan(f"rumus.{r.alasan.value}", {"bagian": r.bagian})}),
                    int(baris), "rumus_komponen", teks)
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
    catat.catat_kolom(_sebar(mustahil, kode, isi), mentah, kolom, lambda v: Pesan("baca.tanggal_mustahil", {"nilai": v}))
    catat.catat_kolom(_sebar(isi_unik & tanggal.isna() & ~mustahil, kode, isi), mentah, kolom,
                      lambda v: Pesan("galat.tanggal", {"nilai": v}))
    return _sebar(tanggal, kode, mentah[kolom]).rename(None)


def _periksa_komponen(mentah: pd.DataFrame, pemisah: str, catat: _Pencatat) -> pd.DataFrame:
    """A komponen file: one value per IKU, quarter and komponen name (the name as the IKU's ``rumus_komponen``
    spells it, compared without regard to case; whether the IKU has that komponen is checked against the store)."""
    _wajib_isi(mentah, ("tahun", "triwulan", "kode_unit", "kode_iku", "komponen"), catat)
    angka = _angka_berkas(mentah, ("nilai",), pemisah, catat)
    kunci = _kunci_triwulan(mentah, catat)
    nama = mentah["komponen"].str.strip()
    salah = (nama != "") & ~nama.str.fullmatch(POLA_NAMA_KOMPONEN)
    catat.catat_kolom(salah, mentah, "komponen", lambda v: Pesan("galat.komponen_nama", {"nilai": v}))
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
        catat.catat(Pesan("galat.duplikat", {"kunci": teks_kunci, "baris_lain": int(baris_lain)}), int(baris),
                    nilai=teks_kunci)
    catat.lain += max(len(ulang) - BATAS_KESALAHAN, 0)
