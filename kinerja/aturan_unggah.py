"""The rules an upload's rows must meet against their IKU, each written once: the preview applies them to the
upload beside what the store held when it was checked (``kinerja.masuk.importing``), and the committing
transaction applies the same functions to the rows as they stand there (``kinerja.store.periksa``), which
another process may have changed in between. Pure functions on DataFrames: no store, no words (each side words
its own refusal).

* ``batas_dilanggar``: a realisasi below its IKU's ``batas_bawah``, or not whole where ``bilangan_bulat``;
* ``komponen_disebut``: a komponen is one its IKU's ``rumus_komponen`` names (``kinerja_core.komponen``'s grammar).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from kinerja_core.komponen import RumusTidakSah, baca_rumus


def deklarasi_batas(iku: pd.DataFrame) -> pd.DataFrame:
    """The IKU rows that declare a bound (``batas_bawah`` set, or ``bilangan_bulat`` true), with ``batas_bawah`` as
    float and ``bilangan_bulat`` as bool (a blank is false).

    >>> d = deklarasi_batas(pd.DataFrame({"kode_iku": ["A", "B", "C"], "batas_bawah": [0, None, None],
    ...                                   "bilangan_bulat": [None, True, False]}))
    >>> d["kode_iku"].tolist(), d["bilangan_bulat"].tolist()
    (['A', 'B'], [False, True])
    """
    iku = iku.assign(bilangan_bulat=iku["bilangan_bulat"].astype(object).where(iku["bilangan_bulat"].notna(), False)
                     .astype(bool), batas_bawah=pd.to_numeric(iku["batas_bawah"], errors="coerce").astype(float))
    return iku[iku["batas_bawah"].notna() | iku["bilangan_bulat"]]


def batas_dilanggar(baris: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Per row of ``baris`` (``realisasi`` beside its IKU's ``batas_bawah`` and ``bilangan_bulat``, as
    ``deklarasi_batas`` gives them): whether the value is below the bound, and whether it is not whole where it
    must be. A blank realisasi breaks neither.

    A count of findings (``batas_bawah`` 0, ``bilangan_bulat``): -1 is below, 2.5 is not whole, 3 is fine.

    >>> bawah, pecahan = batas_dilanggar(pd.DataFrame({"realisasi": [-1.0, 2.5, 3.0, None],
    ...                                                "batas_bawah": 0.0, "bilangan_bulat": True}))
    >>> bawah.tolist(), pecahan.tolist()
    ([True, False, False, False], [False, True, False, False])
    """
    nilai = baris["realisasi"].astype(float)
    bulat = baris["bilangan_bulat"].astype(bool)
    return nilai < baris["batas_bawah"].astype(float), bulat & nilai.notna() & (nilai != np.round(nilai))


@functools.cache
def nama_komponen(rumus: str | None) -> frozenset[str]:
    """The komponen a ``rumus_komponen`` names (lower case; none without a formula, or for one that does not read:
    a formula is read when it is uploaded, so a stored one reads).

    >>> sorted(nama_komponen("rasio( Tepat_Waktu ,layanan )"))
    ['layanan', 'tepat_waktu']
    """
    if not isinstance(rumus, str):
        return frozenset()
    try:
        return frozenset(baca_rumus(rumus).komponen)
    except RumusTidakSah:
        return frozenset()


def komponen_disebut(baris: pd.DataFrame) -> np.ndarray:
    """Per row of ``baris`` (``komponen``, a name in lower case as a komponen file's rows hold it, beside its IKU's
    ``rumus_komponen``, None without one): whether the formula names that komponen.

    >>> komponen_disebut(pd.DataFrame({"komponen": ["layanan", "cukai", "layanan"],
    ...                                "rumus_komponen": ["rasio(tepat_waktu, layanan)", "rasio(a; b)", None]})).tolist()
    [True, False, False]
    """
    return np.fromiter((isinstance(k, str) and k in nama_komponen(r if isinstance(r, str) else None)
                        for k, r in zip(baris["komponen"], baris["rumus_komponen"])), dtype=bool, count=len(baris))

