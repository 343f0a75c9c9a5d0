"""The Dialog on common projectors (issue 28, items 10–12): every screen fits 1280x720, 1366x768 and 1920x1080
without scrolling, in both languages; no button text cut; nothing overlapping; every button, badge and status
cell readable (WCAG AA, 4.5:1) in both themes; the slide survives a reload (it is in the URL)."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import buka, expect, foto, tunggu_selesai

pytestmark = pytest.mark.e2e

DIALOG = "/dialog?unit=KPPBCBOGOR&tahun=2019&triwulan=TW+III"
UKURAN = [(1280, 720), (1366, 768), (1920, 1080)]
JUMLAH_IKU = 16

# every button whose text is cut (its text wider than the room it has), every box overlapping a sibling
_JS_TERPOTONG = """() => [...document.querySelectorAll('[data-testid=stMain] button, [data-testid=stMain] .dko-sel')]
    .filter(b => b.offsetParent !== null)
    .flatMap(b => [b, ...b.querySelectorAll('p, span, div')])
    .filter(e => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible' ||
                 e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow === 'ellipsis')
    .map(e => e.innerText)"""

# pairs of visible blocks of the screen that overlap: the table's header cells against each other and
# the status badges, the head's tiles, the top bar's buttons
_JS_TUMPANG = """() => {
    const kotak = [...document.querySelectorAll(
        '.dko-tabel th, .dko-tabel td, .dko-baris > div, .st-key-dialog_sebelumnya button, ' +
        '.st-key-dialog_berikutnya button, .dko-posisi, [data-testid=stPopover] button')]
        .filter(e => e.offsetParent !== null).map(e => [e, e.getBoundingClientRect()]);
    const hasil = [];
    for (let i = 0; i < kotak.length; i++) for (let j = i + 1; j < kotak.length; j++) {
        const [a, p] = kotak[i], [b, q] = kotak[j];
        if (a.contains(b) || b.contains(a)) continue;
        const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (x > 1 && y > 1) hasil.push(a.innerText.slice(0, 30) + ' ⟷ ' + b.innerText.slice(0, 30));
    }
    // the chart's texts: a target's value against the realisasi's values and the other targets' values
    const teks = [...document.querySelectorAll('.js-plotly-plot g.annotation, .js-plotly-plot text.bartext')]
        .map(e => [e.textContent, e.getBoundingClientRect()]).filter(([, r]) => r.width > 0);
    for (let i = 0; i < teks.length; i++) for (let j = i + 1; j < teks.length; j++) {
        const [a, p] = teks[i], [b, q] = teks[j];
        const x = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const y = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (x > 0 && y > 0) hasil.push('chart: ' + a + ' ⟷ ' + b);
    }
    // a badge wider than its cell sticks out of it
    for (const s of document.querySelectorAll('.dko-tabel .dko-sel')) {
        const p = s.getBoundingClientRect(), q = s.parentElement.getBoundingClientRect();
        if (p.left < q.left - 1 || p.right > q.right + 1) hasil.push(s.innerText + ' sticks out of its cell');
    }
    return hasil;
}"""


def periksa_layar(page, nama: str) -> None:
    """The screen fits: no scrolling, no cut button text, nothing overlapping; a screenshot for a human."""
    tunggu_selesai(page)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    tinggi, terlihat = page.get_by_test_id("stMain").evaluate("e => [e.scrollHeight, e.clientHeight]")
    lebar = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    page.screenshot(path=f"test-artifacts/{nama}.png", animations="disabled", caret="hide")
    assert tinggi <= terlihat + 1, f"{nama}: the screen is {tinggi} px high in {terlihat} px"
    assert lebar[0] <= lebar[1], f"{nama}: the page scrolls sideways: {lebar}"
    assert page.evaluate(_JS_TERPOTONG) == [], f"{nama}: text cut"
    assert page.evaluate(_JS_TUMPANG) == [], f"{nama}: overlapping"


@pytest.mark.parametrize("bahasa", ["id", "en"])
@pytest.mark.parametrize(("lebar", "tinggi"), UKURAN, ids=[f"{w}x{h}" for w, h in UKURAN])
def test_setiap_layar_dialog_muat_tanpa_gulir(server, halaman, lebar, tinggi, bahasa):
    halaman.set_viewport_size({"width": lebar, "height": tinggi})
    dasar = server + DIALOG + ("&bahasa=en" if bahasa == "en" else "")
    buka(halaman, dasar)
    # the sidebar folds away by default on the projector
    expect(halaman.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    periksa_layar(halaman, f"dialog-{lebar}x{tinggi}-{bahasa}-ringkasan")
    for slide, nama in ((1, "iku1"), (5, "iku5"), (JUMLAH_IKU + 1, "arahan")):
        buka(halaman, f"{dasar}&slide={slide}")
        periksa_layar(halaman, f"dialog-{lebar}x{tinggi}-{bahasa}-{nama}")


def test_slide_bertahan_saat_dimuat_ulang(server, halaman):
    buka(halaman, server + DIALOG)
    halaman.locator(".st-key-dialog_berikutnya button").click()
    expect(halaman.locator(".dko-posisi")).to_have_text("IKU 1 dari 16")
    halaman.locator(".st-key-dialog_berikutnya button").click()
    expect(halaman.locator(".dko-posisi")).to_have_text("IKU 2 dari 16")
    tunggu_selesai(halaman)
    assert "slide=2" in halaman.url, halaman.url
    halaman.reload()
    tunggu_selesai(halaman)
    expect(halaman.locator(".dko-posisi")).to_have_text("IKU 2 dari 16")


# WCAG 2.x contrast of each element's text colour on the background it sits on (the first opaque one up the tree)
_JS_KONTRAS = """() => {
    const rgb = s => (s.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    const latar = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0.5) return c.slice(0, 3); } return [255, 255, 255]; };
    const hasil = [];
    const unsur = document.querySelectorAll('[data-testid=stMain] button, [data-testid=stMain] button p, ' +
        '.dko-sel, .dko-status, .dko-status .dko-label, [data-testid=stPopoverBody] button, ' +
        '[data-testid=stPopoverBody] button p');
    for (const e of unsur) {
        if (e.offsetParent === null || !e.innerText.trim()) continue;
        const s = getComputedStyle(e);
        const [a, b] = [lum(rgb(s.color)), lum(latar(e))];
        let k = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (e.closest('button') && e.closest('button').disabled) continue;  // WCAG exempts disabled controls
        hasil.push([e.innerText.trim().slice(0, 40), Math.round(k * 100) / 100]);
    }
    return hasil;
}"""


def _kontras_rendah(page) -> list:
    return [x for x in page.evaluate(_JS_KONTRAS) if x[1] < 4.5]


@pytest.mark.parametrize("tema", ["Terang", "Gelap"])
def test_setiap_tombol_dan_lencana_terbaca(server, halaman, tema):
    dasar = f"{server}{DIALOG}&dialog_tema={tema}"  # the theme, like the slide, is in the URL (by its label)
    buka(halaman, dasar)
    halaman.get_by_test_id("stPopover").get_by_role("button").click()
    expect(halaman.locator(".st-key-dialog_tema [aria-checked=true]")).to_have_text(tema)
    tunggu_selesai(halaman)
    assert _kontras_rendah(halaman) == [], f"{tema}: popover"
    halaman.keyboard.press("Escape")
    for slide in (0, 1, 5, JUMLAH_IKU + 1):
        buka(halaman, f"{dasar}&slide={slide}")
        # the forms open, with their primary buttons ("Simpan catatan", "Simpan tindak lanjut")
        for judul in halaman.locator("[data-testid=stMain] [data-testid=stExpander] summary").all():
            judul.click()
        tunggu_selesai(halaman)
        halaman.mouse.move(0, 0)
        assert _kontras_rendah(halaman) == [], f"{tema}, slide {slide}"
        # hovered and focused, the primary buttons stay readable
        for tombol in halaman.locator("[data-testid=stMain] button[kind=primaryFormSubmit]").all():
            tombol.hover()
            assert _kontras_rendah(halaman) == [], f"{tema}, slide {slide}, hover"
    foto(halaman, f"dialog-kontras-{tema.lower()}", seluruh=False)


@pytest.mark.parametrize(("lebar", "tinggi"), UKURAN[:2], ids=[f"{w}x{h}" for w, h in UKURAN[:2]])
def test_ringkasan_alasan_abu_abu_terlihat(server, halaman, lebar, tinggi):
    """On the Ringkasan, sidebar open, the IKU table's last column (the grey IKU's reason) is in view: the grid
    does not scroll sideways and ends inside the window."""
    halaman.set_viewport_size({"width": lebar, "height": tinggi})
    buka(halaman, server + "/?unit=KPPBCBOGOR&tahun=2019&triwulan=TW+III")
    expect(halaman.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "false")
    gulir = halaman.locator(".st-key-tabel_iku [data-testid=stDataFrame] .dvn-scroller")
    isi, tampak = gulir.evaluate("e => [e.scrollWidth, e.clientWidth]")
    halaman.locator(".st-key-tabel_iku").evaluate(
        "e => { document.querySelector('[data-testid=stMain]').scrollTop += e.getBoundingClientRect().top - 100; }")
    halaman.screenshot(path=f"test-artifacts/ringkasan-{lebar}x{tinggi}.png", animations="disabled", caret="hide")
    assert isi <= tampak, f"the IKU table scrolls sideways at {lebar}: {isi} px of content in {tampak} px"
