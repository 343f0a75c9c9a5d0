"""The language switch: every page runs in both languages (a missing English string would raise), the words
and numbers follow the choice, and the choice travels in the URL."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kinerja.texts import TEKS
from tests.conftest import AKAR

APP = str(AKAR / "app.py")
HALAMAN = ["pages/ringkasan.py", "pages/progres.py", "pages/peta.py", "pages/kaskade.py", "pages/dialog.py",
           "pages/unggah.py", "pages/riwayat.py", "pages/jejak.py"]


@pytest.fixture
def at(db_contoh, monkeypatch, _apptest_navigasi) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    app = AppTest.from_file(APP, default_timeout=60).run()
    app.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    return app


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_setiap_halaman_dalam_kedua_bahasa(at, bahasa):
    at.sidebar.radio(key="bahasa").set_value(bahasa).run()
    for halaman in HALAMAN:
        at.switch_page(halaman).run()
        assert not at.exception, (halaman, at.exception)
    at.switch_page("pages/ringkasan.py").run()
    assert at.title[0].value == TEKS[bahasa]["ringkasan.judul"]


def test_bahasa_inggris_kata_dan_angka(at):
    at.sidebar.radio(key="bahasa").set_value("en").run()
    teks = "\n".join(m.value for m in at.markdown)
    assert "16 IKU: 15 green, 1 grey" in teks
    kartu = [m.value for m in at.markdown if 'class="kinerja-nko"' in m.value]
    assert "105.96" in kartu[0] and "105,96" not in kartu[0]  # decimal point, not comma
    tabel = at.container(key="tabel_iku").dataframe[0].value
    assert "○ Grey" in tabel["Status"].tolist()
    at.sidebar.radio(key="bahasa").set_value("id").run()  # and back
    assert "16 IKU: 15 hijau, 1 abu-abu" in "\n".join(m.value for m in at.markdown)


def test_bahasa_dari_alamat(db_contoh, monkeypatch, _apptest_navigasi):
    """A bookmarked English view (?bahasa=en) opens in English."""
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["bahasa"] = "en"
    at.run()
    assert not at.exception and at.title[0].value == TEKS["en"]["ringkasan.judul"]
    assert at.sidebar.radio(key="bahasa").value == "en"


def test_berkas_yang_dibuat_saat_diklik_berbahasa_sesi():
    """A deck or a table built on a click runs outside the script run: it still speaks the run's language."""
    from kinerja.texts import dalam_bahasa, t
    from kinerja.web import tampilan

    with dalam_bahasa("en"):
        buat = tampilan.dalam_bahasa_ini(lambda: t("status.hijau").encode())
    assert t("status.hijau") == "Hijau" and buat() == b"Green"
