"""Data dukung in the meeting (issue 30): named on each IKU's screen of the Dialog, listed on a slide of the deck,
as text whatever the file is called; only what the reader may see."""

from __future__ import annotations

from kinerja import scores
from kinerja.rapat import dialog, projector
from kinerja.store import Storage
from kinerja_core.akses import Hibah, Pelaku, Peran
from tests.jahat import HTML_JAHAT
from tests.rapat.test_deck import buka, periksa_muat, teks

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
OPERATOR = Pelaku.sistem("operator")


def _susun(storage: Storage, hibah: list[Hibah] | None = None) -> dialog.Dialog:
    snap = storage.baca(2019)
    pilih = scores.pilih_unit(scores.lebar(snap.iku, snap.realisasi),
                              scores.pohon(snap.unit).subpohon("KWBCJABAR", dengan_sub_unit=True))
    bukti = storage.daftar_bukti(2019, 3, "KWBCJABAR", sub_unit=True, hibah=hibah)
    return dialog.susun(snap, "KWBCJABAR", 3, skor_iku=scores.skor(pilih, 3), bukti=bukti)


def test_bukti_di_layar_iku_dan_di_dek(storage):
    nama = [f"{HTML_JAHAT}.pdf", "=HYPERLINK(\"http://evil.example\").pdf", "rekap **tebal** _miring_.pdf"]
    for n in nama:
        storage.tambah_bukti(2019, 3, "KPPBCBOGOR", "BGR-01", nama=n, jenis="pdf", isi=PDF, pelaku=OPERATOR)
    storage.tambah_bukti(2019, 3, "KPPBCBEKASI", "BKS-01", nama="rekap bekasi.pdf", jenis="pdf", isi=PDF,
                         pelaku=OPERATOR)
    isi = _susun(storage)
    (bgr,) = [s for s in isi.slide if (s.iku.kode_unit, s.iku.kode_iku) == ("KPPBCBOGOR", "BGR-01")]
    assert isi.bukti_slide(bgr) == nama
    html = projector.judul_slide(bgr, "TW III", isi.bukti_slide(bgr))
    assert "<a href" not in html and "<img" not in html and "&lt;a href=" in html  # the name as text
    lain = next(s for s in isi.slide if s.iku.kode_iku == "BGR-02")
    assert 'data-testid="dialog-bukti"' not in projector.judul_slide(lain, "TW III", isi.bukti_slide(lain))
    berkas = buka(isi)
    (slide,) = [s for s in berkas.slides if teks(s).startswith("Data dukung")]
    (tabel,) = [b.table for b in slide.shapes if b.has_table]
    sel = [c.text for baris in tabel.rows for c in baris.cells]
    for n in [*nama, "rekap bekasi.pdf"]:  # each name a cell of text, as typed (a formula-like one made inert)
        assert any(n.lstrip("=") in c and not c.startswith("=") for c in sel), (n, sel)
    periksa_muat(berkas)


def test_bukti_hanya_yang_boleh_dilihat(storage):
    storage.tambah_bukti(2019, 3, "KPPBCBEKASI", "BKS-01", nama="bekasi.pdf", jenis="pdf", isi=PDF, pelaku=OPERATOR)
    isi = _susun(storage, [Hibah(Peran.PEMBACA, "KPPBCBOGOR")])
    assert isi.bukti.empty
    assert not [s for s in buka(isi).slides if teks(s).startswith("Data dukung")]  # no slide without data dukung


def test_halaman_dialog_menyebut_bukti(storage, monkeypatch, _apptest_navigasi):
    from tests.web.test_app import pilih_unit
    from tests.web.test_gerbang import buka as buka_app
    storage.tambah_bukti(2019, 3, "KPPBCBOGOR", "BGR-01", nama="rekap <b>TW3</b>.pdf", jenis="pdf", isi=PDF,
                         pelaku=OPERATOR)
    at = buka_app(storage, monkeypatch)
    pilih_unit(at, "KPPBCBOGOR", sub_unit=False)
    at.switch_page("pages/dialog.py").run()
    slide = ""
    for _ in range(16):  # to BGR-01's screen, whatever the order of attention
        at.button(key="dialog_berikutnya").click().run()
        assert not at.exception, at.exception
        slide = "".join(m.value for m in at.markdown if 'data-testid="dialog-bukti"' in m.value)
        if slide:
            break
    assert "Data dukung: rekap &lt;b&gt;TW3&lt;/b&gt;.pdf" in slide
