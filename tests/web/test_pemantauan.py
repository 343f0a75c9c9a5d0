"""The Pemantauan page as its users meet it (AppTest, signed in): the board of stages with the person's own turns
first, the step they may take, a refusal shown in words with nothing changed, the export."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from kinerja.store import Storage
from kinerja_core.akses import Peran
from kinerja_core.siklus import Langkah, Tahap
from tests.conftest import teks_md
from tests.web.test_gerbang import OPERATOR, buka, masuk, tambah

HALAMAN = "pages/pemantauan.py"


def _papan(at: AppTest) -> list[dict[str, object]]:
    return at.dataframe[0].value.to_dict("records")


def _ke_papan(storage: Storage, monkeypatch, nama: str) -> AppTest:
    at = masuk(buka(storage, monkeypatch), nama)
    at.sidebar.selectbox(key="tahun").set_value(2019).run()
    at.sidebar.radio(key="triwulan").set_value(3).run()
    at.switch_page(HALAMAN).run()
    assert not at.exception, at.exception
    return at


def test_pengisi_melihat_gilirannya_lalu_mengajukan(storage, monkeypatch, _apptest_navigasi):
    tambah(storage, "bogor", (Peran.PENGISI, "KPPBCBOGOR"))
    tambah(storage, "kanwil", (Peran.PEMBACA, "KWBCJABAR"))
    at = _ke_papan(storage, monkeypatch, "bogor")
    papan = _papan(at)
    assert [(r["Kode unit"], r["Tahap"], r["Giliran"]) for r in papan] == [("KPPBCBOGOR", "✎ Draf", "giliran Anda")]
    assert papan[0]["Tenggat berikutnya"] == "14/10/2019"
    assert list(at.radio(key="pemantauan_langkah_KPPBCBOGOR").options) == ["ajukan"]
    at.button(key="pemantauan_tombol").click().run()
    assert not at.exception, at.exception
    assert storage.keadaan_tahap(2019, 3, "KPPBCBOGOR").tahap is Tahap.DIAJUKAN
    assert [teks_md(s.value) for s in at.success] == ["KPPBCBOGOR: ➜ Diajukan"]
    assert _papan(at)[0]["Tahap"] == "➜ Diajukan" and _papan(at)[0]["Diajukan"].startswith("bogor · ")


def test_verifikator_mengembalikan_perlu_alasan(storage, monkeypatch, _apptest_navigasi):
    tambah(storage, "bogor", (Peran.PENGISI, "KPPBCBOGOR"))
    tambah(storage, "kanwil", (Peran.VERIFIKATOR, "KWBCJABAR"))
    storage.langkah_tahap(2019, 3, "KPPBCBOGOR", Langkah.AJUKAN, pelaku=OPERATOR)
    at = _ke_papan(storage, monkeypatch, "kanwil")
    papan = _papan(at)
    assert papan[0]["Kode unit"] == "KPPBCBOGOR" and papan[0]["Giliran"] == "giliran Anda"  # theirs first
    assert {r["Kode unit"] for r in papan} == {"KWBCJABAR", "KPPBCBEKASI", "KPPBCBOGOR"}
    at.radio(key="pemantauan_langkah_KPPBCBOGOR").set_value(Langkah.KEMBALIKAN).run()
    at.button(key="pemantauan_tombol").click().run()
    assert "perlu alasan" in teks_md(at.error[0].value)
    assert storage.keadaan_tahap(2019, 3, "KPPBCBOGOR").tahap is Tahap.DIAJUKAN  # nothing changed
    at.text_area(key="pemantauan_alasan").input("IKU **BGR-01** <b>belum</b> termasuk September").run()
    at.button(key="pemantauan_tombol").click().run()
    keadaan = storage.keadaan_tahap(2019, 3, "KPPBCBOGOR")
    assert (keadaan.tahap, keadaan.alasan) == (Tahap.DIKEMBALIKAN, "IKU **BGR-01** <b>belum</b> termasuk September")
    baris = next(r for r in _papan(at) if r["Kode unit"] == "KPPBCBOGOR")
    assert baris["Alasan / catatan"] == "IKU **BGR-01** <b>belum</b> termasuk September"  # text in a cell, as typed
    assert baris["Giliran"] == ""  # a returned quarter waits for the pengisi, not for the one who returned it
    assert [teks_md(w.value) for w in at.warning] == [
        "KPPBCBOGOR dikembalikan oleh kanwil: IKU **BGR-01** <b>belum</b> termasuk September"]  # whole, as text


def test_pembaca_hanya_melihat(storage, monkeypatch, _apptest_navigasi):
    tambah(storage, "bekasi", (Peran.PEMBACA, "KPPBCBEKASI"))
    at = _ke_papan(storage, monkeypatch, "bekasi")
    assert [r["Kode unit"] for r in _papan(at)] == ["KPPBCBEKASI"]
    assert not [b for b in at.button if b.key == "pemantauan_tombol"]
    assert {b.label for b in at.get("download_button")} >= {"Unduh CSV", "Unduh Excel"}


PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_lampirkan_data_dukung_diperiksa_dari_isinya(storage, monkeypatch, _apptest_navigasi):
    tambah(storage, "bogor", (Peran.PENGISI, "KPPBCBOGOR"))
    at = _ke_papan(storage, monkeypatch, "bogor")
    assert any("Belum ada data dukung" in c.value for c in at.caption)
    nama_jahat = "<img src=x onerror=alert(1)>.pdf"
    at.file_uploader(key="bukti_berkas").set_value((nama_jahat, b"<html><script>alert(1)</script>", "application/pdf")).run()
    at.button(key="bukti_tombol").click().run()
    assert "bukan PDF, XLSX, DOCX, PNG atau JPEG menurut isinya" in teks_md(at.error[0].value)
    assert storage.daftar_bukti(2019).empty
    at.file_uploader(key="bukti_berkas").set_value((nama_jahat, PDF, "application/pdf")).run()
    at.button(key="bukti_tombol").click().run()
    assert not at.exception, at.exception
    daftar = storage.daftar_bukti(2019, 3)
    assert daftar[["kode_unit", "nama", "jenis", "oleh"]].values.tolist() == [["KPPBCBOGOR", nama_jahat, "pdf", "bogor"]]
    tabel = next(d.value for d in at.dataframe if "Berkas" in d.value.columns)
    assert tabel["Berkas"].tolist() == [nama_jahat]  # a cell of text, never markup
    assert [b.label for b in at.get("download_button") if b.key == "bukti_unduh"] == ["Unduh berkas"]
