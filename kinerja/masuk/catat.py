"""What every step of reading a file shares: the errors it finds and how they are recorded.

``Kesalahan`` is one problem, located by file, row and column; ``_Pencatat``
collects a file's problems (at most BATAS_KESALAHAN, the rest counted) and its
notices. A value quoted in a message is cut (``_kutip``). The checks look at
each distinct value of a column once (``_unik``, ``_sebar``, ``_peta_unik``):
a million rows hold a handful of years and a thousand codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kinerja.texts import t

BATAS_KESALAHAN = 500
"""At most this many errors are collected per file; the rest are counted."""

BATAS_KUTIP = 80
"""A value quoted in a message is cut to this many characters."""


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
