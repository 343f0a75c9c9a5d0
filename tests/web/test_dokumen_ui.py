"""The document control on the Ringkasan and in the Dialog's Kontrol (Streamlit AppTest): the kinds each page
offers, the file made on the click and opened again, a refusal said in words, a kind not installed not failing."""

import datetime
import io

import pytest
from docx import Document
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from kinerja.rapat.simpan import simpan_rapat
from kinerja.store import Storage
from kinerja_core.akses import Pelaku
from tests.conftest import AKAR

APP = str(AKAR / "app.py")


def _app(bahasa: str = "id") -> AppTest:
    app = AppTest.from_file(APP, default_timeout=90)
    app.session_state["bahasa"] = bahasa  # from the first run: AppTest keeps a widget's first labels
    app.run()
    assert not app.exception, app.exception
    app.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    assert not app.exception, app.exception
    return app


@pytest.fixture
def at(db_contoh, monkeypatch, _apptest_navigasi) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    return _app()


def test_ringkasan_menawarkan_empat_dokumen_dan_membuatnya(at):
    jenis = at.selectbox(key="dok_ringkasan_jenis")
    assert jenis.options == ["Laporan Kinerja Triwulanan", "Perjanjian Kinerja", "Manual IKU", "Tabel Bab III LKjIP"]
    assert at.radio(key="dok_ringkasan_format").options == ["PDF", "DOCX", "XLSX"]
    assert not at.get("download_button") or all(d.proto.id.find("dok_ringkasan_unduh") < 0
                                                for d in at.get("download_button"))
    jenis.set_value("pk")
    at.radio(key="dok_ringkasan_format").set_value("docx")
    at.button(key="dok_ringkasan_buat").click().run()
    assert not at.exception, at.exception
    assert "Berkas: pk_KPPBCBOGOR_2019.docx" in [x.value for x in at.text]
    (p, bentuk), berkas = at.session_state["dok_ringkasan_berkas"]
    assert (p.jenis, p.kode_unit, p.tahun, bentuk) == ("pk", "KPPBCBOGOR", 2019, "docx")
    assert berkas.mime.endswith("wordprocessingml.document")
    teks = "\n".join(x.text for x in Document(io.BytesIO(berkas.data)).paragraphs)
    assert "Perjanjian Kinerja" in teks
    assert any("dok_ringkasan_unduh" in d.proto.id for d in at.get("download_button"))
    at.radio(key="dok_ringkasan_format").set_value("pdf").run()  # another format: the old file is not offered
    assert "Berkas: pk_KPPBCBOGOR_2019.docx" not in [x.value for x in at.text]


def test_laporan_triwulan_pdf_dalam_bahasa_inggris(db_contoh, monkeypatch, _apptest_navigasi):
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = _app("en")
    assert at.selectbox(key="dok_ringkasan_jenis").options[0] == "Quarterly Performance Report"
    assert at.selectbox(key="dok_ringkasan_jenis").value == "triwulan"  # the first kind, by default
    assert at.radio(key="dok_ringkasan_format").value == "pdf"
    at.button(key="dok_ringkasan_buat").click().run()
    assert not at.exception, at.exception
    (p, _), berkas = at.session_state["dok_ringkasan_berkas"]
    assert p.bahasa == "en" and p.triwulan == 3 and berkas.nama.endswith(".pdf")
    halaman = PdfReader(io.BytesIO(berkas.data)).pages
    assert f"Page 1 of {len(halaman)}" in halaman[0].extract_text()


def test_jenis_belum_terpasang_tidak_menggagalkan_halaman(at, monkeypatch):
    monkeypatch.setattr("kinerja.web.dokumen_ui.tersedia", lambda jenis: jenis != "lkjip")
    at.selectbox(key="dok_ringkasan_jenis").set_value("lkjip").run()
    assert not at.exception, at.exception
    assert at.button(key="dok_ringkasan_buat").disabled
    assert any("belum tersedia" in c.value for c in at.caption)


def test_dialog_notulen_tanpa_rapat_ditolak_dengan_kata_lalu_dibuat(at, db_contoh):
    at.switch_page("pages/dialog.py").run()
    assert not at.exception, at.exception
    with pytest.raises(KeyError):
        at.selectbox(key="dok_dialog_jenis")  # one kind here: the minutes
    at.button(key="dok_dialog_buat").click().run()
    assert not at.exception, at.exception
    assert any("Belum ada Dialog Kinerja" in e.value for e in at.error)
    assert "dok_dialog_berkas" not in at.session_state
    simpan_rapat(Storage(db_contoh), "KPPBCBOGOR", 2019, 3, tanggal=datetime.date(2019, 10, 2),
                 pelaku=Pelaku.sistem("uji"), tempat="Aula", pimpinan="Kepala Kantor", peserta="Kasi PKC",
                 arahan="Percepat penagihan")
    at.radio(key="dok_dialog_format").set_value("pdf")
    at.button(key="dok_dialog_buat").click().run()
    assert not at.exception, at.exception
    (p, _), berkas = at.session_state["dok_dialog_berkas"]
    assert p.jenis == "dko" and berkas.nama.endswith(".pdf")
    teks = "".join(h.extract_text() for h in PdfReader(io.BytesIO(berkas.data)).pages)
    assert "Aula" in teks and "Percepat penagihan" in teks
