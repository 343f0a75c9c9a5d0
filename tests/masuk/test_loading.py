"""Reading uploaded files: the Indonesian formats people export, and malformed input with its message."""

import pytest

from kinerja.masuk.loading import Jenis, baca_berkas

KEPALA_REALISASI = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi\n"


def realisasi(*baris, kepala=KEPALA_REALISASI, pemisah=";"):
    return (kepala.replace(";", pemisah) + "\n".join(baris) + "\n").encode("utf-8")


def test_berkas_contoh_terbaca(tmp_path):
    from tests.conftest import DATA

    for nama, jenis, jumlah in (("unit.csv", Jenis.UNIT, 9), ("iku.csv", Jenis.IKU, 43),
                                ("realisasi.csv", Jenis.REALISASI, 115), ("komponen.csv", Jenis.KOMPONEN, 8)):
        b = baca_berkas(nama, (DATA / nama).read_bytes())
        assert (b.jenis, len(b.data), b.kesalahan) == (jenis, jumlah, [])


def test_titik_koma_dan_koma_desimal():
    b = baca_berkas("r.csv", realisasi("2017;TW II;BTP;BTP-03;90,9;;", "2017;TW I;BTP;BTP-01;5.700.000.000,50;;"))
    assert b.sah
    assert b.data["realisasi"].tolist() == [90.9, 5_700_000_000.5]


def test_koma_sebagai_pemisah_dengan_desimal_dikutip():
    # one style per file: "90,9" beside 5.7 is refused (tests/masuk/test_baca_teks.py), so both use a decimal comma
    b = baca_berkas("r.csv", b'tahun,triwulan,kode_unit,kode_iku,realisasi\n2017,2,BTP,BTP-03,"90,9"\n'
                             b'2017,1,BTP,X,"5,7"\n')
    assert b.sah
    assert b.data["realisasi"].tolist() == [90.9, 5.7]


def test_titik_ribuan_tanpa_desimal():
    b = baca_berkas("r.csv", realisasi("2017;1;BTP;PNBP;5.700.000.000;;", "2017;2;BTP;X;1.200;;"))
    assert b.data["realisasi"].tolist() == [5_700_000_000.0, 1200.0]


def test_persen_rp_dan_spasi():
    b = baca_berkas("r.csv", realisasi("2017;1;BTP;A;95 %;;", "2017;1;BTP;B;Rp 5,7;;", "2017;1;BTP;C;Rp. 1.250.000;;",
                                       "2017;1;BTP;D; −2,5 ;;"))
    assert b.sah, b.kesalahan
    assert b.data["realisasi"].tolist() == [95.0, 5.7, 1_250_000.0, -2.5]


def test_bom_utf8():
    b = baca_berkas("r.csv", "\ufeff".encode() + realisasi("2019;3;KPPBCBOGOR;BGR-01;43,8;;"))
    assert b.jenis is Jenis.REALISASI and b.sah


def test_windows_1252():
    isi = realisasi("2019;3;KPPBCBOGOR;BGR-01;43,8;Kendala – impor turun;Koordinasi dengan importir ‘utama’")
    b = baca_berkas("r.csv", isi.decode().encode("cp1252"))
    assert b.sah
    assert b.data["kendala"].iloc[0] == "Kendala – impor turun"


def test_utf16_dari_excel():
    teks = "tahun\ttriwulan\tkode_unit\tkode_iku\trealisasi\r\n2019\tTW III\tKPPBCBOGOR\tBGR-01\t43,8\r\n"
    b = baca_berkas("r.txt", teks.encode("utf-16"))
    assert b.sah and b.data["realisasi"].tolist() == [43.8]


@pytest.mark.parametrize("triwulan", ["3", "TW III", "tw iii", "Triwulan 3", "Q3", "TW 3"])
def test_penulisan_triwulan(triwulan):
    b = baca_berkas("r.csv", realisasi(f"2019;{triwulan};KPPBCBOGOR;BGR-01;1;;"))
    assert b.data["triwulan"].tolist() == [3]


def test_realisasi_kosong_berarti_belum_tersedia():
    b = baca_berkas("r.csv", realisasi("2019;4;KPPBCBOGOR;BGR-01;;;"))
    assert b.sah and b.data["realisasi"].isna().all()


def test_judul_kolom_tidak_peka_huruf_dan_spasi():
    b = baca_berkas("r.csv", b"Tahun;TRIWULAN;Kode Unit;kode_iku ;Realisasi\n2019;3;A;B;1\n")
    assert b.jenis is Jenis.REALISASI and b.sah


def test_baris_kosong_di_akhir_diabaikan():
    b = baca_berkas("r.csv", realisasi("2019;3;A;B;1;;", ";;;;;;", ";;;;;;"))
    assert b.sah and len(b.data) == 1


def test_kolom_tambahan_diabaikan_dengan_catatan():
    b = baca_berkas("r.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi;catatan_pic\n2019;3;A;B;1;x\n")
    assert b.sah
    assert list(map(str, b.catatan)) == ["kolom yang tidak dikenal diabaikan: catatan_pic"]


def test_iku_dengan_sinonim_dan_konversi():
    isi = (
        b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;"
        b"target_tw1;target_tw2;target_tw3;target_tw4;konversi_120;realisasi_terburuk\n"
        b"2017;BTP;BTP-07;Temuan audit berulang;Proses Bisnis Internal;Minimal;Penjumlahan;10;0;0;0;0;;10\n"
        b"2017;BTP;BTP-03;Indeks Kepuasan Mitra;Customer;maximize;last;12,5;;90,9;;90,9;ya;\n"
    )
    b = baca_berkas("iku.csv", isi)
    assert b.sah, b.kesalahan
    d = b.data.set_index("kode_iku")
    assert d.loc["BTP-07", ["perspektif", "polaritas", "konsolidasi"]].tolist() == [
        "Internal Process", "minimize", "sum"]
    assert d.loc["BTP-07", "realisasi_terburuk"] == 10
    assert d.loc["BTP-03", "bobot"] == 12.5
    assert bool(d.loc["BTP-03", "konversi_120"]) is True
    assert d.loc["BTP-03", ["target_tw2", "target_tw4"]].tolist() == [90.9, 90.9]


# --- malformed input: each with the message a user reads ---------------------------------------------

SALAH = [
    ("kosong", b"", "r.csv: berkas kosong: tidak ada baris judul kolom"),
    ("hanya judul", KEPALA_REALISASI.encode(), "r.csv: berkas hanya berisi judul kolom, tanpa baris data"),
    ("jenis tak dikenal", b"nama;alamat\nA;B\n", "r.csv, baris 1: jenis berkas tidak dikenali dari judul kolom (nama, alamat)"),
    ("kolom hilang", b"tahun;triwulan;kode_unit;realisasi\n2019;3;A;1\n",
     "r.csv, baris 1: kolom wajib tidak ada: kode_iku"),
    ("kolom ganda", b"tahun;triwulan;kode_unit;kode_iku;realisasi;realisasi\n2019;3;A;B;1;2\n",
     "r.csv, baris 1: kolom realisasi muncul lebih dari sekali"),
    ("bukan angka", realisasi("2019;3;A;B;sembilan puluh;;"),
     "r.csv, baris 2, kolom realisasi: 'sembilan puluh' bukan angka; yang diharapkan angka seperti 90,9 atau 5.700.000.000"),
    ("angka rusak", realisasi("2019;3;A;B;1.2.3;;"), "r.csv, baris 2, kolom realisasi: '1.2.3' bukan angka"),
    ("triwulan salah", realisasi("2019;3;A;B;1;;", "2019;TW V;A;C;1;;"),
     "r.csv, baris 3, kolom triwulan: 'TW V' bukan triwulan; yang diharapkan 1–4, TW I–TW IV, Triwulan 1–4 atau Q1–Q4"),
    ("tahun salah", realisasi("19;3;A;B;1;;"),
     "r.csv, baris 2, kolom tahun: '19' bukan tahun; yang diharapkan tahun empat angka, misalnya 2019"),
    ("kode kosong", realisasi("2019;3;;B;1;;"), "r.csv, baris 2, kolom kode_unit: wajib diisi"),
    ("duplikat", realisasi("2019;3;A;B;1;;", "2019;4;A;B;1;;", "2019;TW III;A;B;2;;"),
     "r.csv, baris 4: baris ganda: kunci 2019 / 3 / A / B sudah ada di baris 2"),
    ("polaritas", (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
                   b"target_tw3;target_tw4\n2019;A;B;x;Customer;naik;sum;10;1;1;1;1\n"),
     "r.csv, baris 2, kolom polaritas: 'naik' bukan polaritas; yang diharapkan maximize, minimize atau stabilize"),
    ("konsolidasi", (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
                     b"target_tw3;target_tw4\n2019;A;B;x;Customer;maximize;median;10;1;1;1;1\n"),
     "r.csv, baris 2, kolom konsolidasi: 'median' bukan konsolidasi; yang diharapkan sum, average atau last"),
    ("perspektif", (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
                    b"target_tw3;target_tw4\n2019;A;B;x;Keuangan;maximize;sum;10;1;1;1;1\n"),
     "r.csv, baris 2, kolom perspektif: 'Keuangan' bukan perspektif"),
    ("bobot nol", (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
                   b"target_tw3;target_tw4\n2019;A;B;x;Customer;maximize;sum;0;1;1;1;1\n"),
     "r.csv, baris 2, kolom bobot: bobot '0' harus angka lebih dari 0"),
    ("tanpa target", (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
                      b"target_tw3;target_tw4\n2019;A;B;x;Customer;maximize;sum;5;;;;\n"),
     "r.csv, baris 2, kolom target_tw1: semua target_tw1…target_tw4 kosong"),
    ("baris terlalu panjang", realisasi("2019;3;A;B;1;;", "2019;3;A;C;90;9;;"),
     "r.csv, baris 3: baris ini berisi 8 kolom, padahal judul kolom hanya 7"),
    ("kutip tidak ditutup", realisasi('2019;3;A;B;"1;;'), "r.csv: berkas tidak dapat dibaca sebagai teks CSV"),
    ("unit tanpa nama", b"kode_unit;nama_unit;kode_induk\nBTP;;PTM\n", "r.csv, baris 2, kolom nama_unit: wajib diisi"),
]


@pytest.mark.parametrize("isi, pesan", [s[1:] for s in SALAH], ids=[s[0] for s in SALAH])
def test_berkas_salah_dengan_pesan(isi, pesan):
    b = baca_berkas("r.csv", isi)
    assert not b.sah
    teks = [str(k) for k in b.kesalahan]
    assert any(k.startswith(pesan) for k in teks), teks


def test_semua_kesalahan_dilaporkan_sekaligus():
    b = baca_berkas("r.csv", realisasi("2019;3;A;B;x;;", "20xx;3;A;C;1;;", "2019;9;A;D;1;;"))
    assert [(k.baris, k.kolom) for k in b.kesalahan] == [(2, "realisasi"), (3, "tahun"), (4, "triwulan")]


def test_jumlah_kesalahan_dibatasi_tetapi_dihitung():
    baris = [f"2019;3;A;B{i};x;;" for i in range(800)]
    b = baca_berkas("r.csv", realisasi(*baris))
    assert len(b.kesalahan) == 500
    assert b.kesalahan_lain == 300


# --- no crash on any input ------------------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from kinerja.masuk.importing import rencanakan  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(isi=st.binary(max_size=3000))
def test_byte_apa_pun_tidak_membuat_crash(isi):
    b = baca_berkas("acak.csv", isi)
    assert b.sah or b.kesalahan or b.kesalahan_lain


sel = st.one_of(
    st.text(max_size=12), st.sampled_from(["2019", "TW III", "KPPBCBOGOR", "BGR-01", "1.234,5", "", "=1+1", "Q9"]),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(baris=st.lists(st.lists(sel, min_size=3, max_size=8), max_size=6), pemisah=st.sampled_from([";", ",", "\t"]),
       jenis=st.sampled_from([
           "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala", "kode_unit;nama_unit;kode_induk",
           ("tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
            "target_tw3;target_tw4"),
       ]))
def test_tabel_acak_tidak_membuat_crash(storage, baris, pemisah, jenis):
    teks = "\n".join([jenis.replace(";", pemisah), *(pemisah.join(b) for b in baris)])
    rencana = rencanakan([("acak.csv", teks.encode())], storage)
    assert rencana.sah or rencana.kesalahan or rencana.kesalahan_lain
