"""The cascade view (Kaskade IKU): the tree of one IKU down the units that support it, built from the sample
(kinerja.pohon_kaskade), and the page as a user drives it (AppTest)."""

from __future__ import annotations

import signal

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import pohon_kaskade, scores
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import Storage
from kinerja.texts import TEKS, dalam_bahasa
from kinerja_core.akses import Pelaku
from tests.conftest import AKAR
from tests.web.test_app import at  # noqa: F401  (the app on the sample data, as test_app opens it)

APP = str(AKAR / "app.py")


# --- the builder ----------------------------------------------------------------------------------


def skor_bppt(storage, triwulan: int = 3) -> tuple[pd.DataFrame, dict[str, str]]:
    """BPPT and its sub-units in 2017, scored through ``triwulan``, and the unit names."""
    unit, lebar = storage.baca_lebar(2017, "BPPT", sub_unit=True)
    return scores.skor(lebar, triwulan), dict(zip(unit["kode_unit"], unit["nama_unit"]))


def test_akar_dari_contoh(storage):
    """The IKU some IKU among the rows supports: BPPT's four and PTM's four; BTP's support but have none below."""
    skor, _ = skor_bppt(storage)
    akar = pohon_kaskade.akar(skor)
    assert akar["kode_iku"].tolist() == [f"BPPT-0{i}" for i in range(1, 5)] + [f"PTM-0{i}" for i in range(1, 5)]


def test_pohon_bppt_01_dari_contoh(storage):
    skor, nama = skor_bppt(storage)
    pohon = pohon_kaskade.pohon(skor, "BPPT", "BPPT-01", nama)
    assert list(pohon.columns) == pohon_kaskade.KOLOM
    assert pohon["kode_iku"].tolist() == ["BPPT-01", "PTM-02", "BTP-01"]
    assert pohon["tingkat"].tolist() == [0, 1, 2]
    assert pohon["nama_unit"].tolist() == ["Badan Pengkajian dan Penerapan Teknologi", "Pusat Teknologi Material",
                                           "Balai Teknologi Polimer"]
    assert pohon["status"].tolist() == ["kuning", "kuning", "kuning"]
    assert pohon["capaian"].round(2).tolist() == [98.89, 98.89, 91.89]
    assert pohon["target"].round(2).tolist() == [9.0, 9.0, 3.7]
    assert pohon["realisasi"].round(2).tolist() == [8.9, 8.9, 3.4]
    assert pohon["asal"].tolist() == ["dihitung dari 1 IKU turunan (jumlah)", "", ""]
    assert pohon["label"].tolist() == ["BPPT · Penerimaan PNBP BPPT", "　└ PTM · Penerimaan PNBP",
                                       "　　└ BTP · Penerimaan PNBP"]
    with dalam_bahasa("en"):
        assert pohon_kaskade.pohon(skor, "BPPT", "BPPT-01", nama)["asal"].iloc[0] == (
            "computed from 1 supporting IKU (sum)")


def test_pohon_dari_tengah_dan_iku_tanpa_baris(storage):
    """A tree may start below the top (PTM-03 → BTP-03), codes in any case; an IKU not among the rows gives none."""
    skor, nama = skor_bppt(storage)
    pohon = pohon_kaskade.pohon(skor, "ptm", "ptm-03", nama)
    assert pohon["kode_iku"].tolist() == ["PTM-03", "BTP-03"] and pohon["asal"].tolist() == ["", ""]
    assert pohon_kaskade.pohon(skor, "BPPT", "BPPT-99", nama).empty


def test_paling_menahan_dari_contoh(storage):
    skor, nama = skor_bppt(storage)
    lemah = pohon_kaskade.paling_menahan(pohon_kaskade.pohon(skor, "BPPT", "BPPT-03", nama))
    assert (lemah["kode_unit"], lemah["nama_iku"], lemah["status"], round(lemah["capaian"], 2)) == (
        "BTP", "Indeks Kepuasan Mitra", "kuning", 97.25)
    # BPPT-04 (the minimum of its supporting IKU): everything below is hijau
    assert pohon_kaskade.paling_menahan(pohon_kaskade.pohon(skor, "BPPT", "BPPT-04", nama)) is None


def baris(kode_unit, kode_iku, status, induk=None, capaian=None, agregasi=None) -> dict[str, object]:
    return {"kode_unit": kode_unit, "kode_iku": kode_iku, "nama_iku": f"IKU {kode_iku}",
            "kode_unit_induk": induk[0] if induk else None, "kode_iku_induk": induk[1] if induk else None,
            "agregasi_anak": agregasi, "status": status, "capaian": capaian, "target": 1.0, "realisasi": 1.0,
            "satuan": "jumlah"}


def test_anak_terburuk_dahulu_lalu_kode():
    """Under each parent: merah, kuning, hijau, abu-abu, then by unit and IKU code; each child's own subtree
    right after it (depth first)."""
    akar = ("PUSAT", "P-1")
    skor = pd.DataFrame([
        baris("PUSAT", "P-1", "kuning", agregasi="rata-rata", capaian=90.0),
        baris("B", "H-1", "hijau", akar, 100.0),
        baris("B", "G-1", "abu-abu", akar),
        baris("C", "M-1", "merah", akar, 50.0),
        baris("A", "K-1", "kuning", akar, 85.0),
        baris("A", "M-2", "merah", akar, 70.0),
        baris("D", "X-2", "hijau", ("A", "M-2"), 110.0),
        baris("D", "X-1", "merah", ("A", "M-2"), 40.0),
    ])
    pohon = pohon_kaskade.pohon(skor, *akar, {"PUSAT": "Pusat"})
    assert pohon["kode_iku"].tolist() == ["P-1", "M-2", "X-1", "X-2", "M-1", "K-1", "H-1", "G-1"]
    assert pohon["tingkat"].tolist() == [0, 1, 2, 2, 1, 1, 1, 1]
    assert pohon["asal"].iloc[0] == "dihitung dari 5 IKU turunan (rata-rata)"
    assert pohon["nama_unit"].tolist()[:2] == ["Pusat", "A"]  # a unit without a name shows its code
    assert pohon["label"].iloc[2] == "　　└ D · IKU X-1"
    lemah = pohon_kaskade.paling_menahan(pohon)
    assert lemah["kode_iku"] == "X-1"  # the worst leaf: merah 40 (M-2 and M-1 are merah too, but not leaves)


@pytest.fixture
def batas_waktu():
    """Fail, rather than hang, a walk that does not end."""

    def habis(*_: object) -> None:
        raise TimeoutError("the walk did not end")

    lama = signal.signal(signal.SIGALRM, habis)
    signal.alarm(5)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, lama)


def test_siklus_tidak_berputar_selamanya(batas_waktu):
    """Stored links have no cycle, but a table could: each IKU is shown once and the walk ends."""
    skor = pd.DataFrame([
        baris("A", "1", "kuning", ("C", "1"), 90.0),
        baris("B", "1", "merah", ("A", "1"), 50.0),
        baris("C", "1", "hijau", ("B", "1"), 100.0),
        baris("D", "1", "hijau", ("D", "1"), 100.0),  # supports itself
    ])
    assert pohon_kaskade.akar(skor)["kode_unit"].tolist() == ["A", "B", "C", "D"]
    pohon = pohon_kaskade.pohon(skor, "A", "1", {})
    assert pohon["kode_unit"].tolist() == ["A", "B", "C"]
    assert pohon["tingkat"].tolist() == [0, 1, 2]
    assert pohon_kaskade.pohon(skor, "D", "1", {})["kode_unit"].tolist() == ["D"]


# --- the page -------------------------------------------------------------------------------------


def buka_kaskade(at: AppTest, tahun: int = 2017, unit: str = "BPPT", triwulan: int | None = 3) -> AppTest:
    at.sidebar.selectbox(key="tahun").set_value(tahun).run()
    if triwulan:
        at.sidebar.radio(key="triwulan").set_value(triwulan).run()
    at.sidebar.selectbox(key="unit").set_value(unit).run()
    at.switch_page("pages/kaskade.py").run()
    assert not at.exception, at.exception
    return at


def tabel(at: AppTest) -> pd.DataFrame:
    return at.container(key="tabel_kaskade").dataframe[0].value


def kalimat(at: AppTest, testid: str) -> str:
    """The text of the line with this data-testid (the weakest IKU, where the root's realisasi comes from)."""
    (teks,) = [m.value for m in at.markdown if f'data-testid="{testid}"' in m.value]
    return teks.split(">")[1].split("<")[0]


def test_halaman_bppt_01_dan_ganti_iku(at):
    buka_kaskade(at)
    assert at.title[0].value == "Kaskade IKU"
    pilih = at.selectbox(key="kaskade_iku")
    assert pilih.value == "BPPT/BPPT-01"  # the first root of the filter's unit
    assert pilih.options[0] == "BPPT-01 · Penerimaan PNBP BPPT (Badan Pengkajian dan Penerapan Teknologi)"
    assert "PTM-03 · Indeks Kepuasan Mitra (Pusat Teknologi Material)" in pilih.options
    isi = tabel(at)
    assert isi["Unit · nama IKU"].tolist() == ["BPPT · Penerimaan PNBP BPPT", "　└ PTM · Penerimaan PNBP",
                                               "　　└ BTP · Penerimaan PNBP"]
    assert isi["Kode IKU"].tolist() == ["BPPT-01", "PTM-02", "BTP-01"]
    assert isi["Status"].tolist() == ["▲ Kuning"] * 3
    assert isi["Capaian (%)"].tolist() == ["98,89", "98,89", "91,89"]
    assert kalimat(at, "kaskade-menahan") == "Paling menahan: BTP · Penerimaan PNBP (kuning, 91,89 %)"
    assert kalimat(at, "kaskade-asal") == "Realisasi BPPT-01 dihitung dari 1 IKU turunan (jumlah)."

    at.selectbox(key="kaskade_iku").set_value("BPPT/BPPT-03").run()
    assert not at.exception, at.exception
    isi = tabel(at)
    assert isi["Kode IKU"].tolist() == ["BPPT-03", "PTM-03", "BTP-03"]
    assert isi["Status"].tolist() == ["▲ Kuning"] * 3
    assert isi["Capaian (%)"].tolist() == ["99,85", "99,85", "97,25"]
    assert kalimat(at, "kaskade-menahan") == "Paling menahan: BTP · Indeks Kepuasan Mitra (kuning, 97,25 %)"
    assert kalimat(at, "kaskade-asal") == "Realisasi BPPT-03 dihitung dari 1 IKU turunan (rata-rata)."

    at.selectbox(key="kaskade_iku").set_value("BPPT/BPPT-04").run()
    isi = tabel(at)
    assert isi["Kode IKU"].tolist() == ["BPPT-04", "PTM-04", "BTP-08"]
    assert isi["Status"].tolist() == ["● Hijau"] * 3
    assert kalimat(at, "kaskade-menahan").startswith("Tidak ada yang menahan")

    at.selectbox(key="kaskade_iku").set_value("PTM/PTM-02").run()  # a root that takes no realisasi from below
    assert tabel(at)["Kode IKU"].tolist() == ["PTM-02", "BTP-01"]
    assert not [m for m in at.markdown if 'data-testid="kaskade-asal"' in m.value]


def test_induk_terhitung_di_tengah_menyebut_asalnya(db_contoh, at):
    """PTM-02 made to add up its Balai's PNBP too: its row says so after its name."""
    iku = ("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
           "target_tw1;target_tw2;target_tw3;target_tw4;sumber;kode_unit_induk;kode_iku_induk;agregasi_anak\n"
           "2017;PTM;PTM-02;Penerimaan PNBP;Meningkatnya penerapan teknologi material untuk daya saing industri;"
           "Stakeholder;Rp miliar;maximize;sum;25;2,5;3;3,5;4;pnbp;BPPT;BPPT-01;jumlah\n")
    realisasi = "tahun;triwulan;kode_unit;kode_iku;realisasi\n" + "".join(
        f"2017;{q};PTM;PTM-02;\n" for q in range(1, 5))  # blank: computed now
    storage = Storage(db_contoh)
    rencana = rencanakan([("iku.csv", iku.encode()), ("realisasi.csv", realisasi.encode())], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    terapkan(rencana, storage, Pelaku.sistem("uji"))
    buka_kaskade(at)
    isi = tabel(at)
    assert isi["Unit · nama IKU"].tolist() == [
        "BPPT · Penerimaan PNBP BPPT", "　└ PTM · Penerimaan PNBP — dihitung dari 1 IKU turunan (jumlah)",
        "　　└ BTP · Penerimaan PNBP"]
    assert kalimat(at, "kaskade-asal") == "Realisasi BPPT-01 dihitung dari 1 IKU turunan (jumlah)."
    assert isi["Realisasi s.d. TW"].tolist() == ["3,4"] * 3  # BTP's 3,4 miliar, taken up twice
    # against PTM's own target of 9 miliar the Balai's 3,4 is far short; against its own 3,7 it is kuning
    assert isi["Status"].tolist() == ["■ Merah", "■ Merah", "▲ Kuning"]
    assert kalimat(at, "kaskade-menahan") == "Paling menahan: BTP · Penerimaan PNBP (kuning, 91,89 %)"


def test_halaman_mengikuti_triwulan_dan_unit(at):
    buka_kaskade(at, triwulan=None)  # 2017 opens at TW IV: every quarter reported
    assert at.sidebar.radio(key="triwulan").value == 4
    assert tabel(at)["Status"].tolist() == ["● Hijau", "● Hijau", "▲ Kuning"]
    assert kalimat(at, "kaskade-menahan") == "Paling menahan: BTP · Penerimaan PNBP (kuning, 92,98 %)"
    # another unit: its own first root; without sub-units the tree still reaches below, and says so
    at.sidebar.selectbox(key="unit").set_value("PTM").run()
    at.sidebar.toggle(key="sub_unit").set_value(False).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="kaskade_iku").value == "PTM/PTM-01"
    assert tabel(at)["Kode IKU"].tolist() == ["PTM-01", "BTP-02"]
    assert any("filter itu tidak berlaku" in c.value for c in at.caption)


def test_tanpa_kaskade_memberi_petunjuk(at):
    buka_kaskade(at, tahun=2019, unit="KPPBCBOGOR", triwulan=None)
    (info,) = at.info
    assert "Belum ada kaskade di KPPBC TMP A Bogor" in info.value
    assert "`kode_unit_induk`" in info.value and "`kode_iku_induk`" in info.value and "agregasi_anak" in info.value
    with pytest.raises(KeyError):
        at.selectbox(key="kaskade_iku")
    with pytest.raises(KeyError):
        at.container(key="tabel_kaskade")


def test_halaman_dalam_bahasa_inggris(db_contoh, monkeypatch, _apptest_navigasi):
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["bahasa"] = "en"
    at.run()
    buka_kaskade(at)
    assert at.title[0].value == TEKS["en"]["kaskade.judul"] == "IKU Cascade"
    isi = tabel(at)
    assert isi["Status"].tolist() == ["▲ Yellow"] * 3
    assert isi["Achievement (%)"].tolist() == ["98.89", "98.89", "91.89"]
    assert kalimat(at, "kaskade-asal") == "Realisasi of BPPT-01: computed from 1 supporting IKU (sum)."
    assert kalimat(at, "kaskade-menahan") == "Holding it back most: BTP · Penerimaan PNBP (yellow, 91.89%)"
    at.sidebar.selectbox(key="tahun").set_value(2019).run()
    at.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    assert not at.exception, at.exception
    assert at.info[0].value.startswith("No cascade in KPPBC TMP A Bogor")
