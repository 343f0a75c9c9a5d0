"""Shared fixtures: a real database seeded from the bundled sample CSVs, on either engine.

- ``db_contoh``: a private copy of the seeded sample database: a DuckDB file (a ``Path``), or, where the test
  runs on PostgreSQL, a database of its own on the session's server (a ``postgresql://`` URL ``str``).
  ``storage`` is a ``Storage`` on it; ``db_kosong`` a database that holds nothing yet.
- ``mesin``: the engine, ``duckdb`` unless the module sets ``KEDUA_MESIN = True``: then each of its tests runs
  on both (``[duckdb]`` / ``[postgresql]``), except those marked ``hanya_duckdb`` (file locks, damaged files).
- ``server_postgres``: a real PostgreSQL server for the session, started by the tests themselves from Debian's
  package in a temporary directory as an unprivileged user: no system service. Where PostgreSQL cannot be
  installed its tests are skipped with the reason, except under CI, where that fails.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from kinerja.masuk.importing import muat_contoh
from kinerja.store import Storage
from kinerja.store.mesin_postgres import tutup

AKAR = Path(__file__).resolve().parent.parent
DATA = AKAR / "data"
MESIN = ("duckdb", "postgresql")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "hanya_duckdb: about the DuckDB file itself; not run on PostgreSQL")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    sudah = any("mesin" in m.args[0] for m in metafunc.definition.iter_markers("parametrize"))
    if ("mesin" in metafunc.fixturenames and getattr(metafunc.module, "KEDUA_MESIN", False) and not sudah
            and not metafunc.definition.get_closest_marker("hanya_duckdb")):
        metafunc.parametrize("mesin", MESIN)


@pytest.fixture
def mesin() -> str:
    """The engine of a test that is not run on both."""
    return "duckdb"


def _bin_postgres() -> Path | None:
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _port_bebas() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_postgres() -> Iterator[str]:
    """``postgresql://kinerja@127.0.0.1:PORT``: a throwaway server for this test session (fsync off: its data
    needs to outlive nothing). Root cannot run PostgreSQL, so as root it runs as the user ``pg``."""
    bin_pg = _bin_postgres()
    if bin_pg is None:
        alasan = "PostgreSQL is not installed (tests/setup.sh installs Debian's postgresql package)"
        if os.environ.get("CI"):
            pytest.fail(alasan, pytrace=False)
        pytest.skip(alasan)
    folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    sebagai: list[str] = []
    if os.geteuid() == 0:
        if subprocess.run(["id", "pg"], capture_output=True).returncode != 0:
            subprocess.run(["useradd", "--system", "--no-create-home", "pg"], check=True)
        shutil.chown(folder, "pg")
        sebagai = ["runuser", "-u", "pg", "--"]
    port = _port_bebas()
    data, log = folder / "data", folder / "postgres.log"
    subprocess.run([*sebagai, str(bin_pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "kinerja", "-E", "UTF8"],
                   check=True, capture_output=True)
    opsi = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=300")
    subprocess.run([*sebagai, str(bin_pg / "pg_ctl"), "-D", str(data), "-o", opsi, "-l", str(log), "-w", "start"],
                   check=True, capture_output=True)
    try:
        yield f"postgresql://kinerja@127.0.0.1:{port}"
    finally:
        subprocess.run([*sebagai, str(bin_pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def sql_admin(server: str, perintah: str) -> None:
    """One statement on the server's maintenance database (CREATE / DROP DATABASE run outside a transaction)."""
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as con:
        con.execute(perintah)  # type: ignore[arg-type]


def db_postgres_baru(server: str, templat: str | None = None) -> str:
    """A new database on ``server`` (a copy of ``templat``, or empty); its URL."""
    nama = f"uji_{uuid.uuid4().hex[:12]}"
    sql_admin(server, f"CREATE DATABASE {nama}" + (f" TEMPLATE {templat}" if templat else ""))
    return f"{server}/{nama}"


def buang_db_postgres(url: str) -> None:
    tutup(url)
    server, nama = url.rsplit("/", 1)
    sql_admin(server, f"DROP DATABASE IF EXISTS {nama} WITH (FORCE)")


@pytest.fixture(scope="session")
def _db_contoh_pg(server_postgres: str) -> str:
    """The seeded sample database on the session's server, the template each test's copy is made from."""
    sql_admin(server_postgres, "CREATE DATABASE contoh")
    url = f"{server_postgres}/contoh"
    muat_contoh(Storage(url))
    tutup(url)  # a template must have no open connection
    return "contoh"


@pytest.fixture(scope="session")
def _db_contoh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("contoh") / "kinerja.duckdb"
    muat_contoh(Storage(path))
    return path


@pytest.fixture
def db_contoh(mesin: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """A fresh copy of the seeded sample database, private to one test: a DuckDB file, or a PostgreSQL URL."""
    if mesin == "duckdb":
        path = tmp_path / "kinerja.duckdb"
        shutil.copy(request.getfixturevalue("_db_contoh"), path)
        yield path
        return
    url = db_postgres_baru(request.getfixturevalue("server_postgres"), request.getfixturevalue("_db_contoh_pg"))
    yield url
    buang_db_postgres(url)


@contextmanager
def salinan_contoh(mesin: str, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """``db_contoh`` inside a test, for a test that needs several (one per hypothesis example)."""
    if mesin == "duckdb":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "kinerja.duckdb"
            shutil.copy(request.getfixturevalue("_db_contoh"), path)
            yield path
        return
    url = db_postgres_baru(request.getfixturevalue("server_postgres"), request.getfixturevalue("_db_contoh_pg"))
    try:
        yield url
    finally:
        buang_db_postgres(url)


@pytest.fixture
def db_kosong(mesin: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Path | str]:
    """A database that holds nothing yet: a DuckDB file's path not yet created, or an empty PostgreSQL database."""
    if mesin == "duckdb":
        yield tmp_path / "kosong" / "kinerja.duckdb"
        return
    url = db_postgres_baru(request.getfixturevalue("server_postgres"))
    yield url
    buang_db_postgres(url)


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


def teks_md(nilai: str) -> str:
    """What a markdown element built by ``kinerja.teks_aman`` shows: its escapes and word joiners taken out."""
    from kinerja.teks_aman import PENGHUBUNG

    return re.sub(r"\\(.)", r"\1", nilai).replace(PENGHUBUNG, "").replace("  \n", "\n")


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
