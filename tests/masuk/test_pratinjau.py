"""The upload preview in the user's words (no "None", no ISO timestamps), and the sidebar lists without
Streamlit's English "Select all" (Streamlit AppTest; what the browser draws is in tests/e2e/test_tata_letak.py)."""

import pandas as pd
from streamlit.testing.v1 import AppTest

from kinerja.masuk.importing import rencanakan, tabel_pratinjau
from kinerja.texts import KOSONG
from tests.conftest import AKAR
from tests.web.test_app import at  # noqa: F401  (the app on the sample data, as a fixture)

# BGR-01 gets a deadline written the ISO way and no PIC; BGR-02 a PIC and no deadline
REALISASI = (
    b"tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi;pic;tenggat\n"
    b"2019;TW III;KPPBCBOGOR;BGR-01;10;Hujan deras;Kejar penerimaan;;2019-12-31\n"
    b"2019;TW III;KPPBCBOGOR;BGR-02;5;;;Budi;\n"
)

def bukan_kata_pengguna(sel: str) -> bool:
    """What pandas or the grid would write for a missing value or a date, not a person."""
    return sel.strip() in {"None", "nan", "NaN", "NaT", "<NA>"} or any(
        potongan in sel for potongan in ("T00:00:00", "00:00:00", "2019-12-31"))


def pratinjau(at: AppTest, nama: str, isi: bytes) -> pd.DataFrame:
    """Upload one file on the Unggah Data page; the preview table as the page hands it to the grid."""
    at.switch_page("pages/unggah.py").run()
    at.file_uploader(key="unggah_berkas").set_value((nama, isi, "text/csv")).run()
    assert not at.exception and not at.error, (at.exception, [e.value for e in at.error])
    return at.container(key="unggah_rincian_0").dataframe[0].value


def teks_sel(tabel: pd.DataFrame) -> list[str]:
    return [str(v) for v in tabel.to_numpy().ravel()]


def test_pratinjau_realisasi_tanggal_dan_nilai_kosong(at):
    tabel = pratinjau(at, "realisasi.csv", REALISASI).set_index("kode_iku")
    assert tabel.loc["BGR-01", "tenggat"] == "31/12/2019"  # day first, no time of day
    assert tabel.loc["BGR-01", "pic"] == "—"
    assert tabel.loc["BGR-02", "tenggat"] == "—"
    assert tabel.loc["BGR-02", "pic"] == "Budi"
    assert (tabel.loc["BGR-01", "realisasi"], tabel.loc["BGR-01", "triwulan"]) == ("10", "TW III")
    assert "tenggat: — → 31/12/2019" in tabel.loc["BGR-01", "Rincian perubahan"]
    assert not [sel for sel in teks_sel(tabel.reset_index()) if bukan_kata_pengguna(sel)]


def test_pratinjau_iku_tanpa_none(at):
    baris = (AKAR / "data" / "iku.csv").read_text(encoding="utf-8").splitlines()
    # BGR-01 under a new name, its strategic goal left blank
    kolom = baris[1].split(";")
    kolom[3], kolom[4] = "Penerimaan bea masuk (baru)", ""
    isi = "\n".join([baris[0], ";".join(kolom), baris[2]]).encode()
    tabel = pratinjau(at, "iku.csv", isi).set_index("kode_iku")
    assert tabel.loc["BGR-01", "Perubahan"] == "berubah" and tabel.loc["BGR-02", "Perubahan"] == "tidak berubah"
    assert tabel.loc["BGR-01", "sasaran_strategis"] in {"", KOSONG}  # empty text, or nothing at all
    assert tabel.loc["BGR-01", "target_tw3"] == "43,8"  # numbers the Indonesian way
    assert not [sel for sel in teks_sel(tabel.reset_index()) if bukan_kata_pengguna(sel)]


def test_tabel_pratinjau_urutan_dan_tipe(storage):
    rencana = rencanakan([("realisasi.csv", REALISASI)], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    (b,), (p,) = rencana.berkas, rencana.perubahan
    tabel = tabel_pratinjau(b, p)
    assert list(tabel.columns[:4]) == ["Baris", "Perubahan", "Status", "Rincian perubahan"]
    assert tabel["Status"].tolist() == ["● Hijau → ■ Merah", "● Hijau → ▲ Kuning"]
    # numbers stay numbers: the grid writes them (48,2) and aligns them right
    assert pd.api.types.is_float_dtype(tabel["realisasi"]) and pd.api.types.is_integer_dtype(tabel["Baris"])
    assert tabel["tenggat"].tolist() == ["31/12/2019", "—"]


def test_daftar_filter_tanpa_pilih_semua(at):
    for kunci in ("perspektif", "status"):
        assert at.sidebar.multiselect(key=kunci).proto.select_all == 0  # never shown
    assert any("Tidak ada pilihan" in m.value for m in at.markdown)  # the empty list's words (CSS)


def test_pratinjau_per_berkas_dua_berkas_realisasi(storage):
    """Two realisasi files in one upload: each file's preview holds its own rows, in its row order, and the status
    it turns (the comparison is split by file once, not copied per file)."""
    bekasi = (b"tahun;triwulan;kode_unit;kode_iku;realisasi\n"
              b"2019;TW III;KPPBCBEKASI;BKS-01;1\n")
    rencana = rencanakan([("bogor.csv", REALISASI), ("unit.csv", (AKAR / "data" / "unit.csv").read_bytes()),
                          ("bekasi.csv", bekasi)], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    bogor, unit, bks = rencana.perubahan
    assert (bogor.berkas, bogor.berubah, bogor.sama, len(bogor.beda)) == ("bogor.csv", 2, 0, 2)
    assert bogor.rincian["kode_iku"].tolist() == ["BGR-01", "BGR-02"] and bogor.rincian["baris"].tolist() == [2, 3]
    assert (unit.jenis.value, unit.sama) == ("unit", 9)
    assert (bks.berkas, len(bks.beda), bks.rincian["kode_unit"].tolist()) == ("bekasi.csv", 1, ["KPPBCBEKASI"])
    assert tabel_pratinjau(rencana.berkas[0], bogor)["Status"].tolist() == ["● Hijau → ■ Merah", "● Hijau → ▲ Kuning"]
    assert tabel_pratinjau(rencana.berkas[2], bks)["Baris"].tolist() == [2]
