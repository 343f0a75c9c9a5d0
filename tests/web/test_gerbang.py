"""Sign-in and roles as a user meets them in the app (AppTest): the local store's sign-in, what each role is
offered on each page, SSO through ``st.user``, signing out, and a session that ends mid-upload."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kinerja import akses
from kinerja.store import Storage
from kinerja_core.akses import Hibah, Pelaku, Peran
from tests.conftest import AKAR

APP = str(AKAR / "app.py")
SANDI = "sandi-yang-panjang"
OPERATOR = Pelaku.sistem("operator")


def tambah(storage: Storage, nama: str, *hibah: tuple[Peran, str], sso: bool = False) -> None:
    storage.tambah_pengguna(nama, None if sso else akses.hash_sandi(SANDI), pelaku=OPERATOR)
    for peran, unit in hibah:
        storage.beri_hak(nama, Hibah(peran, unit), pelaku=OPERATOR)


@pytest.fixture
def terkunci(storage: Storage) -> Storage:
    """The sample, locked: an admin of everything, an editor of Bogor, a reader of Bekasi."""
    tambah(storage, "admin", (Peran.ADMIN, "*"))
    tambah(storage, "bogor", (Peran.PENGISI, "KPPBCBOGOR"))
    tambah(storage, "bekasi", (Peran.PEMBACA, "KPPBCBEKASI"))
    return storage


def buka(storage: Storage, monkeypatch, *, baca_terbuka: bool = False) -> AppTest:
    monkeypatch.setenv("KINERJA_DB", storage.alamat)
    if baca_terbuka:
        monkeypatch.setenv("KINERJA_BACA_TERBUKA", "1")
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def masuk(at: AppTest, nama: str, sandi: str = SANDI) -> AppTest:
    at.text_input(key="gerbang_nama").input(nama)
    at.text_input(key="gerbang_sandi").input(sandi)
    at.button[[b.label for b in at.button].index("Masuk")].click().run()
    assert not at.exception, at.exception
    return at


def unit_ditawarkan(at: AppTest) -> list[str]:
    """The unit codes the sidebar offers (its options show names: 'KPPBC TMP A Bogor (Kantor Wilayah …)')."""
    unit = pd.read_csv(AKAR / "data" / "unit.csv", sep=";")
    per_nama = dict(zip(unit["nama_unit"], unit["kode_unit"]))
    return [per_nama[o.split(" (")[0]] for o in at.sidebar.selectbox(key="unit").options]


def test_demo_terbuka_diberi_label(storage, monkeypatch, _apptest_navigasi):
    at = buka(storage, monkeypatch)
    assert any("Demo terbuka" in w.value for w in at.sidebar.warning)
    assert at.sidebar.selectbox(key="unit").value == "KEMENKEU"


def test_terkunci_tanpa_masuk_hanya_pintu(terkunci, monkeypatch, _apptest_navigasi):
    at = buka(terkunci, monkeypatch)
    assert [w.key for w in at.text_input] == ["gerbang_nama", "gerbang_sandi"]
    assert not [s for s in at.sidebar.selectbox if s.key == "unit"]  # no data before signing in
    assert not any('data-testid="ringkasan-jumlah"' in m.value for m in at.markdown)


def test_sandi_salah_lalu_benar(terkunci, monkeypatch, _apptest_navigasi):
    at = masuk(buka(terkunci, monkeypatch), "bogor", "salah-sekali")
    assert [e.value for e in at.error] == ["Nama pengguna atau sandi salah."]
    assert not [s for s in at.sidebar.selectbox if s.key == "unit"]
    at = masuk(at, "BOGOR")  # a name's case does not matter
    assert any("Masuk sebagai **bogor**" in c.value for c in at.sidebar.caption)
    assert unit_ditawarkan(at) == ["KPPBCBOGOR"]  # a person sees the units granted


def test_sandi_salah_berulang_diperlambat(terkunci, monkeypatch, _apptest_navigasi):
    # the clock stands still: the 2 s wait after the third failure must not run out between two runs of a busy
    # machine (the limit itself is counted in kinerja.akses.jeda's doctest and tests/test_akses.py)
    beku = datetime.datetime(2026, 12, 1, 9, 0, 0)

    class Jam(datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return beku.replace(tzinfo=tz)

    monkeypatch.setattr(akses, "datetime", Jam)
    at = buka(terkunci, monkeypatch)
    for _ in range(akses.GAGAL_BEBAS):
        at = masuk(at, "bogor", "salah-sekali")
    at = masuk(at, "bogor")  # even the right password waits now
    assert at.error[0].value.startswith("Terlalu banyak percobaan yang salah. Coba lagi dalam")
    assert not [s for s in at.sidebar.selectbox if s.key == "unit"]


def test_baca_terbuka_tanpa_masuk_tidak_bisa_menulis(terkunci, monkeypatch, _apptest_navigasi):
    at = buka(terkunci, monkeypatch, baca_terbuka=True)
    assert unit_ditawarkan(at) == ["KEMENKEU", "DJBC", "KWBCJABAR", "KPPBCBEKASI", "KPPBCBOGOR"]  # every unit
    at.switch_page("pages/unggah.py").run()
    assert at.info[0].value.startswith("Masuk dulu")
    assert not list(at.get("file_uploader"))
    at.switch_page("pages/dialog.py").run()
    assert not at.exception and not at.text_area  # no meeting form (peserta, kendala …) for a reader


def test_pembaca_tidak_ditawari_unggah_atau_catatan(terkunci, monkeypatch, _apptest_navigasi):
    at = masuk(buka(terkunci, monkeypatch), "bekasi")
    assert unit_ditawarkan(at) == ["KPPBCBEKASI"]
    at.switch_page("pages/unggah.py").run()
    assert "perlu peran pengisi" in at.info[0].value
    at.switch_page("pages/dialog.py").run()
    assert not at.exception and not at.text_area
    at.switch_page("pages/riwayat.py").run()
    assert not [b for b in at.button if b.key == "riwayat_batal" or b.key == "riwayat_tinjau"]
    at.switch_page("pages/jejak.py").run()
    assert "perlu peran admin" in at.info[0].value


def test_pengisi_unggah_unit_lain_ditolak_per_baris(terkunci, monkeypatch, _apptest_navigasi):
    sebelum = terkunci.baca(2019)
    at = masuk(buka(terkunci, monkeypatch), "bogor")
    at.switch_page("pages/unggah.py").run()
    isi = (b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
           b"2019;TW III;KPPBCBEKASI;BKS-01;1\n")
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    kesalahan = at.container(key="unggah_kesalahan").dataframe[0].value
    assert kesalahan["Baris"].tolist() == [3]
    assert "KPPBCBEKASI" in kesalahan["Kesalahan"].iloc[0]
    assert not [b for b in at.button if b.key == "unggah_simpan"]
    assert terkunci.baca(2019).realisasi.equals(sebelum.realisasi)


def test_pengisi_unggah_dan_catatan_atas_namanya(terkunci, monkeypatch, _apptest_navigasi):
    at = masuk(buka(terkunci, monkeypatch), "bogor")
    at.switch_page("pages/unggah.py").run()
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    at.button(key="unggah_simpan").click().run()
    assert at.success and not at.error
    revisi = terkunci.daftar_revisi()[0]
    assert (revisi.pengguna, revisi.asal) == ("bogor", "Unggah Data")
    at.switch_page("pages/dialog.py").run()
    at.button(key="dialog_berikutnya").click().run()
    assert [w.label for w in at.text_area] == ["Kendala", "Rencana aksi"]  # the notes form for Bogor's IKU
    jejak = terkunci.jejak(pengguna="bogor")
    assert jejak["tindakan"].tolist() == ["impor", "masuk"]


def test_sesi_berakhir_saat_unggah_tidak_menyimpan(terkunci, monkeypatch, _apptest_navigasi):
    at = masuk(buka(terkunci, monkeypatch), "bogor")
    at.switch_page("pages/unggah.py").run()
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBOGOR;BGR-01;10\n"
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    sebelum = terkunci.baca(2019)
    terkunci.hapus_pengguna("bogor", pelaku=OPERATOR)  # removed (or expired) while the preview is on screen
    at.button(key="unggah_simpan").click().run()
    assert not at.exception
    assert any("Sesi masuk Anda sudah berakhir" in w.value for w in at.warning)
    assert terkunci.baca(2019).realisasi.equals(sebelum.realisasi)
    assert [w.key for w in at.text_input] == ["gerbang_nama", "gerbang_sandi"]  # sign in again


def test_keluar_mengakhiri_sesi(terkunci, monkeypatch, _apptest_navigasi):
    at = masuk(buka(terkunci, monkeypatch), "bogor")
    sesi = at.session_state["_sesi"]
    at.sidebar.button(key="gerbang_keluar").click().run()
    assert [w.key for w in at.text_input] == ["gerbang_nama", "gerbang_sandi"]
    assert [s.value for s in at.success] == ["Anda telah keluar."]
    assert not terkunci.sesi_berlaku(sesi.pelaku("x"), sesi.berakhir.replace(year=2000))
    assert terkunci.jejak(pengguna="bogor")["tindakan"].tolist() == ["keluar", "masuk"]


def test_admin_jejak_audit_dan_batal(terkunci, monkeypatch, _apptest_navigasi):
    at = masuk(buka(terkunci, monkeypatch), "admin")
    at.switch_page("pages/jejak.py").run()
    tabel = at.container(key="jejak_tabel").dataframe[0].value
    assert {"masuk", "tambah pengguna", "beri hak"} <= set(tabel["Tindakan"])
    assert tabel["Revisi"].tolist()[:1] == [""]  # a sign-in has no revision: blank, never 'None'

    assert tabel["Waktu"].str.endswith("+07:00 (WIB)").all()
    assert [b for b in at.get("download_button") if b.proto.label == "Unduh XLSX"]
    at.switch_page("pages/riwayat.py").run()
    at.selectbox(key="riwayat_revisi").set_value(1)
    at.button(key="riwayat_tinjau").click().run()
    assert [b for b in at.button if b.key == "riwayat_batal"]


def test_sso_st_user_dengan_hak_dari_gudang(terkunci, monkeypatch, _apptest_navigasi):
    tambah(terkunci, "rina@beacukai.go.id", (Peran.PENGISI, "KWBCJABAR"), sso=True)
    monkeypatch.setenv("KINERJA_DB", terkunci.alamat)
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "dasbor", "client_secret": "rahasia",
                          "server_metadata_url": "https://sso.example.go.id/.well-known/openid-configuration"}
    at.run()
    assert [b.key for b in at.button if b.key == "gerbang_sso"] == ["gerbang_sso"]  # the institution's button
    at.user = {"is_logged_in": True, "email": "Rina@BeaCukai.go.id", "email_verified": True, "name": "Rina"}
    at.run()
    assert not at.exception, at.exception
    assert unit_ditawarkan(at) == ["KWBCJABAR", "KPPBCBEKASI", "KPPBCBOGOR"]
    at.switch_page("pages/unggah.py").run()
    isi = b"tahun;triwulan;kode_unit;kode_iku;realisasi\n2019;TW III;KPPBCBEKASI;BKS-01;1\n"
    at.file_uploader(key="unggah_berkas").set_value(("realisasi.csv", isi, "text/csv")).run()
    at.button(key="unggah_simpan").click().run()  # an editor of the Kanwil writes for its office
    assert terkunci.daftar_revisi()[0].pengguna == "rina@beacukai.go.id"
