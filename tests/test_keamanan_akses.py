"""Issue 27's findings about grants, sign-in and the audit trail, each pinned on both engines.

Each test was written against the code the red-team review attacked and failed there: the undo preview showing
another unit's rows (2), a refused upload leaving no audit line (3), simultaneous and sprayed password guesses
(6), Riwayat listing every revision to every reader (8), identities with line breaks (9), a password typed into
the name field kept in clear (10), ``--user`` losing the operator (11), a sub-unit admin changing a parent's
figure through a cascade link (12), the last administrator locking everyone out (13).
"""

from __future__ import annotations

import datetime as dt
import getpass
import threading

import pytest
from streamlit.testing.v1 import AppTest

from kinerja import akses, cli
from kinerja.akses import MasukDitolak
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.pesan import Pesan
from kinerja.store import AksesDitolak, Storage
from kinerja.store.skema import KOLOM_SALIN
from kinerja.texts import t, tn
from kinerja_core.akses import SEMUA, Hibah, Pelaku, Peran
from tests.conftest import AKAR
from tests.test_akses import (
    KEPALA_REALISASI,
    OPERATOR,
    SANDI,
    berkas,
    jejak_baru,
    keadaan,
    kini_utc,
    masuk_sebagai,
    orang,
    sama,
)

KEDUA_MESIN = True
KEPALA_IKU = ("tahun;kode_unit;kode_iku;nama_iku;sasaran_strategis;perspektif;satuan;polaritas;konsolidasi;bobot;"
              "target_tw1;target_tw2;target_tw3;target_tw4;kode_unit_induk;kode_iku_induk")


def halaman_sebagai(storage: Storage, monkeypatch: pytest.MonkeyPatch, nama: str, halaman: str) -> AppTest:
    """The app on ``storage``, signed in as ``nama`` (password ``SANDI``) through its form, on ``halaman``."""
    monkeypatch.setenv("KINERJA_DB", storage.alamat)
    at = AppTest.from_file(str(AKAR / "app.py"), default_timeout=60).run()
    at.text_input(key="gerbang_nama").input(nama)
    at.text_input(key="gerbang_sandi").input(SANDI)
    at.button[[b.label for b in at.button].index("Masuk")].click().run()
    at.switch_page(halaman).run()
    assert not at.exception, at.exception
    return at


def impor(storage: Storage, pelaku: Pelaku, nama: str, isi: bytes) -> int:
    rencana = rencanakan([(nama, isi)], storage, pelaku)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    return terapkan(rencana, storage, pelaku).id


# --- 2. the undo preview is checked like the undo


def test_tinjauan_batal_revisi_unit_lain_ditolak_tanpa_memperlihatkan_baris(storage):
    orang(storage, "ani", Hibah(Peran.ADMIN, "KPPBCBOGOR"))
    rev = impor(storage, OPERATOR, "btp.csv", berkas(KEPALA_REALISASI, "2017;3;BTP;BTP-01;1,7;Rahasia BTP"))
    ani = masuk_sebagai(storage, "ani", asal="Riwayat")
    sebelum = len(storage.jejak())
    with pytest.raises(AksesDitolak, match="BTP") as e:
        storage.tinjau_batal(rev, pelaku=ani)
    assert "Rahasia" not in str(e.value) and "1,7" not in str(e.value)
    tolak = jejak_baru(storage, sebelum)
    assert tolak[["tindakan", "pengguna", "unit"]].values.tolist() == [["ditolak", "ani", "BTP"]]
    # the admin of the unit the revision touched sees the preview
    orang(storage, "bayu", Hibah(Peran.ADMIN, "BTP"))
    tinjauan = storage.tinjau_batal(rev, pelaku=masuk_sebagai(storage, "bayu", asal="Riwayat"))
    assert tinjauan.berubah == 1


# --- 3. every refused write reaches the audit trail


def test_unggahan_dengan_baris_unit_lain_tercatat_ditolak(storage):
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    rina = masuk_sebagai(storage, "rina")
    sebelum, data = len(storage.jejak()), keadaan(storage)
    rencana = rencanakan([("campur.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;",
                                                "2019;3;KPPBCBEKASI;BKS-01;5;"))], storage, rina)
    assert not rencana.sah and [k.baris for k in rencana.kesalahan] == [3]
    sama(data, keadaan(storage))
    tolak = jejak_baru(storage, sebelum)
    assert tolak[["tindakan", "pengguna", "asal", "unit"]].values.tolist() == [
        ["ditolak", "rina", "Unggah", "KPPBCBEKASI"]]
    pesan = Pesan.baca(tolak.rincian[0])
    assert pesan.kunci == "jejak.unggah_ditolak" and pesan.isian["berkas"] == "campur.csv"


def test_impor_cli_dengan_user_yang_ditolak_tercatat(db_contoh, tmp_path, capsys):
    storage = Storage(db_contoh)
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    bekasi = tmp_path / "bekasi.csv"
    bekasi.write_bytes(berkas(KEPALA_REALISASI, "2019;3;KPPBCBEKASI;BKS-01;5;"))
    sebelum = len(storage.jejak())
    assert cli.main(["import", str(bekasi), "--user", "rina", "--db", str(db_contoh)]) == 1
    capsys.readouterr()
    tolak = jejak_baru(storage, sebelum)
    assert tolak[["tindakan", "pengguna", "asal", "unit"]].values.tolist() == [
        ["ditolak", "rina", "baris perintah", "KPPBCBEKASI"]]
    assert tolak.operator[0] == getpass.getuser()


# --- 6. the rate limit holds under simultaneous attempts, per source too, and failures are on the audit trail


def test_percobaan_serentak_hanya_satu_sandi_diperiksa(storage):
    orang(storage, "rina")
    t0 = kini_utc()
    for i in range(3):
        with pytest.raises(MasukDitolak, match=t("masuk.salah")):
            akses.masuk(storage, "rina", "keliru-sekali", kini=t0 + dt.timedelta(seconds=i))
    mulai, hasil = threading.Barrier(12), []

    def coba() -> None:
        mulai.wait()
        try:
            akses.masuk(storage, "rina", "keliru-lagi", kini=t0 + dt.timedelta(seconds=10))
        except MasukDitolak as e:
            hasil.append(str(e))

    benang = [threading.Thread(target=coba) for _ in range(12)]
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    assert len(hasil) == 12
    # one attempt had its password checked; the eleven beside it had to wait for it
    assert hasil.count(t("masuk.salah")) == 1
    assert all(h.startswith(tn("masuk.tunggu", 0)[:20]) for h in hasil if h != t("masuk.salah"))
    assert len(storage.gagal_masuk("rina", t0 - dt.timedelta(hours=1))) == 4


def test_sandi_disemprotkan_ke_banyak_nama_dari_satu_sumber_diperlambat(storage):
    for i in range(3):
        orang(storage, f"pegawai{i}")
    t0 = kini_utc()
    ditahan = []
    for i in range(akses.GAGAL_BEBAS_SUMBER + 3):  # one guess for each of many names, none repeated
        try:
            akses.masuk(storage, f"nama{i}", "Rahasia2026!", kini=t0 + dt.timedelta(seconds=i * 0.1),
                        sumber="10.1.2.3")
        except MasukDitolak as e:
            ditahan.append(str(e) != t("masuk.salah"))
    assert not any(ditahan[:akses.GAGAL_BEBAS_SUMBER]) and all(ditahan[akses.GAGAL_BEBAS_SUMBER:])
    # another source is not held back by this one, and the right password from it goes in
    assert akses.masuk(storage, "pegawai0", SANDI, kini=t0 + dt.timedelta(seconds=5), sumber="10.9.9.9")


def test_masuk_gagal_tampak_di_jejak_tanpa_nama_asing(storage):
    orang(storage, "rina")
    sebelum = len(storage.jejak())
    for nama in ("rina", "Kuda-Lumping-42"):  # a known name; a password typed into the name field
        with pytest.raises(MasukDitolak):
            akses.masuk(storage, nama, "keliru-sekali", asal="aplikasi")
    baru = jejak_baru(storage, sebelum)
    assert baru.tindakan.tolist() == ["masuk_gagal", "masuk_gagal"]
    assert baru.pengguna[0] == "rina"
    assert "kuda" not in " ".join(map(str, baru.iloc[1].tolist())).lower()


# --- 10. a failed name is kept only as a keyed hash, and only for the window


def test_nama_gagal_tidak_tersimpan_terang_dan_dibuang_setelah_jendela(storage):
    orang(storage, "rina")
    t0 = kini_utc() - dt.timedelta(hours=1)
    with pytest.raises(MasukDitolak):
        akses.masuk(storage, "Sandi-Rahasia-99", "apa saja", kini=t0)
    for tabel in KOLOM_SALIN:
        teks = storage.tabel(tabel).astype(str).to_csv().lower()
        assert "sandi-rahasia-99" not in teks, tabel
    assert len(storage.tabel("gagal_masuk")) == 1
    # after the window any attempt purges what the rate limit no longer needs
    with pytest.raises(MasukDitolak):
        akses.masuk(storage, "budi", "apa saja", kini=t0 + akses.JENDELA + dt.timedelta(seconds=1))
    assert len(storage.tabel("gagal_masuk")) == 1


# --- 8. Riwayat shows a reader only the revisions (and parts) of units they may read


def test_riwayat_hanya_revisi_unit_yang_boleh_dibaca(storage):
    impor(storage, OPERATOR, "btp-rahasia.csv", berkas(KEPALA_REALISASI, "2017;3;BTP;BTP-01;1,7;"))
    campur = impor(storage, OPERATOR, "jabar.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;",
                                                         "2019;3;KPPBCBEKASI;BKS-01;5;",
                                                         "2019;2;KPPBCBEKASI;BKS-01;4;"))
    semua = storage.daftar_revisi()
    assert len(semua) == 3 and all(r.bagian is None for r in semua)
    bogor = storage.daftar_revisi(hibah=[Hibah(Peran.PEMBACA, "KPPBCBOGOR")])
    assert [r.id for r in bogor] == [campur, semua[-1].id]  # the sample's own revision holds Bogor too
    assert "btp-rahasia.csv" not in [r.berkas for r in bogor]
    jabar = next(r for r in bogor if r.id == campur)
    assert jabar.bagian == 1  # one of its three rows is Bogor's; the others' counts are not shown
    assert storage.daftar_revisi(hibah=[Hibah(Peran.PEMBACA, "KWBCJABAR")])[0].bagian is None  # all of it
    assert storage.daftar_revisi(hibah=[]) == []


def test_halaman_riwayat_pembaca_tidak_melihat_revisi_unit_lain(storage, monkeypatch, _apptest_navigasi):
    impor(storage, OPERATOR, "btp-rahasia.csv", berkas(KEPALA_REALISASI, "2017;3;BTP;BTP-01;1,7;"))
    orang(storage, "bogor", Hibah(Peran.PEMBACA, "KPPBCBOGOR"))
    at = halaman_sebagai(storage, monkeypatch, "bogor", "pages/riwayat.py")
    tabel = at.container(key="tabel_riwayat").dataframe[0].value
    assert "btp-rahasia.csv" not in tabel.to_csv()
    assert len(tabel) == 1  # the sample's own revision, of which Bogor is a part


# --- 9. every identity is one printable line, not blank


@pytest.mark.parametrize("nama", ["a\nadmin\tlokal\tadmin *", "bud\ti", "   ", "", "x\u2028y", "a\x1b[31m"])
def test_identitas_dengan_baris_baru_atau_kosong_ditolak(storage, db_contoh, nama, capsys):
    with pytest.raises(ValueError):
        storage.tambah_pengguna(nama, None, pelaku=OPERATOR)
    with pytest.raises(SystemExit) as e:
        cli.main(["user", "add", nama, "--sso", "--db", str(db_contoh)])
    assert e.value.code == 2
    assert storage.daftar_pengguna().empty and not storage.terkunci()
    assert cli.main(["user", "list", "--db", str(db_contoh)]) == 0
    assert capsys.readouterr().out == ""


# --- 11. --user keeps the operator beside the person acted for


def test_user_di_baris_perintah_menyimpan_operator(db_contoh, tmp_path, capsys):
    storage = Storage(db_contoh)
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    bogor = tmp_path / "bogor.csv"
    bogor.write_bytes(berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))
    assert cli.main(["import", str(bogor), "--user", "rina", "--db", str(db_contoh)]) == 0
    rev = storage.daftar_revisi()[0]
    assert (rev.pengguna, rev.operator) == ("rina", getpass.getuser())
    baris = storage.jejak().iloc[0]
    assert (baris.tindakan, baris.pengguna, baris.operator) == ("impor", "rina", getpass.getuser())
    capsys.readouterr()
    assert cli.main(["revisions", "--db", str(db_contoh)]) == 0
    pertama = capsys.readouterr().out.splitlines()[0].split("\t")
    assert pertama[2] == f"rina (operator {getpass.getuser()})"
    # without --user the operator is the writer, said once
    assert cli.main(["undo", str(rev.id), "--db", str(db_contoh)]) == 0
    assert storage.daftar_revisi()[0].operator is None


# --- 12. a cascade link to a unit above needs a grant there


def test_admin_sub_unit_tidak_bisa_menautkan_iku_ke_induk(storage):
    orang(storage, "btp", Hibah(Peran.ADMIN, "BTP"))
    btp = masuk_sebagai(storage, "btp")
    baru = "2017;BTP;BTP-99;Layanan siluman;Sasaran;Customer;layanan;maximize;sum;5;1;1;1;1;PTM;PTM-01"
    data = keadaan(storage)
    rencana = rencanakan([("iku.csv", berkas(KEPALA_IKU, baru))], storage, btp)
    assert not rencana.sah
    assert [(k.baris, k.kolom) for k in rencana.kesalahan] == [(2, "kode_unit_induk")]
    assert "PTM" in rencana.kesalahan[0].teks
    # and in the committing transaction, whatever the preview said
    with pytest.raises(AksesDitolak, match="PTM"):
        storage.simpan({"iku": rencanakan([("iku.csv", berkas(KEPALA_IKU, baru))], storage).data(
            rencana.berkas[0].jenis)}, pelaku=btp, berkas="iku.csv", sha256="")
    sama(data, keadaan(storage))
    # the link as it stands is the unit's own catalogue: re-sending it unchanged is not a new link
    tetap = storage.baca(2017).iku.query("kode_iku == 'BTP-02'").iloc[0]
    ulang = (f"2017;BTP;BTP-02;{tetap.nama_iku};{tetap.sasaran_strategis};{tetap.perspektif};{tetap.satuan};"
             f"{tetap.polaritas};{tetap.konsolidasi};12;1;2;3;4;PTM;PTM-01")
    assert rencanakan([("iku.csv", berkas(KEPALA_IKU, ulang))], storage, btp).sah
    # the admin of the parent's unit may link it
    orang(storage, "ptm", Hibah(Peran.ADMIN, "PTM"))
    impor(storage, masuk_sebagai(storage, "ptm"), "iku.csv", berkas(KEPALA_IKU, baru))


# --- 13. the last administrator of every unit stays


def test_admin_terakhir_tidak_bisa_menghapus_diri_atau_mencabut_semua(storage):
    orang(storage, "admin", Hibah(Peran.ADMIN, SEMUA))
    admin = masuk_sebagai(storage, "admin", asal="baris perintah")
    for tindakan in (lambda: storage.hapus_pengguna("admin", pelaku=admin),
                     lambda: storage.beri_hak("admin", Hibah(Peran.ADMIN, SEMUA), pelaku=admin, cabut=True),
                     lambda: storage.hapus_pengguna("admin", pelaku=OPERATOR)):
        with pytest.raises(ValueError, match=t("akses.admin_terakhir")[:30]):
            tindakan()
        assert storage.pengguna("admin")[1] == [Hibah(Peran.ADMIN, SEMUA)]
    orang(storage, "wakil", Hibah(Peran.ADMIN, SEMUA))
    storage.hapus_pengguna("admin", pelaku=admin)
    assert storage.pengguna("admin") is None


def test_jejak_audit_menampilkan_gagal_masuk(storage, monkeypatch, _apptest_navigasi):
    orang(storage, "admin", Hibah(Peran.ADMIN, SEMUA))
    for nama in ("admin", "Kuda-Lumping-42"):
        with pytest.raises(MasukDitolak):
            akses.masuk(storage, nama, "keliru-sekali", asal="aplikasi")
    at = halaman_sebagai(storage, monkeypatch, "admin", "pages/jejak.py")
    tabel = at.container(key="jejak_tabel").dataframe[0].value
    gagal = tabel[tabel["Tindakan"] == t("jejak.tindakan.masuk_gagal")]
    assert sorted(gagal["Pengguna"]) == sorted(["admin", t("jejak.tidak_dikenal")])
    assert "kuda" not in tabel.to_csv().lower()
