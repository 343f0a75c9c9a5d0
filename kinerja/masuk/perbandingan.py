"""One uploaded file's rows against the stored ones, held compactly (``Beda``): the file's own rows, not copied, and
the store's answer for the rows that have a stored twin only. A ministry's first upload (3 000 000 new rows) holds no
second copy of itself while it is checked; the row-by-row table the preview shows (``Beda.lengkap``) is put
together only when a page or ``import --dry-run`` reads it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa

from kinerja.store.bantu import _ke_pandas, _sebagai_arrow
from kinerja.store.beda import _dengan_baris_baru
from kinerja.store.skema import KOLOM, KUNCI, TETAP_BILA_KOSONG


def masuk_berkas(data: pd.DataFrame, nama: str) -> pd.DataFrame:
    """The rows of one file the store compares (``Bacaan.kembar``): those with a complete key, with their row
    number (``baris``) and the table's columns; the file's frame itself when every key is complete (no copy).

    >>> data = pd.DataFrame({"baris": [2, 3], "tahun": [2019, 2019], "triwulan": [1, 1], "kode_unit": ["BGR", None],
    ...                      "kode_iku": ["BGR-05", "BGR-05"], "komponen": ["tepat waktu", "layanan"],
    ...                      "nilai": [481.0, 500.0]})
    >>> masuk_berkas(data, "komponen")["baris"].tolist()
    [2]
    """
    lengkap = data[KUNCI[nama]].notna().all(axis=1).to_numpy()
    kolom = ["baris", *KOLOM[nama]]
    return data[kolom] if lengkap.all() else data.loc[lengkap, kolom].reset_index(drop=True)


@dataclass(frozen=True)
class Beda:
    """The rows of one file of table ``nama`` (``data``: ``masuk_berkas``) against the store. ``kembar`` is the
    store's answer for the rows with a stored twin only (``Bacaan.kembar``: ``_urutan_masuk``, the row's place in
    ``data``, its values, the values it lands with, the stored ones as ``<kolom>_lama``, ``berubah``; None: an
    empty file, nothing compared); every other row is new.

    >>> data = pd.DataFrame({"baris": [2, 3], "kode_unit": ["BTP", "PPK"], "nama_unit": ["Balai", "Pusat"],
    ...                      "kode_induk": [None, None]})
    >>> kembar = pa.table({"_urutan_masuk": [1], "berubah": [True], "nama_unit_lama": ["Pusat lama"]})
    >>> b = Beda("unit", data, kembar)
    >>> b.baru.tolist(), b.berubah.tolist(), len(b)
    ([True, False], [False, True], 2)
    """

    nama: str
    data: pd.DataFrame
    kembar: pa.Table | None

    def __len__(self) -> int:
        return len(self.data)

    @functools.cached_property
    def posisi(self) -> np.ndarray:
        """The place in ``data`` of each row of ``kembar``."""
        if self.kembar is None:
            return np.zeros(0, dtype=np.intp)
        return self.kembar.column("_urutan_masuk").to_numpy().astype(np.intp)

    @functools.cached_property
    def baru(self) -> np.ndarray:
        """Per row of ``data``: no stored row has its key."""
        baru = np.ones(len(self.data), dtype=bool)
        baru[self.posisi] = False
        return baru

    @functools.cached_property
    def berubah(self) -> np.ndarray:
        """Per row of ``data``: a stored row has its key and a value it lands with differs from the stored one."""
        berubah = np.zeros(len(self.data), dtype=bool)
        if self.kembar is not None:
            berubah[self.posisi] = self.kembar.column("berubah").to_numpy(zero_copy_only=False).astype(bool)
        return berubah

    def kembar_pandas(self, kolom: list[str]) -> pd.DataFrame:
        """Some columns of the rows with a stored twin (``kembar``), as a DataFrame."""
        if self.kembar is None:
            return pd.DataFrame(columns=kolom)
        return _ke_pandas(self.kembar.select(kolom))

    def nilai(self, kolom: str) -> pd.Series:
        """A value column as the rows land with it, one per row of ``data``: the uploaded value, or for a blank
        that keeps (``TETAP_BILA_KOSONG``) the stored one."""
        nilai = self.data[kolom]
        if kolom not in TETAP_BILA_KOSONG.get(self.nama, ()) or not len(self.posisi):
            return nilai
        nilai = nilai.copy()
        nilai.iloc[self.posisi] = self.kembar_pandas([kolom])[kolom].to_numpy()
        return nilai

    def lengkap(self) -> pd.DataFrame:
        """Every row against the store, as the one full query (``_sql_beda``) answers: the row's columns, the
        values it lands with, ``<kolom>_lama`` (missing for a new row), ``baru`` and ``berubah``; rows with a
        stored twin first. What the preview's row-by-row table (``Perubahan.rincian``) is made of."""
        if self.kembar is None:
            nilai = [k for k in KOLOM[self.nama] if k not in KUNCI[self.nama]]
            return pd.DataFrame(columns=["baris", *KUNCI[self.nama], *nilai, *(f"{k}_lama" for k in nilai), "baru",
                                         "berubah"]).astype({"baru": bool, "berubah": bool})
        masuk = _sebagai_arrow(self.data.assign(_urutan_masuk=np.arange(len(self.data))))
        if isinstance(masuk, pa.Table):
            hasil = _ke_pandas(_dengan_baris_baru(masuk, self.kembar, self.nama))
        else:  # a frame Arrow cannot hold (mixed types): the new rows completed as pandas
            tersimpan = _ke_pandas(self.kembar)
            baru = masuk[self.baru].assign(
                **{k: None for k in tersimpan.columns if k.endswith("_lama")}, baru=True, berubah=False)
            hasil = pd.concat([tersimpan, baru[tersimpan.columns]], ignore_index=True)
        return hasil.drop(columns="_urutan_masuk")
