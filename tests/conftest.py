"""Shared fixtures: a real database seeded from the bundled sample CSVs, on either engine.

- ``db_contoh``: a private copy of the seeded sample database: a DuckDB file (a ``Path``), or, where the test
  runs on PostgreSQL, a database of its own on the session's server (a ``postgresql://`` URL ``str``).
  ``storage`` is a ``Storage`` on it; ``db_kosong`` a database that holds nothing yet.
- ``mesin``: the engine, ``duckdb`` unless the module sets ``KEDUA_MESIN = True``: then each of its tests runs
  on both (``[duckdb]`` / ``[postgresql]``), except those marked ``hanya_duckdb`` (file locks, damaged files).
- ``server_postgres``: a real PostgreSQL server for the session, started by the tests themselves from Debian's
  package in a temporary directory as an unprivileged user: no system service. Where PostgreSQL cannot be
  installed its tests are skipped with the reason, except under CI, where that fails.

Speed (``python -m pytest`` runs on every core with pytest-xdist, see pyproject.toml):
- each worker has its own session: its own PostgreSQL server (own port and folder), its own copy of the sample
  database. The sample is seeded once per run, by whichever worker comes first (a file lock), and copied by the
  others; a test's ``db_contoh`` is a copy of that, never a new import.
- temporary folders live in ``/dev/shm`` when it is a roomy tmpfs: DuckDB's checkpoint on every close is a
  memory copy there, not a disk write (``KINERJA_UJI_TMP=disk`` keeps them on disk).
- tests that share an expensive module- or session-scoped fixture of their own module (``db_besar``,
  ``kementerian_300k`` …) go to one worker together (``xdist_group``), so it is built once.
- ``slow``: browser tests, the PostgreSQL half of ``KEDUA_MESIN`` modules and the modules marked slow;
  ``python -m pytest -m "not slow"`` is the quick loop while working, CI runs everything.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager

from kinerja.masuk.importing import muat_contoh
from kinerja.store import Storage
from kinerja.store.mesin_postgres import tutup

AKAR = Path(__file__).resolve().parent.parent
DATA = AKAR / "data"
MESIN = ("duckdb", "postgresql")


TMPFS = Path("/dev/shm")
TMPFS_MINIMAL = 4 * 2**30  # bytes free: the 300 000-row ministry and a few hundred copies of the sample fit


def _tmpfs_cukup() -> bool:
    try:
        info = os.statvfs(TMPFS)
    except OSError:
        return False
    return os.access(TMPFS, os.W_OK | os.X_OK) and info.f_bavail * info.f_frsize >= TMPFS_MINIMAL


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "hanya_duckdb: about the DuckDB file itself; not run on PostgreSQL")
    config.addinivalue_line("markers", "slow: takes seconds or more; `-m \"not slow\"` leaves it out while working")
    # Before pytest (or, under xdist, the controller) makes its base temporary folder: workers get theirs inside it.
    if (config.option.basetemp is None and "PYTEST_DEBUG_TEMPROOT" not in os.environ
            and os.environ.get("KINERJA_UJI_TMP") != "disk" and _tmpfs_cukup()):
        os.environ["PYTEST_DEBUG_TEMPROOT"] = str(TMPFS)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    sudah = any("mesin" in m.args[0] for m in metafunc.definition.iter_markers("parametrize"))
    if ("mesin" in metafunc.fixturenames and getattr(metafunc.module, "KEDUA_MESIN", False) and not sudah
            and not metafunc.definition.get_closest_marker("hanya_duckdb")):
        metafunc.parametrize("mesin", [m if m == "duckdb" else pytest.param(m, marks=pytest.mark.slow) for m in MESIN])


FIXTURE_MAHAL = ("kementerian_300k", "kementerian_10k", "db_besar", "db_jahat", "_db_terkunci")
"""Module- or session-scoped fixtures of test modules that take seconds to build: under xdist the tests using one of
them run on the same worker (``xdist_group``), so it is built once. A cheap one is better left out: its tests then
spread over the workers."""


def _fixture_modul_mahal(item: pytest.Item) -> str | None:
    """The first of ``FIXTURE_MAHAL`` that ``item`` uses, if any."""
    nama = getattr(item, "fixturenames", ())
    return next((f for f in FIXTURE_MAHAL if f in nama), None)


LAMBAT = (
    # whole modules: every test starts processes (the command line, 300 000-row data, a killed import)
    "tests/test_cli.py", "tests/test_skala.py", "tests/store/test_revisi.py", "tests/store/test_postgres.py",
    "tests/masuk/test_batas_unggah.py",
    # the upload corpus: 97 files, each planned and applied (on both engines: the PostgreSQL half is slow anyway)
    "tests/masuk/test_unggahan.py",
    # single tests: hypothesis over whole files and databases, seconds to tens of seconds each
    "tests/masuk/test_lembar.py::test_isi_sel_apa_pun_tidak_membuat_crash",
    "tests/masuk/test_lembar.py::test_buku_rusak_apa_pun_tidak_membuat_crash",
    "tests/masuk/test_loading.py::test_tabel_acak_tidak_membuat_crash",
    "tests/store/test_impor_cepat.py::test_pembaca_cepat_sama_dengan_pembaca_pandas",
    "tests/core/test_setengah_sen.py::test_setengah_sen_sama_dengan_desimal",
    "tests/core/test_kolom.py::test_sama_dengan_rujukan",
    # single tests: the command line in a subprocess, or waits that are the point (slowed-down sign-in)
    "tests/store/test_alamat_rahasia.py::test_baris_perintah_tanpa_sandi",
    "tests/test_akses.py::test_cli_pengguna_hak_dan_impor_dengan_user",
    "tests/test_akses.py::test_sandi_salah_berulang_diperlambat",
    "tests/test_keamanan_akses.py::test_sandi_disemprotkan_ke_banyak_nama_dari_satu_sumber_diperlambat",
    "tests/test_pengerasan.py::test_impor_dan_pembatalan_di_dua_proses_tidak_meninggalkan_yatim",
    "tests/test_pengerasan.py::test_revisions_tsv_tetap_satu_baris_per_revisi",
    "tests/test_pengerasan.py::test_kesalahan_duplikat_antar_berkas_dibatasi",
    "tests/test_pengerasan.py::test_hanya_impor_yang_membuat_basis_data",
    "tests/test_pengerasan.py::test_disk_penuh_saat_menyimpan",
    "tests/rapat/test_agenda.py::test_agenda_proses_sungguhan_dan_unit_tak_dikenal",
    "tests/rapat/test_dialog.py::test_berjalan_melalui_semua_iku_dan_kembali",
)
"""Marked ``slow`` besides browser tests and the PostgreSQL half of ``KEDUA_MESIN`` modules: a module, or one test
(all its parameters). ``python -m pytest -m "not slow"`` leaves them out while working; CI runs them all."""


def _lambat(item: pytest.Item) -> bool:
    nodeid = item.nodeid.split("[", 1)[0]
    return item.get_closest_marker("e2e") is not None or any(
        nodeid == x or nodeid.startswith(x + "::") for x in LAMBAT)


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects and before xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if _lambat(item):
            item.add_marker(pytest.mark.slow)
        if not item.get_closest_marker("xdist_group") and (grup := _fixture_modul_mahal(item)):
            item.add_marker(pytest.mark.xdist_group(grup))
    if os.environ.get("PYTEST_XDIST_WORKER"):
        # Longest first: a worker handed a long test near the end would keep the others waiting. Every worker
        # sorts its identical collection the same way (xdist checks); a plain run keeps the files' order.
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)


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


@contextmanager
def _terkunci(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing): one xdist worker at a time passes."""
    with open(path, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _folder_bersama(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this whole run: under xdist the controller's, shared by all workers."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@dataclass(frozen=True)
class ServerPg:
    """A PostgreSQL server the tests started (``server_pg``): its URL, and ``pg_ctl`` on its data folder (to stop,
    start or restart it: ``pg_ctl restart`` reuses the options it was started with)."""

    url: str
    perintah: tuple[str, ...]
    """``pg_ctl -D DATA -l LOG``, as the user the server runs as."""
    opsi: str
    """The server's options (its port, its socket folder, fsync off …), given again to ``start``/``restart``."""

    def pg_ctl(self, tindakan: str, *argumen: str) -> subprocess.CompletedProcess[bytes]:
        opsi = ("-o", self.opsi) if tindakan in ("start", "restart") else ()
        return subprocess.run([*self.perintah, *opsi, "-w", tindakan, *argumen], capture_output=True, check=True)


@contextmanager
def server_pg() -> Iterator[ServerPg]:
    """A throwaway PostgreSQL server (fsync off: its data needs to outlive nothing), stopped and removed at the end.
    Root cannot run PostgreSQL, so as root it runs as the user ``pg``. Each has a free port and a folder of its
    own. Where PostgreSQL is not installed the test is skipped (failed under CI)."""
    bin_pg = _bin_postgres()
    if bin_pg is None:
        alasan = "PostgreSQL is not installed (tests/setup.sh installs Debian's postgresql package)"
        if os.environ.get("CI"):
            pytest.fail(alasan, pytrace=False)
        pytest.skip(alasan)
    folder = Path(tempfile.mkdtemp(prefix="kinerja-pg-"))
    sebagai: list[str] = []
    if os.geteuid() == 0:
        with _terkunci(Path(tempfile.gettempdir()) / "kinerja-uji-useradd.lock"):  # two workers, one user
            if subprocess.run(["id", "pg"], capture_output=True).returncode != 0:
                subprocess.run(["useradd", "--system", "--no-create-home", "pg"], check=True)
        shutil.chown(folder, "pg")
        sebagai = ["runuser", "-u", "pg", "--"]
    data, log = folder / "data", folder / "postgres.log"
    subprocess.run([*sebagai, str(bin_pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "kinerja", "-E", "UTF8"],
                   check=True, capture_output=True)
    for percobaan in range(3):  # a free port can be taken by another worker's server before ours binds it
        port = _port_bebas()
        opsi = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off -c max_connections=300")
        mulai = subprocess.run([*sebagai, str(bin_pg / "pg_ctl"), "-D", str(data), "-o", opsi, "-l", str(log), "-w",
                                "start"], capture_output=True)
        if mulai.returncode == 0:
            break
        if percobaan == 2:
            pytest.fail(f"PostgreSQL did not start:\n{log.read_text(errors='replace')[-3000:]}", pytrace=False)
    try:
        yield ServerPg(f"postgresql://kinerja@127.0.0.1:{port}",
                       (*sebagai, str(bin_pg / "pg_ctl"), "-D", str(data), "-l", str(log)), opsi)
    finally:
        subprocess.run([*sebagai, str(bin_pg / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def server_postgres() -> Iterator[str]:
    """``postgresql://kinerja@127.0.0.1:PORT``: a throwaway server for this test session (``server_pg``). Under
    xdist every worker has its own."""
    with server_pg() as server:
        yield server.url


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
    """The seeded sample database, this worker's own copy (some tests read it in place); never written.

    The CSVs are imported once per run: the first worker to get here seeds ``contoh.duckdb`` in the run's
    shared folder under a lock, the others wait and copy it."""
    bersama = _folder_bersama(tmp_path_factory) / "contoh.duckdb"
    with _terkunci(bersama.with_suffix(".lock")):
        if not bersama.exists():
            sementara = bersama.with_name(f"contoh-{os.getpid()}.duckdb")
            muat_contoh(Storage(sementara))
            assert not sementara.with_name(sementara.name + ".wal").exists()  # all of it in the one file
            os.replace(sementara, bersama)
    path = tmp_path_factory.mktemp("contoh") / "kinerja.duckdb"
    shutil.copy(bersama, path)
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
