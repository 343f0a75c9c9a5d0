"""The Dialog's last slide, the meeting's arahan, in a real browser: typed into its table, stored, projected.

The form is an ``st.data_editor`` (a glide-data-grid canvas) in the expander "Catat arahan / keputusan rapat":
one row per arahan, with its PIC and tenggat. The tests type into it as a secretary does (a new row by clicking
the grid's empty last row, a cell opened with Enter, typed, closed with Tab; the tenggat through the cell's date
picker), save, and read the projected list and the store. The sample database has no users: the open demo,
where anyone may write.

Driving the grid: each step waits for the grid's accessible twin (a hidden ``table role=grid`` that holds the
cells' text and which cell is selected) or for the cell editor, never a sleep. The tests move between cells with
Tab; ← and → inside the grid move between its cells and never the slide (checked once).
"""

from __future__ import annotations

import datetime

import pytest

from tests.e2e.conftest import LEBAR, TINGGI, buka, expect, tunggu_selesai
from tests.e2e.test_browser import DIALOG_BOGOR_TW3, foto_layar, posisi, tanpa_gulir

pytestmark = pytest.mark.e2e

ARAHAN = DIALOG_BOGOR_TW3 + "&slide=99"  # past the last slide: the page stops on the arahan (and says so in the URL)

# 15 decisions of about 80 characters, as a meeting takes them, each with who and by when
TEKS_PANJANG = [
    "Percepat penagihan piutang bea masuk BGR-03 dan laporkan perkembangannya tiap pekan",
    "Tingkatkan patroli pengawasan rokok ilegal di pasar tradisional Kabupaten Bogor",
    "Jadwalkan sosialisasi ketentuan impor barang kiriman bersama asosiasi jasa kurir",
    "Tuntaskan verifikasi dokumen fasilitas kawasan berikat yang tertunda sejak TW II",
    "Susun rencana aksi percepatan penerimaan cukai untuk sisa triwulan keempat",
    "Evaluasi waktu layanan pemeriksaan fisik jalur merah dan laporkan hasilnya ke Kanwil",
    "Perbarui profil risiko importir dengan hasil audit dan temuan pemeriksaan terbaru",
    "Koordinasikan penindakan bersama kepolisian dan pemda atas miras tanpa pita cukai",
    "Lengkapi data dukung survei kepuasan pengguna jasa sebelum batas unggah November",
    "Laksanakan uji petik pemeriksaan pabrik hasil tembakau yang produksinya turun tajam",
    "Optimalkan aplikasi CEISA untuk memantau pemasukan barang di kawasan berikat",
    "Adakan klinik asistensi ekspor bagi UMKM binaan agar eksportir baru bertambah",
    "Tindak lanjuti rekomendasi inspektorat atas pengelolaan barang milik negara",
    "Pastikan seluruh pegawai menyelesaikan pelatihan daring integritas sebelum Desember",
    "Siapkan bahan paparan capaian kinerja tahunan untuk rapat pimpinan Kanwil",
]
PIC = ["Kasi PKC", "Kasi P2", "Kasi Perbendaharaan", "Kasubbag Umum", "Kasi Kepatuhan Internal"]


def _arahan_tersimpan(db) -> list:
    """The arahan stored for KPPBCBOGOR, 2019 TW III, read from the server's database as another session would."""
    from kinerja.rapat.dialog import rapat_dari
    from kinerja.store import Storage

    return rapat_dari(Storage(db).baca(2019, "KPPBCBOGOR", sub_unit=False), "KPPBCBOGOR", 3).daftar_arahan


def _bingkai(page) -> None:
    """Two animation frames: the grid's editor has taken in what was typed before the key that closes it."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


class Editor:
    """The arahan table of the Dialog's form, driven with the mouse and the keyboard. Rows and columns count
    from 1 (data rows; columns: 1 arahan, 2 PIC, 3 tenggat)."""

    TINGGI_BARIS = 35  # px, Streamlit's row height

    def __init__(self, page) -> None:
        self.page = page
        self.grid = page.get_by_test_id("stForm").get_by_test_id("stDataFrame")
        self.tabel = self.grid.locator("table[role=grid]")  # the accessible twin of the canvas
        self.gulir = self.grid.locator(".dvn-scroller")  # the layer over the canvas that takes the clicks
        self.teks = page.locator("textarea.gdg-input")  # a text cell's editor, while open

    def buka(self) -> None:
        """Open the form's expander (kept open across the rerun after a save) and wait for the grid."""
        tunggu_selesai(self.page)
        if not self.grid.is_visible():
            self.page.get_by_text("Catat arahan / keputusan rapat", exact=True).click()
        expect(self.grid).to_be_visible()

    def sel(self, baris: int, kolom: int):
        return self.tabel.locator(f"[aria-rowindex='{baris + 1}'] [aria-colindex='{kolom}']")

    def jumlah(self, n: int) -> None:
        """Wait until the table has ``n`` rows (the twin counts the header and the empty last row too)."""
        expect(self.tabel).to_have_attribute("aria-rowcount", str(n + 2))

    def _klik_baris(self, x: float, dari_bawah: int) -> None:
        """Click the grid ``dari_bawah`` rows above its empty last row (0: that row), ``x`` px from its left edge."""
        tinggi = self.gulir.bounding_box()["height"]
        self.gulir.click(position={"x": x, "y": tinggi - self.TINGGI_BARIS / 2 - dari_bawah * self.TINGGI_BARIS})

    def tambah_baris(self) -> None:
        """A new empty row: a click on the grid's empty last row adds one and opens its first cell; closed again
        at once (text typed into that first editor is sometimes lost while the row is being added)."""
        n = int(self.tabel.get_attribute("aria-rowcount")) - 2
        self._klik_baris(200, 0)
        self.jumlah(n + 1)
        expect(self.teks).to_be_focused()
        self.page.keyboard.press("Escape")
        expect(self.teks).to_have_count(0)
        expect(self.sel(n + 1, 1)).to_have_attribute("aria-selected", "true")

    def lewati(self, baris: int, kolom: int) -> None:
        """Leave the selected cell as it is and move to the next one on the right (Tab, as a secretary does)."""
        expect(self.sel(baris, kolom)).to_have_attribute("aria-selected", "true")
        self.page.keyboard.press("Enter")
        expect(self.teks).to_be_focused()
        _bingkai(self.page)
        self.page.keyboard.press("Tab")
        expect(self.sel(baris, kolom + 1)).to_have_attribute("aria-selected", "true")

    def ketik(self, baris: int, kolom: int, teks: str) -> None:
        """Type ``teks`` into the selected cell (Enter opens it, Tab closes it and selects the next on the right)."""
        expect(self.sel(baris, kolom)).to_have_attribute("aria-selected", "true")
        self.page.keyboard.press("Enter")
        expect(self.teks).to_be_focused()
        self.page.keyboard.type(teks)
        expect(self.teks).to_have_value(teks)
        _bingkai(self.page)
        self.page.keyboard.press("Tab")
        expect(self.teks).to_have_count(0)
        expect(self.sel(baris, kolom)).to_have_text(teks)

    def tanggal(self, baris: int, kolom: int, tanggal: datetime.date) -> None:
        """Set a date cell through its date picker (an ``input type=date``: filled in the browser's own order of
        day, month and year, whatever the browser's language)."""
        expect(self.sel(baris, kolom)).to_have_attribute("aria-selected", "true")
        self.page.keyboard.press("Enter")
        pemilih = self.page.get_by_test_id("date-picker-cell")
        expect(pemilih).to_be_focused()
        pemilih.fill(tanggal.isoformat())
        _bingkai(self.page)
        pemilih.press("Tab")
        expect(pemilih).to_have_count(0)
        expect(self.sel(baris, kolom)).to_have_text(tanggal.isoformat())

    def hapus_baris(self, baris: int, jumlah: int) -> None:
        """Tick row ``baris`` of ``jumlah`` by its checkbox at the left edge and delete it with the toolbar's button."""
        self._klik_baris(16, jumlah + 1 - baris)
        tombol = self.grid.get_by_role("button", name="Delete row(s)")  # shown once a row is ticked
        expect(tombol).to_be_visible()
        tombol.click()
        self.jumlah(jumlah - 1)

    def simpan(self) -> None:
        self.page.get_by_test_id("stForm").get_by_role("button", name="Simpan", exact=True).click()


def _ke_arahan(page, server: str) -> Editor:
    buka(page, server + ARAHAN)
    expect(posisi(page)).to_have_text("Arahan")
    editor = Editor(page)
    editor.buka()
    return editor


def test_arahan_diketik_disimpan_lalu_dihapus(server_tulis, halaman):
    from kinerja.rapat.dialog import Arahan

    editor = _ke_arahan(halaman, server_tulis)
    daftar = halaman.get_by_test_id("dialog-arahan")
    expect(daftar).to_have_text("Belum ada arahan yang dicatat.")
    editor.jumlah(0)

    editor.tambah_baris()
    editor.ketik(1, 1, "Percepat penagihan BGR-03")
    editor.ketik(1, 2, "Kasi PKC")
    editor.tanggal(1, 3, datetime.date(2019, 11, 30))
    editor.tambah_baris()
    editor.ketik(2, 1, "Sosialisasi ketentuan impor")
    editor.jumlah(2)
    # ← and → in the table move between its cells, not the slide (a secretary typing must not lose the screen)
    expect(editor.sel(2, 2)).to_have_attribute("aria-selected", "true")
    halaman.keyboard.press("ArrowLeft")
    expect(editor.sel(2, 1)).to_have_attribute("aria-selected", "true")
    halaman.keyboard.press("ArrowRight")
    expect(editor.sel(2, 2)).to_have_attribute("aria-selected", "true")
    expect(posisi(halaman)).to_have_text("Arahan")
    expect(editor.sel(1, 2)).to_have_text("Kasi PKC")
    expect(editor.sel(2, 2)).to_have_text("")  # an empty PIC is empty, not the word "None"
    editor.simpan()

    butir = daftar.locator("li")
    expect(butir).to_have_count(2)
    expect(butir.nth(0)).to_contain_text("Percepat penagihan BGR-03")
    expect(butir.nth(0).locator(".dko-arahan-rincian")).to_have_text("PIC Kasi PKC · Tenggat 30/11/2019")
    expect(butir.nth(1)).to_have_text("Sosialisasi ketentuan impor")  # no PIC, no tenggat: no line for them
    tunggu_selesai(halaman)
    assert _arahan_tersimpan(server_tulis.db) == [
        Arahan("Percepat penagihan BGR-03", "Kasi PKC", datetime.date(2019, 11, 30)),
        Arahan("Sosialisasi ketentuan impor")]

    # the form now holds what is stored; the second row ticked and deleted, saved: one arahan left
    editor.buka()
    editor.jumlah(2)
    expect(editor.sel(2, 1)).to_have_text("Sosialisasi ketentuan impor")
    expect(editor.sel(1, 3)).to_have_text("2019-11-30")
    editor.hapus_baris(2, jumlah=2)
    expect(editor.sel(1, 1)).to_have_text("Percepat penagihan BGR-03")
    editor.simpan()
    expect(butir).to_have_count(1)
    expect(butir.nth(0)).to_contain_text("Percepat penagihan BGR-03")
    expect(butir.nth(0).locator(".dko-arahan-rincian")).to_have_text("PIC Kasi PKC · Tenggat 30/11/2019")
    tunggu_selesai(halaman)
    assert _arahan_tersimpan(server_tulis.db) == [
        Arahan("Percepat penagihan BGR-03", "Kasi PKC", datetime.date(2019, 11, 30))]


def test_arahan_tanpa_teks_ditolak(server_tulis, halaman):
    """A row with a PIC but no arahan: refused by its number, nothing stored, the typed rows still there to correct."""
    editor = _ke_arahan(halaman, server_tulis)
    editor.tambah_baris()
    editor.ketik(1, 1, "Percepat penagihan BGR-03")
    editor.tambah_baris()
    editor.lewati(2, 1)
    editor.ketik(2, 2, "Kasi P2")
    editor.simpan()

    expect(halaman.get_by_test_id("stAlertContentError").get_by_test_id("stMarkdownContainer")).to_have_text(
        "Arahan baris 2 kosong, padahal PIC atau tenggatnya diisi: tulis arahannya atau kosongkan barisnya.")
    tunggu_selesai(halaman)
    expect(halaman.get_by_test_id("dialog-arahan")).to_have_text("Belum ada arahan yang dicatat.")
    assert _arahan_tersimpan(server_tulis.db) == []
    editor.jumlah(2)
    expect(editor.sel(2, 2)).to_have_text("Kasi P2")


def test_lima_belas_arahan_dengan_pic_satu_layar(server_tulis, halaman):
    """15 arahan of about 80 characters, each with a PIC and a tenggat: all of them on the projected screen, at
    1920x1080 and 1280x720, no scrolling (neither the page nor the list), who and by when smaller than the
    arahan; screenshots for a person to look at."""
    from kinerja.rapat.dialog import Arahan
    from kinerja.rapat.simpan import simpan_rapat
    from kinerja.store import Storage
    from kinerja_core.akses import Pelaku

    arahan = [Arahan(teks, PIC[i % len(PIC)], datetime.date(2019, 10, 15) + datetime.timedelta(days=5 * i))
              for i, teks in enumerate(TEKS_PANJANG)]
    simpan_rapat(Storage(server_tulis.db), "KPPBCBOGOR", 2019, 3, tanggal=datetime.date(2019, 10, 2),
                 tempat="Aula KPPBC Bogor", pimpinan="Kepala Kantor", peserta="Kasi PKC\nKasi P2", arahan=arahan,
                 pelaku=Pelaku.sistem("Sekretaris DKO"))
    buka(halaman, server_tulis + ARAHAN)
    daftar = halaman.get_by_test_id("dialog-arahan")
    expect(daftar.locator("li")).to_have_count(15)
    expect(daftar.locator(".dko-arahan-rincian").nth(4)).to_have_text(
        "PIC Kasi Kepatuhan Internal · Tenggat 04/11/2019")
    ukuran_teks, ukuran_rincian = daftar.locator("li").first.evaluate(
        "li => [li, li.querySelector('.dko-arahan-rincian')].map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert 0.7 * ukuran_teks <= ukuran_rincian < ukuran_teks, (ukuran_rincian, ukuran_teks)  # readable, secondary
    for lebar, tinggi in ((LEBAR, TINGGI), (1280, 720)):
        halaman.set_viewport_size({"width": lebar, "height": tinggi})
        foto_layar(halaman, f"dialog-arahan-pic-tenggat-{lebar}x{tinggi}")
        tanpa_gulir(halaman)
        tinggi_daftar, terlihat = daftar.evaluate("e => [e.scrollHeight, e.clientHeight]")
        assert tinggi_daftar <= terlihat + 1, f"{lebar}x{tinggi}: the list scrolls ({tinggi_daftar} px in {terlihat} px)"
