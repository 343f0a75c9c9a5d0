"""What every step of reading a file shares: the errors it finds and how they are recorded.

``Kesalahan`` is one problem, located by file, row and column, what is wrong
being a message code with its values (``kinerja.pesan.Pesan``), put in words
only where a person reads it; ``_Pencatat`` collects a file's problems (at most
BATAS_KESALAHAN, the rest counted) and its notices, messages too. A value quoted in a message is cut (``_kutip``). The checks look at
each distinct value of a column once (``_unik``, ``_sebar``, ``_peta_unik``):
a million rows hold a handful of years and a thousand codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kinerja.pesan import Pesan
from kinerja.texts import t, teks_pesan

BATAS_KESALAHAN = 500
"""At most this many errors are collected per file; the rest are counted."""

BATAS_KUTIP = 80
"""A value quoted in a message is cut to this many characters."""


@dataclass(frozen=True)
class Kesalahan:
    """One problem in an uploaded file, located as precisely as it can be, in no language: the file, what is
    wrong as a message code with its values (``pesan``), the row and column, and the value found. Words are
    chosen where a person reads it (``teks``, ``str``), in that reader's language.

    >>> k = Kesalahan("realisasi.csv", Pesan("galat.realisasi_tidak_bulat", {"nilai": 2.5}), 7, "realisasi", 2.5)
    >>> k.kode, k.baris, k.kolom, k.nilai
    ('galat.realisasi_tidak_bulat', 7, 'realisasi', 2.5)
    """

    berkas: str
    pesan: Pesan
    baris: int | None = None
    kolom: str | None = None
    nilai: object = None

    @property
    def kode(self) -> str:
        """What is wrong, as the message's key (``galat.realisasi_tidak_bulat``)."""
        return self.pesan.kunci

    @property
    def teks(self) -> str:
        """What is wrong, in the current language's words (without the file, row and column)."""
        return teks_pesan(self.pesan)

    def __str__(self) -> str:
        if self.baris is not None and self.kolom:
            return t("galat.lokasi", berkas=self.berkas, baris=self.baris, kolom=self.kolom, pesan=self.teks)
        if self.baris is not None:
            return t("galat.lokasi_baris", berkas=self.berkas, baris=self.baris, pesan=self.teks)
        return t("galat.lokasi_berkas", berkas=self.berkas, pesan=self.teks)


class _Pencatat:
    """Collects errors of one file up to BATAS_KESALAHAN, counting the rest, and its notices (as messages)."""

    def __init__(self, berkas: str) -> None:
        self.berkas = berkas
        self.daftar: list[Kesalahan] = []
        self.lain = 0
        self.catatan: list[Pesan] = []

    def catat(self, pesan: Pesan, baris: int | None = None, kolom: str | None = None, nilai: object = None) -> None:
        if len(self.daftar) < BATAS_KESALAHAN:
            self.daftar.append(Kesalahan(self.berkas, pesan, baris, kolom, nilai))
        else:
            self.lain += 1

    def catat_kolom(self, mask: pd.Series, data: pd.DataFrame, kolom: str, pesan: Callable[[object], Pesan]) -> None:
        """One error per row where ``mask`` holds, with the raw value found (``pesan`` is given it cut to
        BATAS_KUTIP, to quote).

        >>> c = _Pencatat("realisasi.csv")
        >>> data = pd.DataFrame({"baris": [2, 3], "realisasi": ["43,8", "abc"]})
        >>> c.catat_kolom(data["realisasi"] == "abc", data, "realisasi", lambda v: Pesan("galat.angka", {"nilai": v}))
        >>> [(k.kode, k.baris, k.kolom, k.nilai) for k in c.daftar]
        [('galat.angka', 3, 'realisasi', 'abc')]
        """
        jumlah = int(mask.sum())
        if not jumlah:
            return
        ruang = max(BATAS_KESALAHAN - len(self.daftar), 0)
        contoh = data.loc[mask, ["baris", kolom]].head(ruang)
        for baris, nilai in contoh.itertuples(index=False):
            self.daftar.append(Kesalahan(self.berkas, pesan(_kutip(nilai)), int(baris), kolom, nilai))
        self.lain += jumlah - len(contoh)


def _kutip(nilai: object) -> object:
    """A cell as a message quotes it: long text is cut (a 50 MB cell must not become a 50 MB message)."""
    if isinstance(nilai, str) and len(nilai) > BATAS_KUTIP:
        return nilai[: BATAS_KUTIP - 1] + "…"
    return nilai


def _ribuan(n: float) -> str:
    """An integer written with thousands dots: 1000000 → '1.000.000'."""
    return f"{n:,.0f}".replace(",", ".")


# --- each distinct value once ----------------------------------------------------------------------


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


def _peta_unik(teks: pd.Series, baca: Callable[[str], object]) -> pd.Series:
    """Apply a scalar parser once per distinct value and map the results back."""
    kode, unik = _unik(teks)
    return _sebar(unik.map(dict(zip(unik, (baca(v) for v in unik)))), kode, teks)
