"""The app as a user drives it (Streamlit AppTest): filters, the overview, the chart, an upload."""

import re

import plotly.io
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import scores
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.store import Storage
from kinerja.texts import WARNA_STATUS, angka
from kinerja_core.akses import Pelaku
from kinerja_core.model import Status
from kinerja_core.nko import hitung_nko
from tests.conftest import AKAR, larik

APP = str(AKAR / "app.py")


@pytest.fixture
def at(db_contoh, monkeypatch, _apptest_navigasi) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    app = AppTest.from_file(APP, default_timeout=60).run()
    assert not app.exception, app.exception
    return app


def jumlah(at: AppTest) -> str:
    """The status count line of the Ringkasan page, e.g. '16 IKU: 15 hijau, 1 abu-abu'."""
    (baris,) = [m.value for m in at.markdown if 'data-testid="ringkasan-jumlah"' in m.value]
    return baris.split(">")[1].split("<")[0]


def baca_tabel(at: AppTest, key: str):
    """The table drawn inside the container with this key, as a DataFrame."""
    return at.container(key=key).dataframe[0].value


def pilih_unit(at: AppTest, kode: str, sub_unit: bool = True) -> AppTest:
    at.sidebar.selectbox(key="unit").set_value(kode)
    at.sidebar.toggle(key="sub_unit").set_value(sub_unit)
    at.run()
    assert not at.exception, at.exception
    return at


def test_bawaan_tahun_terbaru_dan_triwulan_terakhir(at):
    assert at.sidebar.selectbox(key="tahun").value == 2019
    assert at.sidebar.radio(key="triwulan").value == 3
    assert at.sidebar.selectbox(key="unit").value == "KEMENKEU"


def test_ringkasan_kppbc_bogor_tw3_2019(at):
    pilih_unit(at, "KPPBCBOGOR")
    assert jumlah(at) == "16 IKU: 15 hijau, 1 abu-abu"
    tabel = baca_tabel(at, "tabel_iku")
    assert len(tabel) == 16
    survei = tabel[tabel["Status"].str.contains("Abu-abu")]
    assert survei["IKU"].tolist() == ["Indeks Kepuasan Pengguna Jasa"]
    assert "TW IV" in survei["Keterangan"].iloc[0]
    assert 'data-status="hijau"' in next(m.value for m in at.markdown if 'class="kinerja-nko"' in m.value)


def test_filter_unit_mengubah_tabel(at):
    pilih_unit(at, "KPPBCBOGOR")
    bogor = baca_tabel(at, "tabel_iku")
    pilih_unit(at, "KPPBCBEKASI")
    bekasi = baca_tabel(at, "tabel_iku")
    assert len(bekasi) == 6 and set(bekasi["Kode IKU"]).isdisjoint(bogor["Kode IKU"])
    assert jumlah(at) == "6 IKU: 2 hijau, 3 kuning, 1 merah"
    pilih_unit(at, "KWBCJABAR", sub_unit=True)
    assert len(baca_tabel(at, "tabel_iku")) == 5 + 6 + 16
    nko = baca_tabel(at, "tabel_nko")
    assert nko["Unit"].tolist() == ["Kantor Wilayah DJBC Jawa Barat", "KPPBC TMP A Bekasi", "KPPBC TMP A Bogor"]
    pilih_unit(at, "KWBCJABAR", sub_unit=False)
    assert len(baca_tabel(at, "tabel_iku")) == 5


def test_filter_triwulan_perspektif_dan_status(at):
    pilih_unit(at, "KPPBCBOGOR")
    at.sidebar.radio(key="triwulan").set_value(1).run()
    assert jumlah(at) != "16 IKU: 15 hijau, 1 abu-abu"
    at.sidebar.radio(key="triwulan").set_value(3).run()
    at.sidebar.multiselect(key="status").set_value(["abu-abu"]).run()
    assert len(baca_tabel(at, "tabel_iku")) == 1  # the list; the count above covers every status
    at.sidebar.multiselect(key="status").set_value([]).run()
    at.sidebar.multiselect(key="perspektif").set_value(["Stakeholder"]).run()
    assert set(baca_tabel(at, "tabel_iku")["Perspektif"]) == {"Stakeholder"}


def test_ganti_tahun_memilih_unit_yang_punya_iku(at):
    at.sidebar.selectbox(key="tahun").set_value(2017).run()
    assert at.sidebar.selectbox(key="unit").value == "BPPT"
    assert at.sidebar.radio(key="triwulan").value == 4
    pilih_unit(at, "BTP")
    nama = baca_tabel(at, "tabel_iku")["IKU"].tolist()
    assert "Indeks Kepuasan Mitra" in nama and "Penerimaan PNBP" in nama


def test_progres_per_triwulan_menggambar_grafik(at):
    pilih_unit(at, "KPPBCBOGOR")
    at.switch_page("pages/progres.py").run()
    assert not at.exception, at.exception
    at.selectbox(key="progres_iku").set_value(("KPPBCBOGOR", "BGR-01")).run()
    peta, progres = (plotly.io.from_json(g.proto.spec) for g in at.get("plotly_chart"))
    assert [d.name for d in progres.data] == [
        "Realisasi s.d. TW", "Realisasi s.d. TW (warna = status)", "Target s.d. TW"]
    realisasi, _, target = progres.data
    assert larik(target.x) == ["TW I", "TW II", "TW III", "TW IV"]
    assert larik(target.y) == pytest.approx([38.5, 79.7, 123.5, 170.0])
    assert larik(realisasi.y)[:3] == pytest.approx([33.1, 79.0, 127.2])
    assert larik(realisasi.marker.color)[2] == WARNA_STATUS[Status.HIJAU]
    assert larik(progres.layout.xaxis.ticktext)[2] == "TW III<br>103,00 % ●"
    assert "yaxis2" not in progres.to_plotly_json()["layout"]  # one value axis
    assert len(larik(peta.data[0].y)) == 16 and larik(peta.data[0].x) == ["TW I", "TW II", "TW III"]
    tabel = baca_tabel(at, "tabel_progres")
    assert tabel["Triwulan"].tolist() == ["TW I", "TW II", "TW III", "TW IV"]


def test_unggah_realisasi_mengubah_status(at, db_contoh):
    pilih_unit(at, "KPPBCBOGOR")
    at.switch_page("pages/unggah.py").run()
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    assert not at.exception and not at.error
    rincian = baca_tabel(at, "unggah_rincian_0")
    assert rincian["Perubahan"].tolist() == ["berubah"]
    assert rincian["Rincian perubahan"].tolist() == ["realisasi: 48,2 → 10"]
    assert rincian["Status"].tolist() == ["● Hijau → ■ Merah"]
    # nothing is stored before the confirmation
    assert Storage(db_contoh).baca(2019).realisasi.query("kode_iku == 'BGR-01' and triwulan == 3")[
        "realisasi"].item() == 48.2
    at.button(key="unggah_simpan").click().run()
    assert [s.value.replace("\\", "") for s in at.success] == [
        "Tersimpan sebagai revisi 2: realisasi.csv: 0 baru · 1 berubah · 0 tidak berubah."]
    at.switch_page("pages/ringkasan.py").run()
    assert jumlah(at) == "16 IKU: 14 hijau, 1 merah, 1 abu-abu"
    tabel = baca_tabel(at, "tabel_iku").set_index("Kode IKU")
    assert "Merah" in tabel.loc["BGR-01", "Status"]


def test_unggah_berkas_salah_menunjukkan_baris_dan_tidak_mengubah(at, db_contoh):
    sebelum = Storage(db_contoh).baca()
    at.switch_page("pages/unggah.py").run()
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n2019;TW 9;KPPBCBOGOR;BGR-02;x\n"
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    assert at.error[0].value.startswith("Berkas tidak dapat disimpan")
    kesalahan = baca_tabel(at, "unggah_kesalahan")
    assert kesalahan[["Baris", "Kolom"]].values.tolist() == [[3, "triwulan"], [3, "realisasi"]]
    assert not [b for b in at.button if b.key == "unggah_simpan"]
    sesudah = Storage(db_contoh).baca()
    assert sesudah.realisasi.equals(sebelum.realisasi)


def test_teks_pengguna_tidak_menjadi_html(at, db_contoh):
    at.switch_page("pages/unggah.py").run()
    isi = (b"tahun;kode_unit;kode_iku;nama_iku;perspektif;polaritas;konsolidasi;bobot;target_tw1;target_tw2;target_tw3;"
           b"target_tw4\n2019;KPPBCBOGOR;BGR-01;<b>tebal</b><script>alert(1)</script>;Stakeholder;maximize;sum;10;"
           b"38,5;41,2;43,8;46,5\n")
    at.file_uploader(key="unggah_berkas").set_value(("iku.csv", isi, "text/csv")).run()
    at.button(key="unggah_simpan").click().run()
    at.switch_page("pages/ringkasan.py").run()
    pilih_unit(at, "KPPBCBOGOR")
    assert "<b>tebal</b><script>alert(1)</script>" in baca_tabel(at, "tabel_iku")["IKU"].tolist()
    assert not any("<script>" in m.value for m in at.markdown)


def unggah(at: AppTest, nama: str, isi: bytes) -> AppTest:
    at.switch_page("pages/unggah.py").run()
    at.file_uploader(key="unggah_berkas").set_value((nama, isi, "text/csv")).run()
    at.button(key="unggah_simpan").click().run()
    assert not at.exception, at.exception
    return at


def test_riwayat_dan_batalkan_revisi(at, db_contoh):
    pilih_unit(at, "KPPBCBOGOR")
    unggah(at, "koreksi.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n")
    at.switch_page("pages/riwayat.py").run()
    riwayat = baca_tabel(at, "tabel_riwayat")
    assert riwayat[["Revisi", "Oleh", "Berkas", "berubah", "Keadaan"]].values.tolist() == [
        [2, "demo", "koreksi.csv", 1, "berlaku"],  # the open demo: nobody signs in
        [1, "data contoh", "unit.csv, iku.csv, realisasi.csv, komponen.csv", 0, "berlaku"],
    ]
    at.selectbox(key="riwayat_revisi").set_value(2)
    at.button(key="riwayat_tinjau").click().run()  # the undo is shown first (tests/store/test_riwayat.py)
    at.button(key="riwayat_batal").click().run()
    assert at.success[0].value.startswith("Revisi 2 dibatalkan oleh revisi 3")
    riwayat = baca_tabel(at, "tabel_riwayat")
    assert riwayat["Keadaan"].tolist()[:2] == ["membatalkan revisi 2", "dibatalkan oleh revisi 3"]
    at.switch_page("pages/ringkasan.py").run()
    assert jumlah(at) == "16 IKU: 15 hijau, 1 abu-abu"


def test_unggah_excel(at):
    import io

    import openpyxl

    buku = openpyxl.Workbook()
    buku.active.append(["tahun", "triwulan", "kode_unit", "kode_iku", "realisasi"])
    buku.active.append([2019, "TW III", "KPPBCBOGOR", "BGR-01", 10])
    isi = io.BytesIO()
    buku.save(isi)
    at.switch_page("pages/unggah.py").run()
    at.file_uploader(key="unggah_berkas").set_value(
        ("realisasi.xlsx", isi.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    ).run()
    assert baca_tabel(at, "unggah_rincian_0")["Rincian perubahan"].tolist() == ["realisasi: 48,2 → 10"]


def test_templat_realisasi_berisi_kode_iku_unit(at):
    pilih_unit(at, "KPPBCBOGOR")
    at.switch_page("pages/unggah.py").run()
    tombol = [e for e in at.get("download_button") if "templat_csv_realisasi" in e.proto.id]
    assert len(tombol) == 1


# --- issue 10: honest aggregate views ----------------------------------------------------------------------------

TW4_BEKASI = (
    b"tahun;triwulan;kode_unit;kode_iku;realisasi\n"
    b"2019;TW IV;KPPBCBEKASI;BKS-01;80\n2019;TW IV;KPPBCBEKASI;BKS-02;10\n2019;TW IV;KPPBCBEKASI;BKS-03;3,9\n"
    b"2019;TW IV;KPPBCBEKASI;BKS-04;21\n2019;TW IV;KPPBCBEKASI;BKS-05;91\n2019;TW IV;KPPBCBEKASI;BKS-06;88\n"
)


def kartu_nko(at: AppTest) -> str:
    """The NKO tile's text (tags stripped)."""
    (kartu,) = [m.value for m in at.markdown if 'class="kinerja-nko"' in m.value]
    return re.sub(r"<[^>]+>", " ", kartu)


def angka_nko(at: AppTest) -> str:
    (kartu,) = [m.value for m in at.markdown if 'class="kinerja-nko"' in m.value]
    return kartu.split('<div class="angka">')[1].split("<")[0]


def kartu_status(at: AppTest) -> dict[str, int]:
    return {s: int(m.value.split('<div class="angka">')[1].split("<")[0])
            for m in at.markdown if 'class="kinerja-kartu"' in m.value
            for s in [m.value.split('data-status="')[1].split('"')[0]]}


def test_satu_kantor_melapor_tw4_tidak_memindahkan_rapat(db_contoh, monkeypatch, _apptest_navigasi):
    """Bekasi reports TW IV early: a fresh session still opens at TW III, where all three units stand."""
    storage = Storage(db_contoh)
    terapkan(rencanakan([("tw4.csv", TW4_BEKASI)], storage), storage, Pelaku.sistem("Bekasi"))
    monkeypatch.setenv("KINERJA_DB", str(db_contoh))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    assert at.sidebar.radio(key="triwulan").value == 3
    assert "mencakup 26 dari 27 IKU" in kartu_nko(at) and "1 belum diukur" in kartu_nko(at)

    # chosen on purpose, TW IV says how little of the ministry its NKO covers
    at.sidebar.radio(key="triwulan").set_value(4).run()
    assert "NKO gabungan" in kartu_nko(at)
    assert "mencakup 6 dari 27 IKU" in kartu_nko(at) and "21 belum dilaporkan" in kartu_nko(at)


def test_nko_dan_kartu_status_menyebut_cakupannya(at):
    """A parent with sub-units: the NKO is its own IKU, the tiles all 27; each says so."""
    pilih_unit(at, "KWBCJABAR", sub_unit=True)
    assert sum(kartu_status(at).values()) == 27 and jumlah(at).startswith("27 IKU")
    (cakupan,) = [m.value for m in at.markdown if 'data-testid="ringkasan-cakupan"' in m.value]
    assert "Kantor Wilayah DJBC Jawa Barat dan 2 sub-unit" in cakupan
    assert "NKO Kantor Wilayah DJBC Jawa Barat" in kartu_nko(at) and "mencakup 5 dari 5 IKU" in kartu_nko(at)


def test_filter_perspektif_berlaku_untuk_nko_dan_kartu(at, db_contoh):
    pilih_unit(at, "KPPBCBOGOR")
    assert angka_nko(at) == "105,96"
    at.sidebar.multiselect(key="perspektif").set_value(["Stakeholder"]).run()
    snap = Storage(db_contoh).baca(2019)
    hasil = [h for h in scores.nilai_semua(snap.iku, snap.realisasi, 3, ["KPPBCBOGOR"])
             if h.iku.perspektif.value == "Stakeholder"]
    assert angka_nko(at) == angka(hitung_nko(hasil).nilai, tetap=True) != "105,96"
    assert "mencakup 2 dari 2 IKU" in kartu_nko(at) and "perspektif Stakeholder" in kartu_nko(at)
    assert sum(kartu_status(at).values()) == 2 and jumlah(at).startswith("2 IKU")
    # the status filter picks rows of the list; the figures above keep covering every status, and say so
    at.sidebar.multiselect(key="perspektif").set_value([]).run()
    at.sidebar.multiselect(key="status").set_value(["abu-abu"]).run()
    assert jumlah(at) == "16 IKU: 15 hijau, 1 abu-abu" and angka_nko(at) == "105,96"
    assert baca_tabel(at, "tabel_iku")["Kode IKU"].tolist() == ["BGR-05"]
    assert any("1 dari 16 IKU" in c.value and "Abu-abu" in c.value for c in at.caption)


def test_unit_mengikuti_url_saat_kembali(at):
    """The browser's Back after a drill-down (or any unit change) brings the previous unit back: the URL wins
    when it names another unit than the one the app last wrote there."""
    pilih_unit(at, "KWBCJABAR")
    pilih_unit(at, "KPPBCBOGOR")
    assert at.query_params["unit"] in ("KPPBCBOGOR", ["KPPBCBOGOR"])
    at.query_params["unit"] = "KWBCJABAR"  # what Back does: the previous URL, then a rerun
    at.run()
    assert at.sidebar.selectbox(key="unit").value == "KWBCJABAR"
    assert jumlah(at).startswith("27 IKU")
    at.run()  # and it stays there
    assert at.sidebar.selectbox(key="unit").value == "KWBCJABAR"


def test_ringkasan_kebutuhan_realisasi_sampai_akhir_tahun(at):
    """BGR-01 (sum, target 38,5 + 41,2 + 43,8 + 46,5 = 170; realisasi 33,1 + 45,9 + 48,2 = 127,2 through TW III):
    TW IV must bring 170 − 127,2 = 42,8 to end hijau and 0,8 × 170 − 127,2 = 8,8 to leave merah."""
    pilih_unit(at, "KPPBCBOGOR")
    tabel = baca_tabel(at, "tabel_kebutuhan").set_index("Kode IKU")
    assert tabel.loc["BGR-01", ["Agar hijau", "Agar tidak merah"]].tolist() == [
        "TW IV: jumlah paling sedikit Rp 42,8 miliar", "TW IV: jumlah paling sedikit Rp 8,8 miliar"]
    assert tabel.loc["BGR-05", "Agar hijau"] == "TW IV: nilai paling sedikit 4,25 indeks"  # the survey, still grey
    at.sidebar.selectbox(key="tahun").set_value(2017).run()
    pilih_unit(at, "BTP")
    at.sidebar.radio(key="triwulan").set_value(2).run()
    tabel = baca_tabel(at, "tabel_kebutuhan")
    # audit findings (minimize, target 0, worst 10): one already found, so hijau can no longer be reached
    assert tabel.iloc[0][["Kode IKU", "Agar hijau", "Agar tidak merah"]].tolist() == [
        "BTP-07", "tidak mungkin tercapai", "TW III–IV: jumlah paling banyak 1"]
    at.sidebar.radio(key="triwulan").set_value(4).run()
    assert not [c for c in at.container if getattr(c, "key", None) == "tabel_kebutuhan"]
    assert any(s.value.startswith("Semua IKU yang ditampilkan sudah pasti hijau") for s in at.success)


def test_ringkasan_yang_paling_menurunkan_nko(at):
    """Kanwil Jawa Barat TW III 2019: its headline NKO is its own (105,43), so the points lost are those of its own
    IKU and add up to 100 − 105,43: JBR-03 (capaian 98,61, 20 % of the NKO) loses 0,2 × 1,39 = 0,28. Per office,
    the net contribution to the offices' pooled NKO (98,52 over Σ bobot 194): Bekasi 100/194 × (100 − 91,53) =
    4,36 lost, Bogor 94/194 × (100 − 105,96) = −2,89 (it lifts the pool); 4,36 − 2,89 = 1,48 = 100 − 98,52."""
    pilih_unit(at, "KWBCJABAR")
    biaya = baca_tabel(at, "tabel_biaya")
    assert biaya["Kode IKU"].tolist() == ["JBR-03"]
    assert biaya["Poin NKO hilang"].tolist() == ["0,28"]
    per_unit = baca_tabel(at, "tabel_biaya_unit")
    assert per_unit[["Unit", "Poin NKO hilang", "IKU"]].values.tolist()[0] == ["KPPBC TMP A Bekasi", "4,36", 6]
    assert per_unit["Poin NKO hilang"].tolist()[1].endswith("2,89")


def test_setiap_angka_dijelaskan(at):
    """Beside each capaian its formula with the numbers; beside the NKO its sums."""
    pilih_unit(at, "KPPBCBOGOR")
    tabel = baca_tabel(at, "tabel_rumus").set_index("Kode IKU")
    assert tabel.loc["BGR-01", "Rumus"] == (
        "Capaian = 127,2 / 123,5 × 100 = 103,00 % — polaritas maximize, konsolidasi jumlah TW I–III")
    assert tabel.loc["BGR-04", "Rumus"].startswith("Capaian = (2 − ")
    assert tabel.loc["BGR-05", "Rumus"].startswith("Abu-abu: ")
    # 15 computable IKU: Σ bobot × capaian = 9 959,82 over Σ bobot = 94 → 105,955… → 105,96, the NKO card's
    (nko,) = [c.value for c in at.caption if c.value.startswith("NKO = Σ(bobot × capaian) / Σ bobot")]
    assert nko == ("NKO = Σ(bobot × capaian) / Σ bobot = 9.959,82 / 94 = 105,96 — 15 IKU terhitung, 1 abu-abu "
                   "tidak dihitung")
    assert any("105,96" in m.value and "NKO" in m.value for m in at.markdown)


def test_prognosis_akhir_tahun_dan_iku_yang_menurun(at):
    """BGR-01 strong in TW I (57,75 of 38,5) and weak in TW II (24,72 of 41,2, a pace of 0,6): hijau through TW II
    (82,47 of 79,7 = 103,48 %), but TW III and IV at that pace (26,28 and 27,9) end the year at 136,65 of 170 =
    80,38 % — kuning. The Ringkasan says so, with the NKO at year end on the same rule."""
    pilih_unit(at, "KPPBCBOGOR")
    unggah(at, "tw12.csv", b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW I;KPPBCBOGOR;BGR-01;57,75\n"
                           b"2019;TW II;KPPBCBOGOR;BGR-01;24,72\n")
    at.switch_page("pages/ringkasan.py").run()
    at.sidebar.radio(key="triwulan").set_value(2).run()
    menurun = baca_tabel(at, "tabel_menurun")
    assert menurun[["Kode IKU", "Capaian (%)", "Capaian akhir tahun (prognosis)"]].values.tolist() == [
        ["BGR-01", "103,48", "80,38"]]
    assert "Hijau" in menurun["Status"].iloc[0] and "Kuning" in menurun["Status akhir tahun"].iloc[0]
    (teks,) = [m.value for m in at.markdown if 'data-testid="ringkasan-prognosis"' in m.value]
    assert "NKO akhir tahun bila laju triwulan terakhir berlanjut: " in teks


def test_peta_strategi_dan_tahun_lalu(at):
    """Bogor TW III 2019 on the strategy map: Stakeholder 103,16 from its two revenue IKU (103,00 and 103,32,
    bobot 10 and 15); then BGR-01 of 2018 uploaded (38,5 + 41,2 + 43,8 = 123,5 target, 100 realised: 80,97 %)
    appears beside this year's 103,00: 22,03 points better."""
    pilih_unit(at, "KPPBCBOGOR")
    at.switch_page("pages/peta.py").run()
    assert not at.exception, at.exception
    stakeholder = "".join(m.value for m in at.container(key="peta_Stakeholder").markdown)
    assert "103,16" in stakeholder and "Penerimaan negara di bidang kepabeanan dan cukai yang optimal" in stakeholder
    assert at.info[-1].value == "Belum ada data tahun 2018 untuk dibandingkan."
    iku_2018 = ("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
                "target_tw1;target_tw2;target_tw3;target_tw4\n2018;KPPBCBOGOR;BGR-01;Penerimaan bea masuk;Penerimaan "
                "negara di bidang kepabeanan dan cukai yang optimal;Stakeholder;Rp miliar;maximize;sum;10;38,5;41,2;"
                "43,8;46,5\n")
    realisasi_2018 = ("tahun;triwulan;kode_unit;kode_iku;realisasi\n2018;1;KPPBCBOGOR;BGR-01;30\n"
                      "2018;2;KPPBCBOGOR;BGR-01;30\n2018;3;KPPBCBOGOR;BGR-01;40\n")
    at.switch_page("pages/unggah.py").run()
    at.file_uploader(key="unggah_berkas").set_value([("iku.csv", iku_2018.encode(), "text/csv"),
                                                     ("realisasi.csv", realisasi_2018.encode(), "text/csv")]).run()
    at.button(key="unggah_simpan").click().run()
    at.switch_page("pages/peta.py").run()
    banding = baca_tabel(at, "tabel_banding").set_index("Kode IKU")
    assert banding.loc["BGR-01", ["Capaian (%)", "Capaian 2018 (%)", "Selisih (poin)"]].tolist() == [
        "103,00", "80,97", "22,03"]
    assert banding.loc["BGR-02", "Capaian 2018 (%)"] == "—"  # no such IKU in 2018
    # and on BGR-01's Dialog slide, under what the year still needs; BGR-02 (none in 2018) has no such line
    at.switch_page("pages/dialog.py").run()
    at.button(key="dialog_berikutnya").click().run()
    layar = "".join(m.value for m in at.markdown if 'class="dko-' in m.value)
    assert "<p><b>Tahun lalu s.d. TW III</b> — 80,97 % · ▲ Kuning (+22,03)</p>" in layar
    at.button(key="dialog_berikutnya").click().run()
    assert "BGR-02" in "".join(m.value for m in at.markdown) and "Tahun lalu" not in "".join(
        m.value for m in at.markdown if 'class="dko-' in m.value)


def test_filter_sumber_menyaring_seperti_perspektif(at):
    """BTP 2017: the Sasaran Mutu review shows BTP-04 alone, and the headline says what it covers; PNBP the two
    revenue IKU of BTP and PTM below BPPT."""
    at.sidebar.selectbox(key="tahun").set_value(2017).run()
    pilih_unit(at, "BTP")
    at.sidebar.multiselect(key="sumber").set_value(["sasaran_mutu"]).run()
    assert not at.exception, at.exception
    assert baca_tabel(at, "tabel_iku")["Kode IKU"].tolist() == ["BTP-04"]
    assert jumlah(at) == "1 IKU: 1 kuning"
    assert any("sumber Sasaran Mutu" in m.value for m in at.markdown if "ringkasan-cakupan" in m.value)
    pilih_unit(at, "BPPT")
    at.sidebar.multiselect(key="sumber").set_value(["pnbp"]).run()
    assert sorted(baca_tabel(at, "tabel_iku")["Kode IKU"]) == ["BPPT-01", "BTP-01", "PTM-02"]
