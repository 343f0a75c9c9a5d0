"""Drill-down on the Ringkasan in a real browser: a click on a sub-unit's bar opens that sub-unit.

The chart of the direct sub-units (``charts.nko_sub_unit``, in ``.st-key-grafik_sub_unit``) is plotly SVG. Its
bars are clicked with the mouse where a user clicks them, and what must follow is checked as shown: the
sidebar's unit picker, the URL (a bookmark, a reload) and the page's figures. The chart itself is read as
drawn (names, numbers, colours, order, nothing cut off) at 1920x1080 and on a 1366x768 laptop; its
screenshots go to test-artifacts/ (and docs/ringkasan-sub-unit.png with KINERJA_SIMPAN_DOCS=1).
"""

from __future__ import annotations

import re

import pytest

from kinerja.texts import WARNA_STATUS
from kinerja_core.model import Status
from tests.e2e.conftest import buka, expect, foto, pilih, tunggu_selesai
from tests.e2e.test_browser import jumlah

pytestmark = pytest.mark.e2e

KEMENKEU_TW3 = "/?unit=KEMENKEU&tahun=2019&triwulan=TW+III"
JABAR_TW3 = "/?unit=KWBCJABAR&tahun=2019&triwulan=TW+III"
LAPTOP = {"width": 1366, "height": 768}
BOGOR = "16 IKU: 15 hijau, 1 abu-abu"
BEKASI = "6 IKU: 2 hijau, 3 kuning, 1 merah"


def kotak_unit(page):
    """The sidebar's unit picker."""
    return page.locator(".st-key-unit input[role=combobox]")


def grafik(page):
    """The plotly chart of the direct sub-units."""
    return page.locator(".st-key-grafik_sub_unit .js-plotly-plot")


def _rgb(warna: str) -> str:
    """'#159c6a' as the browser reports a computed fill: 'rgb(21, 156, 106)'."""
    r, g, b = (int(warna[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def baca_grafik(page) -> list[dict[str, object]]:
    """The bars as drawn, top to bottom: the name beside each, its text, its fill and the boxes on screen.

    Each name on the axis is matched to the bar and the text at its height (plotly keeps data order in the
    SVG, the first category at the bottom, so the screen's order is the one a user reads).
    """
    g = grafik(page)
    expect(g.locator("g.trace.bars g.point path").first).to_be_visible()
    batang = g.locator("g.trace.bars g.point")
    tengah = lambda k: k["y"] + k["height"] / 2  # noqa: E731
    hasil = []
    for label in g.locator("g.ytick text").all():
        k_label = label.bounding_box()
        y = tengah(k_label)
        (titik,) = [b for b in batang.all() if abs(tengah(b.locator("path").bounding_box()) - y) < 3]
        hasil.append({
            "nama": label.text_content().strip(), "teks": titik.locator("text.bartext").text_content(),
            "warna": titik.locator("path").evaluate("e => getComputedStyle(e).fill"),
            "label": k_label, "bar": titik.locator("path").bounding_box(),
            "kotak_teks": titik.locator("text.bartext").bounding_box(), "path": titik.locator("path"),
        })
    return sorted(hasil, key=lambda b: b["label"]["y"])


def klik_batang(page, nama: str) -> None:
    """Click the middle of the named sub-unit's bar with the mouse, as a user does.

    (Plotly's drag layer lies over the bars and takes the click: Playwright's element click would wait for
    the bar to be uncovered, so the mouse is sent to the bar's place on screen instead.)
    """
    (bar,) = [b for b in baca_grafik(page) if b["nama"] == nama]
    bar["path"].evaluate("e => e.scrollIntoView({block: 'center'})")
    k = bar["path"].bounding_box()
    page.mouse.click(k["x"] + k["width"] / 2, k["y"] + k["height"] / 2)


def harus_unit(page, awal_nama: str, kode: str, teks_jumlah: str) -> None:
    """The page shows this unit: in the sidebar's picker, in the URL and in the status count."""
    expect(kotak_unit(page)).to_have_value(re.compile(rf"^{re.escape(awal_nama)}( \(|$)"))
    expect(page).to_have_url(re.compile(rf"[?&]unit={kode}(&|$)"))
    expect(jumlah(page)).to_have_text(teks_jumlah)
    expect(page.locator(".kinerja-konteks")).to_contain_text(f"{awal_nama} · Tahun 2019 · s.d. TW III")
    tunggu_selesai(page)


def test_klik_batang_membuka_sub_unit(server, halaman):
    buka(halaman, server + JABAR_TW3)
    expect(halaman.locator(".st-key-sub_unit input[type=checkbox]")).to_be_checked()
    expect(grafik(halaman).locator("g.trace.bars g.point path")).to_have_count(2)
    assert [b["nama"] for b in baca_grafik(halaman)] == ["KPPBC TMP A Bekasi", "KPPBC TMP A Bogor"]

    klik_batang(halaman, "KPPBC TMP A Bogor")
    harus_unit(halaman, "KPPBC TMP A Bogor", "KPPBCBOGOR", BOGOR)
    expect(halaman.locator(".st-key-grafik_sub_unit")).to_have_count(0)  # Bogor has no sub-units
    expect(halaman.locator(".st-key-tabel_iku table[role=grid]")).to_have_attribute("aria-rowcount", "17")

    # the URL is a bookmark of the view: a reload (a fresh session) opens Bogor again.
    # (The Back button is not asserted: the app writes the picker's unit back over the URL on every run, so
    # Back to ?unit=KWBCJABAR is replaced by ?unit=KPPBCBOGOR again and leaves the page as it is.)
    halaman.reload()
    tunggu_selesai(halaman)
    harus_unit(halaman, "KPPBC TMP A Bogor", "KPPBCBOGOR", BOGOR)

    # back to the Kanwil in the sidebar: its chart starts with nothing selected (the click on Bogor is not
    # remembered, or the page would bounce to Bogor at once), and another bar opens its own unit
    pilih(halaman, "unit", re.compile(r"^Kantor Wilayah DJBC Jawa Barat\b"))
    harus_unit(halaman, "Kantor Wilayah DJBC Jawa Barat", "KWBCJABAR", "27 IKU: 21 hijau, 4 kuning, 1 merah, 1 abu-abu")
    expect(grafik(halaman).locator("g.trace.bars g.point path")).to_have_count(2)
    klik_batang(halaman, "KPPBC TMP A Bekasi")
    harus_unit(halaman, "KPPBC TMP A Bekasi", "KPPBCBEKASI", BEKASI)


def test_telusur_dari_kementerian_sampai_kantor(server, halaman):
    """Down the tree a click at a time; a unit without IKU of its own (the DJBC) opens like any other."""
    buka(halaman, server + KEMENKEU_TW3)
    semua = "27 IKU: 21 hijau, 4 kuning, 1 merah, 1 abu-abu"
    expect(jumlah(halaman)).to_have_text(semua)
    for nama, kode, teks_jumlah in (
        ("Direktorat Jenderal Bea dan Cukai", "DJBC", semua),
        ("Kantor Wilayah DJBC Jawa Barat", "KWBCJABAR", semua),
        ("KPPBC TMP A Bogor", "KPPBCBOGOR", BOGOR),
    ):
        klik_batang(halaman, nama)
        harus_unit(halaman, nama, kode, teks_jumlah)
    expect(halaman.locator(".st-key-grafik_sub_unit")).to_have_count(0)


# each sub-unit chart as it must read: top to bottom (lowest NKO first), the text beside each bar, its light
GRAFIK = {
    "kemenkeu": (KEMENKEU_TW3, [
        ("Direktorat Jenderal Bea dan Cukai", "100,87 · 21 ●  4 ▲  1 ■  1 ○", Status.HIJAU),
    ]),
    "jabar": (JABAR_TW3, [
        ("KPPBC TMP A Bekasi", "91,53 · 2 ●  3 ▲  1 ■", Status.KUNING),
        ("KPPBC TMP A Bogor", "105,96 · 15 ●  1 ○", Status.HIJAU),
    ]),
}


def periksa_grafik(page, diharapkan: list[tuple[str, str, Status]]) -> None:
    """Names, texts and colours as expected, top to bottom; nothing cut off or drawn over another thing."""
    svg = grafik(page).locator("svg.main-svg").first.bounding_box()
    bar = baca_grafik(page)
    assert [(b["nama"], b["teks"], b["warna"]) for b in bar] == [
        (n, teks, _rgb(WARNA_STATUS[s])) for n, teks, s in diharapkan]
    for b in bar:
        label, batang, teks = b["label"], b["bar"], b["kotak_teks"]
        # the name whole, ending at the axis (plotly sets it flush against the bar: its box may reach 1-2 px in)
        assert svg["x"] <= label["x"] and label["x"] + label["width"] <= batang["x"] + 2, b["nama"]
        assert batang["x"] + batang["width"] <= teks["x"] + 1, b["nama"]  # the text beside the bar, not on it
        assert teks["x"] + teks["width"] <= svg["x"] + svg["width"], b["nama"]  # the text whole


@pytest.mark.parametrize("nama", list(GRAFIK))
def test_grafik_sub_unit_terbaca(server, halaman, nama):
    url, diharapkan = GRAFIK[nama]
    buka(halaman, server + url)
    periksa_grafik(halaman, diharapkan)
    foto(halaman, f"ringkasan-sub-unit-{nama}", docs="ringkasan-sub-unit.png" if nama == "jabar" else None)

    # a meeting laptop with the sidebar open: the chart in view, read the same
    halaman.set_viewport_size(LAPTOP)
    tunggu_selesai(halaman)
    halaman.locator(".st-key-grafik_sub_unit").evaluate("e => e.scrollIntoView({block: 'center'})")
    tunggu_selesai(halaman)
    periksa_grafik(halaman, diharapkan)
    foto(halaman, f"ringkasan-sub-unit-{nama}-laptop", seluruh=False)
