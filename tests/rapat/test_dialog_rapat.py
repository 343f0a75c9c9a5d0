"""The Dialog in the meeting (issue 28, item 12): the slide is in the URL, a follow-up starts as *belum dibahas*,
a partly typed tenggat is refused with a message and never dropped; item 22: the XLSX export carries the NKO."""

import datetime

from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import Storage
from kinerja_core.akses import Pelaku
from tests.rapat.test_dialog import at, ke_slide, kolom_catatan  # noqa: F401 - the fixture and helpers

AKSI = (b"tahun;triwulan;kode_unit;kode_iku;realisasi;rencana_aksi;pic;tenggat\n"
        b"2019;2;KPPBCBOGOR;BGR-01;;Asistensi rencana impor;Kasi PKC;30/09/2019\n")


def test_slide_ada_di_url(at):
    ke_slide(at, 2)
    assert at.query_params["slide"] == ["2"] or at.query_params["slide"] == "2", at.query_params


def test_tindak_lanjut_mulai_belum_dibahas(at, db_contoh):
    storage = Storage(db_contoh)
    terapkan(rencanakan([("aksi.csv", AKSI)], storage), storage, Pelaku.sistem("uji"))
    at.run()
    ke_slide(at, 1)
    (status,) = [w for w in at.selectbox if w.key.startswith("dialog_aksi_status_KPPBCBOGOR_BGR-01_2019_2_")]
    assert status.value is None and status.format_func(status.value) == "belum dibahas"
    # saving a note without choosing a status is refused in words, nothing stored
    (catatan,) = [w for w in at.text_input if w.key.startswith("dialog_aksi_catatan_KPPBCBOGOR_BGR-01_2019_2_")]
    catatan.input("Dibahas sebentar")
    at.button[[b.label for b in at.button].index("Simpan tindak lanjut")].click().run()
    assert not at.exception, at.exception
    assert any("Pilih status tindak lanjut" in w.value for w in at.warning)
    tw2 = storage.baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 2").iloc[0]
    assert not tw2["status_aksi"] or tw2["status_aksi"] != tw2["status_aksi"], tw2["status_aksi"]  # empty or NaN


def test_tenggat_setengah_ditolak_dengan_pesan(at, db_contoh):
    ke_slide(at, 16)
    form = kolom_catatan(at)
    form["kendala"].input("Server SIMAK rusak")
    form["tenggat"].input("30/11/20")  # the year not finished
    at.button[[b.label for b in at.button].index("Simpan catatan")].click().run()
    assert not at.exception, at.exception
    assert any("30/11/20" in e.value and "belum lengkap" in e.value for e in at.error), [e.value for e in at.error]
    realisasi = Storage(db_contoh).baca(2019).realisasi.set_index(["kode_iku", "triwulan"])
    assert realisasi.loc[("BGR-16", 3), "kendala"] != "Server SIMAK rusak"  # nothing stored
    assert kolom_catatan(at)["tenggat"].value == "30/11/20"  # still there to correct

    kolom_catatan(at)["tenggat"].input("30/11/2019")
    at.button[[b.label for b in at.button].index("Simpan catatan")].click().run()
    realisasi = Storage(db_contoh).baca(2019).realisasi.set_index(["kode_iku", "triwulan"])
    assert realisasi.loc[("BGR-16", 3), "kendala"] == "Server SIMAK rusak"
    assert realisasi.loc[("BGR-16", 3), "tenggat"].date() == datetime.date(2019, 11, 30)


def test_catatan_tersimpan_terbuka_untuk_disunting(at):
    ke_slide(at, 1)  # BGR-01 has its TW III notes: the form holds them, ready to edit
    form = kolom_catatan(at)
    assert form["kendala"].value.startswith("Realisasi penerimaan bergantung")
    assert form["rencana_aksi"].value.startswith("Melakukan asistensi")



def test_bahasa_inggris_lewat_lokal(at, db_contoh):
    """Item 13: the summary's line, the dates and a count of one in English."""
    storage = Storage(db_contoh)
    terapkan(rencanakan([("aksi.csv", AKSI)], storage), storage, Pelaku.sistem("uji"))
    at.sidebar.radio(key="bahasa").set_value("en").run()
    (sub,) = [m.value for m in at.markdown if 'class="dko-sub"' in m.value]
    assert "KPPBC TMP A Bogor · Year 2019 · through TW III" in sub and "s.d." not in sub
    ke_slide_en(at, 1)
    (blok,) = [m.value for m in at.markdown if 'data-testid="dialog-tindak-lanjut"' in m.value]
    assert "Deadline 30 Sep 2019" in blok and "30/09/2019" not in blok


def ke_slide_en(at, nomor: int) -> None:
    while f"IKU {nomor} of 16" not in next(m.value for m in at.markdown if 'class="dko-posisi"' in m.value):
        at.button(key="dialog_berikutnya").click().run()
        assert not at.exception, at.exception


def test_jamak_menurut_jumlah():
    from kinerja.texts import dalam_bahasa, tn

    with dalam_bahasa("en"):
        assert "1 IKU green today is heading" in tn("ringkasan.prognosis_menurun", 1)
        assert "2 IKU green today are heading" in tn("ringkasan.prognosis_menurun", 2)


def test_xlsx_dialog_membawa_nko_dan_rumusnya(storage):
    """Item 22: under the IKU rows, the NKO on the summary (105,96 for Bogor TW III) and a formula row that gives
    it again from the rows above (checked here by evaluating the same sum by hand on the cells read back)."""
    import io

    from openpyxl import load_workbook

    from kinerja.rapat import dialog, ekspor

    isi = dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3)
    lembar = load_workbook(io.BytesIO(ekspor.ke_xlsx(isi, "KPPBCBOGOR")))["dialog"]
    baris = [[c.value for c in r] for r in lembar.iter_rows()]
    kepala = baris[0]
    (nko,) = [r for r in baris if r[0] == "NKO"]
    (rumus,) = [r for r in baris if r[0] == "Rumus"]
    kolom = kepala.index("Capaian (%)")
    assert nko[kolom] == isi.ringkasan.nko.nilai == 105.96
    assert str(rumus[kolom]).startswith("=ROUND(SUMPRODUCT(")
    iku = baris[1:17]
    b, c = kepala.index("Bobot"), kolom
    masuk = [r for r in iku if isinstance(r[c], (int, float)) and r[b] > 0 and r[0] == "KPPBCBOGOR"]
    assert round(sum(r[b] * r[c] for r in masuk) / sum(r[b] for r in masuk), 2) == 105.96


def test_simulasi_menghitung_tanpa_menyimpan(at, db_contoh):
    """Item 14: on BGR-01's slide (sum of quarters, target through TW IV 170, realisasi through TW III 127,2) a TW IV
    of 50 gives 177,2 / 170 × 100 = 104,24 % hijau, and the NKO with BGR-01 at 104,24 instead of 103,00; nothing is
    stored (the realisasi table and the revisions stay as they were)."""
    storage = Storage(db_contoh)
    sebelum = storage.baca(2019).realisasi.copy()
    ke_slide(at, 1)
    (isian,) = [w for w in at.number_input if w.key == "dialog_simulasi_KPPBCBOGOR_BGR-01_4"]
    isian.set_value(50.0).run()
    assert not at.exception, at.exception
    capaian = round(177.2 / 170 * 100, 2)
    assert capaian == 104.24
    from kinerja.rapat import dialog

    tabel = dialog.tabel_ekspor(dialog.susun(storage.baca(2019), "KPPBCBOGOR", 3))
    tabel = tabel[tabel["capaian"].notna() & (tabel["bobot"] > 0)]
    kini = round((tabel["bobot"] * tabel["capaian"]).sum() / tabel["bobot"].sum(), 2)
    ganti = tabel["capaian"].where(tabel["kode_iku"] != "BGR-01", capaian)
    nko = round((tabel["bobot"] * ganti).sum() / tabel["bobot"].sum(), 2)
    assert kini == 105.96 and nko > kini
    nilai = {m.label: (m.value, m.delta) for m in at.metric}
    assert nilai["Capaian s.d. TW IV · SIMULASI"][0] == "104,24 % · ● Hijau"
    harap_nko = f"{nko:.2f}".replace(".", ",")
    assert nilai["NKO · SIMULASI"][0] == harap_nko
    assert nilai["NKO · SIMULASI"][1] == f"{nko - kini:.2f}".replace(".", ",")
    sesudah = storage.baca(2019).realisasi
    assert sesudah.equals(sebelum)  # nothing stored


def test_simulasi_di_ringkasan(db_contoh, monkeypatch, _apptest_navigasi):
    """Item 14 on the Ringkasan: the same figures as on BGR-01's slide, nothing stored."""
    from streamlit.testing.v1 import AppTest

    from tests.rapat.test_dialog import APP

    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    storage = Storage(db_contoh)
    sebelum = storage.baca(2019).realisasi.copy()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.sidebar.selectbox(key="unit").set_value("KPPBCBOGOR").run()
    assert not at.exception, at.exception
    at.number_input(key="ringkasan_simulasi_KPPBCBOGOR_BGR-01_4").set_value(50.0).run()
    assert not at.exception, at.exception
    nilai = {m.label: m.value for m in at.metric}
    assert nilai["Capaian s.d. TW IV · SIMULASI"] == "104,24 % · ● Hijau"
    assert "NKO · SIMULASI" in nilai
    assert storage.baca(2019).realisasi.equals(sebelum)


def test_simulasi_di_ringkasan_akar_memilih_unit_dulu(db_contoh, monkeypatch, _apptest_navigasi):
    """At the root (several units on the page) the what-if asks for the unit first and then lists that unit's IKU
    only, not every IKU of the ministry at once; the figures are those of the unit's own page."""
    from streamlit.testing.v1 import AppTest

    from tests.rapat.test_dialog import APP

    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.sidebar.selectbox(key="unit").value == "KEMENKEU"
    unit = at.selectbox(key="ringkasan_simulasi_unit")
    assert "KPPBCBOGOR · KPPBC TMP A Bogor" in unit.options and len(unit.options) > 1  # found by code or by name
    unit.set_value("KPPBCBOGOR").run()
    assert not at.exception, at.exception
    iku = at.selectbox(key="ringkasan_simulasi_iku_KPPBCBOGOR")
    assert iku.options[0] == "BGR-01" and all(k.startswith("BGR-") for k in iku.options)
    at.number_input(key="ringkasan_simulasi_KPPBCBOGOR_BGR-01_4").set_value(50.0).run()
    assert not at.exception, at.exception
    nilai = {m.label: m.value for m in at.metric}
    assert nilai["Capaian s.d. TW IV · SIMULASI"] == "104,24 % · ● Hijau"
