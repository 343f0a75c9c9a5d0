"""The Manual IKU (``kinerja.dokumen.manual``) on the model, from a real DuckDB built from ``data/``: a block per IKU
of the unit with its stored fields, '—' for a blank, the formula in words by polarity (komponen and sub-unit
sources included), the targets as stored and the year's as ``python -m kinerja score --triwulan 4``, both
languages, hostile text kept as stored, and a year without IKU says so."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kinerja.dokumen import Permintaan
from kinerja.dokumen.manual import susun
from kinerja.dokumen.model import Dokumen, Judul, Paragraf, Tabel
from kinerja.store import Storage
from kinerja.texts import dalam_bahasa
from tests.conftest import DATA
from tests.dokumen.bantu import csv_titik_koma, impor, semua_teks, skor_json
from tests.jahat import HTML_JAHAT, MD_JAHAT, SATUAN, simpan_jahat

DEFINISI_JAHAT = f"=SUM(A1) {HTML_JAHAT}\n\n{MD_JAHAT}"
NAMA_PANJANG = "IKU tanpa keterangan" + " dengan nama yang sangat panjang sekali" * 45  # 1 775 characters


def _iku_baru(db: Path | str) -> None:
    """BGR-99: an IKU of Bogor with nothing but what an upload requires (no sasaran, satuan, definisi, data source
    or PIC), and BGR-02 with a hostile definition."""
    with open(DATA / "iku.csv", encoding="utf-8") as f:
        baca = csv.DictReader(f, delimiter=";")
        kolom = list(baca.fieldnames or [])
        bgr02 = next(b for b in baca if (b["tahun"], b["kode_iku"]) == ("2019", "BGR-02"))
    kosong = dict.fromkeys(kolom, "") | {
        "tahun": "2019", "kode_unit": "KPPBCBOGOR", "kode_iku": "BGR-99", "nama_iku": NAMA_PANJANG,
        "perspektif": "Customer", "polaritas": "stabilize", "konsolidasi": "last", "bobot": "1", "target_tw2": "50"}
    bgr02 |= {"definisi": DEFINISI_JAHAT}
    impor(db, [("iku.csv", csv_titik_koma([kolom, [kosong[k] for k in kolom], [bgr02[k] for k in kolom]]))])


@pytest.fixture
def db(db_contoh: Path | str) -> Path | str:
    _iku_baru(db_contoh)
    return db_contoh


def manual(db: Path | str, unit: str, tahun: int, bahasa: str = "id") -> Dokumen:
    with dalam_bahasa(bahasa):
        return susun(Storage(db), Permintaan("manual", tahun, unit, bahasa=bahasa))


def blok(dok: Dokumen) -> dict[str, dict[str, str]]:
    """Each IKU's table as field → value text, by the IKU code (its first row)."""
    tabel = [b for b in dok.isi if isinstance(b, Tabel)]
    return {t.baris[0][1].teks: {b[0].teks: b[1].teks for b in t.baris} for t in tabel}


def test_satu_blok_per_iku_dengan_target(db):
    skor = {r["kode_iku"]: r for r in skor_json(db, 2019, 4, "KPPBCBOGOR")["iku"] if r["kode_unit"] == "KPPBCBOGOR"}
    dok = manual(db, "KPPBCBOGOR", 2019)
    assert dok.judul == "Manual Indikator Kinerja Utama Tahun 2019" and dok.sub_judul == ("KPPBC TMP A Bogor",)
    judul = [b.teks for b in dok.isi if isinstance(b, Judul)]
    assert len(judul) == len(skor) and "BGR-01 — Penerimaan bea masuk" in judul
    for t in dok.tabel():
        kode = t.baris[0][1].teks
        assert t.kolom == ("Uraian", "Keterangan") and len(t.kolom) == len(t.lebar) == 2
        tahunan = next(b[1] for b in t.baris if b[0].teks == "Target tahunan")
        assert tahunan.angka == skor[kode]["target"], kode
    bgr04 = blok(dok)["BGR-04"]
    assert [bgr04[f"Target TW {r}"] for r in ("I", "II", "III", "IV")] == ["5", "5", "4,5", "4,5"]
    assert bgr04["Target tahunan"] == "4,75" and bgr04["Konsolidasi"] == "rata-rata"
    assert bgr04["Polaritas"] == "Semakin rendah semakin baik (minimize)" and bgr04["Satuan"] == "hari"
    assert bgr04["Periode pelaporan"] == "Triwulanan; diukur pada TW I, TW II, TW III, TW IV"
    assert blok(dok)["BGR-05"]["Periode pelaporan"] == "Triwulanan; diukur pada TW IV"


def test_isian_dokumen_tersimpan(db):
    btp = blok(manual(db, "BTP", 2017))["BTP-01"]
    assert btp["Definisi"].startswith("Jumlah Penerimaan Negara Bukan Pajak dari layanan jasa teknologi polimer")
    assert btp["Sumber data"] == "Laporan PNBP Balai Teknologi Polimer dan aplikasi SIMPONI"
    assert btp["PIC"] == "Kepala Subbagian Tata Usaha"


def test_kosong_dicetak_tanda_pisah(db):
    dok = manual(db, "KPPBCBOGOR", 2019)
    b = blok(dok)["BGR-99"]
    for field in ("Sasaran strategis", "Definisi", "Sumber data", "PIC", "Satuan", "Target TW I", "Target TW IV"):
        assert b[field] == "—", field
    assert b["Periode pelaporan"] == "Triwulanan; diukur pada TW II" and b["Target tahunan"] == "50"
    assert b["IKU"] == NAMA_PANJANG and Judul(f"BGR-99 — {NAMA_PANJANG}", 2) in dok.isi
    for s in semua_teks(dok):
        assert not {"nan", "NaN", "None", "<NA>"} & set(s.replace("\n", " ").split()), s


def test_rumus_menurut_polaritas(db):
    bogor = blok(manual(db, "KPPBCBOGOR", 2019))
    assert bogor["BGR-01"]["Rumus"].split("\n") == [
        "Capaian = Realisasi / Target × 100 %", "Target dan realisasi s.d. triwulan: jumlah triwulan yang diukur",
        "Capaian dibatasi 0–120 %"]
    assert bogor["BGR-04"]["Rumus"].startswith("Capaian = (2 − Realisasi / Target) × 100 %\n")
    assert "Realisasi = indikator terpenuhi × 100 ÷ indikator" in bogor["BGR-14"]["Rumus"].split("\n")
    assert bogor["BGR-99"]["Rumus"].startswith("Indeks deviasi = Realisasi / Target × 100")
    assert "0 → 0, 90 → 100, 100 → 120" in bogor["BGR-99"]["Rumus"]
    btp = blok(manual(db, "BTP", 2017))
    assert btp["BTP-07"]["Rumus"].startswith("Capaian = (W − Realisasi) / W × 100 %, dengan W realisasi terburuk = 10")
    bppt = blok(manual(db, "BPPT", 2017))
    assert "Realisasi dari IKU sub-unit: jumlah" in bppt["BPPT-01"]["Rumus"].split("\n")


def test_bahasa_inggris(db):
    dok = manual(db, "KPPBCBOGOR", 2019, "en")
    assert dok.bahasa == "en" and dok.judul == "Key Performance Indicator Manual 2019"
    b = blok(dok)["BGR-04"]
    assert b["Annual target"] == "4.75" and b["Consolidation"] == "average"
    assert b["Polarity"] == "Lower is better (minimize)"
    assert b["Formula"].startswith("Achievement = (2 − Actual / Target) × 100%\n")
    assert blok(dok)["BGR-99"]["Definition"] == "—"


def test_teks_jahat_apa_adanya(db):
    simpan_jahat(db)
    dok = manual(db, "KPPBCBOGOR", 2019)
    teks = list(semua_teks(dok))
    nama = f"Penerimaan bea masuk {HTML_JAHAT}\n\n{MD_JAHAT}"
    assert Judul(f"BGR-01 — {nama}", 2) in dok.isi
    for jahat in (nama, f"Sasaran {HTML_JAHAT}\n\n{MD_JAHAT}", SATUAN, DEFINISI_JAHAT):
        assert jahat in teks, jahat


def test_tahun_tanpa_iku_mengatakannya(db):
    dok = manual(db, "BTP", 2030)
    assert dok.isi == (Paragraf("Belum ada IKU Balai Teknologi Polimer untuk tahun 2030."),)
    assert manual(db, "BTP", 2030, "en").isi == (Paragraf("Balai Teknologi Polimer has no IKU for 2030 yet."),)
