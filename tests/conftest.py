"""Shared fixtures: a real DuckDB file in a temp dir, seeded from the bundled sample CSVs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from kinerja.masuk.importing import muat_contoh
from kinerja.store import Storage

AKAR = Path(__file__).resolve().parent.parent
DATA = AKAR / "data"


@pytest.fixture(scope="session")
def _db_contoh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contoh") / "kinerja.duckdb"
    muat_contoh(Storage(path))
    return path


@pytest.fixture
def db_contoh(_db_contoh: Path, tmp_path: Path) -> Path:
    """A fresh copy of the seeded sample database, private to one test."""
    path = tmp_path / "kinerja.duckdb"
    shutil.copy(_db_contoh, path)
    return path


@pytest.fixture
def storage(db_contoh: Path) -> Storage:
    return Storage(db_contoh)


@pytest.fixture
def _apptest_navigasi(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make AppTest rerun app.py like the real server does.

    AppTest (Streamlit 1.67) resets ``PagesManager.uses_pages_directory`` before
    every run; with a ``pages/`` folder beside app.py it then takes the legacy
    pages-directory path and, from the second run on, executes the page file
    alone, without app.py and its sidebar. The real server keeps the flag that
    ``st.navigation`` clears, so we restore that behaviour here.
    """
    asli = PagesManager.__init__

    def init(self: PagesManager, *args: object, **kwargs: object) -> None:
        asli(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def larik(nilai: object) -> list:
    """A plotly data array as a list, decoding the typed-array form ({"dtype", "bdata"}) plotly 7 writes."""
    import base64

    import numpy as np

    if isinstance(nilai, dict) and "bdata" in nilai:
        data = np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=np.dtype(nilai["dtype"]))
        if "shape" in nilai:
            data = data.reshape([int(n) for n in str(nilai["shape"]).split(",")])
        return data.tolist()
    return list(nilai)  # type: ignore[call-overload]
