"""The PostgreSQL server restarts (or fails over) under running app servers (issue 32, item 6).

The next click works without restarting the app (the pool drops the dead connections), an import in flight is
refused whole with "coba lagi" and nothing of it stored (a retry then lands), and the Dialog's live refresh rides
out the outage and resumes by itself.

These tests restart a server of their own (``server_pg``), never the session's shared one; its tests share it on
one worker (``xdist_group``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import psycopg
import pytest
from streamlit.testing.v1 import AppTest

from kinerja.masuk.importing import muat_contoh, rencanakan, terapkan
from kinerja.store import DatabaseBusy, Storage
from kinerja.store import revisi as modul_revisi
from kinerja.store.galat import KomitTidakPasti
from kinerja.store.mesin_postgres import _POOL, tutup
from kinerja.texts import dalam_bahasa
from kinerja_core.akses import Pelaku
from tests.conftest import AKAR, ServerPg, buang_db_postgres, db_postgres_baru, server_pg, sql_admin

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("pg_mulai_ulang")]

APP = str(AKAR / "app.py")
KOREKSI = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"


@pytest.fixture(scope="module")
def server() -> Iterator[ServerPg]:
    """A server of this module's own, with the seeded sample database as the template each test copies."""
    with server_pg() as s:
        sql_admin(s.url, "CREATE DATABASE contoh")
        muat_contoh(Storage(f"{s.url}/contoh"))
        tutup(f"{s.url}/contoh")  # a template must have no open connection
        yield s


@pytest.fixture
def db(server: ServerPg) -> Iterator[str]:
    url = db_postgres_baru(server.url, "contoh")
    yield url
    buang_db_postgres(url)


def isi_semua(url: str) -> dict[str, list[tuple]]:
    """Every table's rows, in a fixed order (what the database holds, past the store)."""
    with psycopg.connect(url, autocommit=True) as con:
        tabel = [r[0] for r in con.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").fetchall()]
        return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tabel}  # type: ignore[arg-type]


def nilai_bgr01(storage: Storage) -> float:
    r = storage.baca(2019, "KPPBCBOGOR").realisasi
    return float(r.query("kode_iku == 'BGR-01' and triwulan == 3")["realisasi"].iloc[0])


# --- mid-session: the next read after a restart --------------------------------------------------------------

@pytest.mark.parametrize("cara", ["fast", "immediate"])
def test_bacaan_berikutnya_setelah_server_dimulai_ulang(server, db, cara):
    """The connections the pool kept from before the restart are dead: the next read gets a live one, without
    ``tutup`` or a new ``Storage``."""
    storage = Storage(db)
    sebelum = storage.baca(2019)
    versi = storage.tanda_versi()
    server.pg_ctl("restart", "-m", cara)
    assert storage.tanda_versi() == versi
    sesudah = storage.baca(2019)
    assert sesudah.realisasi.equals(sebelum.realisasi) and sesudah.iku.equals(sebelum.iku)
    # and a write after it lands
    terapkan(rencanakan([("koreksi.csv", KOREKSI)], storage), storage, Pelaku.sistem("uji"))
    assert nilai_bgr01(storage) == 10


def test_bacaan_yang_terputus_di_tengah_jalan_berkata_coba_lagi(server, db):
    """A read whose connection dies under it is refused with "coba lagi" (the page's next run retries), and the
    read after it works."""
    storage = Storage(db)
    storage.tanda_versi()
    with pytest.raises(DatabaseBusy) as galat, storage._transaksi() as con:
        con.execute("SELECT count(*) FROM realisasi").fetchone()
        server.pg_ctl("restart", "-m", "immediate")
        con.execute("SELECT count(*) FROM realisasi").fetchone()
    assert "coba lagi" in str(galat.value).lower()
    assert nilai_bgr01(storage) > 10


def test_versi_data_ditanyakan_sekali_lagi_bila_sambungan_mati_setelah_diperiksa(server, db, monkeypatch):
    """The data version (every page run, every live-refresh tick) on a connection that died after the pool checked
    it: asked once more on a fresh connection, answered as if nothing happened."""
    storage = Storage(db)
    versi = storage.tanda_versi()
    monkeypatch.setattr(_POOL[db], "_check", None)  # the pool hands out what it holds: dead after the restart
    server.pg_ctl("restart", "-m", "immediate")
    assert storage.tanda_versi() == versi


def test_halaman_berikutnya_setelah_server_dimulai_ulang(server, db, monkeypatch, _apptest_navigasi):
    """An app server running on: the click after a restart draws the page as before; a click while the server is
    down says so (no error page), and the click after it is back draws the page again."""
    monkeypatch.setenv("KINERJA_DB", db)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    biasa = [w.value for w in at.warning]  # the open demo's notice
    server.pg_ctl("restart", "-m", "immediate")
    at.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == biasa
    assert any("16 IKU: 15 hijau, 1 abu-abu" in m.value for m in at.markdown)

    server.pg_ctl("stop", "-m", "immediate")
    try:
        at.run()
        assert not at.exception, at.exception
        assert any("coba lagi" in w.value.lower() for w in at.warning), [w.value for w in at.warning]
    finally:
        server.pg_ctl("start")
    at.run()
    assert not at.exception, at.exception
    assert [w.value for w in at.warning] == biasa
    assert any("16 IKU: 15 hijau, 1 abu-abu" in m.value for m in at.markdown)


# --- mid-import: refused whole, nothing half-stored, the retry lands -------------------------------------------

def _putus(server: ServerPg, cara: str, url: str) -> Callable[[], None]:
    if cara == "terminate":  # the backend killed (a failover's proxy, an admin): the server stays up
        def putus() -> None:
            with psycopg.connect(url, autocommit=True) as con:
                con.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND pid <> pg_backend_pid()")
        return putus
    return lambda: server.pg_ctl("restart", "-m", cara)


@pytest.mark.parametrize("saat", ["sebelum_langkah_terakhir", "sebelum_commit"])
@pytest.mark.parametrize("cara", ["immediate", "fast", "terminate"])
def test_impor_yang_terputus_ditolak_utuh_lalu_bisa_diulang(server, db, monkeypatch, cara, saat):
    storage = Storage(db)
    rencana = rencanakan([("koreksi.csv", KOREKSI)], storage)
    assert rencana.sah
    revisi_sebelum = storage.daftar_revisi()[0].id
    sebelum = isi_semua(db)

    asli = modul_revisi._catat_jejak  # the import's last statement, inside its transaction

    def catat_lalu_putus(*args, **kwargs):
        if saat == "sebelum_langkah_terakhir":
            _putus(server, cara, db)()
            return asli(*args, **kwargs)
        asli(*args, **kwargs)
        _putus(server, cara, db)()  # every row written: only the COMMIT is left
        return None

    with monkeypatch.context() as m:
        m.setattr(modul_revisi, "_catat_jejak", catat_lalu_putus)
        with pytest.raises(DatabaseBusy) as galat:
            terapkan(rencana, storage, Pelaku.sistem("uji"))
    assert "coba lagi" in str(galat.value).lower()
    with dalam_bahasa("en"):
        assert "try again" in str(galat.value).lower()
    assert isi_semua(db) == sebelum  # nothing half-stored

    revisi = terapkan(rencana, storage, Pelaku.sistem("uji"))  # the same import, again: it lands
    assert revisi.id == revisi_sebelum + 1
    assert nilai_bgr01(storage) == 10


def test_impor_yang_terputus_saat_commit_tidak_berkata_tidak_tersimpan(server, db, monkeypatch):
    """Lost while the COMMIT itself was under way, an import may have landed or not, and the dead session cannot be
    asked: the message says so and points to the history, never "nothing stored, try again" (a second try could
    store it twice)."""
    storage = Storage(db)
    rencana = rencanakan([("koreksi.csv", KOREKSI)], storage)
    asli = psycopg.Transaction.__exit__

    def putus_lalu_commit(self, jenis, *rest):
        if jenis is None and not self._conn.autocommit:  # the body finished: this exit sends the COMMIT
            _putus(server, "terminate", db)()
        return asli(self, jenis, *rest)

    with monkeypatch.context() as m:
        m.setattr(psycopg.Transaction, "__exit__", putus_lalu_commit)
        with pytest.raises(KomitTidakPasti) as galat:
            terapkan(rencana, storage, Pelaku.sistem("uji"))
    assert not isinstance(galat.value, DatabaseBusy)
    assert "belum pasti tersimpan" in str(galat.value) and "Riwayat" in str(galat.value)
    assert "tidak ada yang disimpan" not in str(galat.value).lower()
    with dalam_bahasa("en"):
        assert "may or may not have been stored" in str(galat.value)
    assert storage.daftar_revisi()  # the next operation works on a fresh connection


# --- the Dialog's live refresh -------------------------------------------------------------------------------

def test_segar_langsung_dialog_melewati_gangguan_dan_pulih_sendiri(server, db, monkeypatch, _apptest_navigasi):
    """The fragment's tick asks ``baca.versi_berubah``: while the server is down it says "no change" (nothing
    alarming on the projector), and once the server is back the next tick sees what was uploaded meanwhile."""
    from kinerja.web import baca

    monkeypatch.setenv("KINERJA_DB", db)
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    at.switch_page("pages/dialog.py").run()
    assert not at.exception, at.exception
    versi = baca.storage().tanda_versi()

    server.pg_ctl("stop", "-m", "immediate")
    try:
        assert baca.versi_berubah(versi) is False  # a tick during the outage: no error, no refresh
    finally:
        server.pg_ctl("start")
    assert baca.versi_berubah(versi) is False  # back: the same data
    lain = Storage(db)  # a colleague's upload from another app server
    terapkan(rencanakan([("koreksi.csv", KOREKSI)], lain), lain, Pelaku.sistem("rekan"))
    assert baca.versi_berubah(versi) is True  # the next tick sees it: the fragment reruns the page
    at.run()
    assert not at.exception, at.exception
    at.button(key="dialog_berikutnya").click().run()
    isi = "".join(m.value for m in at.markdown)
    assert "72,06 %" in isi
