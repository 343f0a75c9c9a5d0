"""Upload errors as typed values (issue 29, item 4): a message code with its values, the row, the column and the
value found, asserted on here without any sentence; the same error then reads in Indonesian and in English."""

from __future__ import annotations

import re

import pytest

from kinerja.masuk.catat import Kesalahan
from kinerja.masuk.loading import baca_berkas
from kinerja.pesan import Pesan
from kinerja.texts import dalam_bahasa, teks_pesan

JUDUL = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n"

KASUS = {
    "angka": (JUDUL + b"2019;3;BTP;BTP-01;43,8\n2019;3;BTP;BTP-02;abc\n",
              ("galat.angka", 3, "realisasi", "abc")),
    "judul_dengan_saran": (b"tahun;triwulan;kode_unit;kode_indikator;realisasi\n2019;3;BTP;BTP-01;1\n",
                           ("galat.kolom_hilang", 1, None, None)),
    "byte_asing": (JUDUL + b"2019;3;BTP;BTP-01;1\n" + b"2019;3;BTP \x96;BTP-02;2\n"
                   + "2019;3;BTP;Ω;1\n".encode(),
                   ("baca.bukan_utf8", 3, None, "0x96")),
    "kunci_ganda": (JUDUL + b"2019;3;BTP;BTP-01;1\n2019;TW III;btp;BTP-01;2\n",
                    ("galat.duplikat", 3, None, "2019 / 3 / btp / BTP-01")),
    "kode_kiril": (JUDUL + "2019;3;\u0412TP;BTP-01;1\n".encode(),  # a Cyrillic В: a look-alike, with a suggestion
                   ("baca.kode_huruf_asing", 2, "kode_unit", "\u0412TP")),
    "dua_gaya": (b"tahun,triwulan,kode_unit,kode_iku,realisasi\n2019,3,BTP,BTP-01,\"1,5\"\n2019,3,BTP,BTP-02,1.5\n",
                 ("baca.dua_gaya", 3, "realisasi", "1.5")),
}

_KUNCI = re.compile(r"\b(?:galat|baca|pesan|rumus)\.[a-z0-9_]+")
_KATA_INDONESIA = re.compile(r"\b(?:baris|kolom|bukan|tidak|mungkin|maksudnya|sudah|berkas|karakter|huruf|yang|dan)\b")


def _satu_kesalahan(nama: str) -> Kesalahan:
    isi, _ = KASUS[nama]
    b = baca_berkas(f"{nama}.csv", isi)
    assert len(b.kesalahan) == 1, [str(k) for k in b.kesalahan]
    return b.kesalahan[0]


@pytest.mark.parametrize("nama", list(KASUS))
def test_kesalahan_adalah_kode_dengan_letak_dan_nilai(nama):
    k = _satu_kesalahan(nama)
    assert (k.kode, k.baris, k.kolom, k.nilai) == KASUS[nama][1]
    assert isinstance(k.pesan, Pesan)


@pytest.mark.parametrize("nama", list(KASUS))
def test_kesalahan_yang_sama_terbaca_dalam_dua_bahasa(nama):
    k = _satu_kesalahan(nama)
    indonesia = str(k)
    with dalam_bahasa("en"):
        inggris = str(k)
        assert inggris.endswith(k.teks)
    assert indonesia.endswith(k.teks) and indonesia != inggris
    for teks in (indonesia, inggris):
        assert not _KUNCI.search(teks), teks  # no message key left untranslated
    assert _KATA_INDONESIA.search(indonesia), indonesia
    assert not _KATA_INDONESIA.search(inggris), inggris
    assert f"{nama}.csv" in inggris and (k.baris is None or f"row {k.baris}" in inggris)


def test_pesan_bersusun_satu_kode_satu_kalimat():
    """An unknown header with a suggestion is one message (one code), its tail and the suggestion inside it."""
    k = _satu_kesalahan("judul_dengan_saran")
    assert isinstance(k.pesan, Pesan)
    (asing,) = k.pesan.lanjut
    assert asing.kunci == "galat.kolom_asing"
    (saran,) = asing.isian["daftar"].isian["butir"]
    assert (saran.kunci, dict(saran.isian)) == ("galat.saran_kolom", {"kolom": "kode_indikator", "saran": "kode_iku"})
    assert k.teks == ("kolom wajib tidak ada: kode_iku; kolom yang tidak dikenal: kode_indikator "
                      "(mungkin maksudnya kode_iku?)")
    with dalam_bahasa("en"):
        assert k.teks == "required column missing: kode_iku; unknown columns: kode_indikator (did you mean kode_iku?)"
    assert Pesan.baca(k.pesan.simpan()) == k.pesan  # a composed message is stored and read back whole


def test_saran_kode_bagian_dari_pesan_yang_sama():
    k = _satu_kesalahan("kode_kiril")
    assert [p.kunci for p in k.pesan.lanjut] == ["baca.kode_saran"]
    assert k.pesan.lanjut[0].isian["saran"] == "BTP"
    with dalam_bahasa("en"):
        assert k.teks.endswith("— did you mean BTP?")


def test_catatan_berkas_adalah_pesan():
    """How a file was read (its encoding, its number style) is a notice as a message, in the reader's language."""
    isi = JUDUL + "2019;3;BTP;BTP-01;2,5\n2019;3;BTP;BTP-02;3 \u2013 ok\n".encode("cp1252")
    b = baca_berkas("r.csv", isi)
    assert [c.kunci for c in b.catatan] == ["baca.cp1252", "baca.gaya_indonesia"]
    assert b.catatan[1].isian["dasar"] == Pesan("baca.dasar_contoh", {"baris": 2, "kolom": "realisasi", "nilai": "2,5"})
    with dalam_bahasa("en"):
        inggris = [teks_pesan(c) for c in b.catatan]
    assert inggris[0].startswith("The file is not UTF-8") and "Windows-1252" in teks_pesan(b.catatan[0])
    assert not any(_KUNCI.search(c) for c in inggris)


def test_buku_kerja_lama_ditolak_dengan_kode():
    b = baca_berkas("lama.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert [(k.kode, k.baris, k.kolom) for k in b.kesalahan] == [("galat.xlsx_xls", None, None)]
