"""The Perjanjian Kinerja (``kinerja.dokumen.pk``) on the model, from a real DuckDB built from ``data/``: the year's
targets equal ``python -m kinerja score --triwulan 4``, the quarterly targets are the stored ones, the head of the
unit signs first and the head of the unit above second (a root unit alone), both languages, hostile text kept as
stored, and a year without IKU says so."""

from __future__ import annotations

import datetime
import math
from pathlib import Path

import pytest

from kinerja.dokumen import Permintaan
from kinerja.dokumen.model import Dokumen, HalamanBaru, Paragraf, TandaTangan
from kinerja.dokumen.pk import susun
from kinerja.store import Storage
from kinerja.texts import dalam_bahasa
from tests.dokumen.bantu import csv_titik_koma, impor, semua_teks, skor_json, tabel
from tests.jahat import HTML_JAHAT, MD_JAHAT, NAMA_BOGOR, SATUAN, simpan_jahat

TANGGAL = datetime.date(2019, 1, 7)
PIMPINAN_JAHAT = '=HYPERLINK("http://evil.example/";"JAHAT") <b>Kepala</b>\n# JAHAT'

UNIT = [["kode_unit", "nama_unit", "kode_induk", "nama_pimpinan", "nip_pimpinan", "jabatan_pimpinan", "kota"],
        ["KWBCJABAR", "Kantor Wilayah DJBC Jawa Barat", "DJBC", "Rudi Kanwil", "197108231996031003",
         "Kepala Kantor Wilayah DJBC Jawa Barat", "Bandung"],
        ["KPPBCBOGOR", "KPPBC TMP A Bogor", "KWBCJABAR", PIMPINAN_JAHAT, "19750315 199802 2 001",
         "Kepala Kantor", "Bogor"]]


@pytest.fixture
def db(db_contoh: Path | str) -> Path | str:
    impor(db_contoh, [("unit.csv", csv_titik_koma(UNIT))])
    return db_contoh


def pk(db: Path | str, unit: str, tahun: int, bahasa: str = "id") -> Dokumen:
    with dalam_bahasa(bahasa):
        return susun(Storage(db), Permintaan("pk", tahun, unit, bahasa=bahasa, tanggal=TANGGAL))


def test_target_tahunan_sama_dengan_score(db):
    skor = {r["kode_iku"]: r for r in skor_json(db, 2019, 4, "KPPBCBOGOR")["iku"] if r["kode_unit"] == "KPPBCBOGOR"}
    dok = pk(db, "KPPBCBOGOR", 2019)
    t = tabel(dok, "Sasaran Strategis, Indikator Kinerja Utama dan Target Tahun 2019")
    assert t.kolom == ("No.", "Sasaran strategis", "Kode IKU", "IKU", "Satuan", "Target tahun 2019")
    baris = {b[2].teks: b for b in t.baris}
    assert sorted(baris) == sorted(skor)
    for kode, r in skor.items():
        assert baris[kode][5].angka == r["target"], kode
    assert baris["BGR-01"][5].teks == "170" and baris["BGR-04"][5].teks == "4,75"  # sum; average of 5, 5, 4,5, 4,5
    assert baris["BGR-05"][5].angka == 4.25  # measured in TW IV only
    # grouped by sasaran strategis: an objective's IKU together, numbered in order
    sasaran = [b[1].teks for b in t.baris]
    for s in set(sasaran):
        posisi = [i for i, x in enumerate(sasaran) if x == s]
        assert posisi == list(range(posisi[0], posisi[-1] + 1)), s
    assert [b[0].angka for b in t.baris] == [float(i) for i in range(1, len(t.baris) + 1)]


def test_lampiran_target_triwulan(db):
    dok = pk(db, "KPPBCBOGOR", 2019)
    i = dok.isi.index(HalamanBaru())
    lampiran = tabel(dok, "Target triwulanan tahun 2019")
    assert lampiran in dok.isi[i:] and tabel(dok, "Sasaran Strategis") in dok.isi[:i]
    assert lampiran.kolom[4:] == ("TW I", "TW II", "TW III", "TW IV", "Target tahun 2019")
    _, iku = Storage(db).baca_lebar(2019, "KPPBCBOGOR", sub_unit=False)
    simpan = {r.kode_iku: r for r in iku.itertuples()}
    skor = {r["kode_iku"]: r["target"] for r in skor_json(db, 2019, 4, "KPPBCBOGOR")["iku"]}
    for b in lampiran.baris:
        r = simpan[b[0].teks]
        for q in range(4):
            tersimpan = getattr(r, f"target_tw{q + 1}")
            assert b[4 + q].angka == (None if math.isnan(tersimpan) else tersimpan)
        assert b[8].angka == skor[b[0].teks]
    bgr05 = next(b for b in lampiran.baris if b[0].teks == "BGR-05")
    assert [s.teks for s in bgr05[4:]] == ["—", "—", "—", "4,25", "4,25"]  # a survey measured in TW IV only


def test_pihak_kedua_pimpinan_unit_induk(db):
    dok = pk(db, "KPPBCBOGOR", 2019)
    (tanda,) = [b for b in dok.isi if isinstance(b, TandaTangan)]
    pertama, kedua = tanda.blok
    assert (pertama.keterangan, pertama.nama, pertama.jabatan) == ("Pihak Pertama,", PIMPINAN_JAHAT, "Kepala Kantor")
    assert (kedua.keterangan, kedua.nama, kedua.jabatan) == (
        "Pihak Kedua,", "Rudi Kanwil", "Kepala Kantor Wilayah DJBC Jawa Barat")
    assert kedua.nip == "NIP 19710823 199603 1 003" and kedua.tempat_tanggal == "Bandung, 7 Januari 2019"
    assert Paragraf("Nama: Rudi Kanwil\nJabatan: Kepala Kantor Wilayah DJBC Jawa Barat\n"
                    "selaku atasan Pihak Pertama, selanjutnya disebut Pihak Kedua.") in dok.isi
    assert dok.isi[0] == Paragraf(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi "
        "pada hasil, kami yang bertanda tangan di bawah ini:")


def test_unit_akar_satu_penanda(db):
    dok = pk(db, "BPPT", 2017)
    (tanda,) = [b for b in dok.isi if isinstance(b, TandaTangan)]
    assert len(tanda.blok) == 1 and tanda.blok[0].keterangan == ""
    assert not any("Pihak Kedua" in s for s in semua_teks(dok))


def test_hanya_iku_unit_sendiri(db):
    """The Kanwil's agreement holds the Kanwil's own IKU, not its offices'."""
    skor = skor_json(db, 2019, 4, "KWBCJABAR", sub_unit=True)["iku"]
    sendiri = sorted(r["kode_iku"] for r in skor if r["kode_unit"] == "KWBCJABAR")
    assert len(sendiri) < len(skor)
    t = tabel(pk(db, "KWBCJABAR", 2019), "Sasaran Strategis")
    assert sorted(b[2].teks for b in t.baris) == sendiri


def test_bahasa_inggris(db):
    dok = pk(db, "KPPBCBOGOR", 2019, "en")
    assert dok.bahasa == "en" and dok.judul == "Performance Agreement 2019"
    t = tabel(dok, "Strategic Objectives, Key Performance Indicators and Targets for 2019")
    assert t.kolom[-1] == "2019 target"
    assert {b[2].teks: b[5].teks for b in t.baris}["BGR-04"] == "4.75"
    tanda = next(b for b in dok.isi if isinstance(b, TandaTangan))
    assert [p.keterangan for p in tanda.blok] == ["First Party,", "Second Party,"]
    assert tanda.blok[1].tempat_tanggal == "Bandung, 7 January 2019"
    assert any(s.startswith("The First Party undertakes to achieve the 2019 performance targets")
               for s in semua_teks(dok))


def test_teks_jahat_apa_adanya(db):
    simpan_jahat(db)
    dok = pk(db, "KPPBCBOGOR", 2019)
    teks = list(semua_teks(dok))
    assert dok.sub_judul == (NAMA_BOGOR,)
    for jahat in (f"Penerimaan bea masuk {HTML_JAHAT}\n\n{MD_JAHAT}", f"Sasaran {HTML_JAHAT}\n\n{MD_JAHAT}", SATUAN,
                  PIMPINAN_JAHAT):
        assert jahat in teks, jahat
    assert any(PIMPINAN_JAHAT in s and s.startswith("Nama: ") for s in teks)  # in the text frame, as stored


def test_tahun_tanpa_iku_mengatakannya(db):
    dok = pk(db, "BTP", 2030)
    assert [t.kosong for t in dok.tabel()] == ["Belum ada IKU Balai Teknologi Polimer untuk tahun 2030."] * 2
    assert all(not t.baris for t in dok.tabel())
    assert any(isinstance(b, TandaTangan) for b in dok.isi)  # still an agreement to sign
    en = pk(db, "BTP", 2030, "en")
    assert en.tabel()[0].kosong == "Balai Teknologi Polimer has no IKU for 2030 yet."


def test_kode_unit_tanpa_peduli_huruf_besar(db):
    dok = pk(db, "kppbcbogor", 2019)
    assert dok.nama_berkas == "pk_KPPBCBOGOR_2019" and dok.tabel()[0].baris
