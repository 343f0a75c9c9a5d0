"""The meeting's agenda (issue 28 items 5, 15): NKO points lost that add up to the headline NKO, the net
contribution of each sub-unit, unreported IKU as their own item, a cascaded shortfall counted once."""

from __future__ import annotations

import math

import pandas as pd

from kinerja import scores

UNIT = pd.DataFrame({"kode_unit": ["K", "S1", "S2"], "nama_unit": ["Kanwil", "Kantor 1", "Kantor 2"],
                     "kode_induk": [None, "K", "K"]})


def _skor(triwulan: int = 1) -> pd.DataFrame:
    """K's own IKU at 90 (bobot 10); S1 at 120 (bobot 10); S2 at 50 (bobot 10) and one unreported (bobot 30)."""
    iku = pd.DataFrame({
        "kode_unit": ["K", "S1", "S2", "S2"], "kode_iku": ["K1", "A1", "B1", "B2"],
        "nama_iku": ["k", "a", "b", "b2"], "satuan": ["jumlah"] * 4, "perspektif": ["Stakeholder"] * 4,
        "polaritas": ["maximize"] * 4, "konsolidasi": ["sum"] * 4, "bobot": [10.0, 10.0, 10.0, 30.0],
        "target_tw1": [10.0] * 4, "target_tw2": [None] * 4, "target_tw3": [None] * 4, "target_tw4": [None] * 4,
        "konversi_120": [False] * 4, "realisasi_terburuk": [None] * 4,
    })
    lapor = pd.DataFrame({"kode_unit": ["K", "S1", "S2"], "kode_iku": ["K1", "A1", "B1"], "triwulan": [1] * 3,
                          "realisasi": [9.0, 12.0, 5.0]})
    return scores.skor(scores.lebar(iku, lapor), triwulan)


def test_poin_hilang_berjumlah_100_kurang_nko_judul():
    lingkup = _skor()
    dasar = scores.dasar_nko_unit(lingkup, "K")
    biaya = scores.tabel_biaya_nko(dasar, UNIT)
    nko = scores.hitung_nko(dasar).nilai
    assert biaya["kode_iku"].tolist() == ["K1"] and math.isclose(biaya["biaya"].sum(), 100 - nko)


def test_kontribusi_bersih_per_sub_unit():
    """S1 lifts the pooled NKO of the sub-units ((120 + 50) / 2 = 85): 0,5 × (100 − 120) = −10; S2 costs 25."""
    per = scores.biaya_per_sub_unit(_skor(), scores.pohon(UNIT), "K", UNIT).set_index("kode_unit")
    assert math.isclose(per.loc["S1", "biaya"], -10.0) and math.isclose(per.loc["S2", "biaya"], 25.0)
    assert per.index.tolist()[0] == "S2"  # most lost first
    assert per.loc["S2", "belum_dilaporkan"] == 1


def test_belum_dilaporkan_agenda_sendiri_menurut_bobot():
    belum = scores.tabel_belum_dilaporkan(_skor(), UNIT)
    assert belum[["kode_iku", "bobot"]].values.tolist() == [["B2", 30.0]]
    assert math.isclose(belum["porsi_bobot"].iloc[0], 75.0)  # 30 of S2's 40


def test_kaskade_dihitung_sekali_per_sub_unit():
    """S2's B1 carries S1's A1 (jumlah): the shortfall below is not counted again at the parent."""
    lingkup = _skor().assign(kode_unit_induk=[None, "S2", None, None], kode_iku_induk=[None, "B1", None, None],
                             agregasi_anak=[None, None, "jumlah", None])
    per = scores.biaya_per_sub_unit(lingkup, scores.pohon(UNIT), "K", UNIT).set_index("kode_unit")
    assert math.isclose(per.loc["S1", "biaya"], -20.0)
    assert "S2" not in per.index or per.loc["S2", "biaya"] == 0


AKAR = pd.DataFrame({"kode_unit": ["R", "K", "S1", "S2"], "nama_unit": ["Pusat", "Kanwil", "Kantor 1", "Kantor 2"],
                     "kode_induk": [None, "R", "K", "K"]})


def _skor_akar_tanpa_iku() -> pd.DataFrame:
    """R has no IKU: its headline is the pooled NKO. K's K1 sums S1's A1 (12 of 10: 120) and S2's B1 (15 of 30: 50):
    27 of 40, capaian 67,5."""
    iku = pd.DataFrame({
        "kode_unit": ["K", "S1", "S2"], "kode_iku": ["K1", "A1", "B1"], "nama_iku": ["k", "a", "b"],
        "satuan": ["jumlah"] * 3, "perspektif": ["Stakeholder"] * 3, "polaritas": ["maximize"] * 3,
        "konsolidasi": ["sum"] * 3, "bobot": [10.0] * 3, "target_tw1": [40.0, 10.0, 30.0],
        "target_tw2": [None] * 3, "target_tw3": [None] * 3, "target_tw4": [None] * 3,
        "konversi_120": [False] * 3, "realisasi_terburuk": [None] * 3,
        "kode_unit_induk": [None, "K", "K"], "kode_iku_induk": [None, "K1", "K1"],
        "agregasi_anak": ["jumlah", None, None],
    })
    lapor = pd.DataFrame({"kode_unit": ["K", "S1", "S2"], "kode_iku": ["K1", "A1", "B1"], "triwulan": [1] * 3,
                          "realisasi": [27.0, 12.0, 15.0]})
    return scores.skor(scores.lebar(iku, lapor), 1)


def test_kaskade_dihitung_sekali_di_nko_gabungan():
    """The pooled NKO of a root without IKU counted K1's shortfall on top of A1's and B1's: (67,5 + 120 + 50) / 3
    = 79,17, and K1 ranked as an item losing points its offices already lose. Counted once: the headline is
    (120 + 50) / 2 = 85 over A1 and B1, and K1 is not an item of its own."""
    lingkup = _skor_akar_tanpa_iku()
    dasar = scores.dasar_nko_unit(lingkup, "R")
    assert sorted(dasar["kode_iku"]) == ["A1", "B1"]
    biaya = scores.tabel_biaya_nko(dasar, AKAR)
    assert biaya["kode_iku"].tolist() == ["B1"]
    assert math.isclose(biaya["biaya"].sum() - 10.0, 100 - scores.hitung_nko(dasar).nilai)  # A1 lifts it by 10
    agenda = scores.agenda(lingkup, "R", AKAR, scores.pohon(AKAR), 1)
    poin = agenda.iku.set_index("kode_iku")["poin_hilang"]
    assert math.isnan(poin["K1"]) and math.isclose(poin.sum(), 100 - agenda.ringkasan["nko"].iloc[0])
    kepala = scores.ikhtisar(lingkup, "R", dict(zip(AKAR["kode_unit"], AKAR["nama_unit"])))
    assert kepala.nko.nilai == 85.0
    assert kepala.judul_nko == "NKO gabungan · 1 IKU kaskade dihitung lewat IKU sub-unitnya"


def test_perhatian_merah_dulu_lalu_kuning_lalu_abu_abu():
    """Item 9: code order put two abu-abu before the only merah; the light decides, then the points lost."""
    from kinerja.rapat.dialog import urut_perhatian
    tabel = pd.DataFrame({"kode_iku": ["A", "B", "C", "D", "E"], "nama_iku": list("abcde"),
                          "nama_unit": ["U"] * 5, "capaian": [None, None, 95.0, 70.0, 90.0],
                          "status": ["abu-abu", "abu-abu", "kuning", "merah", "kuning"], "keterangan": [""] * 5,
                          "bobot": [5.0, 20.0, 10.0, 10.0, 30.0], "biaya": [None, None, 0.5, 3.0, 3.0]})
    assert urut_perhatian(tabel)["kode_iku"].tolist() == ["D", "E", "C", "B", "A"]


def test_perhatian_tidak_menyembunyikan_merah():
    from kinerja.rapat import projector
    tabel = pd.DataFrame({"kode_iku": [f"M{i}" for i in range(8)], "nama_iku": ["m"] * 8, "nama_unit": ["U"] * 8,
                          "capaian": [50.0] * 8, "status": ["merah"] * 8, "keterangan": [""] * 8})
    html = projector.perhatian(tabel)
    assert all(f"<b>M{i}</b>" in html for i in range(8))


# item 15: python -m kinerja agenda


def _db(tmp_path):
    from kinerja.masuk.importing import muat_contoh
    from kinerja.store.gudang import Storage
    path = tmp_path / "kinerja.duckdb"
    muat_contoh(Storage(path))
    return path


def test_agenda_csv_lewat_main(tmp_path, capsys):
    import csv
    import io

    from kinerja import cli
    db = _db(tmp_path)
    assert cli.main(["agenda", "--tahun", "2019", "--triwulan", "TW III", "--unit", "KWBCJABAR", "--sub-unit",
                     "--db", str(db)]) == 0
    keluar = capsys.readouterr()
    baris = list(csv.DictReader(io.StringIO(keluar.out)))
    assert list(baris[0]) == scores.KOLOM_AGENDA
    # the Kanwil's own IKU make its NKO (105,43): JBR-03 loses 0,2 × (100 − 98,61) = 0,278, the only loss
    assert (baris[0]["kode_iku"], baris[0]["poin_hilang"], baris[0]["triwulan_laju"]) == ("JBR-03", "0.278", "3")
    assert baris[0]["agar_hijau"] == "TW IV: jumlah paling sedikit 125" and baris[0]["hijau_paling_sedikit"] == "125.0"
    own = [float(b["poin_hilang"]) for b in baris if b["kode_unit"] == "KWBCJABAR"]
    assert math.isclose(sum(own), 100 - 105.43, abs_tol=0.01)
    assert all(b["poin_hilang"] == "" for b in baris if b["kode_unit"] != "KWBCJABAR")  # not in the headline
    assert "NKO Kantor Wilayah DJBC Jawa Barat: 105.43" in keluar.err and "dari 5 IKU" in keluar.err


def test_agenda_json_null_dan_sub_unit(tmp_path, capsys):
    import json

    from kinerja import cli
    db = _db(tmp_path)
    assert cli.main(["agenda", "--tahun", "2019", "--triwulan", "3", "--unit", "KWBCJABAR", "--sub-unit",
                     "--format", "json", "--db", str(db)]) == 0
    data = json.loads(capsys.readouterr().out)
    (r,) = data["ringkasan"]
    assert (r["nko"], r["cakupan_prognosis"]) == (105.43, "dari 5 IKU")
    anak = {a["kode_unit"]: a for a in data["sub_unit"]}
    assert anak["KPPBCBOGOR"]["poin_hilang_bersih"] < 0 < anak["KPPBCBEKASI"]["poin_hilang_bersih"]
    survei = next(b for b in data["iku"] if b["kode_iku"] == "BGR-05")
    assert survei["capaian"] is None and survei["triwulan_laju"] is None
    assert survei["alasan_prognosis"] == "belum-diukur"


def test_agenda_proses_sungguhan_dan_unit_tak_dikenal(tmp_path):
    import subprocess
    import sys

    from tests.conftest import AKAR
    db = _db(tmp_path)
    jalan = subprocess.run([sys.executable, "-m", "kinerja", "agenda", "--tahun", "2019", "--triwulan", "3", "--unit",
                            "KPPBCBOGOR", "--db", str(db)], check=False, capture_output=True, text=True, cwd=AKAR,
                           timeout=120)
    assert jalan.returncode == 0, jalan.stderr
    assert jalan.stdout.splitlines()[0].startswith("kode_unit,kode_iku,nama_iku,")
    assert "1 tanpa prognosis: BGR-05 (belum diukur)" in jalan.stderr
    salah = subprocess.run([sys.executable, "-m", "kinerja", "agenda", "--tahun", "2019", "--triwulan", "3", "--unit",
                            "TIDAKADA", "--db", str(db)], check=False, capture_output=True, text=True, cwd=AKAR,
                           timeout=120)
    assert salah.returncode == 1
