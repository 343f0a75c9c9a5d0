"""Uploads a confused user makes (issue 28, items 16–21): each answered in the app's own words, never guessed."""

import pytest

from kinerja.masuk.importing import _saran, rencanakan
from kinerja.masuk.loading import baca_berkas
from kinerja.texts import TEKS, dalam_bahasa, teks_pesan
from kinerja_core.model import Konsolidasi, Polaritas
from tests.web.test_app import at, baca_tabel  # noqa: F401  (the AppTest fixture)

KEPALA_IKU = ("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
              "target_tw1;target_tw2;target_tw3;target_tw4\n")


# --- 16: a workbook the app cannot read gets the app's message, in the browser too ---------------------------

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600  # how every .xls (Excel 97–2003) begins


def test_pengunggah_menerima_xls_xlsb_ods_agar_pesannya_sendiri_tampil(at):
    at.switch_page("pages/unggah.py").run()
    jenis = list(at.get("file_uploader")[0].proto.type)
    for akhiran in (".xls", ".xlsb", ".ods", ".xlsx", ".csv"):
        assert akhiran in jenis, jenis
    at.file_uploader(key="unggah_berkas").set_value(("lama.xls", OLE, "application/vnd.ms-excel")).run()
    assert not at.exception, at.exception
    kesalahan = baca_tabel(at, "unggah_kesalahan")
    assert "Simpan ulang sebagai .xlsx" in kesalahan["Kesalahan"].item()


# --- 17: a look-alike letter is the likelier typo -------------------------------------------------------------

def test_saran_mengutamakan_huruf_kembar():
    assert "DKS-01" in teks_pesan(_saran("DKS-O1", ["DKS-11", "DKS-01", "DKS-21"]))
    assert "DKS-01" in teks_pesan(_saran("DKS-O1", ["DKS-01", "DKS-11"]))
    assert "DKS-10" in teks_pesan(_saran("DKS-lO", ["DKS-11", "DKS-10"]))
    assert "DKS-11" in teks_pesan(_saran("DKS-12", ["DKS-11"]))  # without a look-alike, still the nearest


# --- 18: a wrong header names the unknown columns and the nearest expected ones; messages are read whole ------

def test_judul_salah_menyebut_kolom_asing_dan_nama_terdekat():
    isi = (KEPALA_IKU.replace("nama_iku", "nama_indikator").replace("target_tw1", "target_tw_i")
           + "2019;A;A-1;x;s;Customer;%;maximize;sum;10;1;1;1;1\n").encode()
    b = baca_berkas("iku.csv", isi)
    assert not b.sah
    teks = " ".join(str(k) for k in b.kesalahan)
    assert "nama_indikator (mungkin maksudnya nama_iku?)" in teks, teks
    assert "target_tw_i (mungkin maksudnya target_tw1?)" in teks, teks


def test_judul_realisasi_dengan_dua_nama_lain_tetap_dikenali_terdekat():
    """Two of five columns named otherwise: tahun, kode_unit and triwulan alone tie realisasi with komponen, so
    no kind was suggested; the unknown columns that read as realisasi's missing ones decide it."""
    isi = b"tahun;kode_unit;kode_indikator;triwulan;nilai_realisasi\n2019;KPPBCBOGOR;BGR-01;1;5\n"
    teks = " ".join(str(k) for k in baca_berkas("realisasi.csv", isi).kesalahan)
    assert "kode_indikator (mungkin maksudnya kode_iku?)" in teks, teks
    assert "nilai_realisasi (mungkin maksudnya realisasi?)" in teks, teks


def test_judul_tw_romawi_lain_dan_kolom_hilang():
    isi = (KEPALA_IKU.replace("target_tw4", "target_tw_iv") + "2019;A;A-1;x;s;Customer;%;maximize;sum;10;1;1;1;1\n"
           ).encode()
    teks = " ".join(str(k) for k in baca_berkas("iku.csv", isi).kesalahan)
    assert "kolom wajib tidak ada: target_tw4" in teks and "target_tw_iv (mungkin maksudnya target_tw4?)" in teks, teks


def test_tabel_kesalahan_memuat_pesan_utuh(at):
    at.switch_page("pages/unggah.py").run()
    isi = (KEPALA_IKU.replace("nama_iku", "nama_indikator") + "2019;A;A-1;x;s;Customer;%;maximize;sum;10;1;1;1;1\n"
           ).encode()
    at.file_uploader(key="unggah_berkas").set_value(("iku.csv", isi, "text/csv")).run()
    tabel = at.container(key="unggah_kesalahan").dataframe[0]
    pesan = max(len(p) for p in tabel.value["Kesalahan"])
    # the message column is wide and rows are tall enough for the longest message to wrap whole
    import json
    konfig = json.loads(tabel.proto.columns)
    assert konfig["Kesalahan"]["width"] == "large"
    baris = -(-pesan // 60)  # a "large" column holds at least 60 characters a line
    assert tabel.proto.row_height >= 22 * baris


# --- 19: the words the app itself shows are read back ---------------------------------------------------------

@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_label_yang_ditampilkan_aplikasi_terbaca(bahasa):
    baris = []
    for i, (p, k) in enumerate(zip(Polaritas, [*Konsolidasi])):
        baris.append(f"2019;A;A-{i};x;s;Customer;%;{TEKS[bahasa][f'polaritas.{p.value}']};"
                     f"{TEKS[bahasa][f'konsolidasi.{k.value}']};10;1;1;1;1")
    with dalam_bahasa(bahasa):
        b = baca_berkas("iku.csv", (KEPALA_IKU + "\n".join(baris) + "\n").encode())
    assert b.sah, [str(k) for k in b.kesalahan]
    assert b.data["polaritas"].tolist() == [p.value for p in Polaritas]
    assert b.data["konsolidasi"].tolist() == [k.value for k in Konsolidasi]


def test_label_rumus_konsolidasi_terbaca():
    isi = (KEPALA_IKU + "2019;A;A-1;x;s;Customer;%;maximize;jumlah;10;1;1;1;1\n"
           "2019;A;A-2;x;s;Customer;%;maximize;last value;10;1;1;1;1\n").encode()
    b = baca_berkas("iku.csv", isi)
    assert b.sah, [str(k) for k in b.kesalahan]
    assert b.data["konsolidasi"].tolist() == ["sum", "last"]


# --- 20: a percentage typed as a fraction is pointed out, never stored silently nor corrected -----------------

def test_persen_ditulis_sebagai_pecahan_diperingatkan(storage):
    isi = (b"tahun;triwulan;kode_unit;kode_iku;realisasi\n"
           b"2019;TW III;KPPBCBOGOR;BGR-13;0,72\n2019;TW III;KPPBCBOGOR;BGR-09;91\n")
    rencana = rencanakan([("realisasi.csv", isi)], storage)
    assert rencana.sah
    (peringatan,) = map(teks_pesan, rencana.peringatan)
    assert "baris 2" in peringatan and "BGR-13" in peringatan and "0,72" in peringatan and "75" in peringatan
    assert "BGR-09" not in peringatan
    assert rencana.data(rencana.perubahan[0].jenis)["realisasi"].tolist() == [0.72, 91]  # stored as typed


def test_persen_pecahan_di_halaman(at):
    at.switch_page("pages/unggah.py").run()
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-13;0,72\n"
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    assert any("BGR-13 TW III: 0,72, target 75" in w.value.replace("\\", "") for w in at.warning), [
        w.value for w in at.warning]
    assert [b for b in at.button if b.key == "unggah_simpan"]  # storing still needs the confirmation


# --- 21: a sasaran strategis under several perspektif --------------------------------------------------------

def test_sasaran_lintas_perspektif_diperingatkan(storage):
    isi = (KEPALA_IKU + "2019;KPPBCBOGOR;BGR-91;x;SDM yang kompetitif;Customer;%;maximize;sum;10;1;1;1;1\n").encode()
    rencana = rencanakan([("iku.csv", isi)], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    (peringatan,) = [p for p in map(teks_pesan, rencana.peringatan) if "SDM yang kompetitif" in p]
    assert "Customer" in peringatan and "Learning & Growth" in peringatan


def test_sasaran_lintas_banyak_dihitung_bukan_diurai(storage):
    """A ministry's upload may leave tens of thousands of sasaran under two perspektif: the first
    BATAS_BARIS_PERINGATAN are named, in order of year, unit and sasaran, and the rest counted in one warning."""
    from kinerja.masuk.importing import BATAS_BARIS_PERINGATAN

    baris = "".join(f"2019;KPPBCBOGOR;BGR-{90 + 2 * i}{p};x;Lintas {i:02d};{per};%;maximize;sum;10;1;1;1;1\n"
                    for i in range(BATAS_BARIS_PERINGATAN + 3)
                    for p, per in (("a", "Customer"), ("b", "Internal Process")))
    rencana = rencanakan([("iku.csv", (KEPALA_IKU + baris).encode())], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    lintas = [p for p in map(teks_pesan, rencana.peringatan) if "Lintas" in p or "sasaran strategis lain" in p]
    assert len(lintas) == BATAS_BARIS_PERINGATAN + 1
    for i, p in enumerate(lintas[:-1]):
        assert f"'Lintas {i:02d}' (KPPBCBOGOR, 2019)" in p and "Customer (1 IKU), Internal Process (1 IKU)" in p
    assert lintas[-1] == "… dan 3 sasaran strategis lain juga berada di lebih dari satu perspektif"
    with dalam_bahasa("en"):
        assert str(rencana.peringatan[-1]) == ("… and 3 more strategic objectives are also under more than one "
                                              "perspective")


def test_peta_menampilkan_sasaran_di_setiap_perspektifnya():
    import pandas as pd

    from kinerja import scores
    skor = pd.DataFrame({
        "sasaran_strategis": ["S", "S", "S", "T"],
        "perspektif": ["Customer", "Customer", "Internal Process", "Internal Process"],
        "capaian": [100.0, 80.0, 120.0, 90.0], "bobot": [1.0, 1.0, 1.0, 1.0],
        "status": ["hijau", "kuning", "hijau", "kuning"],
    })
    tabel = scores.per_sasaran(skor)
    assert tabel[["perspektif", "sasaran_strategis", "jumlah_iku"]].values.tolist() == [
        ["Customer", "S", 2], ["Internal Process", "S", 1], ["Internal Process", "T", 1]]
    assert tabel["nilai"].tolist() == pytest.approx([90.0, 120.0, 90.0])
    assert tabel["perspektif_lain"].tolist() == [["Internal Process"], ["Customer"], []]


def test_peta_halaman_sasaran_lintas_di_kedua_perspektif(at, db_contoh):
    from kinerja.masuk.importing import terapkan
    from kinerja.store import Storage
    from kinerja_core.akses import Pelaku
    from tests.web.test_app import pilih_unit

    storage = Storage(db_contoh)
    isi = (KEPALA_IKU + "2019;KPPBCBOGOR;BGR-91;x;SDM yang kompetitif;Customer;%;maximize;sum;10;1;1;1;1\n").encode()
    terapkan(rencanakan([("iku.csv", isi)], storage), storage, Pelaku.sistem("uji"))
    pilih_unit(at, "KPPBCBOGOR")
    at.switch_page("pages/peta.py").run()
    assert not at.exception, at.exception
    for per, lain in (("Customer", "Learning & Growth"), ("Learning_dan_Growth", "Customer")):
        kotak = at.container(key=f"peta_{per}")
        kartu = " ".join(m.value for m in kotak.markdown)
        assert "SDM yang kompetitif" in kartu, (per, kartu)
        keterangan = [c.value.replace("\\", "") for c in kotak.caption]
        assert any(f"juga di {lain}" in c for c in keterangan), keterangan
    assert any("1 IKU" in c.value for c in at.container(key="peta_Customer").caption)


def test_peringatan_pratinjau_juga_di_baris_perintah(db_contoh, tmp_path, capsys):
    """import prints the preview's warnings too (a percent typed as a fraction), on stderr, and still stores only
    what it would store without them (the command line has no confirmation step beyond --dry-run)."""
    from kinerja import cli

    f = tmp_path / "r.csv"
    f.write_bytes(b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-13;0,72\n")
    assert cli.main(["import", str(f), "--dry-run", "--db", str(db_contoh)]) == 0
    galat = capsys.readouterr().err
    assert "BGR-13 TW III: 0,72, target 75" in galat
