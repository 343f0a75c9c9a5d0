"""Issue 11 — ministry scale: the columnar scores equal the reference, reads take only the units asked for,
and every page runs on a 300,000-realisasi ministry (root and office), with the sub-unit chart drilling down.

Speed is measured by bench/run.py, never asserted here.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bench import sintetis
from kinerja import scores
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.masuk.keluaran import ke_json
from kinerja.store import Storage
from kinerja_core.akses import Pelaku
from kinerja_core.model import Status
from kinerja_core.nko import hitung_nko
from tests.web.test_app import at  # noqa: F401  (the app on the sample data, as a fixture)

AKAR = Path(__file__).resolve().parent.parent
HALAMAN = ("pages/ringkasan.py", "pages/progres.py", "pages/peta.py", "pages/kaskade.py", "pages/dialog.py",
           "pages/unggah.py", "pages/riwayat.py", "pages/jejak.py")


def _muat(folder: Path, realisasi: int) -> tuple[sintetis.Kementerian, Path]:
    data = sintetis.buat(folder / "data", realisasi)
    db = folder / "kinerja.duckdb"
    storage = Storage(db)
    rencana = rencanakan([(p.name, p.read_bytes()) for p in data.berkas], storage)
    assert rencana.sah, rencana.kesalahan[:3]
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    return data, db


@pytest.fixture(scope="session")
def kementerian_10k(tmp_path_factory: pytest.TempPathFactory) -> tuple[sintetis.Kementerian, Path]:
    return _muat(tmp_path_factory.mktemp("k10k"), 10_000)


@pytest.fixture(scope="session")
def kementerian_300k(tmp_path_factory: pytest.TempPathFactory) -> tuple[sintetis.Kementerian, Path]:
    """The ministry of issue 11: 1,000 units, 75,000 IKU, 300,000 realisasi; built once per test session."""
    return _muat(tmp_path_factory.mktemp("k300k"), 300_000)


def _rujukan(snap, triwulan: int) -> pd.DataFrame:
    """The reference: every IKU through ``kinerja_core.capaian.nilai_iku``, one at a time."""
    return pd.DataFrame([
        {"kode_unit": h.iku.kode_unit, "kode_iku": h.iku.kode_iku, "target": h.sd_triwulan.target,
         "realisasi": h.sd_triwulan.realisasi, "capaian": h.capaian.nilai, "status": h.status.value,
         "alasan": None if h.alasan is None else h.alasan.value}
        for h in scores.nilai_semua(snap.iku, snap.realisasi, triwulan)
    ]).astype({"target": float, "realisasi": float, "capaian": float})


@pytest.mark.parametrize("triwulan", [1, 2, 3, 4])
def test_skor_kolom_sama_dengan_rujukan(kementerian_10k, triwulan):
    _, db = kementerian_10k
    snap = Storage(db).baca(2025)
    kolom = scores.skor(scores.lebar(snap.iku, snap.realisasi), triwulan)
    rujukan = _rujukan(snap, triwulan)
    assert set(kolom["status"]) >= {Status.HIJAU.value, Status.MERAH.value}  # the data has every kind
    pd.testing.assert_frame_equal(kolom[list(rujukan.columns)].reset_index(drop=True), rujukan)
    # the NKO of every unit equals kinerja_core.nko.hitung_nko over its IKU
    nko = scores.tabel_nko(kolom, snap.unit).set_index("kode_unit")["nko"]
    per_unit: dict[str, list] = {}
    for h in scores.nilai_semua(snap.iku, snap.realisasi, triwulan):
        per_unit.setdefault(h.iku.kode_unit, []).append(h)
    for kode, hasil in per_unit.items():
        harap = hitung_nko(hasil).nilai
        assert (math.isnan(nko[kode]) and harap is None) or nko[kode] == harap, kode


def test_data_contoh_sama_dengan_rujukan(storage):
    for tahun in (2017, 2019):
        snap = storage.baca(tahun)
        for q in (1, 2, 3, 4):
            kolom = scores.skor(scores.lebar(snap.iku, snap.realisasi), q)
            rujukan = _rujukan(snap, q)
            pd.testing.assert_frame_equal(kolom[list(rujukan.columns)].reset_index(drop=True), rujukan)


def test_baca_hanya_unit_yang_diminta(kementerian_10k):
    data, db = kementerian_10k
    s = Storage(db)
    kantor = s.baca(2025, data.kantor)
    assert set(kantor.iku["kode_unit"]) == set(kantor.realisasi["kode_unit"]) == {data.kantor}
    assert len(kantor.iku) == sintetis.IKU_PER_UNIT and len(kantor.unit) == data.jumlah_unit  # the tree whole
    semua_eselon = s.baca(2025, data.eselon1)
    assert set(semua_eselon.iku["kode_unit"]) == set(scores.pohon(kantor.unit).subpohon(data.eselon1))
    unit, eselon = s.baca_lebar(2025, data.eselon1)
    pohon = scores.pohon(unit)
    assert set(eselon["kode_unit"]) == set(pohon.subpohon(data.eselon1)) and len(pohon.subpohon(data.eselon1)) > 2
    assert set(s.baca_lebar(2025, data.eselon1, sub_unit=False)[1]["kode_unit"]) == {data.eselon1}
    assert not {"kendala", "rencana_aksi"} & set(eselon.columns)  # no notes


@pytest.mark.parametrize("unit", [None, "eselon1", "kantor"])
def test_pivot_di_basis_data_sama_dengan_lebar(kementerian_10k, unit):
    data, db = kementerian_10k
    kode = getattr(data, unit) if unit else None
    snap = Storage(db).baca(2025, kode)
    harap = scores.lebar(snap.iku, snap.realisasi)
    _, dibaca = Storage(db).baca_lebar(2025, kode)
    pd.testing.assert_frame_equal(dibaca, harap[list(dibaca.columns)], check_dtype=False)
    assert list(dibaca.columns) == list(snap.iku.columns) + scores.KOLOM_REALISASI


def test_pivot_sampel_dan_gudang_kosong(storage, tmp_path):
    for tahun in (2017, 2019):
        snap = storage.baca(tahun)
        pd.testing.assert_frame_equal(storage.baca_lebar(tahun)[1], scores.lebar(snap.iku, snap.realisasi),
                                      check_dtype=False)
    unit, kosong = Storage(tmp_path / "belum.duckdb").baca_lebar(2025)
    assert unit.empty and kosong.empty and list(kosong.columns)[-4:] == scores.KOLOM_REALISASI


def test_json_sama_dengan_json_dumps():
    data = pd.DataFrame({"kode": ['a"b\\c', "Bea\ncukai ✓", "x\x01"], "nama %s": ["A", None, "C"],
                         "nilai": [1.5, float("nan"), math.inf], "n": [1, 2, 3], "kecil": [1e-7, -0.0, 1e20]})
    for tabel in ({"iku": data, "nko": data.iloc[:0]}, {"satu": data.iloc[:1]}, {}):
        rujukan = {k: [{c: None if isinstance(v, float) and not math.isfinite(v) else v for c, v in r.items()}
                       for r in d.astype(object).to_dict("records")] for k, d in tabel.items()}
        assert ke_json(tabel) == json.dumps(rujukan, ensure_ascii=False, indent=2)


# --- every page at ministry scale (AppTest) ------------------------------------------------------------------


@pytest.fixture
def at_300k(kementerian_300k, monkeypatch, _apptest_navigasi) -> tuple[AppTest, sintetis.Kementerian]:
    data, db = kementerian_300k
    monkeypatch.setenv("KINERJA_DB", str(db))
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    return at, data


def test_setiap_halaman_berjalan_di_akar_dan_kantor(at_300k):
    at, data = at_300k
    assert at.sidebar.selectbox(key="unit").value == data.akar
    for unit in (data.akar, data.kantor):
        at.sidebar.selectbox(key="unit").set_value(unit).run()
        for halaman in HALAMAN:
            at.switch_page(halaman).run()
            assert not at.exception, (unit, halaman, at.exception)
            at.sidebar.radio(key="triwulan").set_value(2).run()
            assert not at.exception, (unit, halaman, at.exception)
            at.sidebar.radio(key="triwulan").set_value(3).run()
    # a ministry's 15,000 IKU reach the browser a page at a time, and the pages are numbered
    at.sidebar.selectbox(key="unit").set_value(data.akar).run()
    at.switch_page("pages/ringkasan.py").run()
    assert len(at.container(key="tabel_iku").dataframe[0].value) == 50
    assert any("1–50 dari 15.000" in m.value for m in at.markdown)
    at.number_input(key="tabel_iku_halaman").set_value(300).run()
    assert any("14.951–15.000 dari 15.000" in m.value for m in at.markdown)


def test_grafik_sub_unit_membuka_unit_yang_diklik(at_300k):
    at, data = at_300k
    at.switch_page("pages/ringkasan.py").run()
    (grafik,) = at.get("plotly_chart")[:1]
    import plotly.io

    batang = plotly.io.from_json(grafik.proto.spec).data[0]
    assert len(batang.y) == 30 and set(batang.customdata) == {f"ES1-{i:02d}" for i in range(1, 31)}
    # a click on a bar, as the browser reports it
    at.session_state[f"anak_{data.akar}"] = {"selection": {"points": [{"customdata": data.eselon1}],
                                                           "point_indices": [0], "box": [], "lasso": []}}
    at.run()
    assert not at.exception, at.exception
    assert at.sidebar.selectbox(key="unit").value == data.eselon1
    assert at.query_params["unit"] == [data.eselon1] or at.query_params["unit"] == data.eselon1
    # the eselon I now shows its own offices
    batang = plotly.io.from_json(at.get("plotly_chart")[0].proto.spec).data[0]
    assert all(k.startswith("KANTOR-") for k in batang.customdata)


def test_dialog_di_akar_tidak_menyusun_notulen_15000_slide(at_300k):
    at, data = at_300k
    at.switch_page("pages/dialog.py").run()
    assert not at.exception, at.exception
    (tombol,) = [b for b in at.get("download_button") if "dialog_unduh_pptx" in b.proto.id]
    assert tombol.proto.disabled
    assert any("paling banyak 300 IKU; pilihan ini 15.000" in c.value for c in at.caption)
    at.sidebar.selectbox(key="unit").set_value(data.eselon1).run()  # 33 units × 15 IKU: a deck of 495 is too many
    at.sidebar.toggle(key="sub_unit").set_value(False).run()
    (tombol,) = [b for b in at.get("download_button") if "dialog_unduh_pptx" in b.proto.id]
    assert not tombol.proto.disabled


def test_tabel_ekspor_sama_dengan_slide(storage):
    """The export table (whole columns) says per IKU what its slide says: quarters, scores and this quarter's
    notes."""
    from kinerja.rapat import dialog

    for unit, triwulan in (("KEMENKEU", 3), ("KPPBCBOGOR", 2), ("KPPBCBOGOR", 3)):
        isi = dialog.susun(storage.baca(2019), unit, triwulan)
        tabel = dialog.tabel_ekspor(isi)
        assert len(tabel) == len(isi.slide) > 0
        for baris, s in zip(tabel.to_dict("records"), isi.slide):
            harap = {
                "kode_unit": s.iku.kode_unit, "nama_unit": s.nama_unit, "kode_iku": s.iku.kode_iku,
                **{f"target_tw{q}": s.progres["target_periodik"].iloc[q - 1] for q in (1, 2, 3, 4)},
                **{f"realisasi_tw{q}": s.progres["realisasi_periodik"].iloc[q - 1] for q in (1, 2, 3, 4)},
                "target": s.hasil.sd_triwulan.target, "realisasi": s.hasil.sd_triwulan.realisasi,
                "capaian": s.hasil.capaian.nilai, "status": s.hasil.status.value, "keterangan": s.keterangan,
                **{k: s.catatan_triwulan_ini[k] for k in ("kendala", "rencana_aksi", "pic", "tenggat")},
            }
            for k, v in harap.items():
                assert baris[k] == v or (pd.isna(baris[k]) and (v is None or pd.isna(v))), (unit, s.iku.kode_iku, k)
    assert tabel["kendala"].notna().any()  # the sample has notes in TW III


def test_pratinjau_unggahan_besar_per_halaman(kementerian_10k, tmp_path, monkeypatch, _apptest_navigasi):
    """A ministry's realisasi file (9,900 rows) previews 200 rows at a time, changes first, and stores whole."""
    import shutil

    data, db = kementerian_10k
    salinan = tmp_path / "kinerja.duckdb"
    shutil.copy(db, salinan)
    monkeypatch.setenv("KINERJA_DB", str(salinan))
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=120).run()
    at.switch_page("pages/unggah.py").run()
    isi = (data.folder / "realisasi.csv").read_bytes().replace(b"KANTOR-00001;IKU-01;", b"KANTOR-00001;IKU-01;9", 1)  # one value changed
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    assert not at.exception, at.exception
    tabel = at.container(key="unggah_rincian_0").dataframe[0].value
    assert len(tabel) == 200 and tabel["Perubahan"].iloc[0] == "berubah"
    assert any("1–200 dari 9.900" in m.value for m in at.markdown)
    assert not any("Perubahan lampu" in c.value for c in at.caption)  # 1 changed row: every light shown


def test_pratinjau_mengatakan_batas_perubahan_lampu(at, monkeypatch):
    """Past the rows whose light change the preview computes, the page says so instead of leaving blanks."""
    from kinerja.masuk import importing

    monkeypatch.setattr(importing, "BATAS_STATUS_PRATINJAU", 1)
    at.switch_page("pages/unggah.py").run()
    isi = "tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBEKASI;BKS-01;80\n2019;TW III;KPPBCBEKASI;BKS-02;10\n"
    at.file_uploader(key="unggah_berkas").set_value(("r.csv", isi.encode(), "text/csv")).run()
    assert not at.exception, at.exception
    assert any("ditunjukkan untuk 1 baris realisasi pertama" in c.value and "1 baris lainnya" in c.value
               for c in at.caption)
