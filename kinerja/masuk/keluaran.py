"""What every output of tables shares, light enough for the command line's start-up (no openpyxl, no upload
checks, pandas only for a DataFrame): text made inert for spreadsheets (``netralkan``), tables as JSON the way
``json.dumps`` writes them but column by column (``ke_json`` of DataFrames, ``susun_json`` of plain columns), and a
function applied once per distinct value of a column (``per_nilai_kolom``).

``kinerja.masuk.exporting`` (templates, CSV and XLSX exports) builds on it; ``python -m kinerja score`` needs only
this, without pandas.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

_teks_json = json.encoder.encode_basestring  # type: ignore[attr-defined]  # JSON text, ensure_ascii=False

AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def netralkan(nilai: object) -> object:
    """A text cell made inert for spreadsheets; anything else unchanged.

    >>> netralkan("=HYPERLINK(\\"http://x\\")"), netralkan("-5 hari"), netralkan(-5.0), netralkan("Bea masuk")
    ('\\'=HYPERLINK("http://x")', "'-5 hari", -5.0, 'Bea masuk')
    """
    if isinstance(nilai, str) and nilai.startswith(AWALAN_RUMUS):
        return "'" + nilai
    return nilai


def per_nilai_kolom(seri: pd.Series, f: Callable[[pd.Series], Sequence[object] | pd.Series]) -> pd.Series:
    """``f(seri)`` as object values, with ``f`` given each distinct value once, in a column of the same type (a
    float told apart by its bits: -0 is not 0); mixed Python values (1, 1.0 and True hash alike) each their own.
    A ministry's 15,000 IKU carry 15 codes and four lights: each is worded once.

    >>> import pandas as pd
    >>> per_nilai_kolom(pd.Series(["hijau", "merah", "hijau"]), lambda s: s.str.upper()).tolist()
    ['HIJAU', 'MERAH', 'HIJAU']
    """
    import pandas as pd

    if seri.dtype == object and pd.api.types.infer_dtype(seri, skipna=True) not in ("string", "empty"):
        return pd.Series(np.asarray(f(seri), dtype=object), index=seri.index, dtype=object)
    if seri.dtype == np.float64:
        kode, bit = pd.factorize(seri.to_numpy().view(np.int64))
        beda = pd.Series(bit.view(np.float64))
    else:
        kode, unik = pd.factorize(seri, use_na_sentinel=False)
        beda = pd.Series(unik, dtype=seri.dtype)
    return pd.Series(np.asarray(f(beda), dtype=object)[kode], index=seri.index, dtype=object)


def _json_kolom(kolom: pd.Series) -> list[str]:
    """Each value of a column as JSON text, as ``json.dumps`` writes it: a missing or non-finite number as
    null, text unescaped beyond what JSON needs (``ensure_ascii=False``); each distinct value written once.

    >>> import pandas as pd
    >>> _json_kolom(pd.Series([1.5, -0.0, float("nan"), 1.5, 0.0]))
    ['1.5', '-0.0', 'null', '1.5', '0.0']
    """
    return per_nilai_kolom(kolom, _json_nilai).tolist()


def _json_nilai(kolom: pd.Series) -> list[str]:
    """Each value of a column as JSON text, one C call for a column of numbers or of text throughout."""
    import pandas as pd

    if pd.api.types.is_float_dtype(kolom) or pd.api.types.is_integer_dtype(kolom):
        return teks_json(kolom.tolist(), angka=True)
    nilai = kolom.tolist()
    if kolom.notna().all() and pd.api.types.infer_dtype(kolom) == "string":  # text throughout: one C call each
        return list(map(_teks_json, nilai))
    return teks_json(nilai)


def teks_json(nilai: Sequence[object], *, angka: bool = False) -> list[str]:
    """Each value as JSON text, as ``json.dumps(…, ensure_ascii=False)`` writes it, but a missing or non-finite
    number as null. ``angka``: the values are numbers (or None) throughout: one call of the C encoder for them all.

    >>> teks_json([1.5, float("nan"), None, 3], angka=True), teks_json(["Bea masuk", None, float("nan")])
    (['1.5', 'null', 'null', '3'], ['"Bea masuk"', 'null', 'null'])
    """
    if angka:  # numbers hold no ", ": one call for the whole column, split again (no number's text holds N or I)
        teks = json.dumps(list(nilai))[1:-1]
        if "N" in teks or "I" in teks:
            teks = teks.replace("-Infinity", "null").replace("Infinity", "null").replace("NaN", "null")
        return teks.split(", ") if teks else []
    try:  # text throughout: one C call each
        return list(map(_teks_json, nilai))
    except TypeError:  # a None or a number among them
        pass
    return ["null" if v is None or (isinstance(v, float) and math.isnan(v)) else
            _teks_json(v) if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in nilai]


def ke_json(tabel: dict[str, pd.DataFrame]) -> str:
    """Tables as one JSON object of lists of records, the same text as ``json.dumps(…, indent=2,
    ensure_ascii=False)`` (a missing value is null, never NaN), written column by column: a ministry's 15,000
    IKU take milliseconds instead of Python's indenting encoder's half second.

    >>> import pandas as pd
    >>> print(ke_json({"nko": pd.DataFrame({"kode_unit": ["BTP"], "nko": [float("nan")]})}))
    {
      "nko": [
        {
          "kode_unit": "BTP",
          "nko": null
        }
      ]
    }
    """
    return susun_json({nama: {str(k): _json_kolom(data[k]) for k in data.columns} for nama, data in tabel.items()})


def susun_json(tabel: dict[str, dict[str, list[str]]]) -> str:
    """Tables given as columns of JSON texts (``teks_json``), each column a list with one text per row, as
    ``ke_json`` writes them: the same text as ``json.dumps(…, indent=2, ensure_ascii=False)`` of the records.

    >>> print(susun_json({"nko": {"kode_unit": teks_json(["BTP"]), "nko": teks_json([99.0], angka=True)}}))
    {
      "nko": [
        {
          "kode_unit": "BTP",
          "nko": 99.0
        }
      ]
    }
    """
    bagian = []
    for nama, kolom in tabel.items():
        # each row: '    {\n      "kode_unit": ' value ',\n      "kode_iku": ' value … '\n    }', put together by one
        # join per row of the fixed pieces and the values side by side (twice as fast as formatting each row)
        awal = [f"{',' if i else '    {'}\n      {_teks_json(k)}: " for i, k in enumerate(kolom)]
        potongan = [p for a, nilai in zip(awal, kolom.values()) for p in (itertools.repeat(a), nilai)]
        baris = list(map("".join, zip(*potongan, itertools.repeat("\n    }")))) if kolom else []
        isi = "[\n" + ",\n".join(baris) + "\n  ]" if baris else "[]"
        bagian.append(f"  {_teks_json(nama)}: {isi}")
    return "{\n" + ",\n".join(bagian) + "\n}" if bagian else "{}"
