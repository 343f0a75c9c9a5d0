"""Where the database lives: ``--db``, else ``KINERJA_DB``, else ``data/kinerja.duckdb``."""

from __future__ import annotations

import os
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
DB_BAWAAN = AKAR / "data" / "kinerja.duckdb"
VARIABEL_DB = "KINERJA_DB"


def path_db(eksplisit: str | os.PathLike[str] | None = None) -> Path:
    """The database file to use: an explicit path wins, then the environment, then the default."""
    if eksplisit:
        return Path(eksplisit)
    dari_env = os.environ.get(VARIABEL_DB)
    return Path(dari_env) if dari_env else DB_BAWAAN
