"""How the numbers of a file are read: one documented way for the whole file.

The decimal mark is decided per file, from all its numeric columns. Evidence
for a decimal comma: a comma not followed by exactly three digits (``90,9``),
both marks as ``1.234,5``, several thousands dots (``5.700.000.000``); for a
decimal dot the mirror images (``1.5``, ``0.500``, ``1,234.5``,
``1,234,567``). Both kinds in one file: refused, naming a row of each. One
kind: the whole file is read that way, including values such as ``1.500``.
Neither: a `;`-separated file or a workbook is Indonesian (decimal comma) by
convention; otherwise a value that reads two ways (one mark followed by
exactly three digits, ``1.500``, ``1,500``) is refused naming its row. Number
cells of a workbook arrive as ``0,5`` / ``1500``. ``%``, ``Rp`` and spaces are
decorations. When a value has a mark, a notice says which way the file was read and why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kinerja.masuk.catat import _kutip, _Pencatat, _sebar, _unik
from kinerja.pesan import Pesan

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


def _nama_gaya(contoh: _Contoh, koma: bool) -> Pesan:
    """The style a value shows, by the mark it has: '90,9' a decimal comma, '5.700.000' thousands dots."""
    if koma:
        return Pesan("baca.koma_desimal" if "," in contoh.nilai else "baca.titik_ribuan")
    return Pesan("baca.titik_desimal" if "." in contoh.nilai else "baca.koma_ribuan")


def _pesan_ganda(nilai: object) -> Pesan:
    """'1.500' reads 1500 or 1,5: say both, and how to write each so it reads one way."""
    s = re.sub(_HIASAN, "", str(nilai)).replace("\u2212", "-")
    tanda = "." if "." in s else ","
    depan, _, belakang = s.partition(tanda)
    pecahan = belakang.rstrip("0")
    tulis = pecahan + "0" if len(pecahan) == 3 else pecahan or "0"  # never again three digits after the mark
    return Pesan("baca.angka_ganda", {"nilai": nilai, "ribuan": depan + belakang,
                                      "desimal": depan + ("," + pecahan if pecahan else ""),
                                      "tulis_desimal": f"{depan}{tanda}{tulis}"})


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
        catat.catat(Pesan("baca.dua_gaya", {"baris_a": a.baris, "nilai_a": _kutip(a.nilai),
                                            "gaya_a": _nama_gaya(a, a_koma), "baris_b": b.baris,
                                            "nilai_b": _kutip(b.nilai), "gaya_b": _nama_gaya(b, b_koma)}),
                    b.baris, b.kolom, b.nilai)
        koma_desimal, dasar = pemisah == ";", None  # only to go on checking: the file is refused
    elif koma is not None or titik is not None:
        contoh = koma or titik
        assert contoh is not None
        koma_desimal = koma is not None
        dasar = Pesan("baca.dasar_contoh", {"baris": contoh.baris, "kolom": contoh.kolom,
                                            "nilai": _kutip(contoh.nilai)})
    elif pemisah == ";":
        koma_desimal, dasar = True, Pesan("baca.dasar_titik_koma")
    else:
        koma_desimal, dasar = None, None
    if ada_tanda and dasar is not None:
        catat.catatan.append(Pesan("baca.gaya_indonesia" if koma_desimal else "baca.gaya_inggris", {"dasar": dasar}))
    hasil = {}
    for k, g in golongan.items():
        angka, salah, belum = _nilai_angka(g, koma_desimal)
        catat.catat_kolom(belum, mentah, k, _pesan_ganda)
        hasil[k] = (angka, salah)
    return hasil

