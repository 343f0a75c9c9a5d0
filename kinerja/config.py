"""Installation settings from the environment: where the database lives (``--db``, else ``KINERJA_DB``, else
``data/kinerja.duckdb``: a DuckDB file's path, or a ``postgresql://`` URL) and the time zone times are shown in
(``KINERJA_ZONA_WAKTU``, default WIB)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

AKAR = Path(__file__).resolve().parent.parent
DB_BAWAAN = AKAR / "data" / "kinerja.duckdb"
VARIABEL_DB = "KINERJA_DB"


def alamat_db(eksplisit: str | os.PathLike[str] | None = None) -> str:
    """The database to use, a file's path or a PostgreSQL URL: an explicit one wins, then the environment, then the
    default file."""
    return str(eksplisit or os.environ.get(VARIABEL_DB) or DB_BAWAAN)


VARIABEL_ZONA = "KINERJA_ZONA_WAKTU"
ZONA_BAWAAN = "Asia/Jakarta"
"""WIB; an office in WITA sets Asia/Makassar, in WIT Asia/Jayapura."""


def zona_waktu() -> ZoneInfo:
    """The time zone the unit reads times in (stored times are UTC). ``zoneinfo`` is loaded here, not with the
    module: ``score`` asks this module where the database is and never shows a time."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    nama = os.environ.get(VARIABEL_ZONA) or ZONA_BAWAAN
    try:
        return ZoneInfo(nama)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise SystemExit(f"{VARIABEL_ZONA}={nama!r} bukan zona waktu (contoh: Asia/Jakarta, Asia/Makassar, "
                         "Asia/Jayapura)") from e
