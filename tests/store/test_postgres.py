"""Two engines, one store: what holds on DuckDB holds on PostgreSQL, and an installation moves between them.

The schema is created and upgraded by versioned migrations on both; on PostgreSQL several processes (app
servers, the command line) write at once with gap-free revision ids, a wait for the writer's turn has a limit
and a clear message, and every process sees every other's writes in its data version. ``copy`` moves an
installation either way with every revision intact, and ``score`` answers the same on both.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import psycopg
import pytest

from kinerja.masuk.importing import muat_contoh, rencanakan, terapkan
from kinerja.store import DatabaseBusy, MasalahBasisData, Storage
from kinerja.store.mesin_postgres import KUNCI_PENULIS, tanpa_sandi
from kinerja.store.skema import KOLOM_SALIN, MIGRASI, VERSI_TERBARU
from kinerja_core.akses import Pelaku
from tests.cli_uji import kinerja
from tests.conftest import AKAR, buang_db_postgres, db_postgres_baru, teks_md

KEDUA_MESIN = True
KEPALA = "tahun;triwulan;kode_unit;kode_iku;realisasi"


def unggah(storage: Storage, *baris: str, pengguna: str = "uji"):
    rencana = rencanakan([("r.csv", "\n".join([KEPALA, *baris]).encode())], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    return terapkan(rencana, storage, Pelaku.sistem(pengguna))


def sql_mentah(db: Path | str, *perintah: str) -> list[tuple]:
    """Statements on the database itself, past the store (what an older release or the DB team did)."""
    if isinstance(db, Path):
        with duckdb.connect(str(db)) as con:
            for p in perintah[:-1]:
                con.execute(p)
            return con.execute(perintah[-1]).fetchall()
    with psycopg.connect(db, autocommit=True) as con:
        for p in perintah[:-1]:
            con.execute(p)  # type: ignore[arg-type]
        cur = con.execute(perintah[-1])  # type: ignore[arg-type]
        return cur.fetchall() if cur.description else []


# --- the schema: versioned migrations ---------------------------------------------------------------------------

def test_basis_data_baru_mencatat_setiap_migrasi(db_kosong):
    storage = Storage(db_kosong)
    muat_contoh(storage)
    versi = sql_mentah(db_kosong, "SELECT versi, nama FROM skema_versi ORDER BY versi")
    assert versi == [(m.versi, m.nama) for m in MIGRASI]
    assert versi[-1][0] == VERSI_TERBARU


def test_basis_data_versi_lama_mendapat_kolom_baru_tanpa_kehilangan_baris(db_kosong):
    """A database from before follow-up, cascading, komponen, sign-in and versioned migrations: its rows stay,
    it gains the new columns (blank) and tables, and its old revision gets its audit line."""
    if isinstance(db_kosong, Path):
        db_kosong.parent.mkdir(parents=True, exist_ok=True)
    sql_mentah(
        db_kosong,
        "CREATE TABLE unit (kode_unit VARCHAR PRIMARY KEY, nama_unit VARCHAR NOT NULL, kode_induk VARCHAR)",
        "CREATE TABLE iku (tahun INTEGER, kode_unit VARCHAR, kode_iku VARCHAR, nama_iku VARCHAR NOT NULL, "
        "sasaran_strategis VARCHAR, perspektif VARCHAR NOT NULL, satuan VARCHAR, polaritas VARCHAR NOT NULL, "
        "konsolidasi VARCHAR NOT NULL, bobot DOUBLE PRECISION NOT NULL, target_tw1 DOUBLE PRECISION, "
        "target_tw2 DOUBLE PRECISION, target_tw3 DOUBLE PRECISION, target_tw4 DOUBLE PRECISION, "
        "konversi_120 BOOLEAN NOT NULL, realisasi_terburuk DOUBLE PRECISION, PRIMARY KEY (tahun, kode_unit, kode_iku))",
        "CREATE TABLE realisasi (tahun INTEGER, triwulan INTEGER, kode_unit VARCHAR, kode_iku VARCHAR, "
        "realisasi DOUBLE PRECISION, kendala VARCHAR, rencana_aksi VARCHAR, "
        "PRIMARY KEY (tahun, triwulan, kode_unit, kode_iku))",
        "CREATE TABLE revisi (id INTEGER PRIMARY KEY, waktu TIMESTAMP NOT NULL, pengguna VARCHAR NOT NULL, "
        "berkas VARCHAR NOT NULL, sha256 VARCHAR NOT NULL, jenis VARCHAR NOT NULL, membatalkan INTEGER, "
        "dibatalkan_oleh INTEGER, baru INTEGER NOT NULL, berubah INTEGER NOT NULL, sama INTEGER NOT NULL, "
        "dihapus INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE revisi_realisasi (revisi INTEGER NOT NULL, tahun INTEGER, triwulan INTEGER, kode_unit VARCHAR, "
        "kode_iku VARCHAR, realisasi DOUBLE PRECISION, kendala VARCHAR, rencana_aksi VARCHAR)",
        "INSERT INTO unit VALUES ('KPP', 'KPP Lama', NULL)",
        "INSERT INTO iku VALUES (2018, 'KPP', 'K-01', 'Penerimaan', NULL, 'Stakeholder', '%', 'maximize', 'sum', 1, "
        "10, 10, 10, 10, false, NULL)",
        "INSERT INTO realisasi VALUES (2018, 1, 'KPP', 'K-01', 12.5, 'hujan', 'lembur')",
        "INSERT INTO revisi VALUES (1, TIMESTAMP '2018-04-02 03:00:00', 'operator', 'realisasi.csv', 'ab', 'impor', "
        "NULL, NULL, 3, 0, 0, 0)",
        "INSERT INTO revisi_realisasi VALUES (1, 2018, 1, 'KPP', 'K-01', 12.5, 'hujan', 'lembur')",
        "SELECT 1",
    )
    storage = Storage(db_kosong)
    snap = storage.baca(2018)
    baris = snap.realisasi.iloc[0]
    assert (baris["realisasi"], baris["kendala"], baris["rencana_aksi"]) == (12.5, "hujan", "lembur")
    assert pd.isna(baris["pic"])  # a new column, blank
    assert snap.iku.iloc[0]["sumber"] == "penkin"  # a new column with a default: the default (PENKIN)
    assert [v for (v,) in sql_mentah(db_kosong, "SELECT versi FROM skema_versi ORDER BY versi")] == [
        m.versi for m in MIGRASI]
    jejak = storage.jejak()
    assert list(jejak["revisi"]) == [1] and jejak.iloc[0]["cara"] == "lama"
    # and it works as a current store: an upload lands as revision 2, an undo brings 12.5 back
    revisi = unggah(storage, "2018;1;KPP;K-01;14")
    assert revisi.id == 2
    storage.batalkan(2, pelaku=Pelaku.sistem("admin"))
    assert storage.baca(2018).realisasi.iloc[0]["realisasi"] == 12.5


def test_basis_data_dari_versi_lebih_baru_ditolak(db_contoh):
    sql_mentah(db_contoh, f"INSERT INTO skema_versi VALUES ({VERSI_TERBARU + 1}, 'dari masa depan', "
                          "TIMESTAMP '2030-01-01 00:00:00')", "SELECT 1")
    with pytest.raises(MasalahBasisData, match="versi Dasbor Kinerja yang lebih baru"):
        Storage(db_contoh).baca()


# --- moving an installation between engines ---------------------------------------------------------------------

@pytest.mark.hanya_duckdb
def test_salin_duckdb_ke_postgresql_dan_kembali_utuh(storage, server_postgres, tmp_path):
    """Every table row for row both ways; ``score`` and the revision list answer the same on all three; the copy
    undoes by replay like the original."""
    unggah(storage, "2019;3;KPPBCBOGOR;BGR-01;61,5", pengguna="bu tini")
    storage.batalkan(2, pelaku=Pelaku.sistem("admin"))
    unggah(storage, "2019;3;KPPBCBOGOR;BGR-02;7", pengguna="pak budi")
    url = db_postgres_baru(server_postgres)
    try:
        hasil = kinerja("copy", "--from", str(storage.path), "--to", url)
        assert hasil.returncode == 0, hasil.stderr
        assert "4 revisi" in hasil.stdout
        kembali = tmp_path / "kembali.duckdb"
        assert kinerja("copy", "--from", url, "--to", str(kembali)).returncode == 0
        pg, balik = Storage(url), Storage(kembali)
        for tabel in KOLOM_SALIN:
            asli = storage.tabel(tabel)
            for salinan in (pg, balik):
                pd.testing.assert_frame_equal(salinan.tabel(tabel), asli, obj=tabel)
        for argumen in (["score", "--tahun", "2019", "--triwulan", "3", "--format", "json"],
                        ["score", "--tahun", "2017", "--triwulan", "4", "--unit", "BPPT", "--sub-unit"],
                        ["revisions"]):
            keluaran = {kinerja(*argumen, "--db", db).stdout for db in (str(storage.path), url, str(kembali))}
            assert len(keluaran) == 1 and keluaran != {""}, argumen
        # the copies go on as the original: undo by replay of the surviving revisions
        for s in (storage, pg, balik):
            assert s.batalkan(4, pelaku=Pelaku.sistem("admin")).id == 5
        for tabel in ("realisasi", "revisi_realisasi"):
            for salinan in (pg, balik):
                pd.testing.assert_frame_equal(salinan.tabel(tabel), storage.tabel(tabel), obj=tabel)
        # a copy goes only into an empty database
        hasil = kinerja("copy", "--from", str(storage.path), "--to", url)
        assert hasil.returncode == 1 and "sudah berisi data" in hasil.stderr
    finally:
        buang_db_postgres(url)


def test_salin_ke_dirinya_sendiri_ditolak(db_contoh):
    hasil = kinerja("copy", "--from", str(db_contoh), "--to", str(db_contoh))
    assert hasil.returncode == 1 and "sama" in hasil.stderr


@pytest.mark.hanya_duckdb
def test_salin_ke_berkas_yang_sama_dengan_ejaan_lain_ditolak(db_contoh):
    """The same file named another way (relative, with ``..``) is the same database: refused, not a hang on
    the file's own lock, and nothing changed."""
    lain = f"{db_contoh.parent}/../{db_contoh.parent.name}/./{db_contoh.name}"
    sebelum = Storage(db_contoh).tabel("revisi")
    hasil = subprocess.run([sys.executable, "-m", "kinerja", "copy", "--from", str(db_contoh), "--to", lain],
                           cwd=AKAR, capture_output=True, text=True, timeout=60)
    assert hasil.returncode == 1 and "sama" in hasil.stderr, hasil.stderr
    pd.testing.assert_frame_equal(Storage(db_contoh).tabel("revisi"), sebelum)


# --- PostgreSQL: several writers, a limited wait, every server sees every write ----------------------------------

pg = pytest.mark.parametrize("mesin", ["postgresql"])


@contextlib.contextmanager
def proses_memegang(db: str, perintah: str) -> Iterator[subprocess.Popen[str]]:
    """Another process inside an open transaction that ran ``perintah`` (taking a lock), until its stdin closes."""
    kode = textwrap.dedent(f"""
        import psycopg, sys
        with psycopg.connect({db!r}) as con:
            con.execute({perintah!r})
            print("siap", flush=True)
            sys.stdin.read()
    """)
    proses = subprocess.Popen([sys.executable, "-c", kode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proses.stdout.readline().strip() == "siap"
        yield proses
    finally:
        if not proses.stdin.closed:
            proses.stdin.close()
        proses.wait(timeout=10)


@pytest.fixture
def pemegang_giliran(db_contoh):
    """Another process in the middle of a long write: it holds the writer's turn until told to stop."""
    with proses_memegang(db_contoh, f"SELECT pg_advisory_xact_lock({KUNCI_PENULIS})") as proses:
        yield proses


@pg
def test_penulis_menunggu_giliran_terbatas_lalu_coba_lagi(db_contoh, pemegang_giliran):
    storage = Storage(db_contoh, tunggu_detik=0.5)
    rencana = rencanakan([("r.csv", f"{KEPALA}\n2019;3;KPPBCBOGOR;BGR-01;9\n".encode())], storage)
    mulai = time.monotonic()
    with pytest.raises(DatabaseBusy, match="Coba lagi"):
        terapkan(rencana, storage, Pelaku.sistem("uji"))
    assert time.monotonic() - mulai < 5  # gives up, never hangs
    assert storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 3")["realisasi"].item() == 48.2
    assert [r.id for r in storage.daftar_revisi()] == [1]  # a reader is never held up by the writer; nothing landed
    pemegang_giliran.stdin.close()
    pemegang_giliran.wait(timeout=10)
    assert terapkan(rencana, storage, Pelaku.sistem("uji")).id == 2  # the turn released: the same write lands


@pg
def test_kunci_tabel_oleh_tim_basis_data_dibatasi_waktunya(db_contoh):
    """The DB team's maintenance holds a table: a page's read waits its limit, then says try again."""
    with proses_memegang(db_contoh, "LOCK TABLE realisasi IN ACCESS EXCLUSIVE MODE"):
        mulai = time.monotonic()
        with pytest.raises(DatabaseBusy):
            Storage(db_contoh, tunggu_detik=0.5).baca(2019)
        assert time.monotonic() - mulai < 5


@pg
def test_banyak_proses_menulis_bersamaan_id_revisi_tanpa_celah(db_contoh):
    """Four processes (as four app servers) upload three times each at once: twelve revisions 2–13 with no gap
    and no duplicate, each upload's value stored, the audit trail complete."""
    kode = textwrap.dedent("""
        import sys
        from kinerja.masuk.importing import rencanakan, terapkan
        from kinerja.store import Storage
        from kinerja_core.akses import Pelaku
        url, n = sys.argv[1], int(sys.argv[2])
        storage = Storage(url, tunggu_detik=60)
        for i in range(3):
            isi = f"tahun;triwulan;kode_unit;kode_iku;realisasi\\n2019;4;KPPBCBOGOR;BGR-0{n};{10 * n + i}\\n"
            rencana = rencanakan([(f"r{n}{i}.csv", isi.encode())], storage)
            print(terapkan(rencana, storage, Pelaku.sistem(f"server{n}")).id, flush=True)
    """)
    proses = [subprocess.Popen([sys.executable, "-c", kode, str(db_contoh), str(n)], cwd=AKAR, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for n in (1, 2, 3, 4)]
    id_dilaporkan = []
    for p in proses:
        keluaran, galat = p.communicate(timeout=300)
        assert p.returncode == 0, galat
        id_dilaporkan += [int(b) for b in keluaran.split()]
    assert sorted(id_dilaporkan) == list(range(2, 14))
    storage = Storage(db_contoh)
    assert sorted(r.id for r in storage.daftar_revisi()) == list(range(1, 14))
    r = storage.baca(2019).realisasi.query("triwulan == 4").set_index("kode_iku")["realisasi"]
    assert [r[f"BGR-0{n}"] for n in (1, 2, 3, 4)] == [12.0, 22.0, 32.0, 42.0]  # each server's last upload
    jejak = storage.jejak()
    assert sorted(jejak["id"]) == list(range(1, len(jejak) + 1))
    assert sorted(jejak["revisi"].dropna().astype(int)) == list(range(1, 14))


@pg
def test_tanda_versi_melihat_tulisan_proses_lain(db_contoh, tmp_path):
    """The live refresh across servers: another process's write changes this one's data version."""
    storage = Storage(db_contoh)
    sebelum = storage.tanda_versi()
    assert storage.tanda_versi() == sebelum  # reading changes nothing
    f = tmp_path / "r.csv"
    f.write_text(f"{KEPALA}\n2019;3;KPPBCBOGOR;BGR-01;50\n")
    assert kinerja("import", str(f), "--db", str(db_contoh)).returncode == 0
    assert storage.tanda_versi() != sebelum


@pg
def test_server_yang_tidak_terjangkau_dikatakan_tanpa_sandi(db_contoh, server_postgres):
    port = int(server_postgres.rsplit(":", 1)[1])
    with pytest.raises(MasalahBasisData, match="tidak dapat dihubungi") as galat:
        Storage(f"postgresql://kinerja:rahasia@127.0.0.1:{port + 1}/x", tunggu_detik=1).baca()
    assert "rahasia" not in str(galat.value) and "kinerja:***@" in str(galat.value)
    hasil = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--db",
                    f"postgresql://kinerja:rahasia@127.0.0.1:{port + 1}/x")
    assert hasil.returncode == 1 and "rahasia" not in hasil.stderr and "Traceback" not in hasil.stderr


def test_alamat_tampil_tanpa_sandi():
    assert tanpa_sandi("postgresql://a:b@h:5432/d") == "postgresql://a:***@h:5432/d"
    assert tanpa_sandi("postgresql://a@h/d") == "postgresql://a@h/d"


@pg
@pytest.mark.parametrize("tahun", [2017, 2019])
def test_skor_emas_sama_persis_di_kedua_mesin(db_contoh, _db_contoh, tahun):
    """The golden set: every quarter of the sample year, the whole tree and each unit alone, CSV and JSON, as
    ``score`` prints it, byte for byte the same from the DuckDB file and from the PostgreSQL database."""
    import io

    from kinerja import cli

    def skor(db: Path | str, *argumen: str) -> str:
        keluaran = io.StringIO()
        with contextlib.redirect_stdout(keluaran):
            assert cli.main(["score", "--tahun", str(tahun), *argumen, "--db", str(db)]) == 0
        return keluaran.getvalue()

    unit = sorted(Storage(_db_contoh).baca(tahun).iku["kode_unit"].unique())
    assert len(unit) >= 3
    for triwulan in ("1", "2", "3", "4"):
        for format_ in ("csv", "json"):
            for pilihan in ([], *(["--unit", u] for u in unit), ["--unit", unit[0], "--sub-unit"]):
                argumen = ["--triwulan", triwulan, "--format", format_, *pilihan]
                duckdb_ = skor(_db_contoh, *argumen)
                assert duckdb_.count("\n") >= 2, argumen
                assert skor(db_contoh, *argumen) == duckdb_, argumen


HALAMAN = ["pages/ringkasan.py", "pages/progres.py", "pages/peta.py", "pages/kaskade.py", "pages/dialog.py",
           "pages/unggah.py", "pages/riwayat.py", "pages/jejak.py"]


@pg
def test_setiap_halaman_berjalan_di_postgresql(db_contoh, monkeypatch, _apptest_navigasi):
    """The pages never know the engine: every page runs on the PostgreSQL store, at the ministry's root and at an
    office, and the Ringkasan says what the meeting expects."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    at.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    assert any("16 IKU: 15 hijau, 1 abu-abu" in m.value for m in at.markdown)
    for unit in ("KEMENKEU", "KPPBCBOGOR"):
        at.sidebar.selectbox(key="unit").set_value(unit).run()
        for halaman in HALAMAN:
            at.switch_page(halaman).run()
            assert not at.exception, (unit, halaman, at.exception)
    assert any("postgresql://kinerja@" in teks_md(c.value) for c in at.sidebar.caption)  # which database, no password


@pg
def test_postgresql_kosong_tidak_diisi_data_contoh(db_kosong, monkeypatch, _apptest_navigasi):
    """An institution's new database is not filled with Bogor's sample: the app says there is no data yet."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("KINERJA_DB", str(db_kosong))
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    assert any("Belum ada data" in i.value for i in at.info)
    assert Storage(db_kosong).kosong() and Storage(db_kosong).daftar_revisi() == []


@pg
def test_tanda_versi_beda_untuk_basis_data_baru_di_alamat_yang_sama(db_contoh, server_postgres):
    """A database dropped and made again at the same address (a restore, a fresh start) with as many revisions
    as before but other data never carries the old data version: a server would go on showing what it cached."""
    from tests.conftest import sql_admin

    url = f"{server_postgres}/dipulihkan"
    versi, nilai_terbaca = [], []
    for nilai in ("11", "22"):
        sql_admin(server_postgres, "CREATE DATABASE dipulihkan")
        try:
            storage = Storage(url)
            Storage(db_contoh).salin_ke(storage)  # the sample's revision and audit line
            unggah(storage, f"2019;3;KPPBCBOGOR;BGR-01;{nilai}")  # revision 2: other data each time
            versi.append(storage.tanda_versi())
            nilai_terbaca.append(storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 3")[
                "realisasi"].item())
        finally:
            buang_db_postgres(url)
    assert nilai_terbaca == [11.0, 22.0]
    assert versi[0] != versi[1]
