"""Reading text and numbers out of uploaded files without guessing: one decimal style per file, the app's own
exports round-trip, decoding per file, control characters, lengths, plain codes, sane magnitudes, dates.

Each test asserts what the user sees: the value stored, or the message with its row and column."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pandas as pd
import pytest

from kinerja.masuk.exporting import ke_csv
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.masuk.loading import BATAS_KESALAHAN, baca_berkas
from kinerja_core.akses import Pelaku

KEPALA = "tahun,triwulan,kode_unit,kode_iku,realisasi,kendala"
KEPALA_IKU = ("tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;"
              "target_tw3;target_tw4")
GAYA_INDONESIA = "Angka dibaca dengan gaya Indonesia: koma desimal, titik ribuan (1.500 = seribu lima ratus)"
GAYA_INGGRIS = "Angka dibaca dengan gaya Inggris: titik desimal, koma ribuan (1.500 = satu koma lima)"


def csv(*baris: str, kepala: str = KEPALA, pemisah: str = ",") -> bytes:
    return "\n".join([kepala.replace(",", pemisah), *baris, ""]).encode()


def pesan(b) -> list[tuple[int | None, str | None, str]]:
    return [(k.baris, k.kolom, str(k)) for k in b.kesalahan]


def ada(b, baris, kolom, potongan) -> bool:
    return any(x == baris and k == kolom and potongan in teks for x, k, teks in pesan(b))


def xlsx(*baris: list[object], nama: str = "realisasi") -> bytes:
    buku = openpyxl.Workbook()
    sheet = buku.active
    sheet.title = nama
    for b in baris:
        sheet.append(b)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


# --- 1. one decimal style per file --------------------------------------------------------------------------------

def test_koma_pemisah_1500_tidak_bergantung_baris_lain():
    """'1.500' means one thing in the whole file: the file's other values decide, or it is refused."""
    indonesia = baca_berkas("r.csv", csv("2019,3,U,A,1.500,", '2019,3,U,B,"90,9",'))
    assert indonesia.sah, pesan(indonesia)
    assert indonesia.data["realisasi"].tolist() == [1500.0, 90.9]
    inggris = baca_berkas("r.csv", csv("2019,3,U,A,1.500,", "2019,3,U,B,1.25,"))
    assert inggris.sah, pesan(inggris)
    assert inggris.data["realisasi"].tolist() == [1.5, 1.25]
    sendiri = baca_berkas("r.csv", csv("2019,3,U,A,1.500,"))
    assert not sendiri.sah
    assert ada(sendiri, 2, "realisasi", "'1.500' bisa berarti 1500 atau 1,5")
    assert ada(sendiri, 2, "realisasi", "tulis 1500")


def test_dua_gaya_angka_dalam_satu_berkas_ditolak():
    b = baca_berkas("r.csv", csv("2019,3,U,A,1,", '2019,3,U,B,"90,9",', "2019,3,U,C,7,", "2019,3,U,D,1.25,"))
    assert not b.sah
    teks = [t for _, _, t in pesan(b)]
    assert any("berkas memakai dua gaya angka: baris 3 '90,9' (koma desimal) dan baris 5 '1.25' (titik desimal)"
               in t for t in teks), teks


def test_dua_gaya_angka_antar_kolom_iku():
    b = baca_berkas("iku.csv", csv("2019;U;A;x;Customer;maximize;sum;12,5;1.5;1;1;1", kepala=KEPALA_IKU,
                                   pemisah=";"))
    assert not b.sah
    assert any("dua gaya angka" in t and "'12,5' (koma desimal)" in t and "'1.5' (titik desimal)" in t
               for _, _, t in pesan(b)), pesan(b)


@pytest.mark.parametrize("nilai, hasil, catatan", [
    ('"1,234.5"', 1234.5, GAYA_INGGRIS), ('"1,234,567"', 1_234_567.0, GAYA_INGGRIS), ("0.500", 0.5, GAYA_INGGRIS),
    ('"1.234,5"', 1234.5, GAYA_INDONESIA), ("5.700.000.000", 5.7e9, GAYA_INDONESIA), ('"0,500"', 0.5, GAYA_INDONESIA),
    ('"95,5%"', 95.5, GAYA_INDONESIA), ('"Rp 1.250.000"', 1_250_000.0, GAYA_INDONESIA), ("42", 42.0, None),
])
def test_satu_gaya_dibaca_untuk_seluruh_berkas_dengan_catatan(nilai, hasil, catatan):
    b = baca_berkas("r.csv", csv(f"2019,3,U,A,{nilai},", "2019,3,U,B,2.500,"))
    if catatan is None:  # no evidence either way: the thousands-looking value is refused
        assert not b.sah and ada(b, 3, "realisasi", "bisa berarti")
        return
    assert b.sah, pesan(b)
    assert b.data["realisasi"].iloc[0] == hasil
    assert b.data["realisasi"].iloc[1] == (2500.0 if catatan == GAYA_INDONESIA else 2.5)
    assert any(c.startswith(catatan) for c in map(str, b.catatan)), b.catatan


def test_titik_koma_berarti_gaya_indonesia():
    b = baca_berkas("r.csv", csv("2019;3;U;A;1.500;", kepala=KEPALA.replace(",", ";")))
    assert b.sah and b.data["realisasi"].tolist() == [1500.0]
    assert any(c.startswith(GAYA_INDONESIA) for c in map(str, b.catatan)), b.catatan


def test_tanpa_tanda_angka_tanpa_catatan():
    b = baca_berkas("r.csv", csv("2019,3,U,A,15,", "2019,3,U,B,-2,"))
    assert b.sah and b.catatan == []


def test_xlsx_angka_dan_teks_satu_gaya():
    isi = xlsx(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"],
               [2019, 3, "U", "A", 0.5], [2019, 3, "U", "B", 1500], [2019, 3, "U", "C", "1.500"])
    b = baca_berkas("r.xlsx", isi)
    assert b.sah, pesan(b)
    assert b.data["realisasi"].tolist() == [0.5, 1500.0, 1500.0]
    assert any(c.startswith(GAYA_INDONESIA) for c in map(str, b.catatan)), b.catatan


def test_xlsx_sel_teks_bergaya_inggris_bertentangan_dengan_sel_angka():
    isi = xlsx(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"],
               [2019, 3, "U", "A", 0.5], [2019, 3, "U", "B", "1.25"])
    b = baca_berkas("r.xlsx", isi)
    assert not b.sah
    assert any("baris 2 '0,5' (koma desimal) dan baris 3 '1.25' (titik desimal)" in t for _, _, t in pesan(b))


# --- 2. the app's own exports round-trip --------------------------------------------------------------------------

def test_apostrof_ekspor_dihapus_saat_impor(storage):
    isi = csv("2019;3;KPPBCBOGOR;BGR-01;50;'-5 hari dari jadwal", "2019;3;KPPBCBOGOR;BGR-02;10;'abc",
              kepala=KEPALA.replace(",", ";"), pemisah=";")
    rencana = rencanakan([("r.csv", isi)], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    (b,) = rencana.berkas
    assert b.data["kendala"].tolist() == ["-5 hari dari jadwal", "'abc"]
    assert any("'" in c and "dihapus" in c and "baris 2" in c for c in map(str, b.catatan)), b.catatan
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    tersimpan = storage.baca(2019).realisasi.set_index(["kode_iku", "triwulan"])
    assert tersimpan.loc[("BGR-01", 3), "kendala"] == "-5 hari dari jadwal"


def test_ekspor_csv_bolak_balik_tanpa_perubahan():
    asli = pd.DataFrame({
        "tahun": [2019, 2019], "triwulan": ["TW III", "TW III"], "kode_unit": ["KPPBCBOGOR", "KPPBCBOGOR"],
        "kode_iku": ["-F2", "BGR-01"], "realisasi": [1.5, 2000.0],
        "kendala": ["- dikurangi retur", "=SUM(A1)"], "rencana_aksi": ["+62 812", "@pusat"],
    })
    b = baca_berkas("r.csv", ke_csv(asli))
    assert b.sah, pesan(b)
    for kolom in ("kode_iku", "kendala", "rencana_aksi"):
        assert b.data[kolom].tolist() == asli[kolom].tolist()
    assert b.data["realisasi"].tolist() == [1.5, 2000.0]
    b2 = baca_berkas("r.csv", ke_csv(b.data.drop(columns=["baris", "pic", "tenggat"])))
    assert b2.data["kendala"].tolist() == asli["kendala"].tolist()


# --- 3. decoding --------------------------------------------------------------------------------------------------

def test_utf8_dengan_satu_byte_windows_ditolak_bukan_mojibake():
    isi = csv("2019;3;U;A;1;Antrean – panjang", "2019;3;U;B;1;ok", kepala=KEPALA.replace(",", ";"), pemisah=";")
    isi += "2019;3;U;C;1;shift – sore\n".encode("cp1252")  # – is 0x96 in Windows-1252
    b = baca_berkas("r.csv", isi)
    assert not b.sah
    assert ada(b, 4, None, "byte 0x96 bukan UTF-8")
    assert any("simpan ulang sebagai CSV UTF-8" in t for _, _, t in pesan(b))


def test_windows_1252_murni_dengan_catatan():
    isi = csv("2019;3;U;A;1;Antrean – panjang", kepala=KEPALA.replace(",", ";"), pemisah=";").decode()
    b = baca_berkas("r.csv", isi.encode("cp1252"))
    assert b.sah, pesan(b)
    assert b.data["kendala"].tolist() == ["Antrean – panjang"]
    assert any("Windows-1252" in c for c in map(str, b.catatan)), b.catatan


def test_utf8_sah_tanpa_catatan_kodek():
    isi = csv("2019;3;U;A;1;Antrean – panjang ✓", kepala=KEPALA.replace(",", ";"), pemisah=";")
    b = baca_berkas("r.csv", isi)
    assert b.sah and b.data["kendala"].tolist() == ["Antrean – panjang ✓"]
    assert not any("Windows-1252" in c for c in map(str, b.catatan))


@pytest.mark.parametrize("isi", [
    "tahun\ttriwulan\tkode_unit\tkode_iku\trealisasi\r\n2019\t3\tU\tA\t1\r\n".encode("utf-16") + b"\x00",
    b"\xff\xfe" + "tahun\ttriwulan\tkode_unit\tkode_iku\trealisasi\r\n2019\t3\tU\tA\t1".encode("utf-16-le")
    + b"\x00\xd8" + "\r\n".encode("utf-16-le"),
], ids=["ganjil", "surrogate"])
def test_utf16_rusak_diberi_pesan(isi):
    b = baca_berkas("r.txt", isi)
    assert not b.sah
    assert any("UTF-16" in t and "simpan ulang" in t for _, _, t in pesan(b)), pesan(b)


def test_byte_windows_tak_terdefinisi_ditolak():
    isi = csv("2019;3;U;A;1;Antrean panjang", kepala=KEPALA.replace(",", ";"), pemisah=";").replace(b"panjang",
                                                                                                     b"pan\x81jang")
    b = baca_berkas("r.csv", isi)
    assert not b.sah
    assert ada(b, 2, "kendala", "karakter kendali")


# --- 4. control characters ----------------------------------------------------------------------------------------

def test_pemisah_baris_word_menjadi_baris_baru():
    b = baca_berkas("r.csv", csv("2019,3,U,A,1,baris satu\x0bbaris dua\x0chalaman dua"))
    assert b.sah, pesan(b)
    assert b.data["kendala"].tolist() == ["baris satu\nbaris dua\nhalaman dua"]
    assert any("baris baru" in c and "baris 2" in c for c in map(str, b.catatan)), b.catatan


@pytest.mark.parametrize("kendali", ["\x01", "\x00", "\x1b", "\x7f", "\x85"])
def test_karakter_kendali_lain_ditolak(kendali):
    b = baca_berkas("r.csv", csv("2019,3,U,A,1,ok", f"2019,3,U,B,1,ada{kendali}di sini"))
    assert not b.sah
    assert ada(b, 3, "kendala", f"U+{ord(kendali):04X}")


def test_tab_dan_baris_baru_dalam_sel_tetap():
    b = baca_berkas("r.csv", csv('2019,3,U,A,1,"satu\tdua\r\ntiga"'))
    assert b.sah, pesan(b)
    assert b.data["kendala"].iloc[0].startswith("satu\tdua\r")


# --- 5. text length -----------------------------------------------------------------------------------------------

def test_teks_terlalu_panjang_ditolak_dengan_panjangnya():
    b = baca_berkas("r.csv", csv("2019,3,U,A,1," + "x" * 2000, "2019,3,U,B,1," + "x" * 2001))
    assert not b.sah
    assert ada(b, 3, "kendala", "2.001 karakter") and ada(b, 3, "kendala", "2.000")
    assert not any(baris == 2 for baris, _, _ in pesan(b))


def test_kode_terlalu_panjang_dan_sel_raksasa_tidak_dikutip_utuh():
    b = baca_berkas("r.csv", csv("2019,3,U," + "A" * 51 + ",1,", "2019,3,U,B," + "9" * 3_000_000 + ","))
    assert ada(b, 2, "kode_iku", "51 karakter")
    assert ada(b, 3, "realisasi", "3.000.000 karakter")
    assert all(len(t) < 1000 for _, _, t in pesan(b))


# --- 6. plain codes -----------------------------------------------------------------------------------------------

def test_kode_berspasi_ditolak():
    b = baca_berkas("r.csv", csv("2019,3,U,BGR 01,1,"))
    assert not b.sah and ada(b, 2, "kode_iku", "'BGR 01'") and ada(b, 2, "kode_iku", "spasi")


def test_kode_dengan_huruf_kiril_diberi_saran_latin():
    b = baca_berkas("r.csv", csv("2019,3,KPPBCBOGOR,\u0412GR-02,1,"))
    assert not b.sah
    assert ada(b, 2, "kode_iku", "huruf '\u0412' (Cyrillic) bukan huruf Latin")
    assert ada(b, 2, "kode_iku", "BGR-02")


@pytest.mark.parametrize("kode", ["'BGR-01", "BGR/01", "BGR–01", "BGR#1"])
def test_kode_hanya_huruf_angka_dan_tanda_sederhana(kode):
    b = baca_berkas("r.csv", csv(f"2019,3,U,{kode},1,"))
    assert not b.sah and ada(b, 2, "kode_iku", "bukan")


def test_kode_induk_juga_diperiksa():
    b = baca_berkas("unit.csv", b"kode_unit;nama_unit;kode_induk\nBARU;Unit baru;KWBC JABAR\n")
    assert not b.sah and ada(b, 2, "kode_induk", "spasi")


def test_kode_beda_huruf_dalam_satu_berkas_adalah_baris_ganda():
    b = baca_berkas("r.csv", csv("2019,3,KPPBCBOGOR,BGR-01,1,", "2019,3,kppbcbogor,bgr-01,2,"))
    assert not b.sah
    assert ada(b, 3, None, "baris ganda") and ada(b, 3, None, "sudah ada di baris 2")


# --- 7. magnitudes ------------------------------------------------------------------------------------------------

def test_bobot_raksasa_ditolak():
    b = baca_berkas("iku.csv", csv("2019;U;A;x;Customer;maximize;sum;1000001;1;1;1;1",
                                   "2019;U;B;x;Customer;maximize;sum;1.000.000;1;1;1;1", kepala=KEPALA_IKU,
                                   pemisah=";"))
    assert not b.sah
    assert ada(b, 2, "bobot", "1.000.000")
    assert not any(baris == 3 for baris, _, _ in pesan(b))


def test_bobot_1e308_dari_xlsx_ditolak():
    isi = xlsx(KEPALA_IKU.split(";"), [2019, "U", "A", "x", "Customer", "maximize", "sum", 1e308, 1, 1, 1, 1],
               nama="iku")
    b = baca_berkas("iku.xlsx", isi)
    assert not b.sah and ada(b, 2, "bobot", "terlalu besar")


@pytest.mark.parametrize("nilai", ["1e308", "2.000.000.000.000.000", "-1e16", "inf"])
def test_realisasi_di_luar_batas_ditolak(nilai):
    b = baca_berkas("r.csv", csv(f"2019;3;U;A;{nilai};", kepala=KEPALA.replace(",", ";"), pemisah=";"))
    assert not b.sah and any((x, y) == (2, "realisasi") for x, y, _ in pesan(b)), pesan(b)


def test_batas_nilai_tepat_diterima():
    b = baca_berkas("r.csv", csv("2019;3;U;A;1.000.000.000.000.000;", "2019;3;U;B;-1.000.000.000.000.000;",
                                 kepala=KEPALA.replace(",", ";"), pemisah=";"))
    assert b.sah, pesan(b)


def test_target_dan_realisasi_terburuk_di_luar_batas():
    b = baca_berkas("iku.csv", csv("2019;U;A;x;Customer;minimize;sum;1;1e16;1;1;1;;1e20",
                                   kepala=KEPALA_IKU + ";konversi_120;realisasi_terburuk", pemisah=";"))
    assert ada(b, 2, "target_tw1", "di luar batas") and ada(b, 2, "realisasi_terburuk", "di luar batas")


# --- 8. dates -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("teks", [
    "31/12/2019", "31-12-2019", "31.12.2019", "2019-12-31", "2019-12-31 00:00:00", "2019-12-31T00:00:00",
    "31 Desember 2019", "31 Des 2019", "31 DESEMBER 2019", "31 des. 2019", "31 December 2019", "31 Dec 2019",
    "31-Des-2019", "1/1/2020",
])
def test_penulisan_tanggal_indonesia(teks):
    harapan = datetime.date(2020, 1, 1) if teks == "1/1/2020" else datetime.date(2019, 12, 31)
    b = baca_berkas("r.csv", csv(f"2019;3;U;A;1;;;{teks}", kepala="tahun;triwulan;kode_unit;kode_iku;realisasi;"
                                 "kendala;pic;tenggat", pemisah=";"))
    assert b.sah, pesan(b)
    assert b.data["tenggat"].iloc[0].date() == harapan


def test_tanggal_hari_dulu():
    b = baca_berkas("r.csv", csv("2019;3;U;A;1;;;02/10/2019", kepala="tahun;triwulan;kode_unit;kode_iku;realisasi;"
                                 "kendala;pic;tenggat", pemisah=";"))
    assert b.data["tenggat"].iloc[0].date() == datetime.date(2019, 10, 2)


@pytest.mark.parametrize("teks, potongan", [("31/02/2019", "tidak ada di kalender"), ("31 Februari 2019", "kalender"),
                                            ("12/31/2019", "kalender"), ("kemarin", "bukan tanggal")])
def test_tanggal_mustahil_ditolak_dengan_baris(teks, potongan):
    b = baca_berkas("r.csv", csv("2019;3;U;A;1;;;31/12/2019", f"2019;3;U;B;1;;;{teks}",
                                 kepala="tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;pic;tenggat", pemisah=";"))
    assert not b.sah and ada(b, 3, "tenggat", potongan), pesan(b)


def test_xlsx_sel_tanggal():
    isi = xlsx(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi", "tenggat"],
               [2019, 3, "U", "A", 1, datetime.datetime(2019, 12, 31)], [2019, 3, "U", "B", 1, "31 Des 2019"])
    b = baca_berkas("r.xlsx", isi)
    assert b.sah, pesan(b)
    assert [d.date() for d in b.data["tenggat"]] == [datetime.date(2019, 12, 31)] * 2


def test_batas_kesalahan_tetap_berlaku():
    b = baca_berkas("r.csv", csv(*[f"2019,3,U,A{i},1.500," for i in range(BATAS_KESALAHAN + 20)]))
    assert len(b.kesalahan) == BATAS_KESALAHAN and b.kesalahan_lain == 20
