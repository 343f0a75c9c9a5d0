"""Two app servers on one PostgreSQL database, as an institution runs them behind a load balancer.

A user uploads a realisasi on server A; the meeting's projector, a Dialog Kinerja page on server B, shows it
within seconds without a reload, and server B's Riwayat lists the new revision. Nothing is shared between
the two processes but the database: no file, no cache.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import buang_db_postgres, db_postgres_baru
from tests.e2e.conftest import (
    ARTEFAK,
    BATAS_HALAMAN,
    LEBAR,
    TINGGI,
    _jalankan_server,
    baca_tabel,
    buka,
    expect,
    tunggu_selesai,
)

pytestmark = pytest.mark.e2e

FILTER_BOGOR_TW3 = "?unit=KPPBCBOGOR&tahun=2019&triwulan=TW+III"
# BGR-01 TW III at KPPBC Bogor is 48,2 in the sample (data/realisasi.csv)
REALISASI_BARU = "tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;55,5\n"


@pytest.fixture
def db_pg(server_postgres: str, _db_contoh_pg: str) -> Iterator[str]:
    """A fresh PostgreSQL database copied from the seeded sample, dropped afterwards; its URL."""
    url = db_postgres_baru(server_postgres, _db_contoh_pg)
    yield url
    buang_db_postgres(url)


@pytest.fixture
def halaman_b(peramban, request: pytest.FixtureRequest) -> Iterator[object]:
    """A second browser (its own context: another person, at the projector); screenshot on failure."""
    konteks = peramban.new_context(viewport={"width": LEBAR, "height": TINGGI}, locale="id-ID")
    konteks.set_default_timeout(BATAS_HALAMAN)
    yield konteks
    laporan = getattr(request.node, "laporan_call", None)
    if laporan is not None and laporan.failed:
        ARTEFAK.mkdir(exist_ok=True)
        for i, page in enumerate(konteks.pages):
            try:
                page.screenshot(path=str(ARTEFAK / f"gagal-{request.node.name}-b{i}.png"))
            except Exception:  # noqa: BLE001 - a failed screenshot must not hide the test's own failure
                pass
    konteks.close()


def baris_tw3(page):
    """The TW III row of the Dialog slide's quarter table (Triwulan, target and realisasi per quarter, then
    year to date, capaian, status)."""
    return page.locator(".dko-tabel.rapat tr").filter(has=page.get_by_role("cell", name="TW III", exact=True))


def _sekilas_log(folder: Path) -> str:
    """The end of each server's log, for a failure message: an exception there is the app's, not the test's."""
    return "\n".join(f"--- {log.name} ---\n{log.read_text(errors='replace')[-4000:]}"
                     for log in sorted(folder.glob("streamlit-*.log")))


def test_unggah_di_server_a_tampil_sendiri_di_server_b(db_pg, tmp_path: Path, halaman, halaman_b, berkas_csv):
    """What the room sees: the projector on server B shows BGR-01's old 48,2 for TW III; a colleague uploads 55,5
    on server A and saves; within seconds the projector shows 55,5 (capaian 108,91 %) on the same slide, without
    a reload, and server B's Riwayat lists the revision from the upload."""
    with (_jalankan_server(db_pg, tmp_path / "streamlit-a.log") as server_a,
          _jalankan_server(db_pg, tmp_path / "streamlit-b.log") as server_b):
        assert server_a != server_b
        try:
            _unggah_di_a_tampil_di_b(server_a, server_b, halaman, halaman_b, berkas_csv)
        except BaseException:
            print(_sekilas_log(tmp_path))  # shown with the failure (captured stdout)
            raise
    for log in sorted(tmp_path.glob("streamlit-*.log")):
        assert "Traceback" not in log.read_text(errors="replace"), _sekilas_log(tmp_path)


def _unggah_di_a_tampil_di_b(server_a: str, server_b: str, halaman, halaman_b, berkas_csv) -> None:
    """The scenario: ``halaman`` a page for server A, ``halaman_b`` the browser context of server B's pages."""
    # server B: the projector on BGR-01's slide, showing the sample's value
    proyektor = halaman_b.new_page()
    buka(proyektor, server_b + "/dialog" + FILTER_BOGOR_TW3)
    proyektor.locator(".st-key-dialog_berikutnya button").click()
    expect(proyektor.locator(".dko-posisi")).to_have_text("IKU 1 dari 16")
    tunggu_selesai(proyektor)
    expect(proyektor.locator(".dko-judul")).to_have_text(re.compile(r"^BGR-01 · Penerimaan bea masuk"))
    expect(proyektor.get_by_test_id("dialog-capaian")).to_have_text("103,00 %")
    sel_tw3 = baris_tw3(proyektor).locator("td")
    expect(sel_tw3.nth(2)).to_have_text("48,2")  # realisasi of the quarter
    expect(sel_tw3.nth(4)).to_have_text("127,2")  # year to date: 33,1 + 45,9 + 48,2
    expect(proyektor.get_by_text(re.compile(r"^Data langsung: diperbarui otomatis"))).to_be_visible()

    # server B: the revision history before the upload
    riwayat = halaman_b.new_page()
    buka(riwayat, server_b + "/riwayat")
    sebelum = baca_tabel(riwayat, "tabel_riwayat")
    assert sebelum, "the sample data comes with revisions"
    revisi_lama = {b["Revisi"] for b in sebelum}

    # server A: the upload, previewed and saved
    buka(halaman, server_a + "/unggah" + FILTER_BOGOR_TW3)
    halaman.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        berkas_csv("realisasi.csv", REALISASI_BARU))
    expect(halaman.get_by_test_id("stMain")).to_contain_text(
        "realisasi.csv: berkas realisasi, 1 baris — 0 baru · 1 berubah · 0 tidak berubah")
    tunggu_selesai(halaman)
    (rincian,) = baca_tabel(halaman, "unggah_rincian_0")
    assert rincian["Rincian perubahan"] == "realisasi: 48,2 → 55,5"
    halaman.get_by_role("button", name="Simpan perubahan").click()
    expect(halaman.get_by_test_id("stAlertContentSuccess").get_by_test_id("stMarkdownContainer")).to_have_text(
        re.compile(r"^Tersimpan\b.*: realisasi\.csv: 0 baru · 1 berubah · 0 tidak berubah\.$"))

    # server B: the projector redraws by itself (it checks the data version every 3 s), same slide
    expect(sel_tw3.nth(2)).to_have_text("55,5", timeout=15_000)
    expect(sel_tw3.nth(4)).to_have_text("134,5")  # 33,1 + 45,9 + 55,5
    expect(proyektor.get_by_test_id("dialog-capaian")).to_have_text("108,91 %")  # 134,5 / 123,5
    expect(proyektor.locator(".dko-posisi")).to_have_text("IKU 1 dari 16")
    expect(proyektor.locator(".dko-judul")).to_have_text(re.compile(r"^BGR-01 · "))
    tunggu_selesai(proyektor)

    # server B: its Riwayat, opened again, lists the new revision first
    buka(riwayat, server_b + "/riwayat")
    expect(riwayat.locator(".st-key-tabel_riwayat table[role=grid]")).to_have_attribute(
        "aria-rowcount", str(len(sebelum) + 2))  # the header row, the old revisions, the new one
    tunggu_selesai(riwayat)
    sesudah = baca_tabel(riwayat, "tabel_riwayat")
    assert len(sesudah) == len(sebelum) + 1
    baru = sesudah[0]
    assert baru["Revisi"] not in revisi_lama
    assert (baru["Berkas"], baru["berubah"], baru["baru"], baru["Keadaan"]) == (
        "realisasi.csv", "1", "0", "berlaku"), baru
    assert sesudah[1:] == sebelum
