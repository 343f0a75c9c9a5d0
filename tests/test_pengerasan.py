"""Hardening (issue 9): nothing wrong is stored silently, no race orphans data, a damaged database gets words
instead of a traceback. Each test is named after the defect it pins down; every one failed before its fix."""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pytest

from kinerja.masuk.exporting import ke_csv, ke_xlsx, templat
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.masuk.loading import Jenis
from kinerja.store import TABEL, ImporDitolak, MasalahBasisData, Storage
from kinerja_core.akses import Pelaku
from kinerja_core.unit import Unit, siklus
from tests.cli_uji import kinerja
from tests.conftest import AKAR, DATA

KEDUA_MESIN = True

KEPALA_REALISASI = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala"
KEPALA_IKU = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
              "target_tw3;target_tw4")
KEPALA_UNIT = "kode_unit;nama_unit;kode_induk"


def berkas(kepala: str, *baris: str) -> bytes:
    return "\n".join([kepala, *baris]).encode()


def isi(storage: Storage) -> dict[str, pd.DataFrame]:
    """Every table, data and revisions, in a stable order: to prove a refusal changed nothing."""
    return {n: storage.tabel(n) for n in (*TABEL, "revisi", *(f"revisi_{t}" for t in TABEL))}


def tetap(sebelum: dict[str, pd.DataFrame], storage: Storage) -> None:
    sesudah = isi(storage)
    for nama, tabel in sebelum.items():
        pd.testing.assert_frame_equal(tabel, sesudah[nama], obj=nama)


def iku_baru(storage: Storage, kode: str = "BGR-17") -> int:
    """A new IKU for KPPBC Bogor 2019 as its own revision; returns the revision id."""
    rencana = rencanakan([("iku.csv", berkas(KEPALA_IKU, f"2019;KPPBCBOGOR;{kode};Sosialisasi;Customer;"
                                                          "maximize;sum;2;1;1;1;1"))], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    return terapkan(rencana, storage, Pelaku.sistem("uji")).id


def tanpa_yatim(storage: Storage) -> None:
    """No realisasi without its IKU."""
    kunci = ["tahun", "kode_unit", "kode_iku"]
    gabung = storage.tabel("realisasi")[kunci].merge(storage.tabel("iku")[kunci], how="left", indicator=True)
    assert (gabung["_merge"] == "both").all()


# --- 1. an import racing an undo ------------------------------------------------------------------------------

def test_impor_yang_disela_pembatalan_tidak_menyimpan_realisasi_yatim(storage):
    """The import checks, an undo removes the IKU, the import commits: it must be refused inside its commit."""
    revisi_iku = iku_baru(storage)
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;1;KPPBCBOGOR;BGR-17;1;",
                                           "2019;2;KPPBCBOGOR;BGR-17;2;"))], storage)
    assert rencana.sah
    storage.batalkan(revisi_iku, pelaku=Pelaku.sistem("admin"))  # in between, another process undoes the IKU's revision
    sebelum = isi(storage)
    with pytest.raises(ImporDitolak, match="BGR-17") as e:
        terapkan(rencana, storage, Pelaku.sistem("uji"))
    assert "Tidak ada yang disimpan" in str(e.value)
    tetap(sebelum, storage)
    tanpa_yatim(storage)


def test_pembatalan_di_tengah_pemeriksaan_tidak_membuat_traceback(storage):
    """An undo lands while the import is being checked (right after the check's one read of the store): the
    check finishes without a traceback on what it read, and the commit is refused whole."""
    revisi_iku = iku_baru(storage)

    class DiselaPembatalan(Storage):
        """The store as another process changes it: the IKU's revision is undone as soon as the check has read."""

        @contextlib.contextmanager
        def membaca(self):
            with super().membaca() as baca:
                yield baca
            self.sudah = True
            self.batalkan(revisi_iku, pelaku=Pelaku.sistem("admin"))

    sela = DiselaPembatalan(storage.alamat)
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;1;KPPBCBOGOR;BGR-17;1;"))], sela)
    assert sela.sudah and rencana.sah
    (p,) = rencana.perubahan
    assert p.rincian["status_baru"].tolist() != [""]  # the preview shows the store as it was read, whole
    sebelum = isi(storage)
    with pytest.raises(ImporDitolak, match="BGR-17"):
        terapkan(rencana, storage, Pelaku.sistem("uji"))
    tetap(sebelum, storage)


def test_impor_dan_pembatalan_di_dua_proses_tidak_meninggalkan_yatim(db_contoh, tmp_path):
    """import of many realisasi for the IKU of revision 2 while `undo 2` runs in another process."""
    storage = Storage(db_contoh)
    iku = [f"2019;KPPBCBOGOR;X-{i};IKU {i};Customer;maximize;sum;1;1;1;1;1" for i in range(20000)]
    terapkan(rencanakan([("iku.csv", berkas(KEPALA_IKU, *iku))], storage), storage, Pelaku.sistem("uji"))
    realisasi = tmp_path / "realisasi.csv"
    realisasi.write_bytes(berkas(KEPALA_REALISASI,
                                 *(f"2019;{q};KPPBCBOGOR;X-{i};{q};" for i in range(20000) for q in (1, 2, 3, 4))))
    impor = subprocess.Popen([sys.executable, "-m", "kinerja", "import", str(realisasi), "--db", str(db_contoh)],
                             cwd=AKAR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.5)  # the import is reading and checking its 80 000 rows
    batal = kinerja("undo", "2", "--db", db_contoh)
    _, galat = impor.communicate(timeout=300)
    keluar = impor.returncode
    tanpa_yatim(Storage(db_contoh))
    revisi = {r.id: r for r in Storage(db_contoh).daftar_revisi()}
    if batal.returncode == 0 and revisi[2].dibatalkan_oleh:
        assert keluar == 1 and "Tidak ada yang disimpan" in galat  # the undo won: the import is refused whole
    else:
        assert keluar == 0  # the import won: the undo is refused, its IKU still carry realisasi


# --- 5. cycles in the unit tree -------------------------------------------------------------------------------

def test_siklus_ditemukan():
    units = [Unit("A", "A", "B"), Unit("B", "B", "A"), Unit("C", "C", None)]
    assert siklus(units) == ["A", "B", "A"]
    assert siklus([Unit("A", "A", None), Unit("B", "B", "A")]) is None


@pytest.mark.parametrize("baris", [
    ("A;Unit A;B", "B;Unit B;A"),                    # A under B under A, in one file
    ("KEMENKEU;Kementerian Keuangan;KPPBCBOGOR",),    # the ministry placed under one of its offices
    ("DJBC;DJBC;KWBCJABAR",),
])
def test_unggahan_yang_membuat_siklus_ditolak(storage, baris):
    sebelum = isi(storage)
    rencana = rencanakan([("unit.csv", berkas(KEPALA_UNIT, *baris))], storage)
    assert not rencana.sah
    (k, *_) = [k for k in rencana.kesalahan if k.kolom == "kode_induk"]
    assert "siklus" in str(k) and k.baris is not None
    tetap(sebelum, storage)


def test_siklus_diperiksa_lagi_saat_menyimpan(storage):
    """Two uploads planned on the same store, each fine alone, together making a cycle: the second is refused."""
    terapkan(rencanakan([("a.csv", berkas(KEPALA_UNIT, "X;Unit X;", "Y;Unit Y;"))], storage), storage, Pelaku.sistem("uji"))
    x_di_bawah_y = rencanakan([("b.csv", berkas(KEPALA_UNIT, "X;Unit X;Y"))], storage)
    y_di_bawah_x = rencanakan([("c.csv", berkas(KEPALA_UNIT, "Y;Unit Y;X"))], storage)  # checked before b landed
    assert x_di_bawah_y.sah and y_di_bawah_x.sah
    terapkan(x_di_bawah_y, storage, Pelaku.sistem("uji"))
    assert not rencanakan([("c.csv", berkas(KEPALA_UNIT, "Y;Unit Y;X"))], storage).sah
    sebelum = isi(storage)
    with pytest.raises(ImporDitolak, match="siklus"):
        terapkan(y_di_bawah_x, storage, Pelaku.sistem("uji"))
    tetap(sebelum, storage)


# --- 6. the app's own files round-trip ------------------------------------------------------------------------

def test_templat_sendiri_bolak_balik_tanpa_perubahan(storage):
    """Text starting with '-' gains no apostrophe per trip; codes starting with '-' do not become new IKU."""
    rencana = rencanakan([("iku.csv", berkas(KEPALA_IKU + ";satuan",
                                             "2019;KPPBCBOGOR;-F2;- dikurangi retur;Customer;maximize;sum;1;1;1;1;1;"
                                             "=jumlah"))], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    for putaran in range(2):
        data = templat(Jenis.IKU, storage.baca(2019), ["KPPBCBOGOR"], 2019, 3)
        for nama, isi_berkas in (("iku.csv", ke_csv(data)), ("iku.xlsx", ke_xlsx(data, "iku"))):
            rencana = rencanakan([(nama, isi_berkas)], storage)
            assert rencana.sah, [str(k) for k in rencana.kesalahan]
            (p,) = rencana.perubahan
            assert (p.baru, p.berubah) == (0, 0), (putaran, nama, p.rincian.query("perubahan != 'tidak berubah'"))
            terapkan(rencana, storage, Pelaku.sistem("uji"))
    iku = storage.baca(2019).iku.set_index("kode_iku")
    assert iku.loc["-F2", "nama_iku"] == "- dikurangi retur" and iku.loc["-F2", "satuan"] == "=jumlah"


def test_xlsx_ekspor_menyimpan_rumus_sebagai_teks_tanpa_apostrof():
    data = pd.DataFrame({"nama_iku": ["=HYPERLINK(\"http://x\")", "-5 hari"], "realisasi": [1.0, 2.0]})
    sheet = openpyxl.load_workbook(io.BytesIO(ke_xlsx(data, "ekspor"))).active
    assert [sheet.cell(row=r, column=1).value for r in (2, 3)] == ["=HYPERLINK(\"http://x\")", "-5 hari"]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in (2, 3))  # text, never a formula
    assert all(sheet.cell(row=r, column=1).quotePrefix for r in (2, 3))  # and stays text when edited in Excel


# --- 8. look-alike codes ----------------------------------------------------------------------------------------

def test_kode_beda_huruf_besar_kecil_adalah_kode_yang_sama(storage):
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;kppbcbogor;bgr-01;50;"))], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    (p,) = rencana.perubahan
    assert (p.baru, p.berubah) == (0, 1)
    assert any("BGR-01" in str(c) and "bgr-01" in str(c) for b in rencana.berkas for c in b.catatan)  # said in the preview
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    r = storage.baca(2019).realisasi
    assert "kppbcbogor" not in set(r["kode_unit"]) and "bgr-01" not in set(r["kode_iku"])
    assert r.query("kode_iku == 'BGR-01' and triwulan == 3")["realisasi"].item() == 50.0


def test_iku_baru_beda_huruf_saja_memperbarui_iku_yang_ada(storage):
    rencana = rencanakan([("iku.csv", berkas(KEPALA_IKU, "2019;kppbcbogor;bgr-02;Penerimaan cukai;Stakeholder;"
                                                         "maximize;sum;10;12,4;13,1;13,6;14,9"))], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    (p,) = rencana.perubahan
    assert p.baru == 0


@pytest.mark.parametrize("kode,ada", [("BGR-O1", "BGR-01"), ("BGR-0I", "BGR-01"), ("KPPBC8OGOR", None)])
def test_kode_baru_yang_mirip_kode_lama_ditolak(storage, kode, ada):
    rencana = rencanakan([("iku.csv", berkas(KEPALA_IKU, f"2019;KPPBCBOGOR;{kode};Baru;Customer;maximize;sum;1;"
                                                         "1;1;1;1"))], storage)
    if ada is None:
        assert rencana.sah  # 8 and B are not look-alikes here
        return
    (k,) = rencana.kesalahan
    assert (k.baris, k.kolom) == (2, "kode_iku") and ada in k.teks and "mirip" in k.teks


def test_unit_baru_yang_mirip_unit_lama_ditolak(storage):
    rencana = rencanakan([("unit.csv", berkas(KEPALA_UNIT, "KPPBCB0G0R;KPPBC lain;KWBCJABAR"))], storage)
    (k,) = rencana.kesalahan
    assert k.kolom == "kode_unit" and "KPPBCBOGOR" in k.teks


def test_kode_beda_huruf_dijaga_juga_saat_menyimpan(storage):
    """Two uploads planned at once bring `NEW` and `new`: the second must not land as a second unit."""
    a = rencanakan([("a.csv", berkas(KEPALA_UNIT, "BARU;Unit baru;"))], storage)
    b = rencanakan([("b.csv", berkas(KEPALA_UNIT, "baru;Unit baru juga;"))], storage)
    terapkan(a, storage, Pelaku.sistem("uji"))
    with pytest.raises(ImporDitolak, match="BARU"):
        terapkan(b, storage, Pelaku.sistem("uji"))
    assert len(storage.baca().unit.query("kode_unit.str.upper() == 'BARU'")) == 1


# --- 9. non-finite numbers never printed --------------------------------------------------------------------

@pytest.mark.hanya_duckdb  # writes values an older version stored, through DuckDB itself
def test_json_skor_tidak_pernah_berisi_infinity(storage):
    """Values at the edge of a double (stored by an older version) never make invalid JSON."""
    with duckdb.connect(str(storage.path)) as con:
        con.execute("UPDATE realisasi SET realisasi = 1e308 WHERE kode_iku = 'BGR-01'")
        con.execute("UPDATE iku SET bobot = 1e308 WHERE kode_iku = 'BGR-02'")
    hasil = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR", "--format", "json",
                    "--db", storage.path)
    assert hasil.returncode == 0, hasil.stderr

    def tolak(nama: str) -> None:
        raise AssertionError(f"{nama} in JSON")

    data = json.loads(hasil.stdout, parse_constant=tolak)
    bgr01 = next(r for r in data["iku"] if r["kode_iku"] == "BGR-01")
    assert bgr01["realisasi"] is None or isinstance(bgr01["realisasi"], float)
    assert data["nko"][0]["nko"] is not None  # a huge bobot does not wipe out the NKO
    assert "inf" not in kinerja("score", "--tahun", "2019", "--triwulan", "3", "--db", storage.path).stdout.lower()


# --- 11. a million unknown codes --------------------------------------------------------------------------------

def test_banyak_kode_tidak_dikenal_daftar_kesalahan_dibatasi(storage, tmp_path):
    baris = [f"2019;1;KPPBCBOGOR;Z-{i};1;" for i in range(60000)]
    f = tmp_path / "r.csv"
    f.write_bytes(berkas(KEPALA_REALISASI, *baris))
    hasil = kinerja("import", f, "--db", storage.path)
    assert hasil.returncode == 1
    galat = hasil.stderr.splitlines()
    assert 10 < len(galat) <= 510
    assert any("59" in g and "kesalahan lain" in g for g in galat), galat[-3:]
    assert "baris 2, kolom kode_iku" in galat[0]


def test_kesalahan_duplikat_antar_berkas_dibatasi(storage):
    # Bogor's IKU whose realisasi are uploaded (BGR-11 and BGR-14 compute theirs from komponen)
    baris = [f"2019;1;KPPBCBOGOR;BGR-{i:02d};1;" for i in range(1, 17) if i not in (11, 14)]
    a = berkas(KEPALA_REALISASI, *baris)
    rencana = rencanakan([(f"r{n}.csv", a) for n in range(60)], storage)
    assert len(rencana.kesalahan) <= 500 and rencana.kesalahan_lain == 59 * 14 - len(rencana.kesalahan)
    # errors of every kind are counted beyond the list: the same rows naming BGR-11 add 60 more
    b = berkas(KEPALA_REALISASI, *baris, "2019;1;KPPBCBOGOR;BGR-11;1;")
    rencana = rencanakan([(f"r{n}.csv", b) for n in range(60)], storage)
    assert len(rencana.kesalahan) + rencana.kesalahan_lain == 59 * 15 + 60


# --- 12, 13. damaged, unusual or missing databases ------------------------------------------------------------

def rusak(path: Path, jenis: str) -> None:
    if jenis == "nol-byte":
        path.write_bytes(b"")
    elif jenis == "terpotong":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 3])
    elif jenis == "folder":
        path.unlink()
        path.mkdir()
    elif jenis == "csv":
        path.write_bytes((DATA / "unit.csv").read_bytes())
    elif jenis == "acak":
        path.write_bytes(os.urandom(40000))


@pytest.mark.parametrize("jenis,kata", [
    ("nol-byte", "kosong"), ("terpotong", "rusak"), ("folder", "folder"), ("csv", "bukan basis data DuckDB"),
    ("acak", "bukan basis data DuckDB"),
])
@pytest.mark.hanya_duckdb  # about the DuckDB file itself
@pytest.mark.parametrize("perintah", [("revisions",), ("score", "--tahun", "2019", "--triwulan", "3"),
                                      ("import", DATA / "unit.csv"), ("undo", "1")])
def test_basis_data_rusak_diberi_pesan_jelas(db_contoh, jenis, kata, perintah):
    rusak(db_contoh, jenis)
    sebelum = db_contoh.read_bytes() if db_contoh.is_file() else None
    hasil = kinerja(*perintah, "--db", db_contoh)
    assert hasil.returncode == 1
    assert "Traceback" not in hasil.stderr and hasil.stdout == ""
    assert kata in hasil.stderr and str(db_contoh.name) in hasil.stderr
    assert (db_contoh.read_bytes() if db_contoh.is_file() else None) == sebelum  # never overwritten


@pytest.mark.hanya_duckdb  # about the DuckDB file itself
@pytest.mark.parametrize("perintah", [("revisions",), ("score", "--tahun", "2019", "--triwulan", "3"),
                                      ("undo", "1")])
def test_hanya_impor_yang_membuat_basis_data(tmp_path, perintah):
    path = tmp_path / "belum" / "ada" / "k.duckdb"
    hasil = kinerja(*perintah, "--db", path)
    assert hasil.returncode == 1 and "belum ada" in hasil.stderr and "import" in hasil.stderr
    assert not (tmp_path / "belum").exists()
    impor = kinerja("import", DATA / "unit.csv", "--db", path)
    assert impor.returncode == 0, impor.stderr and path.is_file()


@contextlib.contextmanager
def sebagai_pengguna_biasa():
    """Run the block as 'nobody': root ignores file permissions, so a read-only file needs someone else."""
    import pwd

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("tidak ada pengguna 'nobody' untuk menguji berkas hanya-baca")
    if os.geteuid() != 0:
        pytest.skip("perlu root untuk berganti pengguna")
    os.setegid(nobody.pw_gid)
    os.seteuid(nobody.pw_uid)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


@pytest.mark.hanya_duckdb  # about the DuckDB file itself
def test_basis_data_hanya_baca(db_contoh):
    folder = Path(tempfile.mkdtemp(prefix="kinerja-hanya-baca-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        path = folder / "k.duckdb"
        shutil.copy(db_contoh, path)
        path.chmod(0o444)
        sebelum = path.read_bytes()
        storage = Storage(path)
        rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;50;"))], storage)
        assert rencana.sah
        with sebagai_pengguna_biasa():
            with pytest.raises(MasalahBasisData, match="hanya-baca") as e:
                terapkan(rencana, storage, Pelaku.sistem("uji"))
            snap = storage.baca(2019)  # reading a read-only database still works
        assert "Tidak ada yang disimpan" in str(e.value)
        assert len(snap.iku.query("kode_unit == 'KPPBCBOGOR'")) == 16
        assert path.read_bytes() == sebelum
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.hanya_duckdb  # about the DuckDB file itself
def test_disk_penuh_saat_menyimpan(db_contoh, tmp_path):
    """The file system refuses to grow the database mid-commit: one clear message, nothing changed."""
    storage = Storage(db_contoh)
    iku_baru(storage)
    sebelum = isi(storage)
    f = tmp_path / "r.csv"
    f.write_bytes(berkas(KEPALA_REALISASI, *(f"2019;{q};KPPBCBOGOR;BGR-{i:02d};{q * 1000 + i},5;Kendala {i} " + "x" * 300
                                             for i in range(1, 17) if i not in (11, 14)  # 11, 14: from komponen
                                             for q in (1, 2, 3, 4))))
    batas = 4096  # no file may grow past its first 4 KiB: the data blocks and the write-ahead log cannot be written

    def batasi() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of being killed: as a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (batas, batas))

    hasil = kinerja("import", f, "--db", db_contoh, preexec_fn=batasi)
    assert hasil.returncode == 1, hasil.stdout
    assert "Traceback" not in hasil.stderr and hasil.stderr.count("\n") <= 3, hasil.stderr
    assert "Tidak ada yang disimpan" in hasil.stderr
    tetap(sebelum, storage)


@pytest.mark.hanya_duckdb  # about the DuckDB file itself
def test_basis_data_dihapus_saat_aplikasi_berjalan(tmp_path):
    """Deleted under a running server: reads show an empty store, the next upload creates it again."""
    storage = Storage(tmp_path / "k.duckdb")
    terapkan(rencanakan([("unit.csv", (DATA / "unit.csv").read_bytes())], storage), storage, Pelaku.sistem("uji"))
    storage.path.unlink()
    assert storage.kosong() and storage.baca().unit.empty
    terapkan(rencanakan([("unit.csv", (DATA / "unit.csv").read_bytes())], storage), storage, Pelaku.sistem("uji"))
    assert len(storage.baca().unit) == 9 and [r.id for r in storage.daftar_revisi()] == [1]


# --- 16. control characters never break an export ------------------------------------------------------------

def test_karakter_kendali_tersimpan_tidak_merusak_ekspor_xlsx():
    data = pd.DataFrame({"kendala": ["baris satu\x0bbaris dua", "nul\x00di tengah\x1f"], "realisasi": [1.0, 2.0]})
    sheet = openpyxl.load_workbook(io.BytesIO(ke_xlsx(data, "ekspor"))).active
    assert sheet.cell(row=2, column=1).value == "baris satu\nbaris dua"
    assert sheet.cell(row=3, column=1).value == "nul di tengah "


# --- 18. size checked before reading -------------------------------------------------------------------------

def test_cli_memeriksa_ukuran_sebelum_membaca(db_contoh, tmp_path):
    f = tmp_path / "besar.csv"
    with f.open("wb") as out:  # a sparse file: 3 GB on paper, nothing on disk; reading it needs 3 GB of memory
        out.truncate(3 * 1024 * 1024 * 1024)

    def batasi_memori() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1024 * 1024 * 1024, 1024 * 1024 * 1024))

    hasil = kinerja("import", f, "--db", db_contoh, preexec_fn=batasi_memori)
    assert hasil.returncode == 1 and "melebihi batas 50 MB" in hasil.stderr, hasil.stderr
    assert "Traceback" not in hasil.stderr


# --- 19. output that tools read --------------------------------------------------------------------------------

def test_revisions_tsv_tetap_satu_baris_per_revisi(db_contoh, tmp_path):
    f = tmp_path / "nama\tdengan\ntab.csv"
    f.write_bytes(berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;50;"))
    ditolak = kinerja("import", f, "--db", db_contoh, "--user", "budi\tadmin\nroot")
    assert ditolak.returncode == 2 and "--user" in ditolak.stderr  # a name with control characters is refused
    assert kinerja("import", f, "--db", db_contoh, "--user", "budi").returncode == 0
    baris = kinerja("revisions", "--db", db_contoh).stdout.splitlines()
    assert len(baris) == 2 and all(len(b.split("\t")) == 7 for b in baris)
    assert "nama dengan tab.csv" in baris[0]


@pytest.mark.hanya_duckdb  # writes values an older version stored, through DuckDB itself
def test_csv_skor_menetralkan_rumus(storage):
    with duckdb.connect(str(storage.path)) as con:
        con.execute("UPDATE iku SET nama_iku = '=HYPERLINK(\"http://x\")' WHERE kode_iku = 'BGR-01'")
    hasil = kinerja("score", "--tahun", "2019", "--triwulan", "3", "--unit", "KPPBCBOGOR", "--db", storage.path)
    baris = next(b for b in hasil.stdout.splitlines() if "BGR-01" in b)
    assert "'=HYPERLINK" in baris


@pytest.mark.hanya_duckdb  # about the DuckDB file itself
def test_aplikasi_tetap_jalan_bila_basis_data_dihapus(db_contoh, monkeypatch, _apptest_navigasi):
    """The app's database file is deleted under it: the page says there is no data instead of failing."""
    from streamlit.testing.v1 import AppTest

    from kinerja.texts import t

    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60).run()
    assert not at.exception and at.sidebar.selectbox(key="unit").value
    db_contoh.unlink()
    at.run()
    assert not at.exception, at.exception
    pesan = [e.value for daftar in (at.sidebar.info, at.info, at.warning) for e in daftar]
    assert any(t("filter.kosong") in p for p in pesan), pesan
    baru = Storage(db_contoh)  # and an upload creates it again
    terapkan(rencanakan([("unit.csv", (DATA / "unit.csv").read_bytes())], baru), baru, Pelaku.sistem("uji"))
    at.run()
    assert not at.exception


def test_catatan_rapat_mengikuti_aturan_unggahan(storage):
    """Notes typed in the Dialog obey the upload's rules, so the meeting's own export uploads back."""
    from kinerja.rapat.simpan import CatatanDitolak, simpan_catatan
    from kinerja.scores import iku_dari_tabel

    iku = next(i for i in iku_dari_tabel(storage.baca(2019).iku) if i.kode_iku == "BGR-01")
    simpan_catatan(storage, iku, 2019, 3, kendala="Impor tertunda\x0bmenunggu izin", rencana_aksi="", pic="",
                   tenggat=None, pelaku=Pelaku.sistem("Sekretaris"))
    r = storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 3").iloc[0]
    assert r["kendala"] == "Impor tertunda\nmenunggu izin"
    sebelum = isi(storage)
    for catatan in ({"kendala": "x" * 2001, "pic": ""}, {"kendala": "nul\x00", "pic": ""},
                    {"kendala": "", "pic": "p" * 201}):
        with pytest.raises(CatatanDitolak):
            simpan_catatan(storage, iku, 2019, 3, rencana_aksi="", tenggat=None, pelaku=Pelaku.sistem("Sekretaris"), **catatan)
    tetap(sebelum, storage)
