"""Dialog Kinerja: walking the slides, live refresh and freeze, the secretary's notes, the exported deck and table."""

import datetime
import io
import re

import pandas as pd
import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from kinerja import scores
from kinerja.masuk import exporting
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.rapat import deck, dialog
from kinerja.rapat.simpan import simpan_catatan, simpan_rapat
from kinerja.store import Storage
from kinerja.texts import angka
from kinerja_core.akses import Pelaku
from kinerja_core.model import StatusAksi
from kinerja_core.nko import hitung_nko
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


def ke_slide(at: AppTest, nomor: int) -> AppTest:
    """Step with Berikutnya from where the meeting stands to slide ``nomor``, as a presenter does."""
    while posisi(at) != f"IKU {nomor} dari 16":
        at.button(key="dialog_berikutnya").click().run()
        assert not at.exception, at.exception
    return at


def kolom_catatan(at: AppTest) -> dict[str, object]:
    """The notes form of the slide on screen: kendala, rencana aksi, PIC, tenggat as the form shows them."""
    (kendala,) = [w for w in at.text_area if w.label == "Kendala"]
    (rencana,) = [w for w in at.text_area if w.label == "Rencana aksi"]
    (pic,) = [w for w in at.text_input if w.label == "PIC"]
    (tenggat,) = [w for w in at.text_input if w.label == "Tenggat"]  # typed: a partial date is refused
    return {"kendala": kendala, "rencana_aksi": rencana, "pic": pic, "tenggat": tenggat}


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
    assert len(at.get("plotly_chart")) == 1
    at.button(key="dialog_berikutnya").click().run()  # after the last IKU: the meeting's arahan, the end
    assert posisi(at) == "Arahan" and "Belum ada arahan yang dicatat." in layar(at)
    assert at.button(key="dialog_berikutnya").disabled
    for _ in range(17):
        at.button(key="dialog_sebelumnya").click().run()
    assert posisi(at) == "Ringkasan"


def test_layar_iku_menampilkan_angka_besar_dan_status_kata(at):
    at.button(key="dialog_berikutnya").click().run()
    isi = layar(at)
    assert 'data-testid="dialog-capaian">103,00 %</div>' in isi
    assert 'data-status="hijau"' in isi and "● Hijau" in isi
    assert "Rp 123,5 miliar" in isi and "Rp 127,2 miliar" in isi  # year-to-date target and realisasi
    assert "Realisasi penerimaan bergantung pada importasi mesin" in isi  # TW III kendala from the CSV
    assert "<td>TW III</td><td>43,8</td><td>48,2</td><td>123,5</td><td>127,2</td><td>103,00</td>" in isi


def test_realisasi_baru_dari_koneksi_lain_muncul_pada_detak_berikutnya(at, db_contoh):
    at.button(key="dialog_berikutnya").click().run()
    assert "103,00 %" in layar(at)
    # a colleague uploads a correction from another laptop (another process / connection)
    storage = Storage(db_contoh)
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    terapkan(rencanakan([("koreksi.csv", isi)], storage), storage, Pelaku.sistem("rekan"))
    at.run()  # the refresh tick
    assert posisi(at) == "IKU 1 dari 16"  # still on the same slide
    assert "72,06 %" in layar(at) and 'data-status="merah"' in layar(at)


def test_tampilan_beku_tidak_berubah(at, db_contoh):
    at.toggle(key="dialog_beku").set_value(True).run()
    assert "Data dibekukan" in at.caption[0].value
    storage = Storage(db_contoh)
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    terapkan(rencanakan([("koreksi.csv", isi)], storage), storage, Pelaku.sistem("rekan"))
    at.run()
    assert "16 IKU: 15 hijau, 1 abu-abu" in layar(at)
    at.button(key="dialog_berikutnya").click().run()
    assert "103,00 %" in layar(at)
    at.toggle(key="dialog_beku").set_value(False).run()
    assert "72,06 %" in layar(at)


def test_catatan_disimpan_dan_dibaca_sesi_lain_sebagai_teks(at, db_contoh, monkeypatch, _apptest_navigasi):
    for _ in range(5):  # BGR-05, the survey IKU
        at.button(key="dialog_berikutnya").click().run()
    form = kolom_catatan(at)
    form["kendala"].input("<script>alert(1)</script> **survei** belum dikontrak")
    form["rencana_aksi"].input("Kontrak surveyor [klik](http://x)")
    form["pic"].input("Kasubsi PLI")
    form["tenggat"].input("31/10/2019")
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
    assert (revisi.pengguna, revisi.berkas, revisi.asal) == ("demo", "catatan Dialog Kinerja", "Dialog Kinerja")


def test_catatan_dari_csv_tampil(storage):
    isi = (b"tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi;pic;tenggat\n"
           b"2019;3;KPPBCBOGOR;BGR-04;;Antrean panjang;Tambah loket;Kasi PKC;15/11/2019\n")
    terapkan(rencanakan([("r.csv", isi)], storage), storage, Pelaku.sistem("uji"))
    s = next(s for s in dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3).slide if s.iku.kode_iku == "BGR-04")
    c = s.catatan_triwulan_ini
    assert (c["kendala"], c["rencana_aksi"], c["pic"], c["tenggat"]) == (
        "Antrean panjang", "Tambah loket", "Kasi PKC", datetime.date(2019, 11, 15))


def test_deck_pptx_dan_tabel_xlsx(storage):
    s = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3)
    simpan_catatan(storage, s.slide[0].iku, 2019, 3, kendala="=SUM(A1)", rencana_aksi="Asistensi", pic="Budi",
                   tenggat=None, pelaku=Pelaku.sistem("uji"))
    s = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3)
    berkas = Presentation(io.BytesIO(deck.buat_deck(s)))
    slide = list(berkas.slides)
    # the meeting, the summary, the IKU, the actions followed up (BGR-01 and others wrote some in TW I), the arahan
    assert len(slide) == 1 + 1 + 16 + 1 + 1

    def teks(sl) -> str:
        return "\n".join(b.text_frame.text for b in sl.shapes if b.has_text_frame)

    assert "Dialog Kinerja Organisasi" in teks(slide[0])
    assert "16 IKU: 15 hijau, 1 abu-abu" in teks(slide[1]) and "NKO 105,96" in teks(slide[1])
    for sl, isi in zip(slide[2:], s.slide):
        assert teks(sl).startswith(f"{isi.iku.kode_iku} · {isi.iku.nama_iku}")
    pertama = teks(slide[2])
    assert "103,00 %" in pertama and "● Hijau" in pertama and "Kendala: =SUM(A1)" in pertama  # text, as typed
    assert any(b.has_chart for b in slide[2].shapes)  # the chart, a native PowerPoint chart

    tabel = dialog.tabel_ekspor(s)
    kembali = pd.read_excel(io.BytesIO(exporting.ke_xlsx(tabel, "dialog")))
    assert len(kembali) == 16
    assert kembali["capaian"].tolist() == pytest.approx([x.hasil.capaian.nilai or float("nan") for x in s.slide],
                                                        nan_ok=True)
    assert kembali.loc[0, "kendala"] == "=SUM(A1)"  # as typed, held as text (Excel's quote prefix), no formula
    assert kembali.loc[0, ["target", "realisasi", "capaian", "status"]].tolist() == [123.5, 127.2, 103.0, "hijau"]


# --- issue 10: meeting-grade -------------------------------------------------------------------------------------


def test_formulir_catatan_milik_iku_di_layar(at, db_contoh):
    """Stepping from BGR-01 (with notes) to BGR-16 (none): the form is BGR-16's, and saving writes to BGR-16 only."""
    ke_slide(at, 1)
    assert "Realisasi penerimaan bergantung pada importasi mesin" in kolom_catatan(at)["kendala"].value
    ke_slide(at, 16)
    assert judul(at).startswith("BGR-16")
    assert "Belum ada catatan untuk TW III" in layar(at)
    form = kolom_catatan(at)
    assert (form["kendala"].value, form["rencana_aksi"].value, form["pic"].value, form["tenggat"].value) == (
        "", "", "", "")

    form["kendala"].input("Server SIMAK rusak")
    form["pic"].input("Kasubbag Umum")
    at.button[[b.label for b in at.button].index("Simpan catatan")].click().run()
    assert not at.exception, at.exception
    realisasi = Storage(db_contoh).baca(2019).realisasi.set_index(["kode_iku", "triwulan"])
    assert realisasi.loc[("BGR-16", 3), "kendala"] == "Server SIMAK rusak"
    assert not realisasi.loc[("BGR-16", 3), "rencana_aksi"] or pd.isna(realisasi.loc[("BGR-16", 3), "rencana_aksi"])
    assert realisasi.loc[("BGR-01", 3), "kendala"].startswith("Realisasi penerimaan bergantung")
    # back on BGR-01, its own notes again; BGR-16 shows what was saved
    at.button(key="dialog_sebelumnya").click().run()
    assert kolom_catatan(at)["kendala"].value.startswith("Sebagian pengadaan")  # BGR-15's own note
    ke_slide(at, 16)
    assert kolom_catatan(at)["kendala"].value == "Server SIMAK rusak"
    assert "Server SIMAK rusak" in layar(at) and "Kasubbag Umum" in layar(at)


def test_catatan_tidak_berubah_tidak_membuat_revisi(at, db_contoh):
    ke_slide(at, 1)
    sebelum = len(Storage(db_contoh).daftar_revisi())
    at.button[[b.label for b in at.button].index("Simpan catatan")].click().run()
    assert not at.exception, at.exception
    assert len(Storage(db_contoh).daftar_revisi()) == sebelum
    assert any("Tidak ada perubahan" in i.value for i in at.info)


KATA_TERLARANG = re.compile(r"\b(nan|NaN|None|NaT|null)\b")


def _satu_pic(storage: Storage) -> None:
    """One imported row with a PIC: every other IKU's PIC is then missing (NaN), not absent."""
    isi = (b"tahun;triwulan;kode_unit;kode_iku;realisasi;kendala;rencana_aksi;pic;tenggat\n"
           b"2019;3;KPPBCBOGOR;BGR-04;;Antrean panjang;Tambah loket;Kasi PKC;15/11/2019\n")
    terapkan(rencanakan([("r.csv", isi)], storage), storage, Pelaku.sistem("uji"))


def test_tanpa_nan_di_layar_dan_formulir(at, db_contoh):
    _satu_pic(Storage(db_contoh))
    at.run()
    for nomor in range(1, 17):
        ke_slide(at, nomor)
        teks = "\n".join(m.value for m in at.markdown if "<style>" not in m.value)
        assert not KATA_TERLARANG.search(teks), (nomor, KATA_TERLARANG.search(teks), teks[:300])
        form = kolom_catatan(at)
        for nama in ("kendala", "rencana_aksi", "pic"):
            assert not KATA_TERLARANG.search(form[nama].value or ""), (nomor, nama, form[nama].value)
        if nomor == 1:
            assert "PIC:</b> — ·" in layar(at)  # BGR-01: notes without a PIC say so with a dash


def test_tanpa_nan_di_pptx_xlsx_csv(storage):
    _satu_pic(storage)
    isi = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3)
    berkas = Presentation(io.BytesIO(deck.buat_deck(isi)))
    for nomor, sl in enumerate(berkas.slides):
        for b in sl.shapes:
            teks = []
            if b.has_text_frame:
                teks.append(b.text_frame.text)
            if b.has_table:
                teks += [sel.text for baris in b.table.rows for sel in baris.cells]
            for tk in teks:
                assert not KATA_TERLARANG.search(tk), (nomor, tk)
    assert "PIC: Kasi PKC" in "\n".join(b.text_frame.text for b in berkas.slides[5].shapes if b.has_text_frame)

    tabel = dialog.tabel_ekspor(isi)
    import openpyxl

    buku = openpyxl.load_workbook(io.BytesIO(exporting.ke_xlsx(tabel, "dialog")))
    for baris in buku.active.iter_rows(values_only=True):
        for sel in baris:
            assert not (isinstance(sel, str) and KATA_TERLARANG.search(sel)), baris
    csv = exporting.ke_csv(tabel)
    csv = csv.decode("utf-8-sig") if isinstance(csv, bytes) else csv
    assert not KATA_TERLARANG.search(csv), KATA_TERLARANG.search(csv)


def _koreksi(db, nilai: str) -> None:
    """A colleague's upload from another laptop: BGR-01's TW III realisasi."""
    storage = Storage(db)
    isi = f"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;{nilai}\n".encode()
    terapkan(rencanakan([("koreksi.csv", isi)], storage), storage, Pelaku.sistem("rekan"))


def test_bekukan_menahan_yang_tampil_sekarang(at, db_contoh):
    ke_slide(at, 1)
    assert "103,00 %" in layar(at)
    _koreksi(db_contoh, "10")
    at.run()  # the refresh tick: the correction is on screen
    assert "72,06 %" in layar(at)
    at.toggle(key="dialog_beku").set_value(True).run()
    assert "72,06 %" in layar(at)  # what is on screen now, not what was there when the page opened
    _koreksi(db_contoh, "60")
    at.run()
    assert "72,06 %" in layar(at) and posisi(at) == "IKU 1 dari 16"
    at.button(key="dialog_sebelumnya").click().run()
    at.button(key="dialog_berikutnya").click().run()
    assert "72,06 %" in layar(at)  # walking the slides keeps the frozen data
    at.toggle(key="dialog_beku").set_value(False).run()
    assert "112,55 %" in layar(at)  # (33,1 + 45,9 + 60) / 123,5: the latest


def test_ringkasan_dialog_mengikuti_filter_seperti_halaman_ringkasan(at, db_contoh):
    """The perspective filter moves the NKO, the count and the slides together; each figure says what it covers."""
    isi = layar(at)
    assert "NKO KPPBC TMP A Bogor" in isi and "mencakup 15 dari 16 IKU · 1 belum diukur" in isi
    at.sidebar.multiselect(key="perspektif").set_value(["Stakeholder"]).run()
    isi = layar(at)
    assert 'data-testid="dialog-jumlah">2 IKU: 2 hijau</div>' in isi
    snap = Storage(db_contoh).baca(2019)
    stakeholder = [h for h in scores.nilai_semua(snap.iku, snap.realisasi, 3, ["KPPBCBOGOR"])
                   if h.iku.perspektif.value == "Stakeholder"]
    nko = angka(hitung_nko(stakeholder).nilai, tetap=True)
    assert f'<div class="dko-angka">{nko}</div>' in isi and nko != "105,96"
    assert "NKO KPPBC TMP A Bogor · perspektif Stakeholder" in isi and "mencakup 2 dari 2 IKU" in isi
    assert "Jumlah status dan NKO: IKU KPPBC TMP A Bogor · perspektif Stakeholder" in isi
    at.button(key="dialog_berikutnya").click().run()
    assert posisi(at) == "IKU 1 dari 2"

    # a status filter picks the slides; the summary keeps counting every light and says it is filtered
    at.sidebar.multiselect(key="perspektif").set_value([]).run()
    at.sidebar.multiselect(key="status").set_value(["abu-abu"]).run()
    at.button(key="dialog_sebelumnya").click().run()
    assert posisi(at) == "Ringkasan"
    assert "16 IKU: 15 hijau, 1 abu-abu" in layar(at)
    assert any("1 dari 16 IKU" in c.value for c in at.caption)
    at.button(key="dialog_berikutnya").click().run()
    assert posisi(at) == "IKU 1 dari 1" and judul(at).startswith("BGR-05")


def test_catatan_ditolak_dikatakan_dan_tidak_disimpan(at, db_contoh):
    ke_slide(at, 2)
    sebelum = len(Storage(db_contoh).daftar_revisi())
    kolom_catatan(at)["kendala"].input("Server rusak\x01")
    at.button[[b.label for b in at.button].index("Simpan catatan")].click().run()
    assert not at.exception, at.exception
    assert at.error and "Kendala" in at.error[0].value
    assert len(Storage(db_contoh).daftar_revisi()) == sebelum


def isian(at: AppTest, label: str):
    """The one widget of the screen with this label (a text input, a text area or a date)."""
    (w,) = [w for w in [*at.text_input, *at.text_area, *at.date_input] if w.label == label]
    return w


def klik(at: AppTest, label: str) -> AppTest:
    at.button[[b.label for b in at.button].index(label)].click().run()
    assert not at.exception, at.exception
    return at


def test_detail_rapat_dan_arahan_disimpan_bersama_rapat(at, db_contoh):
    """The meeting's details on the summary, its decisions on the closing slide: stored per unit and quarter."""
    sebelum = len(Storage(db_contoh).daftar_revisi())
    isian(at, "Tanggal rapat").set_value(datetime.date(2019, 10, 2))
    isian(at, "Tempat").input("Aula KPPBC Bogor")
    isian(at, "Pimpinan rapat").input("Kepala Kantor")
    isian(at, "Peserta").input("Kasi PKC\nKasi P2\nKasubag Umum")
    klik(at, "Simpan")
    assert "2 Oktober 2019 · Aula KPPBC Bogor · Pimpinan rapat: Kepala Kantor · 3 peserta" in layar(at)
    revisi = Storage(db_contoh).daftar_revisi()
    assert len(revisi) == sebelum + 1 and revisi[0].pengguna == "demo"
    assert revisi[0].berkas == "data rapat Dialog Kinerja"

    # unchanged: said, and no revision
    klik(at, "Simpan")
    assert at.info and "data rapat sama" in at.info[0].value
    assert len(Storage(db_contoh).daftar_revisi()) == sebelum + 1

    # after the last IKU, the arahan: a table to fill in (typed in the browser, tests/e2e/test_arahan_browser.py),
    # here stored as the form stores them, then shown numbered, each with its PIC and tenggat
    ke_slide(at, 16)
    at.button(key="dialog_berikutnya").click().run()
    assert posisi(at) == "Arahan"
    assert at.data_editor[0].value.empty
    simpan_rapat(Storage(db_contoh), "KPPBCBOGOR", 2019, 3, pelaku=Pelaku.sistem("uji"), **{
        **{k: v for k, v in dialog.susun(Storage(db_contoh).baca(2019), "KPPBCBOGOR", 3).rapat.__dict__.items()
           if k in ("tanggal", "tempat", "pimpinan", "peserta")},
        "arahan": [dialog.Arahan("Percepat penagihan BGR-03", "Kasi PKC", datetime.date(2019, 11, 30)),
                   dialog.Arahan("Sosialisasi survei IKM di TW IV")]})
    at.run()
    assert ('<ol class="dko-arahan" data-testid="dialog-arahan"><li>Percepat penagihan BGR-03'
            '<div class="dko-arahan-rincian">PIC Kasi PKC · Tenggat 30/11/2019</div></li>'
            "<li>Sosialisasi survei IKM di TW IV</li></ol>") in layar(at)
    tabel = at.data_editor[0].value
    assert tabel["arahan"].tolist() == ["Percepat penagihan BGR-03", "Sosialisasi survei IKM di TW IV"]
    assert tabel["pic"].tolist()[0] == "Kasi PKC"
    sebelum = len(Storage(db_contoh).daftar_revisi())
    klik(at, "Simpan")  # unchanged: said, and no revision
    assert at.info and "data rapat sama" in at.info[0].value
    assert len(Storage(db_contoh).daftar_revisi()) == sebelum
    rapat = dialog.susun(Storage(db_contoh).baca(2019), "KPPBCBOGOR", 3).rapat
    assert rapat.tempat == "Aula KPPBC Bogor" and rapat.tanggal == datetime.date(2019, 10, 2)  # the details stay
    assert [a.teks for a in rapat.daftar_arahan] == ["Percepat penagihan BGR-03", "Sosialisasi survei IKM di TW IV"]
    # another quarter's meeting is another meeting
    assert dialog.susun(Storage(db_contoh).baca(2019), "KPPBCBOGOR", 2).rapat.kosong

    # the arahan are a revision like any other: undone, the details remain
    Storage(db_contoh).batalkan(Storage(db_contoh).daftar_revisi()[0].id, pelaku=Pelaku.sistem("admin"))
    rapat = dialog.susun(Storage(db_contoh).baca(2019), "KPPBCBOGOR", 3).rapat
    assert rapat.daftar_arahan == []
    assert rapat.arahan is None and rapat.pimpinan == "Kepala Kantor"


def test_slide_menyebut_yang_masih_dibutuhkan_sampai_akhir_tahun(at):
    ke_slide(at, 1)  # BGR-01: 170 for the year, 127,2 through TW III
    assert ('<div class="dko-rumus" data-testid="dialog-rumus">Capaian = 127,2 / 123,5 × 100 = 103,00 % — '
            "polaritas maximize, konsolidasi jumlah TW I–III</div>") in layar(at)
    # prognosis: TW IV at TW III's pace, 46,5 × 48,2 / 43,8 = 51,17…, the year at 178,37… of 170: 104,92 %
    assert ('<div class="dko-kebutuhan" data-testid="dialog-kebutuhan"><p><b>Sampai akhir tahun</b> — agar hijau: '
            "TW IV: jumlah paling sedikit Rp 42,8 miliar; agar tidak merah: TW IV: jumlah paling sedikit Rp 8,8 "
            "miliar</p><p><b>Prognosis akhir tahun (laju triwulan terakhir)</b> — 104,92 % · ● Hijau</p></div>") in layar(at)
    at.sidebar.radio(key="triwulan").set_value(4).run()  # TW IV not reported yet (the DKO is in October)
    ke_slide(at, 1)
    assert "agar hijau: TW IV: jumlah paling sedikit Rp 42,8 miliar" in layar(at)


def test_tindak_lanjut_rencana_aksi(at, db_contoh):
    """BGR-01's TW II action (written in TW II with a due date of 30 September) comes back in TW III: not yet
    reviewed, past its due date at the meeting of 2 October; the meeting marks it selesai with a note, and it
    then shows so; an open TW I action carries over until closed."""
    isi = (b"tahun;triwulan;kode_unit;kode_iku;realisasi;rencana_aksi;pic;tenggat\n"
           b"2019;1;KPPBCBOGOR;BGR-01;;Sosialisasi importir;Kasi PKC;30/04/2019\n"
           b"2019;2;KPPBCBOGOR;BGR-01;;Asistensi rencana impor;Kasi PKC;30/09/2019\n")
    storage = Storage(db_contoh)
    terapkan(rencanakan([("aksi.csv", isi)], storage), storage, Pelaku.sistem("uji"))
    simpan_rapat(storage, "KPPBCBOGOR", 2019, 3, tanggal=datetime.date(2019, 10, 2), tempat="", pimpinan="",
                 peserta="", arahan="", pelaku=Pelaku.sistem("uji"))
    at.run()
    ke_slide(at, 1)
    (blok,) = [m.value for m in at.markdown if 'data-testid="dialog-tindak-lanjut"' in m.value]
    assert ("TW II: Asistensi rencana impor (PIC Kasi PKC · Tenggat 30/09/2019) — <b>belum dibahas</b> "
            '<span class="dko-lewat">⚠ lewat tenggat</span>') in blok
    assert "TW I: Sosialisasi importir" in blok  # still open: it carries over
    (status,) = [w for w in at.selectbox if w.key.startswith("dialog_aksi_status_KPPBCBOGOR_BGR-01_2019_2_")]
    status.set_value(StatusAksi.SELESAI)
    (catatan,) = [w for w in at.text_input if w.key.startswith("dialog_aksi_catatan_KPPBCBOGOR_BGR-01_2019_2_")]
    catatan.input("Asistensi 12 Agustus")
    at.button[[b.label for b in at.button].index("Simpan tindak lanjut", 0)].click().run()
    assert not at.exception, at.exception
    tw2 = storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 2").iloc[0]
    assert (tw2["status_aksi"], tw2["catatan_aksi"], tw2["rencana_aksi"], tw2["realisasi"]) == (
        "selesai", "Asistensi 12 Agustus", "Asistensi rencana impor", 45.9)  # the action and the value stay
    ke_slide(at, 1)
    (blok,) = [m.value for m in at.markdown if 'data-testid="dialog-tindak-lanjut"' in m.value]
    assert "TW II: Asistensi rencana impor (PIC Kasi PKC · Tenggat 30/09/2019) — <b>selesai</b> — Asistensi 12 Agustus" in blok
    assert "lewat tenggat" not in blok.split("TW II")[1].split("</li>")[0]


def test_deck_menjelaskan_dan_mendaftar_tindak_lanjut(storage):
    """The deck: each IKU slide's presenter notes carry its formula, what the year still needs and the
    prognosis; a slide lists the actions followed up, with their status."""
    isi = (b"tahun;triwulan;kode_unit;kode_iku;realisasi;rencana_aksi;pic;tenggat;status_aksi\n"
           b"2019;2;KPPBCBOGOR;BGR-01;;Asistensi rencana impor;Kasi PKC;30/09/2019;berjalan\n")
    terapkan(rencanakan([("aksi.csv", isi)], storage), storage, Pelaku.sistem("uji"))
    susunan = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3, dengan_sub_unit=False, perspektif=(), status=())
    pptx = Presentation(io.BytesIO(deck.buat_deck(susunan)))
    catatan = pptx.slides[2].notes_slide.notes_text_frame.text.split("\n")  # the first IKU: BGR-01
    assert catatan[0] == "Capaian = 127,2 / 123,5 × 100 = 103,00 % — polaritas maximize, konsolidasi jumlah TW I–III"
    assert catatan[1].startswith("Sampai akhir tahun: agar hijau: TW IV: jumlah paling sedikit Rp 42,8 miliar")
    assert catatan[2] == "Prognosis akhir tahun (laju triwulan terakhir): 104,92 % · ● Hijau"
    # given last year's scores (BGR-01 at 80,97 %), the prognosis line also says where the IKU stood a year ago
    lalu = pd.DataFrame({"kode_unit": ["KPPBCBOGOR"], "kode_iku": ["BGR-01"], "capaian": [80.97],
                         "status": ["kuning"]})
    dengan_lalu = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3, dengan_sub_unit=False, skor_lalu=lalu)
    (pertama, kedua) = (deck._catatan_pembicara(dengan_lalu.slide[i]) for i in (0, 1))
    assert pertama[2] == ("Prognosis akhir tahun (laju triwulan terakhir): 104,92 % · ● Hijau — "
                          "Tahun lalu s.d. TW III: 80,97 % · ▲ Kuning (+22,03)")
    assert not any("Tahun lalu" in b for b in kedua)  # BGR-02 had no IKU of that code
    # the same on the slide's face, under the light, a line each (cut only when a line is wider than the slide)
    muka = [b.text_frame.text for b in pptx.slides[2].shapes if getattr(b, "has_text_frame", False)]
    assert "\n".join(catatan) in muka
    tindak = [s for s in pptx.slides if any(getattr(b, "has_text_frame", False) and b.text_frame.text ==
                                             "Tindak lanjut rencana aksi" for b in s.shapes)]
    assert len(tindak) == 1
    (tabel,) = [b.table for b in tindak[0].shapes if b.has_table]
    assert [c.text for c in tabel.rows[1].cells] == [
        "BGR-01", "TW II", "Asistensi rencana impor", "Kasi PKC", "30/09/2019", "berjalan · lewat tenggat"]


def test_layar_iku_berbahasa_inggris_dengan_persen_dan_mata_uang_gaya_inggris(at):
    """In English the percent sign sits on the number and rupiah amounts read as IDR with the English word for
    their size (Babel's locale data), in the tiles and in what the rest of the year needs."""
    at.sidebar.radio(key="bahasa").set_value("en").run()
    at.button(key="dialog_berikutnya").click().run()
    isi = layar(at)
    assert 'data-testid="dialog-capaian">103.00%</div>' in isi
    assert "IDR 123.5 billion" in isi and "IDR 127.2 billion" in isi and "Rp" not in isi
    assert "Q4: total at least IDR 42.8 billion" in isi or "at least IDR 42.8 billion" in isi
    assert "= 103.00% —" in isi  # the formula under the tiles


def test_slide_iku_berkomponen_menyebut_komponennya(at):
    """BGR-14 is computed from its komponen (sample komponen.csv): the slide says 78 of 100 WBK indicators under
    the formula; an uploaded IKU (BGR-01) says nothing of the kind. Back at TW II it names TW II's counts."""
    ke_slide(at, 1)
    assert 'data-testid="dialog-asal"' not in layar(at)
    ke_slide(at, 14)
    assert judul(at).startswith("BGR-14")
    assert ('<div class="dko-rumus" data-testid="dialog-asal">Realisasi dihitung dari komponennya, TW III: '
            "78 indikator terpenuhi dari 100 indikator</div>") in layar(at)
    assert "Capaian = 78 / 75 × 100 = 104,00 %" in layar(at)
    at.sidebar.radio(key="triwulan").set_value(2).run()
    while posisi(at) != "IKU 14 dari 16":
        at.button(key="dialog_sebelumnya" if posisi(at).startswith("IKU") else "dialog_berikutnya").click().run()
    assert "dihitung dari komponennya, TW II: 52 indikator terpenuhi dari 100 indikator" in layar(at)
