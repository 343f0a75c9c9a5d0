"""Browser tests: a real ``streamlit run`` server and Debian's Chromium, driven by Playwright.

Fixtures
- ``server``: one server for the whole session on a private copy of the seeded sample database;
  for scenarios that only read.
- ``server_tulis``: for one test that writes (an upload, an import): a server shared by the writing tests of a
  worker, its database put back to the sample before each test (``pulihkan_db``).
- ``server_baru``: a fresh server that no browser has opened yet (first-request behaviour).
  Each is the base URL (a ``str``); its ``.db`` is the database file that server uses, so a test can
  write to it from outside, as another laptop would (``impor_cli``).
- ``halaman``: a new browser page (1920x1080) in a fresh context; on failure its screenshot is
  saved to ``test-artifacts/gagal-<test>.png``.

Helpers (imported by the tests): ``buka``, ``tunggu_selesai``, ``pilih``, ``baca_tabel``, ``sel_tabel``,
``foto``, ``impor_cli``. Waiting is always on a page condition (the app's script state, an element, a text),
never a sleep (the one exception: the Dialog freeze test waits a few seconds for a change that must not come).

Chromium is Debian's (``/usr/bin/chromium``, or ``KINERJA_CHROMIUM``); Playwright never downloads
a browser here. Without Chromium or Playwright the tests are skipped, except under CI (env ``CI``
set), where they fail with the reason.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

import pytest

AKAR = Path(__file__).resolve().parents[2]
ARTEFAK = AKAR / "test-artifacts"
DOCS = AKAR / "docs"
CHROMIUM = os.environ.get("KINERJA_CHROMIUM", "/usr/bin/chromium")
ARG_CHROMIUM = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
LEBAR, TINGGI = 1920, 1080
BATAS_MULAI = 60.0  # seconds for the server to answer its health check
BATAS_HALAMAN = 30_000  # ms for a page condition (first runs load data and warm caches)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: browser test against a real streamlit server (tests/e2e)")


def _tidak_tersedia(alasan: str) -> None:
    """Skip locally; under CI a missing browser is a broken setup, so fail loudly."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run: {alasan} (see tests/setup.sh)", pytrace=False)
    pytest.skip(f"browser tests skipped: {alasan}")


# --- the server ------------------------------------------------------------------------------------


def _port_bebas() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(str):
    """The base URL of a test server (``server + "/progres"`` works as with a str); ``.db``: its database (a DuckDB
    file, or a PostgreSQL URL)."""

    db: Path | str

    def __new__(cls, url: str, db: Path | str) -> Self:
        diri = super().__new__(cls, url)
        diri.db = db
        return diri


def _mulai_server(db: Path | str, log: Path) -> tuple[subprocess.Popen, Server]:
    """Start ``streamlit run app.py`` on a free loopback port and wait for its health check.

    Under xdist several workers pick free ports at once: a port taken between our pick and Streamlit's bind is
    picked again (twice at most), any other early exit fails the test with the server's log."""
    env = os.environ | {"KINERJA_DB": str(db)}
    for percobaan in range(3):
        port = _port_bebas()
        perintah = [
            sys.executable, "-m", "streamlit", "run", "app.py",
            "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ]
        with open(log, "wb") as keluaran:
            proses = subprocess.Popen(perintah, cwd=AKAR, env=env, stdout=keluaran, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL)
        url = Server(f"http://127.0.0.1:{port}", db)
        batas = time.monotonic() + BATAS_MULAI
        try:
            while True:
                if proses.poll() is not None:
                    keluaran_log = log.read_text(errors="replace")
                    if "already in use" in keluaran_log and percobaan < 2:
                        break
                    pytest.fail(f"streamlit stopped (exit {proses.returncode}):\n{keluaran_log[-3000:]}",
                                pytrace=False)
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            return proses, url
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
                if time.monotonic() > batas:
                    pytest.fail(f"streamlit not healthy after {BATAS_MULAI:.0f} s:\n{log.read_text()[-3000:]}",
                                pytrace=False)
                time.sleep(0.1)  # polling the health URL, not waiting on the page
        except BaseException:
            _hentikan(proses)
            raise
    raise AssertionError("unreachable: the last attempt returns or fails")


def _hentikan(proses: subprocess.Popen) -> None:
    proses.terminate()
    try:
        proses.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.wait(timeout=10)


@contextmanager
def _jalankan_server(db: Path | str, log: Path) -> Iterator[Server]:
    """``streamlit run app.py`` on a free loopback port with ``KINERJA_DB=db``; yields the base URL."""
    proses, url = _mulai_server(db, log)
    try:
        yield url
    finally:
        _hentikan(proses)


def _salin_db(_db_contoh: Path, folder: Path) -> Path:
    db = folder / "kinerja.duckdb"
    shutil.copy(_db_contoh, db)
    return db


def _pemanasan(peramban, url: str) -> None:
    """Run app.py once in a throwaway page: data loaded and caches warm before a scenario starts.

    Streamlit (1.67) treats the very first session of a server specially when a ``pages/`` folder sits
    beside app.py (a page URL opened first ran without app.py); the app now corrects that itself
    (``saring.pastikan_navigasi``), checked on a server without this warm-up by
    test_halaman_langsung_pada_server_baru.
    """
    konteks = peramban.new_context(viewport={"width": LEBAR, "height": TINGGI})
    try:
        buka(konteks.new_page(), url + "/")
    finally:
        konteks.close()


@contextmanager
def server_atas(db: Path, folder: Path, peramban) -> Iterator[Server]:
    """A warmed-up server on its own copy of ``db`` in ``folder`` (its log beside it)."""
    with _jalankan_server(_salin_db(db, folder), folder / "streamlit.log") as url:
        _pemanasan(peramban, url)
        yield url


@pytest.fixture(scope="session")
def server(_db_contoh: Path, tmp_path_factory: pytest.TempPathFactory, peramban) -> Iterator[Server]:
    """Base URL of a server shared by the read-only scenarios (its own copy of the sample data)."""
    with server_atas(_db_contoh, tmp_path_factory.mktemp("e2e_baca"), peramban) as url:
        yield url


@pytest.fixture(scope="session")
def _server_tulis_bersama(_db_contoh: Path, tmp_path_factory: pytest.TempPathFactory, peramban) -> Iterator[Server]:
    """The server the writing scenarios of this worker take turns on (``server_tulis`` resets its data)."""
    with server_atas(_db_contoh, tmp_path_factory.mktemp("e2e_tulis"), peramban) as url:
        yield url


def pulihkan_db(db: Path, asal: Path) -> None:
    """Put a fresh copy of ``asal`` in place of the database file ``db`` while its server runs.

    The copy is whole before it takes the file's name (a rename), so the server never sees half a file; the store
    opens a file replaced on disk afresh, and its data version (size and time of the file) changes, so no cached
    page of the scenario before survives."""
    sementara = db.with_name(db.name + ".baru")
    shutil.copy(asal, sementara)
    db.with_name(db.name + ".wal").unlink(missing_ok=True)
    os.replace(sementara, db)


@pytest.fixture
def server_tulis(_server_tulis_bersama: Server, _db_contoh: Path) -> Server:
    """Base URL of a server for one test that writes: the sample data is put back before the test, so its changes
    reach no other test. The server is shared by the writing tests of a worker, in turn (a server per test
    spent seconds starting and warming up for each)."""
    pulihkan_db(Path(_server_tulis_bersama.db), _db_contoh)
    return _server_tulis_bersama


@pytest.fixture
def server_baru(_db_contoh: Path, tmp_path: Path) -> Iterator[Server]:
    """Base URL of a fresh server that no session has opened yet."""
    with _jalankan_server(_salin_db(_db_contoh, tmp_path), tmp_path / "streamlit.log") as url:
        yield url


# --- the browser -----------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def peramban() -> Iterator[object]:
    if importlib.util.find_spec("playwright") is None:
        _tidak_tersedia("the Python package 'playwright' is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        _tidak_tersedia(f"{CHROMIUM} does not exist (apt-get install chromium)")
    from playwright.sync_api import expect as pw_expect
    from playwright.sync_api import sync_playwright

    pw_expect.set_options(timeout=BATAS_HALAMAN)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARG_CHROMIUM)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> object:
    laporan = yield
    setattr(item, f"laporan_{laporan.when}", laporan)
    return laporan


@pytest.fixture
def halaman(peramban, request: pytest.FixtureRequest) -> Iterator[object]:
    konteks = peramban.new_context(viewport={"width": LEBAR, "height": TINGGI}, locale="id-ID")
    konteks.set_default_timeout(BATAS_HALAMAN)
    page = konteks.new_page()
    yield page
    laporan = getattr(request.node, "laporan_call", None)
    if laporan is not None and laporan.failed:
        ARTEFAK.mkdir(exist_ok=True)
        try:
            page.screenshot(path=str(ARTEFAK / f"gagal-{request.node.name}.png"))
        except Exception:  # noqa: BLE001 - a failed screenshot must not hide the test's own failure
            pass
    konteks.close()


# --- helpers for the tests -------------------------------------------------------------------------


def expect(*args, **kwargs):
    """Playwright's expect, imported late so this file loads without Playwright (the tests then skip)."""
    from playwright.sync_api import expect as _expect

    return _expect(*args, **kwargs)


def tunggu_selesai(page) -> None:
    """Wait until the app is connected and no script run is going on (nothing stale on screen)."""
    app = page.locator("[data-testid=stApp]")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED")
    expect(app).to_have_attribute("data-test-script-state", "notRunning")
    expect(page.locator("[data-testid=stStatusWidget]")).to_have_count(0)
    expect(page.locator("[data-stale=true]")).to_have_count(0)
    # shown: the Dialog keeps its slides transparent until its arrow keys are heard (projector.css)
    expect(page.get_by_test_id("stMainBlockContainer")).to_have_css("opacity", "1")


def buka(page, url: str) -> None:
    """Open a URL of the app and wait for its first run to finish."""
    page.goto(url)
    tunggu_selesai(page)


def pilih(page, kunci: str, pilihan: str | re.Pattern[str]) -> None:
    """Choose an option in the selectbox with this key by clicking it open, as a user does.

    ``pilihan``: the option's whole text, or a pattern for it (the unit list indents names with "· ").
    """
    kotak = page.locator(f".st-key-{kunci} input[role=combobox]")
    # centred first: the list closes again when the page scrolls under it (a box at the bottom edge)
    kotak.evaluate("e => e.scrollIntoView({block: 'center'})")
    kotak.click()
    daftar = page.get_by_role("listbox")
    expect(daftar).to_be_visible()
    daftar.get_by_role("option", name=pilihan, exact=True).click()
    expect(daftar).to_have_count(0)


# the cells of the grid's accessible table now in view, as [[row, column, text], ...] (1-based, header row 1)
_JS_SEL = """t => Array.from(t.querySelectorAll('[aria-colindex]')).map(c => [
    Number(c.closest('[aria-rowindex]').getAttribute('aria-rowindex')),
    Number(c.getAttribute('aria-colindex')), c.textContent])"""

# scroll the grid; then resolve once its accessible table shows other cells than before and has held
# still for a few frames (false when the grid could not move or nothing new came into view)
_JS_GESER = """async ([gulir, t, arah]) => {
    const tanda = () => Array.from(t.querySelectorAll('[aria-colindex]'))
        .map(c => c.closest('[aria-rowindex]').getAttribute('aria-rowindex') + ':' + c.getAttribute('aria-colindex'))
        .sort().join(' ');
    const sebelum = tanda(), posisi = [gulir.scrollLeft, gulir.scrollTop];
    if (arah === 'kanan') gulir.scrollLeft += gulir.clientWidth * 0.8;
    else { gulir.scrollTop += gulir.clientHeight * 0.8; gulir.scrollLeft = 0; }
    if (posisi[0] === gulir.scrollLeft && posisi[1] === gulir.scrollTop) return false;
    let akhir = sebelum, tenang = 0;
    for (let i = 0; i < 120; i++) {  // about 2 s
        await new Promise(r => requestAnimationFrame(r));
        const kini = tanda();
        if (kini !== akhir) { akhir = kini; tenang = 0; } else if (kini !== sebelum && ++tenang >= 3) return true;
    }
    return true;
}"""


# resolve once the accessible table's cells and texts have held still for a few frames
_JS_TENANG = """async t => {
    const tanda = () => Array.from(t.querySelectorAll('[aria-colindex]')).map(c => c.textContent).join('\\n');
    let akhir = tanda(), tenang = 0;
    for (let i = 0; i < 300 && tenang < 5; i++) {
        await new Promise(r => requestAnimationFrame(r));
        const kini = tanda();
        if (kini === akhir) tenang++; else { akhir = kini; tenang = 0; }
    }
}"""


def sel_tabel(page, kunci: str, teks: str):
    """The cells with exactly this text in the table with this key (for expect(): waits for a redraw)."""
    return page.locator(f".st-key-{kunci} [data-testid=stDataFrame] [role=gridcell]").filter(
        has_text=re.compile(rf"^{re.escape(teks)}$"))


def baca_tabel(page, kunci: str) -> list[dict[str, str]]:
    """The rows of the st.dataframe inside the container with this key, as {header: cell text}.

    The grid is a canvas; its accessible twin (a hidden ``table role=grid``) only holds the cells in
    view, so the grid is scrolled through (right, then down) and the pieces are put together.
    """
    grid = page.locator(f".st-key-{kunci} [data-testid=stDataFrame]")
    tabel = grid.locator("table[role=grid]")
    expect(tabel.locator("[role=gridcell]").first).to_be_attached()
    n_baris = int(tabel.get_attribute("aria-rowcount"))
    n_kolom = int(tabel.get_attribute("aria-colcount"))
    gulir = grid.locator(".dvn-scroller").element_handle()
    t = tabel.element_handle()
    sel: dict[tuple[int, int], str] = {}

    def kumpulkan() -> set[int]:
        """Note the cells in view; the rows in view that still miss a cell."""
        terlihat = tabel.evaluate(_JS_SEL)
        for b, k, teks in terlihat:
            sel[(b, k)] = teks
        return {b for b, _, _ in terlihat if any((b, k) not in sel for k in range(1, n_kolom + 1))}

    gulir.evaluate("e => { e.scrollLeft = 0; e.scrollTop = 0; }")
    t.evaluate(_JS_TENANG)
    kurang = kumpulkan()
    while True:
        while kurang and page.evaluate(_JS_GESER, [gulir, t, "kanan"]):
            kurang = kumpulkan()
        if len({b for b, _ in sel}) >= n_baris or not page.evaluate(_JS_GESER, [gulir, t, "bawah"]):
            break
        kurang = kumpulkan()
    gulir.evaluate("e => { e.scrollLeft = 0; e.scrollTop = 0; }")

    judul = [sel.get((1, k), f"#{k}") for k in range(1, n_kolom + 1)]
    hilang = [(b, k) for b in range(1, n_baris + 1) for k in range(1, n_kolom + 1) if (b, k) not in sel]
    assert not hilang, f"table {kunci}: cells never came into view: {hilang[:10]}"
    return [{judul[k - 1]: sel[(b, k)] for k in range(1, n_kolom + 1)} for b in range(2, n_baris + 1)]


def foto(page, nama: str, docs: str | None = None, *, seluruh: bool = True) -> Path:
    """A screenshot at 1920 wide in test-artifacts/; also docs/<docs> when KINERJA_SIMPAN_DOCS=1.

    ``seluruh``: the whole page (the viewport stretched to the content); False: the 1920x1080 screen
    as shown, e.g. a projected Dialog slide.
    """
    tunggu_selesai(page)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")  # no focus ring
    if seluruh:
        tinggi = page.locator("[data-testid=stMain]").evaluate("e => e.scrollHeight")
        page.set_viewport_size({"width": LEBAR, "height": max(TINGGI, tinggi)})
    # let the layout settle (after a resize, charts and grids follow on the next frames)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    tunggu_selesai(page)
    ARTEFAK.mkdir(exist_ok=True)
    path = ARTEFAK / f"{nama}.png"
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    if seluruh:
        page.set_viewport_size({"width": LEBAR, "height": TINGGI})
    if docs and os.environ.get("KINERJA_SIMPAN_DOCS") == "1":
        DOCS.mkdir(exist_ok=True)
        shutil.copy(path, DOCS / docs)
    return path


def impor_cli(db: Path, berkas: Path, pengguna: str = "rekan") -> str:
    """``python -m kinerja import`` into a server's database from outside the app, as another laptop would."""
    hasil = subprocess.run(
        [sys.executable, "-m", "kinerja", "import", str(berkas), "--db", str(db), "--user", pengguna],
        cwd=AKAR, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False,
    )
    assert hasil.returncode == 0, f"import failed ({hasil.returncode}):\n{hasil.stdout}\n{hasil.stderr}"
    return hasil.stdout


@pytest.fixture
def berkas_csv(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a CSV file for an upload: ``berkas_csv("realisasi.csv", isi)``."""

    def tulis(nama: str, isi: str) -> Path:
        path = tmp_path / nama
        path.write_text(isi, encoding="utf-8")
        return path

    return tulis
