"""Signing in, in a real browser: a locked installation shows only the sign-in until a person signs in;
an editor's upload is written under their name; signing out closes the door again; an admin reads the
audit trail.

The server runs on a locked copy of the sample database: people are added through the command line
(``python -m kinerja user add … --password-stdin``, ``user grant``), as an operator would.
A page reload starts a new Streamlit session (the sign-in is gone), so after signing in the tests move
between pages through the sidebar navigation only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kinerja.store import Storage
from tests import cli_uji
from tests.e2e.conftest import (
    Server,
    _salin_db,
    baca_tabel,
    buka,
    expect,
    foto,
    server_atas,
    tunggu_selesai,
)
from tests.e2e.test_browser import BOGOR_TW3, REALISASI_BARU, jumlah, ke_halaman

pytestmark = pytest.mark.e2e

PENGISI, SANDI_PENGISI = "rina", "sandi-rina-bogor-2019"
ADMIN, SANDI_ADMIN = "admin", "sandi-admin-kemenkeu"


def _kinerja(*argumen: str, db: Path, masukan: str | None = None) -> None:
    """``python -m kinerja ARGUMEN… --db DB`` as the operator (``tests.cli_uji``); fails the test when it fails."""
    hasil = cli_uji.kinerja(*argumen, "--db", db, masukan=masukan)
    assert hasil.returncode == 0, f"{' '.join(argumen)} failed ({hasil.returncode}):\n{hasil.stdout}\n{hasil.stderr}"


def db_terkunci(db_contoh: Path, folder: Path, orang: list[tuple[str, str, str, str]]) -> Path:
    """A copy of the sample data, locked, with ``orang`` (name, password, role, unit) added through the command
    line, as an operator would."""
    db = _salin_db(db_contoh, folder)
    for nama, sandi, peran, unit in orang:
        _kinerja("user", "add", nama, "--password-stdin", db=db, masukan=sandi + "\n")
        _kinerja("user", "grant", nama, peran, unit, db=db)
    assert Storage(db).terkunci()
    return db


@pytest.fixture(scope="module")
def _db_terkunci(_db_contoh: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data, locked: an editor (pengisi) of KPPBCBOGOR and an admin of every unit (once per module:
    each test's server gets its own copy)."""
    return db_terkunci(_db_contoh, tmp_path_factory.mktemp("terkunci"), [
        (PENGISI, SANDI_PENGISI, "pengisi", "KPPBCBOGOR"), (ADMIN, SANDI_ADMIN, "admin", "*")])


@pytest.fixture
def server_terkunci(_db_terkunci: Path, tmp_path: Path, peramban) -> Iterator[Server]:
    """A server private to one test on its own copy of the locked sample data (the test may write)."""
    with server_atas(_db_terkunci, tmp_path, peramban) as url:
        yield url


def pesan(page, jenis: str):
    """The text of the alerts of a kind ("Error", "Info", "Success"), without their icon's ligature name."""
    return page.get_by_test_id(f"stAlertContent{jenis}").get_by_test_id("stMarkdownContainer")


def formulir_masuk(page):
    return page.locator(".st-key-gerbang_nama input")


def tombol_masuk(page):
    return page.get_by_test_id("stForm").get_by_role("button", name="Masuk")


def sebagai(page):
    """The sidebar line naming the signed-in person."""
    return page.get_by_test_id("stSidebar").get_by_text(re.compile(r"^Masuk sebagai "))


def masuk(page, nama: str, sandi: str) -> None:
    """Fill in the sign-in form and send it (the caller checks what follows)."""
    page.locator(".st-key-gerbang_nama input").fill(nama)
    page.locator(".st-key-gerbang_sandi input").fill(sandi)
    tombol_masuk(page).click()


def hanya_formulir_masuk(page) -> None:
    """The locked app shows the sign-in and nothing of the dashboard."""
    tunggu_selesai(page)  # a run that moved the form leaves the old one on screen until it ends
    expect(formulir_masuk(page)).to_have_count(1)
    expect(formulir_masuk(page)).to_be_visible()
    expect(page.locator(".st-key-gerbang_sandi input[type=password]")).to_be_visible()
    expect(tombol_masuk(page)).to_be_visible()
    tunggu_selesai(page)
    expect(jumlah(page)).to_have_count(0)
    expect(page.locator(".st-key-tabel_iku")).to_have_count(0)
    expect(page.locator(".kinerja-kartu")).to_have_count(0)
    expect(page.locator(".st-key-unit")).to_have_count(0)  # no unit filter: the sidebar filters never ran
    expect(page.locator(".st-key-gerbang_keluar")).to_have_count(0)
    expect(sebagai(page)).to_have_count(0)


def test_pengisi_masuk_mengunggah_lalu_keluar(server_terkunci, halaman, berkas_csv):
    buka(halaman, server_terkunci + BOGOR_TW3)
    hanya_formulir_masuk(halaman)
    foto(halaman, "masuk-formulir")

    # a wrong password: refused, still only the sign-in
    masuk(halaman, PENGISI, "bukan-sandinya-1")
    expect(pesan(halaman, "Error")).to_have_text("Nama pengguna atau sandi salah.")
    hanya_formulir_masuk(halaman)
    foto(halaman, "masuk-sandi-salah")

    # the editor of KPPBCBOGOR: the dashboard, and who is signed in with which grants in the sidebar
    masuk(halaman, PENGISI, SANDI_PENGISI)
    expect(sebagai(halaman)).to_have_text(f"Masuk sebagai {PENGISI} · hak: pengisi KPPBCBOGOR")
    expect(halaman.locator(".st-key-gerbang_keluar button")).to_be_visible()
    expect(formulir_masuk(halaman)).to_have_count(0)
    expect(halaman.get_by_test_id("stAlertContentError")).to_have_count(0)
    expect(halaman.locator("h1").first).to_have_text("Ringkasan Kinerja")
    expect(jumlah(halaman)).to_have_text("16 IKU: 15 hijau, 1 abu-abu")
    foto(halaman, "masuk-dasbor-pengisi")

    # the audit trail is for admins: an editor is told so, and sees no table
    ke_halaman(halaman, "Jejak Audit", "Jejak Audit")
    expect(pesan(halaman, "Info")).to_have_text(re.compile(r"^Halaman ini perlu peran admin"))
    expect(halaman.locator(".st-key-jejak_tabel")).to_have_count(0)

    # an upload, through the sidebar (a reload would lose the sign-in), stored under the signed-in name
    ke_halaman(halaman, "Unggah Data", "Unggah Data")
    expect(sebagai(halaman)).to_have_count(1)
    halaman.locator(".st-key-unggah_berkas input[type='file']").set_input_files(
        berkas_csv("realisasi.csv", REALISASI_BARU))
    expect(halaman.get_by_test_id("stMain")).to_contain_text(
        "realisasi.csv: berkas realisasi, 1 baris — 0 baru · 1 berubah · 0 tidak berubah")
    simpan = halaman.locator(".st-key-unggah_simpan button")
    expect(simpan).to_have_text("Simpan perubahan")
    tunggu_selesai(halaman)
    simpan.click()
    berhasil = pesan(halaman, "Success")
    expect(berhasil).to_have_text(
        re.compile(r"^Tersimpan sebagai revisi \d+: realisasi\.csv: 0 baru · 1 berubah · 0 tidak berubah\.$"))
    expect(halaman.locator(".st-key-unggah_simpan")).to_have_count(0)
    foto(halaman, "masuk-unggah-berhasil")

    revisi = Storage(server_terkunci.db).daftar_revisi()[0]
    assert (revisi.pengguna, revisi.asal, revisi.berkas) == (PENGISI, "Unggah Data", "realisasi.csv"), revisi
    assert berhasil.text_content().startswith(f"Tersimpan sebagai revisi {revisi.id}:")

    # signing out: the sign-in again, nothing of the dashboard; the session is closed in the store too
    halaman.locator(".st-key-gerbang_keluar button").click()
    hanya_formulir_masuk(halaman)
    expect(halaman.locator("h1").first).to_have_text("Dasbor Kinerja")
    expect(halaman.locator(".st-key-unggah_berkas")).to_have_count(0)
    foto(halaman, "masuk-keluar")
    # the sidebar links still show while signed out; following one leads to the sign-in, not the page
    halaman.locator("[data-testid=stSidebarNav] a").filter(has_text="Jejak Audit").click()
    expect(halaman).to_have_url(re.compile(r"/jejak(\?|$)"))
    hanya_formulir_masuk(halaman)
    expect(halaman.locator(".st-key-jejak_tabel")).to_have_count(0)
    jejak = Storage(server_terkunci.db).jejak(pengguna=PENGISI)
    # the wrong password first is on the audit trail too (issue 27, finding 6)
    assert list(jejak.sort_values("id")["tindakan"]) == ["masuk_gagal", "masuk", "impor", "keluar"], jejak


def test_admin_membaca_jejak_audit(server_terkunci, halaman):
    buka(halaman, server_terkunci + BOGOR_TW3)
    hanya_formulir_masuk(halaman)
    masuk(halaman, ADMIN, SANDI_ADMIN)
    expect(sebagai(halaman)).to_have_text(f"Masuk sebagai {ADMIN} · hak: admin semua unit")
    expect(jumlah(halaman)).to_have_text("16 IKU: 15 hijau, 1 abu-abu")

    ke_halaman(halaman, "Jejak Audit", "Jejak Audit")
    expect(halaman.get_by_test_id("stAlertContentInfo")).to_have_count(0)
    expect(halaman.locator(".st-key-jejak_tabel [data-testid=stDataFrame]")).to_be_visible()
    tunggu_selesai(halaman)
    baris = baca_tabel(halaman, "jejak_tabel")
    rincian = {(b["Pengguna"], b["Tindakan"], b["Rincian"]) for b in baris}
    # the operator's command line added both people and their grants; then the admin signed in here
    for nama in (PENGISI, ADMIN):
        assert any(r[2].startswith(f"menambah pengguna {nama}") for r in rincian), rincian
        assert any(r[2].startswith(f"memberi {nama} peran") for r in rincian), rincian
    assert (ADMIN, "masuk", "masuk dengan sandi atau SSO") in rincian, rincian
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d \(.+\)", b["Waktu"]) for b in baris), baris
    foto(halaman, "masuk-jejak-audit-admin")
