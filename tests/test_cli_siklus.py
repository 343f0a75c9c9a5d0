"""The reporting cycle through the command line, on both engines, as an operator or cron runs it: the steps with
``--user``, every refusal exiting 1 with one line and changing nothing, ``status`` in csv and json, ``score``'s
``tahap`` column, data dukung added, listed and fetched, and ``remind``."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kinerja.store import Storage
from tests import cli_uji

KEDUA_MESIN = True
UNIT = "KPPBCBOGOR"
TW = ["--tahun", "2019", "--triwulan", "TW III"]
KOLOM_STATUS = ("kode_unit,tahap,diajukan_oleh,diajukan_pada,diverifikasi_oleh,diverifikasi_pada,final_oleh,final_pada,"
                "alasan,tenggat_berikutnya,terlambat_hari")


def kinerja(db: Path | str, *argumen: str, masukan: str | None = None) -> subprocess.CompletedProcess[str]:
    return cli_uji.kinerja(*argumen, "--db", db, masukan=masukan)


@pytest.fixture
def db(db_contoh: Path | str) -> Path | str:
    """The sample, locked: rina (pengisi of Bogor), budi (verifikator of the Kanwil above), sari (admin of all)."""
    for nama, peran, unit in (("rina", "pengisi", UNIT), ("budi", "verifikator", "KWBCJABAR"), ("sari", "admin", "*")):
        assert kinerja(db_contoh, "user", "add", nama, "--sso", "--email", f"{nama}@bc.go.id").returncode == 0
        assert kinerja(db_contoh, "user", "grant", nama, peran, unit).returncode == 0
    return db_contoh


def _langkah(db: Path | str, perintah: str, siapa: str, *lain: str) -> subprocess.CompletedProcess[str]:
    return kinerja(db, perintah, *TW, "--unit", UNIT, "--user", siapa, *lain)


def _status(db: Path | str) -> list[dict[str, object]]:
    hasil = kinerja(db, "status", *TW, "--unit", "KWBCJABAR", "--sub-unit", "--format", "json")
    assert hasil.returncode == 0, hasil.stderr
    return json.loads(hasil.stdout)


def test_siklus_lewat_baris_perintah(db) -> None:
    assert _langkah(db, "submit", "rina").stdout == "KPPBCBOGOR TW III 2019: diajukan\n"
    kembali = _langkah(db, "return", "budi", "--reason", "Realisasi September belum masuk")
    assert kembali.returncode == 0 and kembali.stdout.endswith(": dikembalikan\n")
    assert _langkah(db, "submit", "rina").returncode == 0
    assert _langkah(db, "verify", "budi", "--note", "Sesuai data dukung").returncode == 0
    assert _langkah(db, "finalize", "sari").stdout == "KPPBCBOGOR TW III 2019: final\n"
    csv = kinerja(db, "status", *TW, "--unit", UNIT)
    assert csv.stdout.splitlines()[0] == KOLOM_STATUS
    (baris,) = [r for r in _status(db) if r["kode_unit"] == UNIT]
    assert {k: baris[k] for k in ("tahap", "diajukan_oleh", "diverifikasi_oleh", "final_oleh", "alasan",
                                  "tenggat_berikutnya", "terlambat_hari")} == {
        "tahap": "final", "diajukan_oleh": "rina", "diverifikasi_oleh": "budi", "final_oleh": "sari",
        "alasan": "Sesuai data dukung", "tenggat_berikutnya": None, "terlambat_hari": None}
    assert str(baris["final_pada"]).endswith("Z")
    skor = kinerja(db, "score", *TW, "--unit", UNIT).stdout.splitlines()
    assert skor[0] == "kode_unit,kode_iku,nama_iku,target,realisasi,capaian,status,tahap"  # tahap last, the rest as before
    assert all(b.endswith(",final") for b in skor[1:])
    lain = kinerja(db, "score", *TW, "--unit", "KPPBCBEKASI", "--format", "json")
    assert {r["tahap"] for r in json.loads(lain.stdout)["iku"]} == {"draf"}


@pytest.mark.parametrize(("perintah", "siapa", "lain", "kata"), [
    ("verify", "budi", (), "tidak bisa verifikasi dari tahap itu"),  # not submitted
    ("submit", "budi", (), "perlu peran pengisi"),  # a verifikator fills nothing in
    ("reopen", "sari", ("--reason", "x"), "tidak bisa buka kembali dari tahap itu"),  # nothing to reopen
    ("submit", "rina", ("--unit", "KPPBCBEKASI"), "perlu peran pengisi"),  # another office
])
def test_langkah_yang_salah_keluar_1_tanpa_perubahan(db, perintah, siapa, lain, kata) -> None:
    sebelum = _status(db)
    argumen = [*TW, "--unit", UNIT, "--user", siapa, *lain] if "--unit" not in lain else [*TW, "--user", siapa, *lain]
    hasil = kinerja(db, perintah, *argumen)
    assert hasil.returncode == 1 and hasil.stdout == ""
    assert len(hasil.stderr.strip().splitlines()) == 1 and kata in hasil.stderr, hasil.stderr
    assert _status(db) == sebelum


def test_pengaju_tidak_memverifikasi_dan_buka_perlu_alasan(db) -> None:
    assert _langkah(db, "submit", "sari").returncode == 0  # an admin may submit, and then may not verify it
    sama = _langkah(db, "verify", "sari")
    assert sama.returncode == 1 and "tidak boleh juga verifikasi" in sama.stderr
    assert _langkah(db, "verify", "budi").returncode == 0
    assert _langkah(db, "finalize", "rina").returncode == 1
    assert _langkah(db, "finalize", "sari").returncode == 1  # she submitted it
    tanpa = _langkah(db, "return", "budi")
    assert tanpa.returncode == 1 and "perlu alasan" in tanpa.stderr
    assert [r["tahap"] for r in _status(db) if r["kode_unit"] == UNIT] == ["terverifikasi"]


def test_data_dukung_ditambah_didaftar_diambil(db, tmp_path: Path) -> None:
    pdf = tmp_path / "rekap <b>TW3 =1+1.pdf"
    pdf.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n")
    tambah = kinerja(db, "evidence", "add", *TW, "--unit", UNIT, "--iku", "BGR-01", str(pdf), "--user", "rina")
    assert tambah.returncode == 0, tambah.stderr
    daftar = kinerja(db, "evidence", "list", *TW, "--unit", "KWBCJABAR", "--sub-unit").stdout.splitlines()
    assert daftar[0] == "id,tahun,triwulan,kode_unit,kode_iku,nama,jenis,ukuran,sha256,oleh,waktu"
    assert daftar[1].startswith("1,2019,3,KPPBCBOGOR,BGR-01,rekap <b>TW3 =1+1.pdf,pdf,")
    keluar = tmp_path / "ambil.pdf"
    assert kinerja(db, "evidence", "get", "1", "--out", str(keluar), "--user", "budi").returncode == 0
    assert keluar.read_bytes() == pdf.read_bytes()
    exe = tmp_path / "laporan.pdf"  # a program renamed .pdf
    exe.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00 This program cannot be run in DOS mode")
    ditolak = kinerja(db, "evidence", "add", *TW, "--unit", UNIT, "--iku", "BGR-01", str(exe), "--user", "rina")
    assert ditolak.returncode == 1 and "bukan PDF, XLSX, DOCX, PNG atau JPEG menurut isinya" in ditolak.stderr
    assert len(Storage(db).daftar_bukti(2019)) == 1


def test_pengingat_kering_dan_tanggal(db) -> None:
    hasil = kinerja(db, "remind", "--dry-run", "--today", "2019-10-11")
    assert hasil.returncode == 0
    assert "--- rina@bc.go.id: Dasbor Kinerja: 1 laporan triwulan belum diajukan" in hasil.stdout
    assert "- KPPBCBOGOR TW III 2019: belum diajukan, 3 hari lagi" in hasil.stdout
    assert kinerja(db, "remind", "--dry-run", "--today", "2019-10-12").stdout.count("rina@bc.go.id") == 0
    salah = kinerja(db, "remind", "--today", "11-10-2019")
    assert salah.returncode == 2 and "YYYY-MM-DD" in salah.stderr


def test_pengaturan_tenggat_oleh_admin(db) -> None:
    ditolak = kinerja(db, "settings", "--days", "10,20,28", "--user", "rina")
    assert ditolak.returncode == 1 and "admin" in ditolak.stderr
    hasil = kinerja(db, "settings", "--days", "10,20,28", "--tahun", "2019", "--tingkat", "3", "--user", "sari")
    assert hasil.returncode == 0 and json.loads(hasil.stdout)["ubah"] == [{"hari": [10, 20, 28], "tahun": 2019,
                                                                          "tingkat": 3}]
    tenggat = {r["kode_unit"]: r["tenggat_berikutnya"] for r in _status(db)}
    assert tenggat == {"KPPBCBOGOR": "2019-10-10", "KPPBCBEKASI": "2019-10-10", "KWBCJABAR": "2019-10-14"}
    assert kinerja(db, "settings", "--lock-at-deadline", "on").returncode == 0
    telat = _langkah(db, "submit", "rina")  # 2019's deadline is long past and the installation now locks there
    assert telat.returncode == 1 and "sudah lewat (2019-10-10)" in telat.stderr
    assert kinerja(db, "settings", "--days", "20,10,30").returncode == 2
