"""The Laporan Kinerja Triwulanan as a model (``kinerja.dokumen.triwulan``): every IKU's figures are those of
``python -m kinerja score --format json`` for the same unit, year and quarter (the cascade parents of BPPT 2017 and
the komponen IKU of KPPBC Bogor 2019 included), in both languages; hostile names and notes stay as stored; a unit
without data gets a document that says so. The files themselves are the renderers' tests."""

from __future__ import annotations

import csv
import datetime
import importlib
import io
import re

import pytest

from kinerja import scores
from kinerja.dokumen import Permintaan, bagian, triwulan
from kinerja.dokumen.model import Butir, Dokumen, Paragraf, Sel, Tabel, TandaTangan
from kinerja.store import Storage
from kinerja.texts import dalam_bahasa, nama_tahap, persen
from kinerja_core.model import Status
from tests import jahat
from tests.conftest import DATA
from tests.dokumen.bantu import semua_teks, skor_json, tabel


def kolom(t: Tabel, nama: str) -> int:
    return t.kolom.index(nama)


def baris_per_kode(t: Tabel, nama_kolom: str) -> dict[str, tuple[Sel, ...]]:
    i = kolom(t, nama_kolom)
    return {b[i].teks: b for b in t.baris}


KATA_TERLARANG = re.compile(r"\b(nan|NaN|None|NaT|null|inf)\b")
CONTOH = [("KPPBCBOGOR", 2019, 3), ("KPPBCBOGOR", 2019, 1), ("BPPT", 2017, 2), ("BPPT", 2017, 4), ("BTP", 2017, 3),
          ("KWBCJABAR", 2019, 4)]
"""KPPBC Bogor holds the komponen IKU (BGR-11, BGR-14) and the grey survey; BPPT's IKU are cascade parents of PTM's;
BTP's IKU are children; Kanwil Jawa Barat has no TW IV realisasi."""


def laporan(storage: Storage, unit: str, tahun: int, q: int, bahasa: str = "id", **isian) -> Dokumen:
    return triwulan.susun(storage, Permintaan("triwulan", tahun, unit, q, bahasa=bahasa, **isian))


@pytest.mark.parametrize(("unit", "tahun", "q"), CONTOH)
@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_angka_sama_dengan_score(db_contoh, unit, tahun, q, bahasa):
    dok = laporan(Storage(db_contoh), unit, tahun, q, bahasa)
    skor = skor_json(db_contoh, tahun, q, unit)
    with dalam_bahasa(bahasa):
        sd = tabel(dok, dok.tabel()[0].judul)
        baris = baris_per_kode(sd, triwulan.t("kolom.kode_iku"))
        assert list(baris) == [r["kode_iku"] for r in skor["iku"]]  # every IKU of the unit, in score's order
        for r in skor["iku"]:
            b = baris[r["kode_iku"]]
            for nama in ("target", "realisasi", "capaian"):
                assert b[kolom(sd, triwulan.t(f"kolom.{nama}"))].angka == r[nama], (r["kode_iku"], nama)
            sel = b[kolom(sd, triwulan.t("kolom.status"))]
            assert sel.status is Status(r["status"])
            assert b[kolom(sd, triwulan.t("kolom.capaian"))].teks == persen(r["capaian"])
            assert b[kolom(sd, triwulan.t("kolom.tahap"))].teks == nama_tahap(r["tahap"])
        nko = skor["nko"][0]["nko"]
        teks = "\n".join(semua_teks(dok))
        assert triwulan.angka(nko, 2, tetap=True) in teks
        assert not KATA_TERLARANG.search(teks)


def test_komponen_dan_periodik_kppbc_bogor(storage):
    dok = laporan(storage, "KPPBCBOGOR", 2019, 3)
    tw = baris_per_kode(tabel(dok, "Capaian IKU periode TW III"), "Kode IKU")
    # the quarter alone: BGR-03 (average) 98,4 against 95; BGR-11 is measured in TW II and TW IV only
    assert [s.teks for s in tw["BGR-03"][2:6]] == ["95", "98,4", "103,58 %", "● Hijau"]
    assert tw["BGR-03"][4].angka == 103.58
    assert tw["BGR-11"][4].angka is None and tw["BGR-11"][6].teks == "tidak diukur pada TW III"
    asal = tabel(dok, "Komponen dan IKU turunan")
    rincian = [(b[0].teks, b[1].teks, b[3].angka, b[4].teks) for b in asal.baris]
    assert ("BGR-14", "TW III", 78.0, "78 (78 indikator terpenuhi dari 100 indikator)") in rincian
    assert ("BGR-11", "TW II", 100.0, "100 (14 rekomendasi selesai dari 14 rekomendasi)") in rincian
    assert not any(kode == "BGR-11" and q == "TW III" for kode, q, _, _ in rincian)  # not measured then
    # the grey survey says why; kendala and rencana aksi of the quarter
    keterangan = next(b for b in dok.isi if isinstance(b, Butir))
    assert "BGR-05: belum diukur; target mulai TW IV" in keterangan.isi
    catatan = baris_per_kode(tabel(dok, "Kendala dan rencana aksi TW III"), "Kode IKU")
    assert catatan["BGR-01"][1].teks.startswith("Realisasi penerimaan bergantung")


def test_kaskade_bppt(storage):
    dok = laporan(storage, "BPPT", 2017, 2)
    asal = [(b[0].teks, b[1].teks, b[3].angka, b[4].teks) for b in tabel(dok, "Komponen dan IKU turunan").baris]
    assert ("BPPT-01", "TW II", 3.1, "PTM-02 (Pusat Teknologi Material): 3,1") in asal
    tw = baris_per_kode(tabel(dok, "Capaian IKU periode TW II"), "Kode IKU")
    assert (tw["BPPT-01"][2].angka, tw["BPPT-01"][3].angka, tw["BPPT-01"][4].angka) == (3.0, 3.1, 103.33)


def test_nko_dengan_rumus_dan_tahap(storage):
    dok = laporan(storage, "BPPT", 2017, 2)
    paragraf = [b.teks for b in dok.isi if isinstance(b, Paragraf)]
    assert "NKO Badan Pengkajian dan Penerapan Teknologi: 101,66 · ● Hijau" in paragraf
    assert any(p.startswith("NKO = Σ(bobot × capaian) / Σ bobot = (30 × 96,36") and p.endswith("= 101,66 — 4 IKU terhitung")
               for p in paragraf)
    assert "NKO sementara · 4 dari 4 IKU belum final" in paragraf
    assert dok.judul == "Laporan Kinerja Triwulan II Tahun 2017"
    assert dok.sub_judul == ("Badan Pengkajian dan Penerapan Teknologi",)
    assert dok.nama_berkas == "triwulan_BPPT_2017_tw2"


def test_bahasa_inggris(storage):
    dok = laporan(storage, "KPPBCBOGOR", 2019, 3, "en")
    assert dok.judul == "Quarterly Performance Report, Quarter III 2019" and dok.bahasa == "en"
    baris = baris_per_kode(tabel(dok, "IKU achievement through TW III"), "IKU code")
    assert baris["BGR-03"][7].teks == "101.30%" and baris["BGR-03"][8].teks == "● Green"
    assert baris["BGR-01"][5].teks == "123.5"
    assert "16 IKU: 15 green, 1 grey" in [b.teks for b in dok.isi if isinstance(b, Paragraf)]


def test_tanda_tangan_pimpinan_unit(storage):
    dok = laporan(storage, "KPPBCBOGOR", 2019, 3, tanggal=datetime.date(2019, 10, 4))
    blok = dok.isi[-1]
    assert isinstance(blok, TandaTangan) and len(blok.blok) == 1
    p = blok.blok[0]  # as data/unit.csv stores the head of KPPBC Bogor (her NIP typed with spaces there)
    assert (p.jabatan, p.nama, p.nip) == ("Kepala Kantor", "Dewi Lestari Anggraini", "NIP 19750315 199802 2 001")
    assert p.tempat_tanggal == "Bogor, 4 Oktober 2019"
    with dalam_bahasa("en"):
        p = laporan(storage, "KPPBCBOGOR", 2019, 3, "en", tanggal=datetime.date(2019, 10, 4)).isi[-1].blok[0]
    assert (p.nip, p.tempat_tanggal) == ("Employee ID (NIP) 19750315 199802 2 001", "Bogor, 4 October 2019")


def test_unit_baru_tanpa_pimpinan_dan_tanpa_data(storage):
    from kinerja.masuk.importing import rencanakan, terapkan
    from kinerja_core.akses import Pelaku

    pelaku = Pelaku.sistem("uji")
    rencana = rencanakan([("unit.csv", b"kode_unit;nama_unit;kode_induk\nKPPBCBARU;KPPBC Baru;KWBCJABAR\n")],
                         storage, pelaku)
    assert rencana.sah
    terapkan(rencana, storage, pelaku)
    dok = laporan(storage, "KPPBCBARU", 2019, 2, tanggal=datetime.date(2019, 7, 5))
    assert "KPPBC Baru belum memiliki IKU untuk tahun 2019: belum ada data untuk dilaporkan." in [
        b.teks for b in dok.isi if isinstance(b, Paragraf)]
    p = dok.isi[-1].blok[0]  # the block is there, with lines to fill in by hand
    assert (p.jabatan, p.nama, p.nip) == (bagian.GARIS_ISIAN, bagian.GARIS_ISIAN, f"NIP {bagian.GARIS_ISIAN}")
    assert p.tempat_tanggal == f"{bagian.GARIS_ISIAN}, 5 Juli 2019"
    # IKU, but nothing reported yet: said, NKO '—', every IKU listed grey
    iku = ("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
           "target_tw1;target_tw2;target_tw3;target_tw4\n"
           "2019;KPPBCBARU;BARU-01;Layanan tepat waktu;Layanan prima;Customer;%;maximize;average;1;90;90;90;90\n")
    rencana = rencanakan([("iku.csv", iku.encode())], storage, pelaku)
    assert rencana.sah
    terapkan(rencana, storage, pelaku)
    dok = laporan(storage, "KPPBCBARU", 2019, 2)
    paragraf = [b.teks for b in dok.isi if isinstance(b, Paragraf)]
    assert ("Belum ada realisasi KPPBC Baru yang dilaporkan sampai dengan TW II 2019: semua IKU masih abu-abu."
            in paragraf)
    assert "NKO KPPBC Baru: — · ○ Abu-abu" in paragraf
    assert [[s.teks for s in b][1:9] for b in dok.tabel()[0].baris] == [
        ["BARU-01", "Layanan tepat waktu", "%", "1", "90", "—", "—", "○ Abu-abu"]]  # the target as score has it


def test_tanpa_pimpinan_tersimpan_baris_kosong():
    p = bagian.penanda_pimpinan({"nama_unit": "KPPBC", "nama_pimpinan": None, "nip_pimpinan": float("nan")},
                                datetime.date(2019, 10, 2))
    assert (p.jabatan, p.nama, p.nip) == (bagian.GARIS_ISIAN, bagian.GARIS_ISIAN, f"NIP {bagian.GARIS_ISIAN}")
    with dalam_bahasa("en"):
        p = bagian.penanda_pimpinan({"nip_pimpinan": "197001011995011001", "kota": "Bogor"}, datetime.date(2019, 10, 2))
    assert (p.nip, p.tempat_tanggal) == ("Employee ID (NIP) 19700101 199501 1 001", "Bogor, 2 October 2019")


def test_nama_berkas_aman():
    assert bagian.nama_berkas("triwulan", "../../etc/x y", 2019, 3) == "triwulan_------etc-x-y_2019_tw3"
    assert re.fullmatch(r"[A-Za-z0-9_-]+", bagian.nama_berkas("dko", "ÜNIT;rm -rf", 2019, 1))


@pytest.mark.parametrize(("unit", "tahun", "q", "kalimat"), [
    ("KEMENKEU", 2019, 2, "Kementerian Keuangan belum memiliki IKU untuk tahun 2019: belum ada data untuk dilaporkan."),
    ("BTP", 2019, 1, "Balai Teknologi Polimer belum memiliki IKU untuk tahun 2019: belum ada data untuk dilaporkan."),
    ("KWBCJABAR", 2019, 4, ("Belum ada realisasi Kantor Wilayah DJBC Jawa Barat yang dilaporkan untuk TW IV 2019: "
                            "IKU yang diukur pada triwulan ini masih abu-abu.")),
])
def test_unit_tanpa_data_mengatakannya(storage, unit, tahun, q, kalimat):
    dok = laporan(storage, unit, tahun, q)
    assert kalimat in [b.teks for b in dok.isi if isinstance(b, Paragraf)]
    for t in dok.tabel():
        assert t.baris or t.kosong, t.judul  # an empty table says why
    assert isinstance(dok.isi[-1], TandaTangan)


def test_unit_tidak_dikenal(storage):
    with pytest.raises(bagian.UnitTidakDikenal) as e:
        laporan(storage, "TIDAKADA", 2019, 3)
    assert "TIDAKADA" in str(e.value)


@pytest.fixture
def db_jahat_triwulan(db_contoh):
    jahat.simpan_jahat(db_contoh)
    return db_contoh


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_teks_jahat_tetap_seperti_tersimpan(db_jahat_triwulan, bahasa):
    storage = Storage(db_jahat_triwulan)
    dok = laporan(storage, "KPPBCBOGOR", 2019, 3, bahasa)
    assert dok.sub_judul == (jahat.NAMA_BOGOR,)
    teks = list(semua_teks(dok))
    with open(DATA / "iku.csv", encoding="utf-8") as f:
        nama = next(r["nama_iku"] for r in csv.DictReader(f, delimiter=";") if r["kode_iku"] == "BGR-01")
    assert f"{nama} {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}" in teks  # the IKU's name, one cell, as stored
    assert jahat.SATUAN in teks
    assert f"Kendala {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}" in teks
    assert f"Rencana aksi {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}" in teks
    assert f"Catatan aksi {jahat.HTML_JAHAT}\n\n{jahat.MD_JAHAT}" in teks  # the TW I action followed up
    assert f"PIC {jahat.HTML_JAHAT}\n\n![a](http://evil.example/p.png)" in teks
    # the cascade of BPPT with hostile names: the numbers still those of score
    dok = laporan(storage, "BPPT", 2017, 2, bahasa)
    skor = skor_json(db_jahat_triwulan, 2017, 2, "BPPT")
    sd = dok.tabel()[0]
    assert [b[2].teks for b in sd.baris] == [r["nama_iku"] for r in skor["iku"]]
    assert [b[7].angka for b in sd.baris] == [r["capaian"] for r in skor["iku"]]


def test_nama_dan_catatan_panjang_berbaris(storage):
    from kinerja.masuk.loading import rapikan_teks
    from kinerja.rapat.simpan import simpan_catatan
    from kinerja_core.akses import Pelaku

    panjang = "=SUM(A1) " + "Kendala yang sangat panjang sekali " * 55 + "\nbaris kedua\nbaris ketiga"
    iku = next(i for i in scores.iku_dari_tabel(storage.baca(2019, "KPPBCBOGOR", sub_unit=False).iku)
               if i.kode_iku == "BGR-02")
    simpan_catatan(storage, iku, 2019, 3, kendala=panjang, rencana_aksi="", pic="", tenggat=None,
                   pelaku=Pelaku.sistem("uji"))
    dok = laporan(storage, "KPPBCBOGOR", 2019, 3)
    catatan = baris_per_kode(tabel(dok, "Kendala dan rencana aksi TW III"), "Kode IKU")
    assert catatan["BGR-02"][1].teks == rapikan_teks(panjang)  # as stored: one cell, its line breaks kept
    assert "\nbaris kedua\nbaris ketiga" in catatan["BGR-02"][1].teks


@pytest.mark.parametrize("format", ["pdf", "docx"])
def test_render(storage, format):
    """The renderers take the documents as built, a unit without data included (the files: their own tests)."""
    modul = importlib.import_module(f"kinerja.dokumen.{format}")
    for unit, tahun, q in (("KPPBCBOGOR", 2019, 3), ("KEMENKEU", 2019, 1)):
        data = modul.render(laporan(storage, unit, tahun, q))
        assert data[:4] == (b"%PDF" if format == "pdf" else b"PK\x03\x04")
    if format == "docx":
        from docx import Document

        dokumen = Document(io.BytesIO(modul.render(laporan(storage, "BPPT", 2017, 2))))
        teks = "\n".join(p.text for p in dokumen.paragraphs)
        assert "NKO Badan Pengkajian dan Penerapan Teknologi: 101,66 · ● Hijau" in teks


def test_data_dukung(storage):
    from kinerja_core.akses import Pelaku

    operator = Pelaku.sistem("operator")
    pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
    for nama in ("rekap TW3.pdf", "=HYPERLINK(\"http://x\").pdf"):
        storage.tambah_bukti(2019, 3, "KPPBCBOGOR", "BGR-01", nama=nama, jenis="pdf", isi=pdf, pelaku=operator)
    storage.tambah_bukti(2019, 2, "KPPBCBOGOR", "BGR-02", nama="tw2.pdf", jenis="pdf", isi=pdf, pelaku=operator)
    storage.tambah_bukti(2019, 3, "KPPBCBEKASI", "BKS-01", nama="bekasi.pdf", jenis="pdf", isi=pdf, pelaku=operator)
    bukti = tabel(laporan(storage, "KPPBCBOGOR", 2019, 3), "Data dukung TW III")
    # this unit's files of this quarter only, each name as uploaded
    assert [[s.teks for s in b] for b in bukti.baris] == [["BGR-01", "rekap TW3.pdf", "PDF", "operator"],
                                                          ["BGR-01", "=HYPERLINK(\"http://x\").pdf", "PDF", "operator"]]


def test_kop_dari_pengaturan(storage):
    from kinerja.store.kop import KopDokumen
    from kinerja_core.akses import Pelaku

    assert laporan(storage, "BPPT", 2017, 2).instansi == "" and laporan(storage, "BPPT", 2017, 2).logo is None
    logo = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
    storage.atur_kop_dokumen(KopDokumen("Kementerian Keuangan\nDirektorat Jenderal Bea dan Cukai", logo),
                             pelaku=Pelaku.sistem("operator"))
    dok = laporan(storage, "KPPBCBOGOR", 2019, 3)
    assert (dok.instansi, dok.logo) == ("Kementerian Keuangan\nDirektorat Jenderal Bea dan Cukai", logo)
