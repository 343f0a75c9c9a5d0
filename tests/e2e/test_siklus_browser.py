"""The reporting cycle in a real browser (issue 30): two people signed in at once, each in their own browser.

A pengisi of KPPBCBOGOR submits TW III 2019 on the Pemantauan board; a verifikator of the Kanwil above it
(KWBCJABAR) sees it is his turn, is refused a return without a reason (nothing changes), returns it with one; the
pengisi sees the return and its reason on her board, corrects a realisasi on the Unggah page and submits again;
the verifikator verifies; an admin finalises. The Dialog shows each slide's stage and whether the NKO is still
*sementara*, live on a projected Dialog opened before the last step and on one opened after it.

The server runs on a locked copy of the sample database: people are added through the command line
(``python -m kinerja user add … --password-stdin``, ``user grant``), as an operator would. A page reload starts
a new Streamlit session (the sign-in is gone), so after signing in everyone moves through the sidebar only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kinerja.store import Storage
from kinerja_core.siklus import Tahap
from tests.e2e.conftest import (
    ARTEFAK,
    BATAS_HALAMAN,
    LEBAR,
    TINGGI,
    Server,
    baca_tabel,
    buka,
    expect,
    foto,
    pilih,
    server_atas,
    tunggu_selesai,
)
from tests.e2e.test_browser import BOGOR_TW3, REALISASI_BARU, capaian, ke_halaman, posisi
from tests.e2e.test_masuk_browser import db_terkunci, masuk, pesan, sebagai

pytestmark = pytest.mark.e2e

PENGISI, SANDI_PENGISI = "rina", "sandi-rina-bogor-2019"
VERIFIKATOR, SANDI_VERIFIKATOR = "budi", "sandi-budi-kanwil-jabar"
ADMIN, SANDI_ADMIN = "admin", "sandi-admin-kemenkeu"
UNIT = "KPPBCBOGOR"
JABAR_TW3 = "/?unit=KWBCJABAR&tahun=2019&triwulan=TW+III"
ALASAN = "BGR-01 TW III belum memuat penerimaan akhir September; mohon diperbaiki lalu diajukan lagi."
JUMLAH_IKU = 16


@pytest.fixture(scope="module")
def _db_siklus(_db_contoh: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data, locked: a pengisi of KPPBCBOGOR, a verifikator of the Kanwil above it and an admin of
    every unit, added through the command line."""
    return db_terkunci(_db_contoh, tmp_path_factory.mktemp("siklus"), [
        (PENGISI, SANDI_PENGISI, "pengisi", UNIT), (VERIFIKATOR, SANDI_VERIFIKATOR, "verifikator", "KWBCJABAR"),
        (ADMIN, SANDI_ADMIN, "admin", "*")])


@pytest.fixture
def server_siklus(_db_siklus: Path, tmp_path: Path, peramban) -> Iterator[Server]:
    """A server private to the test on its own copy of the locked sample data."""
    with server_atas(_db_siklus, tmp_path, peramban) as url:
        yield url


@pytest.fixture
def peramban_lain(peramban, request: pytest.FixtureRequest) -> Iterator[Callable[[str], object]]:
    """Another person's own browser (a context of its own: its own cookies and Streamlit session), as
    ``buka_peramban("budi")``; on failure each one's screenshot is saved to ``test-artifacts/gagal-<test>-<name>.png``."""
    halaman_lain: dict[str, object] = {}

    def buat(nama: str):
        konteks = peramban.new_context(viewport={"width": LEBAR, "height": TINGGI}, locale="id-ID")
        konteks.set_default_timeout(BATAS_HALAMAN)
        halaman_lain[nama] = konteks.new_page()
        return halaman_lain[nama]

    yield buat
    laporan = getattr(request.node, "laporan_call", None)
    for nama, page in halaman_lain.items():
        if laporan is not None and laporan.failed:
            ARTEFAK.mkdir(exist_ok=True)
            try:
                page.screenshot(path=str(ARTEFAK / f"gagal-{request.node.name}-{nama}.png"))
            except Exception:  # noqa: BLE001 - a failed screenshot must not hide the test's own failure
                pass
        page.context.close()


# --- the board ---------------------------------------------------------------------------------------------


def masuk_ke_papan(page, url: str, nama: str, sandi: str, hak: str) -> None:
    """Open the app, sign in, choose TW III in the sidebar, go to the Pemantauan board."""
    buka(page, url)
    masuk(page, nama, sandi)
    expect(sebagai(page)).to_have_text(f"Masuk sebagai {nama} · hak: {hak}")
    tunggu_selesai(page)
    page.locator(".st-key-triwulan").get_by_text("TW III", exact=True).click()
    expect(page.locator(".st-key-triwulan input[type=radio]:checked")).to_have_count(1)
    tunggu_selesai(page)
    ke_papan(page)


def ke_papan(page) -> None:
    ke_halaman(page, "Pemantauan", "Pemantauan pelaporan")
    expect(page.locator(".st-key-pemantauan_tabel [data-testid=stDataFrame]")).to_be_visible()
    tunggu_selesai(page)


def segarkan_papan(page) -> None:
    """What another person did shows on the next run: away through the sidebar and back (a reload would sign out)."""
    ke_halaman(page, "Ringkasan", "Ringkasan Kinerja")
    ke_papan(page)


def baris(page, unit: str = UNIT) -> dict[str, str]:
    """The board's row of a unit, as {header: cell text}."""
    (b,) = [b for b in baca_tabel(page, "pemantauan_tabel") if b["Kode unit"] == unit]
    return b


def langkah(page, kata: str, alasan: str = "") -> None:
    """Choose the unit and a step in "Langkah berikutnya", write the reason, press the button (the caller checks
    what follows)."""
    expect(page.get_by_role("heading", name="Langkah berikutnya")).to_be_visible()
    pilih(page, "pemantauan_unit", re.compile(rf"^{UNIT} · "))
    tunggu_selesai(page)
    page.locator(f".st-key-pemantauan_langkah_{UNIT}").get_by_text(kata, exact=True).click()
    expect(page.locator(f".st-key-pemantauan_langkah_{UNIT} input[type=radio]:checked")).to_have_count(1)
    tunggu_selesai(page)
    kotak = page.locator(".st-key-pemantauan_alasan textarea")
    kotak.fill(alasan)
    kotak.press("Control+Enter")  # the text area sends its value (as a blur would) before the button is pressed
    tunggu_selesai(page)
    tombol = page.locator(".st-key-pemantauan_tombol button")
    expect(tombol).to_have_text(f"{kata.capitalize()} {UNIT}")
    tombol.click()


def berhasil(page, tahap: str) -> None:
    """The step went through: its message, and the unit's row at the new stage."""
    expect(pesan(page, "Success")).to_have_text(f"{UNIT}: {tahap}")
    tunggu_selesai(page)
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)


def label_unit(page, tahap: str) -> list[str]:
    """After a step, the unit list of "Langkah berikutnya" names the unit (its stage is the table's: a selectbox
    keeps the label it was drawn with); the label shown when it does not (an empty list when it does)."""
    kotak = page.locator(".st-key-pemantauan_unit input[role=combobox]")
    expect(kotak).to_be_visible()
    nilai = kotak.input_value()
    return [] if nilai == f"{UNIT} · KPPBC TMP A Bogor" else [f"{nilai!r} after the step to {tahap}"]


def keadaan(server: Server):
    return Storage(server.db).keadaan_tahap(2019, 3, UNIT)


def foto_layar_kecil(page, nama: str, lebar: int = 1280, tinggi: int = 720) -> Path:
    """The screen as a 1280x720 projector shows it (the viewport as it is, not the whole page)."""
    page.set_viewport_size({"width": lebar, "height": tinggi})
    try:
        return foto(page, nama, seluruh=False)
    finally:
        page.set_viewport_size({"width": LEBAR, "height": TINGGI})


# --- the Dialog -------------------------------------------------------------------------------------------


def ke_dialog(page) -> None:
    """Open the Dialog through the sidebar (it folds the sidebar away: the room sees the slides)."""
    page.locator("[data-testid=stSidebarNav] a").filter(has_text="Dialog Kinerja").click()
    expect(posisi(page)).to_have_text("Ringkasan")
    tunggu_selesai(page)


def tahap_slide(page):
    """The stage on an IKU slide, e.g. 'Tahap: ✓ Terverifikasi'."""
    return page.get_by_test_id("dialog-tahap")


def nko_tahap(page):
    """The line under the summary's NKO: 'NKO sementara · n dari N IKU belum final' or 'NKO final · …'."""
    return page.get_by_test_id("dialog-nko-tahap")


# --- the scenario -------------------------------------------------------------------------------------------


def test_siklus_dua_orang_masuk_sampai_final(server_siklus, halaman, peramban_lain, berkas_csv):
    rina, budi, admin = halaman, peramban_lain(VERIFIKATOR), peramban_lain(ADMIN)
    label_usang: list[str] = []  # checked last, so that the whole cycle runs first
    masuk_ke_papan(rina, server_siklus + BOGOR_TW3, PENGISI, SANDI_PENGISI, "pengisi KPPBCBOGOR")
    masuk_ke_papan(budi, server_siklus + JABAR_TW3, VERIFIKATOR, SANDI_VERIFIKATOR, "verifikator KWBCJABAR")
    expect(rina.locator(".kinerja-konteks")).to_have_text("KPPBC TMP A Bogor dan sub-unitnya · TW III 2019")
    expect(budi.locator(".kinerja-konteks")).to_have_text(
        "Kantor Wilayah DJBC Jawa Barat dan sub-unitnya · TW III 2019")

    # nothing submitted yet: a draf, rina's turn; budi has no step to take anywhere under the Kanwil
    b = baris(rina)
    assert (b["Tahap"], b["Giliran"], b["Diajukan"]) == ("✎ Draf", "giliran Anda", "—"), b
    papan_budi = baca_tabel(budi, "pemantauan_tabel")
    assert {b["Kode unit"] for b in papan_budi} >= {"KWBCJABAR", UNIT, "KPPBCBEKASI"}, papan_budi
    assert all(b["Tahap"] == "✎ Draf" and b["Giliran"] == "" for b in papan_budi), papan_budi
    expect(budi.get_by_role("heading", name="Langkah berikutnya")).to_have_count(0)

    # 1. rina submits
    langkah(rina, "ajukan")
    berhasil(rina, "➜ Diajukan")
    b = baris(rina)
    assert (b["Tahap"], b["Giliran"]) == ("➜ Diajukan", ""), b
    assert b["Diajukan"].startswith(f"{PENGISI} · "), b
    assert keadaan(server_siklus).tahap is Tahap.DIAJUKAN

    # 2. budi's board, on its next run: KPPBCBOGOR first, his turn
    segarkan_papan(budi)
    papan_budi = baca_tabel(budi, "pemantauan_tabel")
    assert (papan_budi[0]["Kode unit"], papan_budi[0]["Tahap"], papan_budi[0]["Giliran"]) == (
        UNIT, "➜ Diajukan", "giliran Anda"), papan_budi
    assert [b["Kode unit"] for b in papan_budi if b["Giliran"]] == [UNIT], papan_budi
    foto(budi, "siklus-papan-verifikator-1920")
    foto_layar_kecil(budi, "siklus-papan-verifikator-1280x720")

    # a return without a reason is refused, and nothing changes
    langkah(budi, "kembalikan")
    expect(pesan(budi, "Error")).to_have_text(re.compile(rf"^Langkah ‘kembalikan’ untuk {UNIT} TW III 2019 perlu alasan\. "
                                                         r"Tidak ada yang diubah\.$"))
    expect(pesan(budi, "Success")).to_have_count(0)
    assert keadaan(server_siklus).tahap is Tahap.DIAJUKAN
    assert baris(budi)["Tahap"] == "➜ Diajukan"
    foto(budi, "siklus-kembalikan-tanpa-alasan")

    # returned with a reason
    langkah(budi, "kembalikan", ALASAN)
    berhasil(budi, "↩ Dikembalikan")
    b = baris(budi)
    assert (b["Tahap"], b["Giliran"], b["Alasan / catatan"]) == ("↩ Dikembalikan", "", ALASAN), b
    k = keadaan(server_siklus)
    assert (k.tahap, k.alasan, k.diajukan_oleh) == (Tahap.DIKEMBALIKAN, ALASAN, PENGISI), k

    # 3. rina sees the return and its reason, her turn again
    segarkan_papan(rina)
    b = baris(rina)
    assert (b["Tahap"], b["Giliran"], b["Alasan / catatan"]) == ("↩ Dikembalikan", "giliran Anda", ALASAN), b
    foto(rina, "siklus-papan-pengisi-dikembalikan-1920")
    foto_layar_kecil(rina, "siklus-papan-pengisi-dikembalikan-1280x720")

    # she corrects BGR-01 on the Unggah page (a returned quarter stays editable) and submits again
    ke_halaman(rina, "Unggah Data", "Unggah Data")
    rina.locator(".st-key-unggah_berkas input[type='file']").set_input_files(
        berkas_csv("realisasi.csv", REALISASI_BARU))
    expect(rina.get_by_test_id("stMain")).to_contain_text(
        "realisasi.csv: berkas realisasi, 1 baris — 0 baru · 1 berubah · 0 tidak berubah")
    simpan = rina.locator(".st-key-unggah_simpan button")
    expect(simpan).to_have_text("Simpan perubahan")
    tunggu_selesai(rina)
    simpan.click()
    expect(pesan(rina, "Success")).to_have_text(re.compile(r"^Tersimpan sebagai revisi \d+: realisasi\.csv: "))
    assert keadaan(server_siklus).tahap is Tahap.DIKEMBALIKAN  # the correction itself moves nothing
    ke_papan(rina)
    langkah(rina, "ajukan")
    berhasil(rina, "➜ Diajukan")
    b = baris(rina)
    assert (b["Tahap"], b["Giliran"], b["Alasan / catatan"]) == ("➜ Diajukan", "", ""), b

    # 4. budi verifies (a note may stay empty)
    segarkan_papan(budi)
    assert baris(budi)["Giliran"] == "giliran Anda"
    langkah(budi, "verifikasi")
    berhasil(budi, "✓ Terverifikasi")
    b = baris(budi)
    # (its "Giliran" is not checked here: the board still says "giliran Anda" to budi, as a verified quarter may
    # still be returned, and "giliran Anda" to the admin on a final one, as it may be reopened)
    assert b["Tahap"] == "✓ Terverifikasi", b
    assert b["Diverifikasi"].startswith(f"{VERIFIKATOR} · "), b
    label_usang += label_unit(budi, "✓ Terverifikasi")

    # rina projects the Dialog: every slide of KPPBCBOGOR verified, the NKO still provisional
    ke_dialog(rina)
    expect(nko_tahap(rina)).to_have_text(f"NKO sementara · {JUMLAH_IKU} dari {JUMLAH_IKU} IKU belum final")
    expect(rina.get_by_test_id("dialog-legenda-tahap")).to_have_text(
        "Tahap angka: ✎ Draf · ➜ Diajukan · ✓ Terverifikasi · ↩ Dikembalikan · ◆ Final")
    rina.locator(".st-key-dialog_berikutnya button").click()
    expect(posisi(rina)).to_have_text(f"IKU 1 dari {JUMLAH_IKU}")
    expect(capaian(rina)).to_have_text("72,06 %")  # her correction: (33,1 + 45,9 + 10) / 123,5
    expect(tahap_slide(rina)).to_have_text("Tahap: ✓ Terverifikasi")
    tunggu_selesai(rina)

    # 5. the admin finalises, in a third browser, while rina's Dialog stays open
    masuk_ke_papan(admin, server_siklus + BOGOR_TW3, ADMIN, SANDI_ADMIN, "admin semua unit")
    b = baris(admin)
    assert (b["Tahap"], b["Giliran"]) == ("✓ Terverifikasi", "giliran Anda"), b
    langkah(admin, "finalkan")
    berhasil(admin, "◆ Final")
    b = baris(admin)
    assert b["Tahap"] == "◆ Final", b
    assert b["Final"].startswith(f"{ADMIN} · "), b
    label_usang += label_unit(admin, "◆ Final")
    foto(admin, "siklus-papan-admin-final-1920")
    foto_layar_kecil(admin, "siklus-papan-admin-final-1280x720")

    k = keadaan(server_siklus)
    assert (k.tahap, k.diajukan_oleh, k.diverifikasi_oleh, k.final_oleh) == (
        Tahap.FINAL, PENGISI, VERIFIKATOR, ADMIN), k

    # the projected Dialog follows on its own (it checks for new data every few seconds), on the same slide
    expect(tahap_slide(rina)).to_have_text("Tahap: ◆ Final", timeout=15_000)
    expect(posisi(rina)).to_have_text(f"IKU 1 dari {JUMLAH_IKU}")

    # the admin's Dialog: every slide of KPPBCBOGOR final, and so the NKO (KPPBCBOGOR has no sub-unit)
    ke_dialog(admin)
    expect(nko_tahap(admin)).to_have_text("NKO final · semua IKU final")
    foto(admin, "siklus-dialog-ringkasan-final-1920", seluruh=False)
    foto_layar_kecil(admin, "siklus-dialog-ringkasan-final-1280x720")
    for n in range(1, JUMLAH_IKU + 1):
        admin.locator(".st-key-dialog_berikutnya button").click()
        expect(posisi(admin)).to_have_text(f"IKU {n} dari {JUMLAH_IKU}")
        expect(tahap_slide(admin)).to_have_text("Tahap: ◆ Final")
        expect(tahap_slide(admin)).to_have_attribute("data-tahap", "final")
        tunggu_selesai(admin)
        if n == 1:
            expect(admin.locator(".st-key-dialog_grafik .js-plotly-plot svg.main-svg").first).to_be_visible()
            foto(admin, "siklus-dialog-iku1-final-1920", seluruh=False)
            foto_layar_kecil(admin, "siklus-dialog-iku1-final-1280x720")

    # after a step the page runs again, yet its unit list may still name the stage from before the step
    assert not label_usang, f"'Langkah berikutnya' names a stage from before the step: {label_usang}"
