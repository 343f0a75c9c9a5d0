"""The LKjIP chapter III tables (``kinerja.dokumen.lkjip``) on the model, from a real DuckDB built from ``data/``: every
capaian equals ``python -m kinerja score --triwulan 4`` of its year (the earlier years' too), the Renstra capaian is
the core's rule, the explanation is the last reported quarter's, both languages, hostile text kept as stored, and a
year without data says so."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from kinerja.dokumen import Permintaan
from kinerja.dokumen.lkjip import susun
from kinerja.dokumen.model import Dokumen, Paragraf, Tabel
from kinerja.store import Storage
from kinerja.texts import dalam_bahasa
from kinerja_core.capaian import hitung_capaian
from kinerja_core.model import Polaritas
from tests.conftest import DATA
from tests.dokumen.bantu import csv_titik_koma, impor, semua_teks, skor_json, tabel
from tests.jahat import HTML_JAHAT, MD_JAHAT, NAMA_BOGOR, simpan_jahat

KOLOM_IKU = ["tahun", "kode_unit", "kode_iku", "nama_iku", "sasaran_strategis", "perspektif", "satuan", "polaritas",
             "konsolidasi", "bobot", "target_tw1", "target_tw2", "target_tw3", "target_tw4", "realisasi_terburuk"]


def _tahun_lalu(db: Path | str) -> None:
    """BTP in 2016 (every 2017 IKU but BTP-08, BTP-01 short of its target) and in 2013 (BTP-01 only); 2012 is
    beyond the four years a 2017 report looks back."""
    with open(DATA / "iku.csv", encoding="utf-8") as f:
        iku = [b for b in csv.DictReader(f, delimiter=";") if b["tahun"] == "2017" and b["kode_unit"] == "BTP"]
    with open(DATA / "realisasi.csv", encoding="utf-8") as f:
        lapor = [b for b in csv.DictReader(f, delimiter=";") if b["tahun"] == "2017" and b["kode_unit"] == "BTP"]
    baris_iku, baris_lapor = [KOLOM_IKU], [["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"]]
    for tahun, kode in (("2016", None), ("2013", "BTP-01"), ("2012", "BTP-01")):
        for b in iku:
            if b["kode_iku"] != "BTP-08" and kode in (None, b["kode_iku"]):
                baris_iku.append([tahun, *(b[k] for k in KOLOM_IKU[1:])])
        for b in lapor:
            if b["kode_iku"] != "BTP-08" and kode in (None, b["kode_iku"]):
                nilai = b["realisasi"]
                if b["kode_iku"] == "BTP-01":  # 2016 short of the target: 0,5 a quarter; 2013 above it
                    nilai = "0,5" if tahun == "2016" else "0,7"
                baris_lapor.append([tahun, b["triwulan"], "BTP", b["kode_iku"], nilai])
    impor(db, [("iku.csv", csv_titik_koma(baris_iku)), ("realisasi.csv", csv_titik_koma(baris_lapor))])


@pytest.fixture
def db(db_contoh: Path | str) -> Path | str:
    _tahun_lalu(db_contoh)
    return db_contoh


def lkjip(db: Path | str, unit: str, tahun: int, bahasa: str = "id") -> Dokumen:
    with dalam_bahasa(bahasa):
        return susun(Storage(db), Permintaan("lkjip", tahun, unit, bahasa=bahasa))


def _per_kode(t: Tabel) -> dict[str, tuple]:
    return {b[0].teks: b for b in t.baris}


def test_capaian_tahun_ini_sama_dengan_score(db):
    skor = {r["kode_iku"]: r for r in skor_json(db, 2017, 4, "BTP")["iku"] if r["kode_unit"] == "BTP"}
    t = tabel(lkjip(db, "BTP", 2017), "Capaian IKU terhadap target tahun 2017")
    baris = _per_kode(t)
    assert list(baris) == sorted(skor)  # the unit's own IKU, each once
    i_target, i_real, i_cap, i_status = (t.kolom.index(k) for k in (
        "Target 2017", "Realisasi 2017", "Capaian 2017 (%)", "Status"))
    for kode, r in skor.items():
        b = baris[kode]
        assert (b[i_target].angka, b[i_real].angka, b[i_cap].angka) == (r["target"], r["realisasi"], r["capaian"])
        assert b[i_status].status.value == r["status"]
    assert baris["BTP-01"][i_cap].teks == "92,98 %" and baris["BTP-01"][i_status].teks == "▲ Kuning"


def test_tahun_sebelumnya_dari_score_tahun_itu(db):
    t = tabel(lkjip(db, "BTP", 2017), "Capaian IKU tahun 2017 dibandingkan")
    assert t.kolom[3:] == ("Realisasi 2013", "Capaian 2013 (%)", "Realisasi 2016", "Capaian 2016 (%)",
                           "Realisasi 2017", "Capaian 2017 (%)")  # 2012 is five years back; 2014–2015 have nothing
    baris = _per_kode(t)
    for tahun, awal in ((2013, 3), (2016, 5), (2017, 7)):
        skor = {r["kode_iku"]: r for r in skor_json(db, tahun, 4, "BTP")["iku"] if r["kode_unit"] == "BTP"}
        for kode, b in baris.items():
            if kode in skor:
                assert (b[awal].angka, b[awal + 1].angka) == (skor[kode]["realisasi"], skor[kode]["capaian"]), (
                    tahun, kode)
            else:  # the unit had no such IKU that year
                assert (b[awal].teks, b[awal + 1].teks, b[awal + 1].angka) == ("—", "—", None), (tahun, kode)
    assert baris["BTP-01"][5].angka == 2.0 and baris["BTP-01"][6].angka == pytest.approx(35.09)  # 2 of 5,7
    assert baris["BTP-08"][5].teks == "—"  # not an IKU of 2016


def test_target_renstra_dengan_aturan_inti(db):
    t = tabel(lkjip(db, "BTP", 2017), "Capaian IKU tahun 2017 terhadap target jangka menengah")
    baris = _per_kode(t)
    i_cap = t.kolom.index("Capaian terhadap Renstra (%)")
    b = baris["BTP-01"]
    assert (b[3].angka, b[4].angka, b[5].teks, b[i_cap].angka, b[i_cap].teks) == (5.3, 7.5, "2019", 70.67, "70,67 %")
    skor = {r["kode_iku"]: r for r in skor_json(db, 2017, 4, "BTP")["iku"]}
    polaritas = {"BTP-01": Polaritas.MAXIMIZE, "BTP-03": Polaritas.MAXIMIZE}
    for kode, p in polaritas.items():  # the same rule as the year's capaian, the Renstra target in its place
        assert baris[kode][i_cap].angka == hitung_capaian(skor[kode]["realisasi"], baris[kode][4].angka, p).nilai
    assert baris["BTP-02"][i_cap].teks == "—" and baris["BTP-02"][-1].teks == "Target Renstra belum diisi"


def test_target_renstra_minimize_dibatasi(db):
    """BTP-07 (minimize, sum): 1 finding in the year against a Renstra target of 4 → (2 − 1/4) × 100 = 175 → 120."""
    with open(DATA / "iku.csv", encoding="utf-8") as f:
        baca = csv.DictReader(f, delimiter=";")
        kolom = list(baca.fieldnames or [])
        baris = next(b for b in baca if (b["tahun"], b["kode_iku"]) == ("2017", "BTP-07"))
    baris |= {"target_renstra": "4", "tahun_renstra": "2019"}
    impor(db, [("iku.csv", csv_titik_koma([kolom, [baris[k] for k in kolom]]))])
    baris = _per_kode(tabel(lkjip(db, "BTP", 2017), "Capaian IKU tahun 2017 terhadap"))["BTP-07"]
    assert (baris[3].angka, baris[4].angka, baris[6].angka) == (1.0, 4.0, 120.0)


def test_penjelasan_triwulan_iv_atau_terakhir(db):
    baris = _per_kode(tabel(lkjip(db, "BTP", 2017), "Kendala dan rencana aksi tahun 2017"))
    assert baris["BTP-01"][2].teks == "TW IV"
    assert baris["BTP-01"][3].teks.startswith("Dua kontrak kerja sama litbang tertunda")
    assert baris["BTP-03"][2].teks == "TW IV" and baris["BTP-03"][3].teks == "—"
    bogor = _per_kode(tabel(lkjip(db, "KPPBCBOGOR", 2019), "Kendala dan rencana aksi tahun 2019"))
    assert bogor["BGR-01"][2].teks == "TW III"  # the last quarter reported
    assert bogor["BGR-01"][3].teks.startswith("Realisasi penerimaan bergantung pada importasi mesin")
    assert bogor["BGR-05"][2].teks == "—"  # the survey of TW IV: nothing reported yet
    assert bogor["BGR-14"][2].teks == "TW III" and bogor["BGR-14"][3].teks == "—"  # computed from its komponen


def test_bahasa_inggris(db):
    dok = lkjip(db, "BTP", 2017, "en")
    assert dok.bahasa == "en" and dok.judul.startswith("Performance Report 2017")
    t = tabel(dok, "IKU achievement against the 2017 targets")
    b = _per_kode(t)["BTP-01"]
    assert t.kolom[3:6] == ("2017 target", "2017 actual", "Achievement 2017 (%)")
    assert (b[5].teks, b[6].teks, b[5].angka) == ("92.98%", "▲ Yellow", 92.98)
    lalu = tabel(dok, "IKU achievement in 2017 compared with earlier years")
    assert "2016 actual" in lalu.kolom


def test_teks_jahat_apa_adanya(db):
    simpan_jahat(db)
    dok = lkjip(db, "KPPBCBOGOR", 2019)
    teks = list(semua_teks(dok))
    assert NAMA_BOGOR in dok.sub_judul
    assert f"Penerimaan bea masuk {HTML_JAHAT}\n\n{MD_JAHAT}" in teks
    assert f"Kendala {HTML_JAHAT}\n\n{MD_JAHAT}" in teks and f"Rencana aksi {HTML_JAHAT}\n\n{MD_JAHAT}" in teks


def test_tahun_tanpa_data_mengatakannya(db):
    dok = lkjip(db, "BTP", 2030)
    assert Paragraf("Belum ada data kinerja Balai Teknologi Polimer untuk tahun 2030.") in dok.isi
    assert all(not t.baris and t.kosong for t in dok.tabel())
    assert tabel(dok, "Capaian IKU tahun 2030 dibandingkan").kosong == (
        "Tidak ada data IKU unit ini pada tahun 2026–2029.")
    with dalam_bahasa("en"):
        en = susun(Storage(db), Permintaan("lkjip", 2030, "BTP", bahasa="en"))
    assert Paragraf("Balai Teknologi Polimer has no performance data for 2030 yet.") in en.isi


def test_angka_tetap_angka_untuk_xlsx(db):
    dok = lkjip(db, "BTP", 2017)
    for t in dok.tabel():
        for b in t.baris:
            for s in b:
                assert s.teks and s.teks not in {"nan", "NaN", "None", "<NA>"}
                if s.angka is not None:
                    assert isinstance(s.angka, float)
