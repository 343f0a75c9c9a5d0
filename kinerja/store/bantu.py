"""The small pieces every part of the store shares: the connection type, now in UTC, the semi join, the filter of
a unit's subtree, and rows handed to and taken from the engines through Arrow."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from kinerja.store.skema import Dialek

if TYPE_CHECKING:  # loaded where rows pass through them: a read of plain rows needs neither
    import pandas as pd
    import pyarrow as pa

Koneksi = Any
"""A connection inside one transaction: ``mesin_duckdb.KoneksiDuckdb`` (DuckDB's own calls), or
``mesin_postgres.KoneksiPg`` speaking the same calls."""


def _sekarang() -> datetime:
    """Now in UTC, without zone (the column is TIMESTAMP, always UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _ada(dalam: str, kolom: list[str] | str, luar: str, *, tidak: bool = False, dan: str = "") -> str:
    """``[NOT] EXISTS`` a row of ``dalam`` (``_a``, meeting ``dan`` too) with the same ``kolom`` as the row
    ``luar``: the semi (anti) join, written the way both engines read it (DuckDB turns it back into one).

    >>> _ada("iku", "kode_unit", "m", tidak=True)
    'NOT EXISTS (SELECT 1 FROM iku _a WHERE _a.kode_unit = m.kode_unit)'
    """
    kolom = [kolom] if isinstance(kolom, str) else kolom
    sama = " AND ".join([*(f"_a.{k} = {luar}.{k}" for k in kolom), *([dan] if dan else [])])
    return f"{'NOT ' if tidak else ''}EXISTS (SELECT 1 FROM {dalam} _a WHERE {sama})"


def _saring_unit(tahun: int | None, kode_unit: str | None, sub_unit: bool, dialek: Dialek
                 ) -> tuple[str, str, dict[str, object]]:
    """The WITH clause, the WHERE clause and the parameters that keep one year's rows (or all years) of
    ``kode_unit`` and, with ``sub_unit``, of every unit below it (a recursive walk of ``kode_induk``; UNION
    stops at a cycle), or of every unit."""
    syarat: list[str] = []
    param: dict[str, object] = {}
    dengan = ""
    if tahun is not None:
        syarat.append("tahun = $tahun")
        param["tahun"] = tahun
    if kode_unit is not None:
        param["akar"] = kode_unit
        akar = f"SELECT {dialek.parameter_teks('akar')}"  # typed: PostgreSQL will not guess a recursive column's
        dengan = (f"WITH RECURSIVE pilih(kode_unit) AS ({akar} UNION SELECT u.kode_unit FROM unit u "
                  "JOIN pilih p ON u.kode_induk = p.kode_unit) ") if sub_unit else f"WITH pilih(kode_unit) AS ({akar}) "
        syarat.append("kode_unit IN (SELECT kode_unit FROM pilih)")
    return dengan, f"WHERE {' AND '.join(syarat)}" if syarat else "", param


def _sebagai_arrow(data: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """Rows handed to DuckDB as an Arrow table: it reads text columns from Arrow several times faster than
    from pandas. A frame Arrow cannot represent (mixed types in one column) is handed over as it is."""
    import pyarrow as pa

    try:
        return pa.Table.from_pandas(data, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return data


def _sebagai_pandas(hasil: Any) -> pd.DataFrame:
    """A query's rows as a DataFrame through Arrow: a ministry-year's text columns arrive three times faster
    than through ``.df()``, and as ``.df()`` gives them (a text column without a value holds None, as object).
    Only for reads of numbers and text: Arrow hands dates over as Python dates, a nullable integer as float64."""
    import pandas as pd
    import pyarrow as pa

    tabel = hasil.to_arrow_table()
    data = tabel.to_pandas()
    kosong = [f.name for f, c in zip(tabel.schema, tabel.columns)
              if (pa.types.is_string(f.type) or pa.types.is_large_string(f.type)) and c.null_count == len(c)]
    return data.assign(**{k: pd.Series([None] * len(data), index=data.index, dtype=object) for k in kosong})


def _ke_pandas(tabel: pa.Table) -> pd.DataFrame:
    """A query's answer as a DataFrame, dates as datetime64 (as DuckDB's own ``df()`` gives them)."""
    return tabel.to_pandas(date_as_object=False)
