"""Dialog Kinerja: walking the slides, live refresh and freeze, the secretary's notes, the exported deck and table."""

import datetime
import io

import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from kinerja import deck, dialog, exporting
from kinerja.importing import rencanakan, simpan_catatan, terapkan
from kinerja.storage import Storage
from tests.conftest import AKAR

APP = str(AKAR / "app.py")


def buka_dialog(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    at.switch_page("pages/dialog.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def at(db_contoh, monkeypatch, _apptest_navigasi) -> AppTest:
    return buka_dialog(db_contoh, monkeypatch)


def layar(at: AppTest) -> str:
    """The big-type blocks of the current screen, as one string of HTML."""
    return "\n".join(m.value for m in at.markdown if 'class="dko-' in m.value and "<style>" not in m.value)


def posisi(at: AppTest) -> str:
    return next(m.value for m in at.markdown if '<div class="dko-posisi">' in m.value).split(">")[1].split("<")[0]


def judul(at: AppTest) -> str:
    return next(m.value for m in at.markdown if 'class="dko-judul"' in m.value).split(">")[1].split("<")[0]


def test_ringkasan_15_hijau_1_abu_abu(at):
    assert posisi(at) == "Ringkasan"
    isi = layar(at)
    assert '<div class="dko-jumlah" data-testid="dialog-jumlah">16 IKU: 15 hijau, 1 abu-abu</div>' in isi
    assert "105,96" in isi  # the NKO
    assert "BGR-05</b> Indeks Kepuasan Pengguna Jasa" in isi
    assert "belum diukur; target mulai TW IV" in isi
    assert at.button(key="dialog_sebelumnya").disabled


def test_berjalan_melalui_semua_iku_dan_kembali(at):
    kode = []
    for nomor in range(1, 17):
        at.button(key="dialog_berikutnya").click().run()
        assert not at.exception, at.exception
        assert posisi(at) == f"IKU {nomor} dari 16"
        kode.append(judul(at).split(" · ")[0])
    assert kode == [f"BGR-{i:02d}" for i in range(1, 17)]
    assert at.button(key="dialog_berikutnya").disabled
    assert len(at.get("plotly_chart")) == 1
    for _ in range(16):
        at.button(key="dialog_sebelumnya").click().run()
    assert posisi(at) == "Ringkasan"


def test_layar_iku_menampilkan_angka_besar_dan_status_kata(at):
    at.button(key="dialog_berikutnya").click().run()
    isi = layar(at)
    assert 'data-testid="dialog-capaian">103,00%</div>' in isi
    assert 'data-status="hijau"' in isi and "● Hijau" in isi
    assert "123,5 Rp miliar" in isi and "127,2 Rp miliar" in isi  # year-to-date target and realisasi
    assert "Realisasi penerimaan bergantung pada importasi mesin" in isi  # TW III kendala from the CSV
    assert "<td>TW III</td><td>43,8</td><td>48,2</td><td>123,5</td><td>127,2</td><td>103,00</td>" in isi


def test_realisasi_baru_dari_koneksi_lain_muncul_pada_detak_berikutnya(at, db_contoh):
    at.button(key="dialog_berikutnya").click().run()
    assert "103,00%" in layar(at)
    # a colleague uploads a correction from another laptop (another process / connection)
    storage = Storage(db_contoh)
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    terapkan(rencanakan([("koreksi.csv", isi)], storage), storage, "rekan")
    at.run()  # the refresh tick
    assert posisi(at) == "IKU 1 dari 16"  # still on the same slide
    assert "72,06%" in layar(at) and 'data-status="merah"' in layar(at)


def test_tampilan_beku_tidak_berubah(at, db_contoh):
    at.toggle(key="dialog_beku").set_value(True).run()
    assert "Data dibekukan" in at.caption[0].value
    storage = Storage(db_contoh)
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    terapkan(rencanakan([("koreksi.csv", isi)], storage), storage, "rekan")
    at.run()
    assert "16 IKU: 15 hijau, 1 abu-abu" in layar(at)
    at.button(key="dialog_berikutnya").click().run()
    assert "103,00%" in layar(at)
    at.toggle(key="dialog_beku").set_value(False).run()
    assert "72,06%" in layar(at)


def test_catatan_disimpan_dan_dibaca_sesi_lain_sebagai_teks(at, db_contoh, monkeypatch, _apptest_navigasi):
    for _ in range(5):  # BGR-05, the survey IKU
        at.button(key="dialog_berikutnya").click().run()
    at.text_area(key="dialog_kendala").input("<script>alert(1)</script> **survei** belum dikontrak")
    at.text_area(key="dialog_rencana_aksi").input("Kontrak surveyor [klik](http://x)")
    at.text_input(key="dialog_pic").input("Kasubsi PLI")
    at.date_input(key="dialog_tenggat").set_value(datetime.date(2019, 10, 31))
    at.text_input(key="dialog_pengguna").input("Sekretaris DKO")
    at.button[[b.label for b in at.button].index("Simpan catatan")].click().run()
    assert not at.exception, at.exception

    lain = buka_dialog(db_contoh, monkeypatch)  # another session, e.g. the projector laptop
    for _ in range(5):
        lain.button(key="dialog_berikutnya").click().run()
    isi = layar(lain)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; **survei** belum dikontrak" in isi
    assert "<script>" not in isi
    assert "Kontrak surveyor [klik](http://x)" in isi and "Kasubsi PLI" in isi and "31/10/2019" in isi
    revisi = Storage(db_contoh).daftar_revisi()[0]
    assert (revisi.pengguna, revisi.berkas) == ("Sekretaris DKO", "catatan Dialog Kinerja")


def test_catatan_dari_csv_tampil(storage):
    isi = ("tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi;pic;tenggat\n"
           "2019;3;KPPBCBOGOR;BGR-04;;Antrean panjang;Tambah loket;Kasi PKC;15/11/2019\n").encode()
    terapkan(rencanakan([("r.csv", isi)], storage), storage, "uji")
    s = next(s for s in dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3).slide if s.iku.kode_iku == "BGR-04")
    c = s.catatan_triwulan_ini
    assert (c["kendala"], c["rencana_aksi"], c["pic"], c["tenggat"]) == (
        "Antrean panjang", "Tambah loket", "Kasi PKC", pd.Timestamp("2019-11-15"))


def test_deck_pptx_dan_tabel_xlsx(storage):
    s = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3)
    simpan_catatan(storage, s.slide[0].iku, 2019, 3, kendala="=SUM(A1)", rencana_aksi="Asistensi", pic="Budi",
                   tenggat=None, pengguna="uji")
    s = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3)
    berkas = Presentation(io.BytesIO(deck.buat_deck(s)))
    slide = list(berkas.slides)
    assert len(slide) == 1 + 16

    def teks(sl) -> str:
        return "\n".join(b.text_frame.text for b in sl.shapes if b.has_text_frame)

    assert "Dialog Kinerja Organisasi" in teks(slide[0]) and "16 IKU: 15 hijau, 1 abu-abu" in teks(slide[0])
    assert "NKO 105,96" in teks(slide[0])
    for sl, isi in zip(slide[1:], s.slide):
        assert teks(sl).startswith(f"{isi.iku.kode_iku} · {isi.iku.nama_iku}")
    pertama = teks(slide[1])
    assert "103,00 %" in pertama and "● Hijau" in pertama and "Kendala: =SUM(A1)" in pertama  # text, as typed
    assert any(b.shape_type == 13 for b in slide[1].shapes)  # the chart, as a picture

    tabel = dialog.tabel_ekspor(s)
    kembali = pd.read_excel(io.BytesIO(exporting.ke_xlsx(tabel, "dialog")))
    assert len(kembali) == 16
    assert kembali["capaian"].tolist() == pytest.approx([x.hasil.capaian.nilai or float("nan") for x in s.slide],
                                                        nan_ok=True)
    assert kembali.loc[0, "kendala"] == "'=SUM(A1)"
    assert kembali.loc[0, ["target", "realisasi", "capaian", "status"]].tolist() == [123.5, 127.2, 103.0, "hijau"]
