"""The app on a meeting laptop (1366x768, sidebar open) and in Indonesian only, in a real browser.

The IKU table of the Ringkasan is a canvas (Glide data grid): its accessible twin lists the columns drawn
in view but has no size, so where a column header sits is read from the canvas itself — the grid draws a
thin vertical line between two header cells.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import ARTEFAK, buka, expect, foto, tunggu_selesai

pytestmark = pytest.mark.e2e

BOGOR_TW3 = "/?unit=KPPBCBOGOR&tahun=2019&triwulan=TW+III"
LAPTOP = {"width": 1366, "height": 768}

# x (CSS px, from the canvas's left edge) of every vertical line in the grid's header row, 2 px below its top
# edge, above the header text: the pixels that differ from the header's background
_JS_GARIS_KOLOM = """c => {
    const r = window.devicePixelRatio || 1, d = c.getContext('2d').getImageData(0, Math.round(2 * r), c.width, 1).data;
    const warna = i => d.slice(4 * i, 4 * i + 4).join(',');
    const jumlah = {};
    for (let i = 0; i < c.width; i++) jumlah[warna(i)] = (jumlah[warna(i)] || 0) + 1;
    const latar = Object.keys(jumlah).reduce((a, b) => jumlah[a] >= jumlah[b] ? a : b);
    const garis = [];
    for (let i = 0; i < c.width; i++) if (warna(i) !== latar && (i === 0 || warna(i - 1) === latar)) garis.push(i / r);
    return garis;
}"""


def kotak_judul_kolom(page, kunci: str) -> dict[str, tuple[float, float]]:
    """The header cells drawn in view in the table with this key: {title: (left, right)} in page pixels.

    The last one drawn ends at the canvas's right edge (cut off there when the grid scrolls sideways).
    """
    grid = page.locator(f".st-key-{kunci} [data-testid=stDataFrame]")
    judul = grid.locator("table[role=grid] thead [role=columnheader]")
    expect(judul.first).to_be_attached()
    kanvas = grid.locator("canvas[data-testid=data-grid-canvas]")
    kotak = kanvas.bounding_box()
    batas = [-1.0, *kanvas.evaluate(_JS_GARIS_KOLOM), kotak["width"]]
    return {teks: (kotak["x"] + batas[i] + 1, kotak["x"] + batas[i + 1])
            for i, teks in enumerate(judul.all_text_contents())}


def test_ringkasan_muat_di_layar_laptop(server, halaman):
    halaman.set_viewport_size(LAPTOP)
    buka(halaman, server + BOGOR_TW3)
    expect(halaman.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "false")  # open, as at a meeting
    sidebar = halaman.get_by_test_id("stSidebar").bounding_box()

    kotak = kotak_judul_kolom(halaman, "tabel_iku")
    for judul in ("Status", "Capaian (%)"):
        assert judul in kotak, f"{judul!r} is not drawn in view; drawn: {list(kotak)}"
        kiri, kanan = kotak[judul]
        assert sidebar["x"] + sidebar["width"] <= kiri and kanan <= LAPTOP["width"], (judul, kotak[judul])
    # no column needs the grid to scroll sideways, and the grid itself lies within the window
    gulir = halaman.locator(".st-key-tabel_iku [data-testid=stDataFrame] .dvn-scroller")
    lebar, lebar_tampak = gulir.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert lebar <= lebar_tampak, f"the IKU table scrolls sideways: {lebar} px of content in {lebar_tampak} px"
    grid = halaman.locator(".st-key-tabel_iku [data-testid=stDataFrame]").bounding_box()
    assert grid["x"] + grid["width"] <= LAPTOP["width"], grid

    # the table's top (its header row) just below the page's top bar, for the picture
    halaman.locator(".st-key-tabel_iku").evaluate(
        "e => { document.querySelector('[data-testid=stMain]').scrollTop += e.getBoundingClientRect().top - 130; }")
    foto(halaman, "ringkasan-laptop", "ringkasan-laptop.png", seluruh=False)


# what a person reads in an element: its own text, or (text hidden by font-size 0) what CSS puts after it
_JS_TERBACA = """e => getComputedStyle(e).fontSize !== '0px' ? e.innerText
    : getComputedStyle(e, '::after').content.replace(/^"|"$/g, '')"""


def foto_terbuka(page, nama: str) -> None:
    """The window as shown, with a list still open (``foto`` takes the focus away, which closes it)."""
    ARTEFAK.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFAK / f"{nama}.png"), animations="disabled", caret="hide")


def test_daftar_filter_berkata_dalam_bahasa_indonesia(server, halaman):
    halaman.set_viewport_size(LAPTOP)
    buka(halaman, server + BOGOR_TW3)
    kotak = halaman.locator(".st-key-status input[role=combobox]")
    kotak.evaluate("e => e.scrollIntoView({block: 'center'})")
    daftar = halaman.get_by_test_id("stMultiSelectDropdown").get_by_role("listbox")
    for _ in range(3):  # a rerun finishing just then may close the list again: open it until it stays
        tunggu_selesai(halaman)
        kotak.click()
        try:
            expect(daftar.get_by_role("option").first).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            halaman.keyboard.press("Escape")
    expect(daftar.get_by_role("option")).to_have_text(["● Hijau", "▲ Kuning", "■ Merah", "○ Abu-abu"])
    expect(halaman.get_by_text("Select all")).to_have_count(0)
    foto_terbuka(halaman, "filter-status-terbuka")

    kotak.press_sequentially("zzz")  # a search that matches nothing: Streamlit says "No results"
    kosong = daftar.locator("[role=option] span")
    expect(daftar).to_have_attribute("data-empty", "true")
    assert kosong.evaluate(_JS_TERBACA) == "Tidak ada pilihan"
    expect(kosong).to_have_css("font-size", "0px")  # the English words are there, but not to be read
    foto_terbuka(halaman, "filter-status-kosong")
