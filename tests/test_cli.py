"""`python -m kinerja` on a temporary database, on both engines: import, score, and a failed import changing
nothing."""

import csv
import getpass
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli_uji import kinerja
from tests.conftest import DATA, buang_db_postgres, db_postgres_baru

KEDUA_MESIN = True


def skor(db: Path, *args: str) -> list[dict[str, str]]:
    hasil = kinerja("score", *args, "--db", db)
    assert hasil.returncode == 0, hasil.stderr
    return list(csv.DictReader(io.StringIO(hasil.stdout)))


@pytest.fixture(scope="module")
def _impor_cli(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path | str]]:
    """Per engine, the sample data imported through the command line once per module (and xdist worker); ``db``
    hands each test a copy of it. ``{}`` until a test asks for that engine."""
    templat: dict[str, Path | str] = {}
    yield templat
    if isinstance(templat.get("postgresql"), str):
        buang_db_postgres(templat["postgresql"])  # type: ignore[arg-type]


def _impor_sampel(path: Path | str) -> None:
    hasil = kinerja("import", DATA / "unit.csv", DATA / "iku.csv", DATA / "realisasi.csv", DATA / "komponen.csv",
                    "--db", path, "--user", "admin")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.splitlines()[:4] == [
        "unit.csv (unit): 9 baru · 0 berubah · 0 tidak berubah",
        "iku.csv (IKU): 43 baru · 0 berubah · 0 tidak berubah",
        "realisasi.csv (realisasi): 115 baru · 0 berubah · 0 tidak berubah",
        "komponen.csv (komponen): 8 baru · 0 berubah · 0 tidak berubah",
    ]


@pytest.fixture
def db(mesin: str, _impor_cli: dict[str, Path | str], request: pytest.FixtureRequest,
       tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Path | str]:
    """A private database holding the sample data as ``python -m kinerja import`` wrote it."""
    if mesin == "duckdb":
        if mesin not in _impor_cli:
            _impor_cli[mesin] = tmp_path_factory.mktemp("impor_cli") / "kinerja.duckdb"
            _impor_sampel(_impor_cli[mesin])
        path = tmp_path / "kinerja.duckdb"
        shutil.copy(_impor_cli[mesin], path)
        yield path
        return
    server = request.getfixturevalue("server_postgres")
    if mesin not in _impor_cli:
        _impor_cli[mesin] = db_postgres_baru(server)
        _impor_sampel(_impor_cli[mesin])
    url = db_postgres_baru(server, str(_impor_cli[mesin]).rsplit("/", 1)[1])
    yield url
    buang_db_postgres(url)


def test_score_csv_kppbc_bogor_tw3(db):
    baris = skor(db, "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR")
    # issue 30: the unit-quarter's stage in the reporting cycle, after the columns as they always were
    assert list(baris[0]) == ["kode_unit", "kode_iku", "nama_iku", "target", "realisasi", "capaian", "status", "tahap"]
    assert len(baris) == 16
    status = [b["status"] for b in baris]
    assert (status.count("hijau"), status.count("abu-abu")) == (15, 1)
    (survei,) = [b for b in baris if b["status"] == "abu-abu"]
    assert survei["nama_iku"] == "Indeks Kepuasan Pengguna Jasa"
    assert survei["capaian"] == "" and survei["realisasi"] == ""
    bea_masuk = next(b for b in baris if b["kode_iku"] == "BGR-01")
    assert (float(bea_masuk["target"]), float(bea_masuk["realisasi"]), bea_masuk["capaian"]) == (123.5, 127.2, "103.0")


def test_score_triwulan_ditulis_romawi(db):
    assert skor(db, "--tahun", "2019", "--triwulan", "TW III", "--unit", "KPPBCBOGOR") == skor(
        db, "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR")


def test_score_json_dengan_sub_unit(db):
    hasil = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--unit", "KWBCJABAR", "--sub-unit",
                    "--format", "json", "--db", db)
    assert hasil.returncode == 0, hasil.stderr
    data = json.loads(hasil.stdout)
    assert {b["kode_unit"] for b in data["iku"]} == {"KWBCJABAR", "KPPBCBOGOR", "KPPBCBEKASI"}
    nko = {n["kode_unit"]: n for n in data["nko"]}
    assert set(nko["KPPBCBOGOR"]) == {"kode_unit", "nama_unit", "nko", "hijau", "kuning", "merah", "abu-abu"}
    assert (nko["KPPBCBOGOR"]["hijau"], nko["KPPBCBOGOR"]["abu-abu"]) == (15, 1)
    assert nko["KPPBCBOGOR"]["nama_unit"] == "KPPBC TMP A Bogor"
    assert isinstance(nko["KPPBCBOGOR"]["nko"], float)
    survei = next(b for b in data["iku"] if b["status"] == "abu-abu")
    assert survei["capaian"] is None


def test_score_tanpa_sub_unit_hanya_unit_itu(db):
    baris = skor(db, "--tahun", "2019", "--triwulan", "3", "--unit", "KWBCJABAR")
    assert {b["kode_unit"] for b in baris} == {"KWBCJABAR"}


def test_nko_null_bila_semua_abu_abu(db, tmp_path):
    iku = tmp_path / "iku.csv"
    iku.write_text("tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
                   "target_tw3;target_tw4\n2019;BTP;SRV-1;Survei kepuasan;Customer;maximize;last;10;;;;90\n")
    assert kinerja("import", iku, "--db", db).returncode == 0
    data = json.loads(kinerja("score", "--tahun", "2019", "--triwulan", "2", "--unit", "BTP", "--format", "json",
                              "--db", db).stdout)
    assert data["nko"] == [{"kode_unit": "BTP", "nama_unit": "Balai Teknologi Polimer", "nko": None, "hijau": 0,
                            "kuning": 0, "merah": 0, "abu-abu": 1}]


def test_import_gagal_tidak_mengubah_apa_pun(db, tmp_path):
    sebelum = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--format", "json", "--db", db).stdout
    baik = tmp_path / "baik.csv"
    baik.write_text("tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;3;KPPBCBOGOR;BGR-01;1\n")
    buruk = tmp_path / "buruk.csv"
    buruk.write_text("tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW V;KPPBCBOGOR;BGR-02;abc\n"
                     "2019;3;KPPBCBOGOR;BGR-404;1\n", encoding="utf-8")
    hasil = kinerja("import", baik, buruk, "--db", db)
    assert hasil.returncode == 1
    assert hasil.stdout == ""
    galat = hasil.stderr.splitlines()
    assert "buruk.csv, baris 2, kolom triwulan: 'TW V' bukan triwulan" in galat[0]
    assert "buruk.csv, baris 2, kolom realisasi: 'abc' bukan angka" in galat[1]
    assert "buruk.csv, baris 3, kolom kode_iku: IKU 'BGR-404' unit KPPBCBOGOR tahun 2019 tidak dikenal" in galat[2]
    assert galat[-1] == "Tidak ada yang disimpan: 3 kesalahan."
    assert kinerja("score", "--tahun", "2019", "--triwulan", "3", "--format", "json", "--db", db).stdout == sebelum


def test_import_kode_tidak_dikenal_gagal(db, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;3;KPPBCBOGOR;BGR-404;1\n")
    hasil = kinerja("import", f, "--db", db)
    assert hasil.returncode == 1
    assert "r.csv, baris 2, kolom kode_iku: IKU 'BGR-404'" in hasil.stderr


def test_import_berkas_tidak_ada(db, tmp_path):
    hasil = kinerja("import", tmp_path / "tidak-ada.csv", "--db", db)
    assert hasil.returncode == 1 and "tidak-ada.csv" in hasil.stderr


def test_db_dari_variabel_lingkungan(db):
    hasil = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR",
                    env={"KINERJA_DB": str(db)}, proses=True)  # a real process's environment
    assert hasil.returncode == 0 and len(hasil.stdout.splitlines()) == 17


@pytest.mark.hanya_duckdb  # the file's lock (PostgreSQL's writer's turn: tests/store/test_postgres.py)
def test_import_saat_berkas_dipegang_proses_lain(db, tmp_path):
    kode = f"import duckdb, sys; con = duckdb.connect({str(db)!r}); print('siap', flush=True); sys.stdin.read()"
    pemegang = subprocess.Popen([sys.executable, "-c", kode], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert pemegang.stdout.readline().strip() == "siap"
        hasil = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--db", db)
        assert hasil.returncode == 1
        assert "sedang dipakai proses lain. Coba lagi" in hasil.stderr
        assert "Traceback" not in hasil.stderr
    finally:
        pemegang.stdin.close()
        pemegang.wait(timeout=10)
    assert kinerja("score", "--tahun", "2019", "--triwulan", "3", "--db", db).returncode == 0


def test_import_dry_run_menampilkan_pratinjau_tanpa_menyimpan(db, tmp_path):
    f = tmp_path / "r.csv"
    f.write_text("tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
                 "2019;TW IV;KPPBCBOGOR;BGR-01;46,5\n2019;TW II;KPPBCBOGOR;BGR-02;13,4\n")
    sebelum = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--db", db).stdout
    hasil = kinerja("import", f, "--dry-run", "--db", db)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.splitlines() == [
        "r.csv (realisasi): 1 baru · 1 berubah · 1 tidak berubah",
        "  baris 2: berubah 2019 / 3 / KPPBCBOGOR / BGR-01 — realisasi: 48,2 → 10 [hijau → merah]",
        "  baris 3: baru 2019 / 4 / KPPBCBOGOR / BGR-01 [abu-abu → merah]",  # TW IV counts the new TW III value too
        "Uji coba (--dry-run): tidak ada yang disimpan.",
    ]
    assert kinerja("score", "--tahun", "2019", "--triwulan", "3", "--db", db).stdout == sebelum
    assert len(kinerja("revisions", "--db", db).stdout.splitlines()) == 1


def test_revisions_dan_undo(db, tmp_path):
    f = tmp_path / "koreksi.csv"
    f.write_text("tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n")
    hasil = kinerja("import", f, "--user", "Siti", "--db", db)
    assert hasil.stdout.splitlines()[-1].endswith("sebagai revisi 2.")
    baris = kinerja("revisions", "--db", db).stdout.splitlines()
    id_, waktu, siapa, berkas, sha, jumlah, jenis = baris[0].split("\t")
    # the operator who ran it for Siti is kept beside her name (issue 27, finding 11)
    assert (id_, siapa, berkas, jumlah, jenis) == ("2", f"Siti (operator {getpass.getuser()})", "koreksi.csv",
                                                    "baru=0 berubah=1 sama=0 dihapus=0", "impor")
    import hashlib
    assert sha == hashlib.sha256(f.read_bytes()).hexdigest()
    assert waktu[:4] == "2026" or waktu[:2] == "20"
    assert baris[1].split("\t")[2:4] == [f"admin (operator {getpass.getuser()})",
                                         "unit.csv, iku.csv, realisasi.csv, komponen.csv"]

    hasil = kinerja("undo", "2", "--user", "admin", "--db", db)
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout.strip() == "Revisi 2 dibatalkan oleh revisi 3: 1 baris dikembalikan, 0 dihapus, 0 tetap."
    bogor = skor(db, "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR")
    assert next(b for b in bogor if b["kode_iku"] == "BGR-01")["status"] == "hijau"
    baris = kinerja("revisions", "--db", db).stdout.splitlines()
    assert baris[0].split("\t")[-1] == "batal membatalkan=2"
    assert baris[1].split("\t")[-1] == "impor dibatalkan_oleh=3"

    ulang = kinerja("undo", "2", "--db", db)
    assert ulang.returncode == 1 and "sudah dibatalkan oleh revisi 3" in ulang.stderr


def test_score_setengah_sen_dibulatkan_ke_atas(db_kosong, tmp_path):
    """Issue 28 item 1: a minimize / average IKU at 103,125 prints 103.13, as Excel's ROUND gives it."""
    (tmp_path / "unit.csv").write_text("kode_unit;nama_unit;kode_induk\nU1;Kantor Satu;\n", encoding="utf-8")
    (tmp_path / "iku.csv").write_text(
        "tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
        "target_tw1;target_tw2;target_tw3;target_tw4\n"
        "2026;U1;W-01;Waktu layanan;Layanan cepat;Customer;hari;minimize;average;10;55;55;50;50\n", encoding="utf-8")
    (tmp_path / "realisasi.csv").write_text(
        "tahun;triwulan;kode_unit;kode_iku;realisasi\n2026;1;U1;W-01;61\n2026;2;U1;W-01;50\n2026;3;U1;W-01;44\n",
        encoding="utf-8")
    hasil = kinerja("import", tmp_path / "unit.csv", tmp_path / "iku.csv", tmp_path / "realisasi.csv",
                    "--db", db_kosong, "--user", "admin")
    assert hasil.returncode == 0, hasil.stderr
    (baris,) = skor(db_kosong, "--tahun", "2026", "--triwulan", "3", "--unit", "U1")
    assert baris["capaian"] == "103.13"
