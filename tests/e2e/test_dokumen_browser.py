"""Documents made from the stored data in a real browser (issue 31): the Ringkasan's "Dokumen" expander and the
Dialog's Kontrol popover.

On the Ringkasan of KPPBC TMP A Bogor, 2019, TW III, a user picks a kind and a format, clicks "Buat dokumen",
waits for the download button and downloads the file; the file is opened again (pypdf, python-docx) and holds
what the page shows (the NKO read off the page, the unit's name, the IKU codes). The Dialog's minutes need a
stored meeting: without one the popover says so in words; once the meeting is stored through the page's own
form, the minutes download. Indonesian, and the quarterly report once in English.

Screenshots (1280x720 and 1920x1080) of the expander after a document was made and of the Kontrol popover go
to ``KINERJA_LAYAR_DOK`` (default ``/tmp/dok_layar``).
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import LEBAR, TINGGI, buka, expect, tunggu_selesai
from tests.e2e.test_browser import BOGOR_TW3, DIALOG_BOGOR_TW3, kontrol, posisi

pytestmark = pytest.mark.e2e

LAYAR = Path(os.environ.get("KINERJA_LAYAR_DOK", "/tmp/dok_layar"))
UKURAN = ((1280, 720), (LEBAR, TINGGI))
NAMA_UNIT = "KPPBC TMP A Bogor"
BATAS_DOKUMEN = 60_000  # ms: a document is built on the click (the first one loads the engine)


def _layar(page, nama: str, sasaran=None) -> None:
    """Screenshots of what is on screen at each size in ``UKURAN`` (the viewport, not the whole page), with
    ``sasaran`` (a locator) scrolled to the screen's bottom edge, as a user scrolls to it; then back to 1920x1080."""
    LAYAR.mkdir(parents=True, exist_ok=True)
    page.mouse.move(0, 0)  # no hover look
    for lebar, tinggi in UKURAN:
        page.set_viewport_size({"width": lebar, "height": tinggi})
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        if sasaran is not None:
            sasaran.evaluate("e => e.scrollIntoView({block: 'end'})")
            sasaran.evaluate(_JS_DIAM)
        tunggu_selesai(page)
        page.screenshot(path=str(LAYAR / f"{nama}-{lebar}x{tinggi}.png"), animations="disabled", caret="hide")
    page.set_viewport_size({"width": LEBAR, "height": TINGGI})


def _ekspander(page):
    """The Ringkasan's document expander, opened (it is the page's last one)."""
    kotak = page.get_by_test_id("stExpander").filter(has=page.locator(".st-key-dok_ringkasan_buat"))
    if not page.locator(".st-key-dok_ringkasan_buat").is_visible():
        kotak.locator("summary").click()
    expect(page.locator(".st-key-dok_ringkasan_buat button")).to_be_visible()
    page.locator(".st-key-dok_ringkasan_buat button").evaluate(_JS_DIAM)  # a list clicked open mid-opening closes
    return kotak


# resolve once the element has held still (its box unchanged) for a few frames: an expander's opening is animated
_JS_DIAM = """async e => {
    const kotak = () => JSON.stringify(e.getBoundingClientRect());
    let akhir = kotak(), tenang = 0;
    for (let i = 0; i < 300 && tenang < 5; i++) {
        await new Promise(r => requestAnimationFrame(r));
        const kini = kotak();
        if (kini === akhir) tenang++; else { akhir = kini; tenang = 0; }
    }
}"""


def _pilih_dokumen(page, key: str, jenis: str | None, bentuk: str) -> None:
    """Choose the kind (a selectbox, when the control offers several) and the format (a radio) of the control."""
    if jenis is not None:
        kotak = page.locator(f".st-key-{key}_jenis input[role=combobox]")
        from playwright.sync_api import TimeoutError as WaktuHabis

        daftar = page.get_by_role("listbox")
        # a list opened while the page still moves closes again (at the page's end: the grids above settling);
        # opened once more, as a user would
        for percobaan in range(3):
            kotak.evaluate("e => e.scrollIntoView({block: 'center'})")
            kotak.evaluate(_JS_DIAM)
            kotak.click()
            try:
                daftar.get_by_role("option", name=jenis, exact=True).click(timeout=5_000)
                break
            except WaktuHabis:
                if percobaan == 2:
                    raise
        expect(daftar).to_have_count(0)
        expect(kotak).to_have_value(jenis)
        tunggu_selesai(page)
    page.locator(f".st-key-{key}_format").get_by_text(bentuk, exact=True).click()
    expect(page.locator(f".st-key-{key}_format").get_by_role("radio", name=bentuk, exact=True)).to_be_checked()
    tunggu_selesai(page)


def _buat(page, key: str, *, hasil: str = "unduh") -> None:
    """Click "Buat dokumen" and wait for what it ends in: the download button (``hasil="unduh"``) or a refusal said
    in the status box (``"gagal"``)."""
    tombol = page.locator(f".st-key-{key}_buat button")
    tombol.click()
    if hasil == "unduh":
        expect(page.locator(f".st-key-{key}_unduh button")).to_be_visible(timeout=BATAS_DOKUMEN)
    else:
        expect(page.get_by_test_id("stAlertContentError")).to_be_visible(timeout=BATAS_DOKUMEN)
    tunggu_selesai(page)


def _status(page):
    """The label of the Ringkasan control's status box (an expander inside the document expander) that shows a
    document's progress."""
    return page.locator("[data-testid=stExpander]:has(.st-key-dok_ringkasan_buat) [data-testid=stExpander] summary")


def _unduh(page, key: str, nama: str) -> bytes:
    """Wait for the download button, download through it and return the file's bytes."""
    tombol = page.locator(f".st-key-{key}_unduh button")
    expect(tombol).to_be_visible(timeout=BATAS_DOKUMEN)
    # says which file it gives ("Unduh PDF", "Download DOCX"), also under the Dialog's other downloads
    expect(tombol).to_have_text(re.compile(rf"(Unduh|Download) {re.escape(nama.rsplit('.', 1)[1].upper())}$"))
    with page.expect_download(timeout=BATAS_DOKUMEN) as unduhan:
        tombol.click()
    assert unduhan.value.suggested_filename == nama
    return Path(unduhan.value.path()).read_bytes()


def _teks_pdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(h.extract_text() for h in PdfReader(io.BytesIO(data)).pages)


def _teks_docx(data: bytes) -> str:
    from docx import Document

    dok = Document(io.BytesIO(data))
    bagian = [p.text for p in dok.paragraphs]
    for tabel in dok.tables:
        bagian += [sel.text for baris in tabel.rows for sel in baris.cells]
    return "\n".join(bagian)


def _nko(page) -> str:
    """The NKO figure of the Ringkasan's tile, as shown (e.g. '105,96')."""
    teks = page.locator(".kinerja-nko .angka").inner_text().strip()
    assert re.fullmatch(r"\d+[.,]\d\d", teks), teks
    return teks


def test_ringkasan_laporan_triwulan_pdf_dan_pk_docx(server, halaman):
    buka(halaman, server + BOGOR_TW3)
    nko = _nko(halaman)
    assert nko == "105,96"
    _ekspander(halaman)
    _pilih_dokumen(halaman, "dok_ringkasan", "Laporan Kinerja Triwulanan", "PDF")
    _buat(halaman, "dok_ringkasan")
    # the time as numbers are written, no trailing zero: "1,4 detik", and "1 detik" when it took 1,0
    expect(_status(halaman)).to_have_text(re.compile(r"Dokumen siap \(\d+(,\d)? detik\)"))
    expect(halaman.get_by_test_id("stException")).to_have_count(0)
    # the next step stands out from "Buat dokumen": the download is the primary button
    expect(halaman.locator(".st-key-dok_ringkasan_unduh [data-testid=stBaseButton-primary]")).to_be_visible()
    pdf = _teks_pdf(_unduh(halaman, "dok_ringkasan", "triwulan_KPPBCBOGOR_2019_tw3.pdf"))
    assert NAMA_UNIT in pdf
    assert re.search(rf"\b{re.escape(nko)}\b", pdf), f"NKO {nko} not in the PDF:\n{pdf[:1500]}"
    assert "Laporan Kinerja Triwulan III Tahun 2019" in pdf
    _layar(halaman, "ringkasan-dokumen-pdf", _ekspander(halaman))

    _pilih_dokumen(halaman, "dok_ringkasan", "Perjanjian Kinerja", "DOCX")
    expect(halaman.locator(".st-key-dok_ringkasan_unduh")).to_have_count(0)  # another document: made again first
    _buat(halaman, "dok_ringkasan")
    docx = _teks_docx(_unduh(halaman, "dok_ringkasan", "pk_KPPBCBOGOR_2019.docx"))
    assert "Perjanjian Kinerja Tahun 2019" in docx
    assert NAMA_UNIT in docx
    for kode in ("BGR-01", "BGR-16"):
        assert kode in docx
    _layar(halaman, "ringkasan-dokumen-docx", _ekspander(halaman))


def test_ringkasan_laporan_triwulan_dalam_bahasa_inggris(server, halaman):
    """The session's language is the document's: the English quarterly report holds the NKO as the English page
    shows it."""
    buka(halaman, server + BOGOR_TW3 + "&bahasa=en")
    nko = _nko(halaman)
    assert nko == "105.96"
    _ekspander(halaman)
    _pilih_dokumen(halaman, "dok_ringkasan", "Quarterly Performance Report", "PDF")
    _buat(halaman, "dok_ringkasan")
    expect(_status(halaman)).to_have_text(re.compile(r"Document ready \(\d+\.\d s\)"))
    pdf = _teks_pdf(_unduh(halaman, "dok_ringkasan", "triwulan_KPPBCBOGOR_2019_tw3.pdf"))
    assert NAMA_UNIT in pdf
    assert re.search(rf"\b{re.escape(nko)}\b", pdf), f"NKO {nko} not in the PDF:\n{pdf[:1500]}"
    assert "105,96" not in pdf  # no Indonesian number in the English document
    assert "Laporan Kinerja Triwulan" not in pdf
    _layar(halaman, "ringkasan-dokumen-en", _ekspander(halaman))


# --- the Dialog's minutes -----------------------------------------------------------------------------------------

TANPA_RAPAT = {
    "id": "Dokumen tidak dapat dibuat: Belum ada Dialog Kinerja KPPBCBOGOR yang tercatat untuk TW III 2019: "
          "isi dulu data rapatnya di halaman Dialog Kinerja.",
    "en": "The document could not be made: No Dialog Kinerja of KPPBCBOGOR is recorded for TW III 2019: "
          "enter the meeting's details on the Dialog Kinerja page first.",
}


def _kontrol_dokumen(page):
    """The Dialog's Kontrol popover opened, its document control in view."""
    kontrol(page)
    badan = page.get_by_test_id("stPopoverBody")
    badan.locator(".st-key-dok_dialog_buat").scroll_into_view_if_needed()
    return badan


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_dialog_tanpa_rapat_berkata_dalam_kata(server, halaman, bahasa):
    """No meeting is stored for the sample's TW III: the minutes are refused in words, in the popover (no
    traceback, no exception box), and nothing is offered for download."""
    buka(halaman, server + DIALOG_BOGOR_TW3 + ("&bahasa=en" if bahasa == "en" else ""))
    expect(posisi(halaman)).to_have_text("Ringkasan" if bahasa == "id" else "Summary")
    badan = _kontrol_dokumen(halaman)
    expect(badan).to_contain_text("Laporan Dialog Kinerja" if bahasa == "id" else "Minutes of the Dialog Kinerja")
    _pilih_dokumen(halaman, "dok_dialog", None, "DOCX")
    _buat(halaman, "dok_dialog", hasil="gagal")
    expect(badan.get_by_test_id("stAlertContentError").get_by_test_id("stMarkdownContainer")).to_have_text(
        TANPA_RAPAT[bahasa])
    expect(badan.get_by_test_id("stAlertContentError")).to_have_count(1)  # said once: no status box repeating it
    expect(badan.get_by_test_id("stExpander")).to_have_count(0)
    expect(halaman.get_by_test_id("stException")).to_have_count(0)
    expect(halaman.locator(".st-key-dok_dialog_unduh")).to_have_count(0)
    expect(halaman.get_by_text("Traceback")).to_have_count(0)
    _layar(halaman, f"dialog-kontrol-tanpa-rapat-{bahasa}")


def test_dialog_notulen_docx_setelah_rapat_dicatat(server_tulis, halaman):
    """The meeting stored through the Dialog's own form; then the minutes download as a DOCX that holds it."""
    buka(halaman, server_tulis + DIALOG_BOGOR_TW3)
    expect(posisi(halaman)).to_have_text("Ringkasan")
    halaman.get_by_test_id("stExpander").filter(has_text="Isi detail rapat").locator("summary").click()
    formulir = halaman.get_by_test_id("stForm")
    expect(formulir).to_be_visible()
    tanggal = formulir.locator("[class*=st-key-dialog_tanggal_]")
    tanggal.get_by_role("spinbutton").first.click()  # day, month, year: typed in one go, as a user does
    halaman.keyboard.type("02102019")
    expect(tanggal.get_by_role("group")).to_have_text("02/10/2019")
    formulir.locator("[class*=st-key-dialog_tempat_] input").fill("Aula KPPBC Bogor")
    formulir.locator("[class*=st-key-dialog_pimpinan_] input").fill("Kepala Kantor")
    formulir.locator("[class*=st-key-dialog_peserta_] textarea").fill("Kepala Seksi PKC\nKepala Seksi Perbendaharaan")
    formulir.get_by_role("button", name="Simpan").click()
    expect(halaman.get_by_test_id("dialog-rapat")).to_have_text(
        "2 Oktober 2019 · Aula KPPBC Bogor · Pimpinan rapat: Kepala Kantor · 2 peserta")
    tunggu_selesai(halaman)
    halaman.get_by_test_id("stExpander").filter(has_text="Isi detail rapat").locator("summary").click()  # folded
    expect(halaman.get_by_test_id("stToast")).to_have_count(0)  # "Data rapat tersimpan" has gone by itself

    badan = _kontrol_dokumen(halaman)
    _pilih_dokumen(halaman, "dok_dialog", None, "DOCX")
    _buat(halaman, "dok_dialog")
    expect(badan.get_by_test_id("stException")).to_have_count(0)
    docx = _teks_docx(_unduh(halaman, "dok_dialog", "dko_KPPBCBOGOR_2019_tw3.docx"))
    for teks in ("Laporan Dialog Kinerja", NAMA_UNIT, "Aula KPPBC Bogor", "Kepala Kantor", "Kepala Seksi PKC",
                 "BGR-01", "105,96"):
        assert teks in docx, f"{teks!r} not in the minutes:\n{docx[:2000]}"
    _layar(halaman, "dialog-kontrol-notulen")
