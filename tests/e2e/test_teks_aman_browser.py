"""Hostile names and notes in a real browser (issue 27, finding 1): shown as text on every page, never fetching or
linking anywhere else; and ordinary notes of several lines still read as lines on the projector.

The hostile data (``tests/jahat.py``): unit names with ``<a href=…>``/``<img src=…>``, IKU names, sasaran
strategis, satuan, kendala, rencana aksi, PIC, tindak-lanjut note and the meeting's tempat, pimpinan, arahan and
their PIC, with ``x\\n\\n![a](http://evil.example/x.png)``, headings, tables. Every request the pages make is
recorded: none may leave the test server.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import buka, expect, foto, tunggu_selesai
from tests.jahat import simpan_jahat

pytestmark = pytest.mark.e2e

TW3 = "tahun=2019&triwulan=TW+III"
SERVER_SENDIRI = {"127.0.0.1", "localhost"}


def _tidak_ada_tautan_jahat(page, di: str) -> None:
    for pemilih in ("a[href*=evil]", "img[src*=evil]", "[src*=evil]", "[href*=evil]"):
        assert page.locator(pemilih).count() == 0, f"{di}: {pemilih} in the page"


def _ke_arahan(page) -> None:
    """From the Dialog summary to the arahan slide (the last) with the arrow keys, as a presenter does."""
    kotak = page.get_by_test_id("stMain").bounding_box()
    page.mouse.click(kotak["x"] + kotak["width"] - 10, kotak["y"] + 10)  # an empty corner: no field has focus
    for _ in range(20):  # past the last IKU: it stops at the arahan
        page.keyboard.press("ArrowRight")
    expect(page.locator(".dko-posisi")).to_have_text("Arahan")
    tunggu_selesai(page)


def test_data_jahat_tidak_memanggil_situs_lain(server_tulis, halaman):
    simpan_jahat(server_tulis.db)
    permintaan: list[str] = []
    halaman.on("request", lambda r: permintaan.append(r.url))

    kunjungan = [
        ("Ringkasan KWBCJABAR", f"/?unit=KWBCJABAR&{TW3}", None),
        ("Ringkasan KPPBCBOGOR", f"/?unit=KPPBCBOGOR&{TW3}", None),
        ("Progres", f"/progres?unit=KPPBCBOGOR&{TW3}", None),
        ("Peta", f"/peta?unit=KPPBCBOGOR&{TW3}", None),
        ("Kaskade KPPBCBOGOR", f"/kaskade?unit=KPPBCBOGOR&{TW3}", None),
        ("Kaskade BPPT", "/kaskade?unit=BPPT&tahun=2017", None),
        ("Dialog", f"/dialog?unit=KPPBCBOGOR&{TW3}", "dialog"),
        ("Unggah", f"/unggah?unit=KPPBCBOGOR&{TW3}", "unggah"),
        ("Riwayat", "/riwayat", None),
    ]
    for nama, alamat, langkah in kunjungan:
        buka(halaman, server_tulis + alamat)
        _tidak_ada_tautan_jahat(halaman, nama)
        if langkah == "dialog":  # the summary, the first IKU, the arahan
            expect(halaman.get_by_test_id("dialog-rapat")).to_contain_text('<a href="http://evil.example/">')
            halaman.locator(".st-key-dialog_berikutnya button").click()
            expect(halaman.locator(".dko-posisi")).to_have_text("IKU 1 dari 16")
            tunggu_selesai(halaman)
            expect(halaman.get_by_test_id("dialog-catatan")).to_contain_text("![a](http://evil.example/x.png)")
            _tidak_ada_tautan_jahat(halaman, "Dialog IKU 1")
            foto(halaman, "dialog-iku-data-jahat", seluruh=False)  # for a person to look at: text, not markup
            _ke_arahan(halaman)
            arahan = halaman.get_by_test_id("dialog-arahan")
            expect(arahan).to_contain_text("# JAHAT arahan")
            # each arahan's PIC, under it, as text too (the third has none)
            rincian = arahan.locator(".dko-arahan-rincian")
            expect(rincian).to_have_count(2)
            expect(rincian.nth(0)).to_contain_text('PIC Kasi <a href="http://evil.example/">JAHAT</a>')
            expect(rincian.nth(0)).to_contain_text("Tenggat 30/11/2019")
            expect(rincian.nth(1)).to_have_text("PIC ![p](http://evil.example/pic.png)")
            _tidak_ada_tautan_jahat(halaman, "Dialog arahan")
        elif langkah == "unggah":  # the template's expander names the unit
            halaman.get_by_text("Unduh templat").first.click()
            expect(halaman.get_by_text("Templat berisi kode IKU untuk: Bogor <a href")).to_be_visible()
            _tidak_ada_tautan_jahat(halaman, "Unggah")
        elif nama.startswith("Ringkasan KWBCJABAR"):  # the sub-unit chart names Bogor, as text
            expect(halaman.locator(".st-key-grafik_sub_unit .ytick").filter(
                has_text='Bogor <a href="http://evil.example/">JAHAT</a>')).to_have_count(1)
    halaman.wait_for_timeout(500)  # the one wait on nothing: an image asked for late would show within it

    keluar = sorted({u for u in permintaan if urlparse(u).hostname not in SERVER_SENDIRI | {None}})
    assert not keluar, f"requests to other hosts: {keluar}"
    assert any("evil" not in u for u in permintaan)  # the recording works


def test_catatan_banyak_baris_terbaca_sebagai_baris(server_tulis, halaman):
    """A kendala typed on several lines reads as those lines on the projector: no ``<br>``, no backslash, no
    markup; a screenshot of the summary and of the slide for a person to look at."""
    from kinerja.rapat import dialog
    from kinerja.rapat.simpan import simpan_catatan, simpan_rapat
    from kinerja.store import Storage
    from kinerja_core.akses import Pelaku

    storage = Storage(server_tulis.db)
    pelaku = Pelaku.sistem("Sekretaris DKO")
    iku = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3).slide[0].iku  # BGR-01, the first slide
    kendala = ("Importasi mesin tertunda:\n1. PT A menunggu izin (Rp 12,5 miliar);\n2. PT B pindah ke TW IV.\n\n"
               "Sisa target *tetap* dikejar.")
    simpan_catatan(storage, iku, 2019, 3, kendala=kendala, rencana_aksi="Asistensi PT A\nPengawasan PT B",
                   pic="Kasi PKC", tenggat=datetime.date(2019, 12, 15), pelaku=pelaku)
    simpan_rapat(storage, "KPPBCBOGOR", 2019, 3, tanggal=datetime.date(2019, 10, 2), tempat="Aula KPPBC Bogor\nLantai 2",
                 pimpinan="Kepala Kantor", peserta="Kasi PKC\nKasi P2", arahan="Percepat penagihan", pelaku=pelaku)

    buka(halaman, server_tulis + f"/dialog?unit=KPPBCBOGOR&{TW3}")
    rapat = halaman.get_by_test_id("dialog-rapat")
    expect(rapat).to_have_text("2 Oktober 2019 · Aula KPPBC Bogor\nLantai 2 · Pimpinan rapat: Kepala Kantor · 2 peserta",
                               use_inner_text=True)
    foto(halaman, "dialog-ringkasan-catatan-banyak-baris", seluruh=False)
    halaman.locator(".st-key-dialog_berikutnya button").click()
    expect(halaman.locator(".dko-posisi")).to_have_text("IKU 1 dari 16")
    tunggu_selesai(halaman)
    expect(halaman.locator(".st-key-dialog_grafik .js-plotly-plot svg.main-svg").first).to_be_visible()
    catatan = halaman.get_by_test_id("dialog-catatan").inner_text()
    assert "Kendala: " + kendala in catatan, catatan
    assert "Rencana aksi: Asistensi PT A\nPengawasan PT B" in catatan, catatan
    assert "<br>" not in catatan and "\\" not in catatan and "&lt;" not in catatan
    foto(halaman, "dialog-iku-catatan-banyak-baris", seluruh=False)
