"""`python -m kinerja report` on a copy of the sample database: each document written whole and opened again, the
person's read grants checked (a refused unit: exit 1, one line, no file), ``--triwulan`` required where a document is
about a quarter, and nothing on stdout."""

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader

from tests.test_cli import kinerja


@pytest.fixture
def keluar(tmp_path: Path) -> Path:
    """A folder of its own for the files written (the database copy sits in ``tmp_path``)."""
    folder = tmp_path / "keluar"
    folder.mkdir()
    return folder


def laporan(db: Path, out: Path, *args: str):
    return kinerja("report", *args, "--out", out, "--db", db)


def test_laporan_triwulan_pdf(db_contoh: Path, keluar: Path):
    out = keluar / "lap.pdf"
    hasil = laporan(db_contoh, out, "--kind", "triwulan", "--tahun", "2019", "--triwulan", "TW III", "--unit",
                    "kppbcbogor", "--format", "pdf")
    assert hasil.returncode == 0, hasil.stderr
    assert hasil.stdout == "" and hasil.stderr == ""
    halaman = PdfReader(out).pages
    teks = "".join(h.extract_text() for h in halaman)
    assert "KPPBC TMP A Bogor" in teks and "105,96" in teks  # the NKO `score` gives
    assert f"Halaman 1 dari {len(halaman)}" in halaman[0].extract_text()
    assert [p.name for p in keluar.iterdir()] == ["lap.pdf"]  # no temporary file left beside it


def test_laporan_pk_xlsx_bahasa_inggris_dan_manual_docx(db_contoh: Path, keluar: Path):
    out = keluar / "pk.xlsx"
    hasil = laporan(db_contoh, out, "--kind", "pk", "--tahun", "2019", "--unit", "KPPBCBOGOR", "--format", "xlsx",
                    "--bahasa", "en")
    assert hasil.returncode == 0, hasil.stderr
    buku = openpyxl.load_workbook(out)
    assert buku.sheetnames and buku.worksheets[0]["A1"].value
    out = keluar / "manual.docx"
    hasil = laporan(db_contoh, out, "--kind", "manual", "--tahun", "2019", "--unit", "KPPBCBOGOR", "--format", "docx")
    assert hasil.returncode == 0, hasil.stderr
    assert "Manual IKU" in "\n".join(p.text for p in Document(out).paragraphs)


def test_tanpa_triwulan_keluar_2(db_contoh: Path, keluar: Path):
    for jenis in ("triwulan", "dko"):
        out = keluar / f"{jenis}.pdf"
        hasil = laporan(db_contoh, out, "--kind", jenis, "--tahun", "2019", "--unit", "KPPBCBOGOR", "--format", "pdf")
        assert hasil.returncode == 2
        assert hasil.stderr.startswith("usage: python -m kinerja report")
        assert "--triwulan" in hasil.stderr.splitlines()[-1]
        assert not out.exists()


def test_unit_tidak_boleh_dibaca_ditolak_tanpa_berkas(db_contoh: Path, keluar: Path):
    for perintah in (("user", "add", "rina@bekasi.go.id", "--sso"),
                     ("user", "grant", "rina@bekasi.go.id", "pembaca", "KPPBCBEKASI")):
        hasil = kinerja(*perintah, "--db", db_contoh)
        assert hasil.returncode == 0, hasil.stderr
    out = keluar / "bogor.docx"
    hasil = laporan(db_contoh, out, "--kind", "pk", "--tahun", "2019", "--unit", "KPPBCBOGOR", "--format", "docx",
                    "--user", "rina@bekasi.go.id")
    assert hasil.returncode == 1
    assert hasil.stderr.splitlines() == [
        "rina@bekasi.go.id tidak berhak membaca unit KPPBCBOGOR: dokumen tidak dibuat."]
    assert hasil.stdout == "" and list(keluar.iterdir()) == []
    out = keluar / "bekasi.docx"  # the unit granted, and without --user the operator reads every unit
    hasil = laporan(db_contoh, out, "--kind", "pk", "--tahun", "2019", "--unit", "KPPBCBEKASI", "--format", "docx",
                    "--user", "rina@bekasi.go.id")
    assert hasil.returncode == 0, hasil.stderr
    assert zipfile.is_zipfile(io.BytesIO(out.read_bytes()))
    hasil = laporan(db_contoh, keluar / "op.docx", "--kind", "pk", "--tahun", "2019", "--unit", "KPPBCBOGOR",
                    "--format", "docx")
    assert hasil.returncode == 0, hasil.stderr


def test_unit_tak_dikenal_dan_rapat_tak_ada_keluar_1(db_contoh: Path, keluar: Path):
    out = keluar / "x.pdf"
    hasil = laporan(db_contoh, out, "--kind", "pk", "--tahun", "2019", "--unit", "TIDAKADA", "--format", "pdf")
    assert hasil.returncode == 1 and len(hasil.stderr.splitlines()) == 1
    assert "TIDAKADA" in hasil.stderr and not out.exists()
    hasil = laporan(db_contoh, out, "--kind", "dko", "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR",
                    "--format", "pdf", "--bahasa", "en")
    assert hasil.returncode == 1 and len(hasil.stderr.splitlines()) == 1
    assert not out.exists()


def test_folder_tidak_ada_keluar_1_dan_berkas_lama_diganti_utuh(db_contoh: Path, keluar: Path):
    hasil = laporan(db_contoh, keluar / "tidak" / "ada.pdf", "--kind", "pk", "--tahun", "2019", "--unit",
                    "KPPBCBOGOR", "--format", "pdf")
    assert hasil.returncode == 1 and len(hasil.stderr.splitlines()) == 1
    out = keluar / "pk.pdf"
    out.write_bytes(b"versi lama")
    hasil = laporan(db_contoh, out, "--kind", "pk", "--tahun", "2019", "--unit", "KPPBCBOGOR", "--format", "pdf")
    assert hasil.returncode == 0, hasil.stderr
    assert out.read_bytes().startswith(b"%PDF-") and out.stat().st_mode & 0o777 == 0o644


# --- the gate itself (kinerja.dokumen.buat), as the pages call it --------------------------------------------------

def test_gerbang_hak_baca_dari_unit_di_atas_baca_terbuka_dan_demo(db_contoh: Path):
    from kinerja.dokumen import JenisTidakTersedia, Permintaan
    from kinerja.dokumen.buat import buat, modul_jenis
    from kinerja.store import AksesDitolak, Storage
    from kinerja_core.akses import Cara, Pelaku

    storage = Storage(db_contoh)
    pk = Permintaan("pk", 2019, "kppbcbogor")
    demo = Pelaku("demo", Cara.DEMO, "Ringkasan")
    assert buat(storage, pk, "xlsx", pelaku=demo).nama == "pk_KPPBCBOGOR_2019.xlsx"  # the open demo reads all
    for perintah in (("user", "add", "rina@jabar.go.id", "--sso"),
                     ("user", "grant", "rina@jabar.go.id", "pembaca", "KWBCJABAR")):
        assert kinerja(*perintah, "--db", db_contoh).returncode == 0
    rina = Pelaku("rina@jabar.go.id", Cara.MASUK, "Ringkasan")
    assert buat(storage, pk, "xlsx", pelaku=rina).data  # a grant on the Kanwil reads its offices
    with pytest.raises(AksesDitolak, match="tidak berhak membaca unit DJBC"):
        buat(storage, Permintaan("pk", 2019, "DJBC"), "xlsx", pelaku=rina)
    with pytest.raises(AksesDitolak):
        buat(storage, pk, "xlsx", pelaku=demo)  # locked now: the demo reads nothing
    anonim = Pelaku("", Cara.MASUK, "Ringkasan")
    with pytest.raises(AksesDitolak):
        buat(storage, pk, "xlsx", pelaku=anonim)
    assert buat(storage, pk, "xlsx", pelaku=anonim, baca_terbuka=True).data  # KINERJA_BACA_TERBUKA
    with pytest.raises(JenisTidakTersedia, match="belum tersedia"):
        modul_jenis("tidak_ada")


def test_perintah_tidak_memuat_yang_berat():
    """``--help`` and a mistyped option answer at once: the parser's module loads no engine, table or renderer."""
    kode = ("import sys, kinerja.cli; print(sorted(m for m in ('pandas', 'duckdb', 'babel', 'docx', 'openpyxl', "
            "'typst', 'kinerja.dokumen.buat', 'kinerja.store') if m in sys.modules))")
    import subprocess
    import sys

    hasil = subprocess.run([sys.executable, "-c", kode], capture_output=True, text=True, timeout=60,
                           cwd=Path(__file__).resolve().parent.parent)
    assert hasil.stdout.strip() == "[]", hasil.stderr


def test_impor_csv_tidak_memuat_openpyxl(tmp_path: Path):
    """An import of CSV files pays for no workbook library: openpyxl loads only when a workbook is read."""
    import subprocess
    import sys

    berkas = tmp_path / "unit.csv"
    berkas.write_text("kode_unit;nama_unit;kode_unit_induk\nBTP;Balai Teknologi Polimer;\n", encoding="utf-8")
    kode = ("import sys; from kinerja.cli import main; kode = main(['import', sys.argv[1], '--db', sys.argv[2], "
            "'--user', 'uji']); print(kode, 'openpyxl' in sys.modules)")
    hasil = subprocess.run([sys.executable, "-c", kode, str(berkas), str(tmp_path / "k.duckdb")], capture_output=True,
                           text=True, timeout=120, cwd=Path(__file__).resolve().parent.parent)
    assert hasil.stdout.strip().splitlines()[-1] == "0 False", hasil.stdout + hasil.stderr
