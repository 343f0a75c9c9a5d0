"""Sign-in and grants, end to end on a real DuckDB file with real argon2 (nothing of the code under test mocked).

Every write path refuses what the grants do not allow, stores nothing of it and leaves a 'ditolak' line in the
audit trail; a sign-in keeps only an argon2 hash, is slowed after repeated wrong passwords, and a session that
was closed, expired or whose person was removed writes nothing. The rules themselves (``kinerja_core.akses``)
are checked against an independent oracle on random trees.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from argon2 import PasswordHasher
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja import akses, cli, scores
from kinerja.akses import MasukDitolak, Sesi
from kinerja.masuk.importing import rencanakan, terapkan
from kinerja.masuk.loading import Jenis
from kinerja.pesan import Pesan
from kinerja.rapat.simpan import simpan_catatan, simpan_rapat
from kinerja.store import TABEL, AksesDitolak, SesiBerakhir, Storage, mesin_duckdb
from kinerja.store.skema import KOLOM_SALIN
from kinerja.texts import t, teks_pesan, tn
from kinerja_core.akses import SEMUA, Cara, Hibah, Pelaku, Peran, berhak, ditolak, leluhur
from tests.conftest import AKAR

KEDUA_MESIN = True  # every write path and refusal alike on both engines
OPERATOR = Pelaku.sistem("operator")
SANDI = "kuda-lumping-42"
KEPALA_REALISASI = "tahun;triwulan;kode_unit;kode_iku;realisasi;kendala"
KEPALA_UNIT = "kode_unit;nama_unit;kode_induk"


# --- helpers


def berkas(kepala: str, *baris: str) -> bytes:
    return "\n".join([kepala, *baris]).encode() + b"\n"


def kini_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@functools.cache
def hash_sandi() -> str:
    """One real argon2 hash of ``SANDI``, shared by the people of these tests (each hash costs ~0.1 s)."""
    return akses.hash_sandi(SANDI)


def orang(storage: Storage, nama: str, *hibah: Hibah) -> None:
    """A person of the local store (password ``SANDI``) with these grants, added by the operator."""
    storage.tambah_pengguna(nama, hash_sandi(), pelaku=OPERATOR)
    for h in hibah:
        storage.beri_hak(nama, h, pelaku=OPERATOR)


def masuk_sebagai(storage: Storage, nama: str, asal: str = "Unggah", **kw: object) -> Pelaku:
    """Sign in with the right password and write from page ``asal``."""
    return akses.masuk(storage, nama, SANDI, **kw).pelaku(asal)  # type: ignore[arg-type]


def keadaan(storage: Storage) -> dict[str, object]:
    """Everything a write may change, except the audit trail (which a refusal appends to)."""
    snap = storage.baca()
    return {**{n: getattr(snap, n) for n in TABEL}, "revisi": storage.daftar_revisi(),
            "pengguna": storage.daftar_pengguna()}


def sama(sebelum: dict[str, object], sesudah: dict[str, object]) -> None:
    assert sebelum.keys() == sesudah.keys()
    for k, v in sebelum.items():
        if isinstance(v, pd.DataFrame):
            pd.testing.assert_frame_equal(v, sesudah[k], obj=k)  # type: ignore[arg-type]
        else:
            assert v == sesudah[k], k


def realisasi(storage: Storage, *baris: str) -> pd.DataFrame:
    """Realisasi rows as an upload reads them (typed, codes matched), for writing straight to ``simpan``."""
    rencana = rencanakan([("r.csv", berkas(KEPALA_REALISASI, *baris))], storage)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    return rencana.data(Jenis.REALISASI)


def nilai(storage: Storage, kode_unit: str, kode_iku: str, triwulan: int) -> float | None:
    r = storage.baca(2019).realisasi
    r = r[(r.kode_unit == kode_unit) & (r.kode_iku == kode_iku) & (r.triwulan == triwulan)]
    return None if r.empty else float(r.realisasi.iloc[0])


def jejak_baru(storage: Storage, sebelum: int) -> pd.DataFrame:
    """The audit-trail lines written since it had ``sebelum`` lines, oldest first."""
    j = storage.jejak()
    return j.head(len(j) - sebelum).iloc[::-1].reset_index(drop=True)


# --- 1. a viewer writes nothing


def test_pembaca_ditolak_di_setiap_jalur_tulis(storage):
    orang(storage, "vina", Hibah(Peran.PEMBACA, "KPPBCBOGOR"))
    vina = masuk_sebagai(storage, "vina")
    iku = next(i for i in scores.iku_dari_tabel(storage.baca(2019).iku)
               if (i.kode_unit, i.kode_iku) == ("KPPBCBOGOR", "BGR-01"))
    baris = realisasi(storage, "2019;3;KPPBCBOGOR;BGR-01;10;turun")
    sebelum, jejak_awal = keadaan(storage), len(storage.jejak())
    upaya = {
        "simpan realisasi": lambda: storage.simpan({"realisasi": baris}, pelaku=vina, berkas="r.csv", sha256=""),
        "simpan_catatan": lambda: simpan_catatan(storage, iku, 2019, 3, kendala="Antrean", rencana_aksi="Loket",
                                                 pic="Kasi PKC", tenggat=dt.date(2019, 11, 15), pelaku=vina),
        "simpan_rapat": lambda: simpan_rapat(storage, "KPPBCBOGOR", 2019, 3, tanggal=dt.date(2019, 10, 2),
                                             tempat="Aula", pimpinan="Kepala Kantor", peserta="Kasi PKC",
                                             arahan="Percepat penagihan", pelaku=vina),
        "batalkan": lambda: storage.batalkan(1, pelaku=vina),
        "tambah_pengguna": lambda: storage.tambah_pengguna("teman", hash_sandi(), pelaku=vina),
        "beri_hak ke diri sendiri": lambda: storage.beri_hak("vina", Hibah(Peran.ADMIN, SEMUA), pelaku=vina),
        "beri_hak pengisi unitnya": lambda: storage.beri_hak("vina", Hibah(Peran.PENGISI, "KPPBCBOGOR"),
                                                             pelaku=vina),
        "hapus_pengguna": lambda: storage.hapus_pengguna("vina", pelaku=vina),
    }
    pesan = {}
    for nama, tulis in upaya.items():
        with pytest.raises(AksesDitolak) as e:
            tulis()
        assert type(e.value) is AksesDitolak, nama  # refused for the grants, not for a closed session
        assert "vina" in str(e.value), nama
        pesan[nama] = str(e.value)
        sama(sebelum, keadaan(storage))
    assert "pengisi" in pesan["simpan realisasi"] and "KPPBCBOGOR" in pesan["simpan realisasi"]
    assert "admin" in pesan["batalkan"] and "admin" in pesan["beri_hak ke diri sendiri"]
    assert storage.pengguna("vina")[1] == [Hibah(Peran.PEMBACA, "KPPBCBOGOR")]
    baru = jejak_baru(storage, jejak_awal)
    assert list(baru.tindakan) == ["ditolak"] * len(upaya)
    assert [teks_pesan(r) for r in baru.rincian] == list(pesan.values())  # kept as codes, read as the same words
    assert {Pesan.baca(r).kunci for r in baru.rincian} == {"akses.ditolak"}
    assert set(baru.pengguna) == {"vina"} and set(baru.cara) == {"masuk"}


# --- 2. an editor of one office and a sibling office's rows


def test_pengisi_satu_kantor_tidak_bisa_menulis_kantor_saudara(storage):
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    rina = masuk_sebagai(storage, "rina")
    isi = berkas(KEPALA_REALISASI, "2019;4;KPPBCBOGOR;BGR-01;50;", "2019;4;KPPBCBEKASI;BKS-01;5;",
                 "2019;4;KPPBCBOGOR;BGR-02;15;", "2019;4;KPPBCBEKASI;BKS-02;6;")
    sebelum = keadaan(storage)

    rencana = rencanakan([("campur.csv", isi)], storage, rina)
    assert not rencana.sah
    assert [(k.berkas, k.baris, k.kolom) for k in rencana.kesalahan] == [
        ("campur.csv", 3, "kode_unit"), ("campur.csv", 5, "kode_unit")]
    assert all("KPPBCBEKASI" in k.teks and "KPPBCBOGOR" not in k.teks for k in rencana.kesalahan)
    with pytest.raises(ValueError):
        terapkan(rencana, storage, rina)  # a plan with errors is never committed

    with pytest.raises(AksesDitolak, match="KPPBCBEKASI") as e:  # the preview bypassed: the commit refuses
        storage.simpan({"realisasi": rencana.data(Jenis.REALISASI)}, pelaku=rina, berkas="campur.csv",
                       sha256=rencana.sha256)
    assert type(e.value) is AksesDitolak and "pengisi" in str(e.value)
    sama(sebelum, keadaan(storage))
    assert nilai(storage, "KPPBCBOGOR", "BGR-01", 4) is None  # not even the rows of their own office

    tolak = storage.jejak().iloc[0]
    assert (tolak.tindakan, tolak.pengguna, tolak.cara, tolak.asal) == ("ditolak", "rina", "masuk", "Unggah")
    assert tolak.unit == "KPPBCBEKASI, KPPBCBOGOR" and Pesan.baca(tolak.rincian) == e.value.pesan and pd.isna(tolak.revisi)
    assert tolak.id in set(storage.jejak(kode_unit="KPPBCBEKASI").id)

    # their own office's rows alone go through
    sendiri = rencanakan([("bogor.csv", berkas(KEPALA_REALISASI, "2019;4;KPPBCBOGOR;BGR-01;50;"))], storage, rina)
    assert sendiri.sah, [str(k) for k in sendiri.kesalahan]
    assert terapkan(sendiri, storage, rina).pengguna == "rina"
    assert nilai(storage, "KPPBCBOGOR", "BGR-01", 4) == 50.0


# --- 3. an editor of a Kanwil writes for an office under it


def test_pengisi_kanwil_menulis_kantor_di_bawahnya_tercatat_di_jejak(storage):
    orang(storage, "dedi", Hibah(Peran.PENGISI, "KWBCJABAR"))
    dedi = masuk_sebagai(storage, "Dedi ", asal="Dialog Kinerja")
    rencana = rencanakan([("bogor.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;turun"))],
                         storage, dedi)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    rev = terapkan(rencana, storage, dedi)
    assert (rev.pengguna, rev.asal, rev.berubah) == ("dedi", "Dialog Kinerja", 1)
    assert storage.daftar_revisi()[0] == rev
    assert nilai(storage, "KPPBCBOGOR", "BGR-01", 3) == 10.0

    baris = storage.jejak().iloc[0]
    assert (baris.tindakan, baris.revisi, baris.unit, baris.pengguna, baris.cara, baris.asal) == (
        "impor", rev.id, "KPPBCBOGOR", "dedi", "masuk", "Dialog Kinerja")
    assert Pesan.baca(baris.rincian).isian["berkas"] == "bogor.csv"
    for atas in ("KPPBCBOGOR", "KWBCJABAR", "DJBC", "KEMENKEU"):  # a unit filter includes the units below it
        assert baris.id in set(storage.jejak(kode_unit=atas).id), atas
    for lain in ("KPPBCBEKASI", "BPPT", "BTP"):
        assert baris.id not in set(storage.jejak(kode_unit=lain).id), lain
    punya_dedi = storage.jejak(pengguna="dedi")
    assert set(punya_dedi.pengguna) == {"dedi"} and {"masuk", "impor"} <= set(punya_dedi.tindakan)
    assert baris.id in set(punya_dedi.id) and baris.id not in set(storage.jejak(pengguna="operator").id)
    assert baris.id in set(storage.jejak(kode_unit="KWBCJABAR", pengguna="dedi").id)


# --- 4. passwords


def test_sandi_salah_sama_dengan_nama_asing_dan_hanya_hash_argon2_tersimpan(storage):
    orang(storage, "rina")
    with pytest.raises(MasukDitolak) as salah:
        akses.masuk(storage, "rina", "bukan-sandinya-1")
    with pytest.raises(MasukDitolak) as asing:
        akses.masuk(storage, "tidak.ada", SANDI)
    assert str(salah.value) == str(asing.value)
    assert "rina" not in str(salah.value)
    # an SSO identity has no local password: not even the placeholder checked for unknown names lets it in
    storage.tambah_pengguna("sso@beacukai.go.id", None, pelaku=OPERATOR)
    for coba in ("", "bukan sandi siapa pun"):
        with pytest.raises(MasukDitolak) as sso:
            akses.masuk(storage, "sso@beacukai.go.id", coba)
        assert str(sso.value) == str(asing.value)

    sebelum = kini_utc()
    sesi = akses.masuk(storage, "  RINA ", SANDI)
    assert isinstance(sesi, Sesi) and sesi.identitas == "rina" and sesi.berakhir > sebelum
    assert storage.sesi_berlaku(sesi.pelaku("x"), kini_utc())
    assert storage.jejak().iloc[0].tindakan == "masuk"

    tersimpan, _ = storage.pengguna("rina")
    assert tersimpan.startswith("$argon2") and SANDI not in tersimpan
    assert PasswordHasher().verify(tersimpan, SANDI)
    assert akses.hash_sandi(SANDI) != tersimpan  # salted: a new hash every time
    # neither the password nor the session's secret is anywhere in the database, in any text column of any table
    teks = {(nama, k): data[k].dropna().astype(str) for nama in KOLOM_SALIN
            for data in [storage.tabel(nama)] for k in data.columns if not pd.api.types.is_numeric_dtype(data[k])}
    assert ("sesi", "token") in teks and ("pengguna", "sandi") in teks
    for rahasia in (SANDI, sesi.rahasia):
        for (nama, k), nilai in teks.items():
            assert not nilai.str.contains(rahasia, regex=False).any(), (nama, k)
    assert teks[("sesi", "token")].tolist() == [akses.sidik_sesi(sesi.rahasia)]


# --- 5. repeated wrong passwords


def test_sandi_salah_berulang_diperlambat(storage):
    orang(storage, "rina")
    orang(storage, "budi")
    t0 = kini_utc()

    def detik(n):
        return t0 + dt.timedelta(seconds=n)

    def tunggu(n):
        return tn("masuk.tunggu", n)

    # two failures are not slowed: the right password right after goes in
    for i in range(2):
        with pytest.raises(MasukDitolak, match=t("masuk.salah")):
            akses.masuk(storage, "budi", "keliru-sekali", kini=detik(i))
    assert akses.masuk(storage, "budi", SANDI, kini=detik(1)).identitas == "budi"
    assert storage.gagal_masuk("budi", t0 - dt.timedelta(hours=1)) == []  # a success clears them

    for i in range(3):  # three failures, each told only that it was wrong
        with pytest.raises(MasukDitolak) as e:
            akses.masuk(storage, "rina", "keliru-sekali", kini=detik(i))
        assert str(e.value) == t("masuk.salah")
    # the fourth attempt at once, even with the right password: wait 2 s from the last failure
    with pytest.raises(MasukDitolak) as e:
        akses.masuk(storage, "rina", SANDI, kini=detik(2))
    assert str(e.value) == tunggu(2) and "Coba lagi dalam 2 detik" in str(e.value)
    with pytest.raises(MasukDitolak) as e:
        akses.masuk(storage, "RINA", SANDI, kini=detik(3))  # the name's case does not reset the count
    assert str(e.value) == tunggu(1)
    assert len(storage.gagal_masuk("rina", t0 - dt.timedelta(hours=1))) == 3  # the refused tries are not counted

    # after the wait a wrong password is the fourth failure: the next wait doubles
    with pytest.raises(MasukDitolak, match=t("masuk.salah")):
        akses.masuk(storage, "rina", "keliru-sekali", kini=detik(4))
    with pytest.raises(MasukDitolak) as e:
        akses.masuk(storage, "rina", SANDI, kini=detik(5))
    assert str(e.value) == tunggu(3)
    sesi = akses.masuk(storage, "rina", SANDI, kini=detik(8))
    assert sesi.identitas == "rina" and sesi.berakhir > detik(8)
    assert storage.gagal_masuk("rina", t0 - dt.timedelta(hours=1)) == []

    # failures older than the window no longer slow anyone
    for _ in range(3):
        with pytest.raises(MasukDitolak, match=t("masuk.salah")):
            akses.masuk(storage, "rina", "keliru-sekali", kini=detik(10))
    assert akses.masuk(storage, "rina", SANDI, kini=detik(10 + 16 * 60)).identitas == "rina"


# --- 6. sessions that ended


def test_sesi_pengguna_yang_dihapus_tidak_bisa_menulis(storage):
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    rina = masuk_sebagai(storage, "rina")
    rencana = rencanakan([("bogor.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))], storage, rina)
    assert rencana.sah  # checked while still a person with a grant …
    storage.hapus_pengguna("rina", pelaku=OPERATOR)  # … removed before the commit
    assert storage.pengguna("rina") is None and not storage.sesi_berlaku(rina, kini_utc())
    sebelum = keadaan(storage)
    with pytest.raises(SesiBerakhir):
        terapkan(rencana, storage, rina)
    sama(sebelum, keadaan(storage))
    assert nilai(storage, "KPPBCBOGOR", "BGR-01", 3) == 48.2
    assert storage.jejak().iloc[0].tindakan == "ditolak"

    # added again under the same name: the old session stays closed
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    sebelum = keadaan(storage)
    with pytest.raises(SesiBerakhir):
        terapkan(rencana, storage, rina)
    sama(sebelum, keadaan(storage))
    assert terapkan(rencana, storage, masuk_sebagai(storage, "rina")).pengguna == "rina"  # a new sign-in writes


def test_sesi_yang_sudah_keluar_tidak_bisa_menulis(storage):
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    laptop, ponsel = masuk_sebagai(storage, "rina"), masuk_sebagai(storage, "rina")
    rencana = rencanakan([("bogor.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))], storage, laptop)
    assert rencana.sah
    storage.tutup_sesi(laptop)
    assert storage.jejak().iloc[0].tindakan == "keluar"
    assert not storage.sesi_berlaku(laptop, kini_utc()) and storage.sesi_berlaku(ponsel, kini_utc())
    sebelum = keadaan(storage)
    with pytest.raises(SesiBerakhir):
        terapkan(rencana, storage, laptop)
    with pytest.raises(SesiBerakhir):
        simpan_rapat(storage, "KPPBCBOGOR", 2019, 3, tanggal=None, tempat="Aula", pimpinan="", peserta="",
                     arahan="", pelaku=laptop)
    sama(sebelum, keadaan(storage))
    assert terapkan(rencana, storage, ponsel).pengguna == "rina"  # only the session signed out has ended


def test_sesi_kedaluwarsa_tidak_bisa_menulis(storage):
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    kemarin = kini_utc() - dt.timedelta(hours=30)
    sesi = akses.masuk(storage, "rina", SANDI, kini=kemarin)
    lama = sesi.pelaku("Unggah")
    assert sesi.berakhir < kini_utc()
    assert storage.sesi_berlaku(lama, kemarin + dt.timedelta(hours=1)) and not storage.sesi_berlaku(lama, kini_utc())
    rencana = rencanakan([("bogor.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))], storage, lama)
    assert rencana.sah  # the grants still allow it: only the session has run out
    sebelum = keadaan(storage)
    with pytest.raises(SesiBerakhir):
        terapkan(rencana, storage, lama)
    sama(sebelum, keadaan(storage))
    assert terapkan(rencana, storage, masuk_sebagai(storage, "rina")).pengguna == "rina"


# --- 7. undo


def test_batal_hanya_oleh_admin_unit_yang_tersentuh(storage):
    orang(storage, "rina", Hibah(Peran.PENGISI, "KPPBCBOGOR"))
    orang(storage, "bayu", Hibah(Peran.ADMIN, "BPPT"))
    orang(storage, "ani", Hibah(Peran.ADMIN, "KPPBCBOGOR"))
    rina = masuk_sebagai(storage, "rina")
    rev = terapkan(rencanakan([("bogor.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))],
                              storage, rina), storage, rina)
    assert nilai(storage, "KPPBCBOGOR", "BGR-01", 3) == 10.0
    sebelum = keadaan(storage)
    for siapa in ("rina", "bayu"):  # the editor who wrote it; an admin elsewhere
        with pytest.raises(AksesDitolak, match="admin") as e:
            storage.batalkan(rev.id, pelaku=masuk_sebagai(storage, siapa, asal="Riwayat"))
        assert type(e.value) is AksesDitolak and "KPPBCBOGOR" in str(e.value)
        sama(sebelum, keadaan(storage))
        # the refusal's audit line names the units, so the unit filter finds it (it had none at first)
        tolak = storage.jejak(kode_unit="KPPBCBOGOR").iloc[0]
        assert (tolak.tindakan, tolak.pengguna, tolak.unit) == ("ditolak", siapa, "KPPBCBOGOR")
    batal = storage.batalkan(rev.id, pelaku=masuk_sebagai(storage, "ani", asal="Riwayat"))
    assert (batal.jenis, batal.membatalkan, batal.pengguna, batal.asal) == ("batal", rev.id, "ani", "Riwayat")
    assert nilai(storage, "KPPBCBOGOR", "BGR-01", 3) == 48.2
    baris = storage.jejak().iloc[0]
    assert (baris.tindakan, baris.revisi, baris.unit) == ("batal", batal.id, "KPPBCBOGOR")


def test_batal_pemindahan_unit_tidak_memindahkan_ke_subpohon_lain(storage):
    orang(storage, "adi", Hibah(Peran.ADMIN, "KWBCJABAR"))
    pindah = rencanakan([("unit.csv", berkas(KEPALA_UNIT, "BTP;Balai Teknologi Polimer;KWBCJABAR"))], storage)
    rev = terapkan(pindah, storage, OPERATOR)  # the centre moves BTP (of PTM, under BPPT) into Jawa Barat
    adi = masuk_sebagai(storage, "adi", asal="Riwayat")
    # the same move back as an upload is refused: adi is not admin of PTM
    kembali = rencanakan([("unit.csv", berkas(KEPALA_UNIT, "BTP;Balai Teknologi Polimer;PTM"))], storage, adi)
    assert not kembali.sah and any(k.kolom == "kode_induk" and "unit PTM " in k.teks for k in kembali.kesalahan)
    sebelum = keadaan(storage)
    with pytest.raises(AksesDitolak):
        storage.batalkan(rev.id, pelaku=adi)  # actual: allowed, BTP lands under PTM again
    sama(sebelum, keadaan(storage))


# --- 8. the open demo


def test_demo_menulis_sampai_instalasi_dikunci(storage):
    demo = Pelaku("demo", Cara.DEMO, "Unggah")
    assert not storage.terkunci() and akses.hak(storage, demo) is None
    rencana = rencanakan([("a.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBEKASI;BKS-01;5;"))], storage, demo)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    rev = terapkan(rencana, storage, demo)
    assert (rev.pengguna, rev.asal) == ("demo", "Unggah") and storage.jejak().iloc[0].cara == "demo"
    assert nilai(storage, "KPPBCBEKASI", "BKS-01", 3) == 5.0

    storage.tambah_pengguna("rina", hash_sandi(), pelaku=OPERATOR)
    assert storage.terkunci() and akses.hak(storage, demo) == []
    rencana = rencanakan([("b.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBEKASI;BKS-01;7;"))], storage, demo)
    assert [k.baris for k in rencana.kesalahan] == [2]
    sebelum = keadaan(storage)
    with pytest.raises(AksesDitolak):
        storage.simpan({"realisasi": rencana.data(Jenis.REALISASI)}, pelaku=demo, berkas="b.csv", sha256="")
    with pytest.raises(AksesDitolak):
        storage.beri_hak("rina", Hibah(Peran.ADMIN, SEMUA), pelaku=demo)
    sama(sebelum, keadaan(storage))
    assert nilai(storage, "KPPBCBEKASI", "BKS-01", 3) == 5.0


# --- 9. the unit tree


def test_admin_subpohon_tidak_bisa_menarik_unit_lain_atau_membuat_akar(storage):
    orang(storage, "adi", Hibah(Peran.ADMIN, "KWBCJABAR"))
    adi = masuk_sebagai(storage, "adi")
    sebelum = keadaan(storage)
    ditolak_semua = {  # the row, and per refused column the unit named
        # BTP stands under PTM now: not adi's to move, though it would land in his subtree
        "tarik BTP ke Jawa Barat": ("BTP;Balai Teknologi Polimer;KWBCJABAR", [("kode_unit", "BTP")]),
        # a root is no one's subtree: it needs admin on every unit
        "akar baru": ("KEMENPAN;Kementerian PANRB;", [("kode_unit", "KEMENPAN"), ("kode_induk", SEMUA)]),
        # his own office, placed under a parent he is not admin of
        "lepas Bogor ke PTM": ("KPPBCBOGOR;KPPBC TMP A Bogor;PTM", [("kode_unit", "KPPBCBOGOR"), ("kode_induk", "PTM")]),
    }
    for nama, (baris, harap) in ditolak_semua.items():
        unggahan = [("unit.csv", berkas(KEPALA_UNIT, baris))]
        rencana = rencanakan(unggahan, storage, adi)
        assert [(k.baris, k.kolom) for k in rencana.kesalahan] == [(2, kolom) for kolom, _ in harap], (
            nama, rencana.kesalahan)
        for k, (_, unit) in zip(rencana.kesalahan, harap, strict=True):
            assert f"unit {unit} " in k.teks and "admin" in k.teks, (nama, k)
        assert rencanakan(unggahan, storage, OPERATOR).sah, nama  # the row itself is fine: only the grant is not
        with pytest.raises(AksesDitolak):
            storage.simpan({"unit": rencana.data(Jenis.UNIT)}, pelaku=adi, berkas="unit.csv", sha256="")
        sama(sebelum, keadaan(storage))
    unit = storage.baca().unit.set_index("kode_unit")["kode_induk"]
    assert unit["BTP"] == "PTM" and unit["KPPBCBOGOR"] == "KWBCJABAR" and "KEMENPAN" not in unit

    rencana = rencanakan([("unit.csv", berkas(KEPALA_UNIT, "KPPBCDEPOK;KPPBC TMP B Depok;KWBCJABAR"))], storage, adi)
    assert rencana.sah, [str(k) for k in rencana.kesalahan]
    rev = terapkan(rencana, storage, adi)
    assert (rev.pengguna, rev.baru) == ("adi", 1)
    assert storage.baca().unit.set_index("kode_unit").loc["KPPBCDEPOK", "kode_induk"] == "KWBCJABAR"


# --- 10. the command line


def kinerja(*args: str | Path, masukan: str = "") -> subprocess.CompletedProcess[str]:
    lingkungan = {k: v for k, v in os.environ.items() if k != "KINERJA_DB"}
    return subprocess.run([sys.executable, "-m", "kinerja", *map(str, args)], check=False, input=masukan,
                          capture_output=True, text=True, cwd=AKAR, timeout=120, env=lingkungan)


def test_cli_pengguna_hak_dan_impor_dengan_user(db_contoh, tmp_path, capsys):
    """The password through a real process's stdin and a refused import's exit code end to end; the other
    commands through ``cli.main`` in this process (the same code, a second less each)."""
    db = db_contoh
    storage = Storage(db)
    bogor, bekasi = tmp_path / "bogor.csv", tmp_path / "bekasi.csv"
    bogor.write_bytes(berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))
    bekasi.write_bytes(berkas(KEPALA_REALISASI, "2019;3;KPPBCBEKASI;BKS-01;5;"))

    def perintah(*args: str | Path) -> tuple[int, str, str]:
        kode = cli.main([*map(str, args), "--db", str(db)])
        keluar = capsys.readouterr()
        return kode, keluar.out, keluar.err

    assert not storage.terkunci()
    hasil = kinerja("user", "add", "Rina", "--password-stdin", "--db", db, masukan=SANDI + "\n")
    assert hasil.returncode == 0, hasil.stderr
    assert storage.terkunci() and storage.pengguna("rina")[0].startswith("$argon2")
    assert akses.masuk(storage, "rina", SANDI).identitas == "rina"  # the password read from stdin is the one kept

    hasil = kinerja("user", "add", "budi", "--password-stdin", "--db", db, masukan="pendek\n")
    assert hasil.returncode == 1 and t("cli.sandi_pendek", n=akses.PANJANG_SANDI) in hasil.stderr
    assert storage.pengguna("budi") is None

    assert perintah("user", "grant", "rina", "pengisi", "KPPBCBOGOR")[0] == 0
    kode, _, galat = perintah("user", "grant", "rina", "admin", "KPPBCXX")
    assert kode == 1 and "KPPBCXX" in galat
    assert storage.pengguna("rina")[1] == [Hibah(Peran.PENGISI, "KPPBCBOGOR")]
    kode, keluar, _ = perintah("user", "list")
    assert kode == 0 and keluar.splitlines() == ["rina\tlokal\tpengisi KPPBCBOGOR"]

    sebelum = keadaan(storage)
    hasil = kinerja("import", bekasi, "--user", "rina", "--db", db)
    assert hasil.returncode == 1 and "KPPBCBEKASI" in hasil.stderr and "baris 2" in hasil.stderr
    sama(sebelum, keadaan(storage))

    kode, _, galat = perintah("import", bogor, "--user", "RINA")
    assert kode == 0, galat
    rev = storage.daftar_revisi()[0]
    assert (rev.pengguna, rev.asal, rev.berkas) == ("rina", "baris perintah", "bogor.csv")
    assert nilai(storage, "KPPBCBOGOR", "BGR-01", 3) == 10.0

    kode, _, galat = perintah("import", bekasi)  # the operator, no --user: anything
    assert kode == 0, galat
    assert nilai(storage, "KPPBCBEKASI", "BKS-01", 3) == 5.0 and storage.jejak().iloc[0].cara == "sistem"

    assert perintah("user", "remove", "rina")[0] == 0
    assert perintah("user", "list")[1] == "" and storage.pengguna("rina") is None
    sebelum = keadaan(storage)
    kode, _, galat = perintah("import", bogor, "--user", "rina")  # no longer a person: nothing is hers
    assert kode == 1 and "KPPBCBOGOR" in galat
    sama(sebelum, keadaan(storage))


# --- 11. the rules themselves


KODE = [f"U{i}" for i in range(6)]
MENCAKUP = {Peran.PEMBACA: {Peran.PEMBACA}, Peran.PENGISI: {Peran.PENGISI, Peran.PEMBACA},
            Peran.VERIFIKATOR: {Peran.VERIFIKATOR, Peran.PEMBACA}, Peran.ADMIN: set(Peran)}
"""What each role may do, written out (not the code under test): pengisi and verifikator each their own part."""


@st.composite
def pohon_dan_hibah(draw: st.DrawFn) -> tuple[dict[str, str | None], list[Hibah]]:
    """Any parent links (cycles and a parent outside the table included) and a few grants."""
    kode = KODE[:draw(st.integers(1, len(KODE)))]
    induk = {k: draw(st.sampled_from([None, "LUAR", *kode])) for k in kode}
    hibah = draw(st.lists(st.builds(Hibah, st.sampled_from(list(Peran)), st.sampled_from([*kode, "LUAR", SEMUA])),
                          max_size=4))
    return induk, hibah


def di_atas(induk: dict[str, str | None], kode: str) -> set[str]:
    """The unit and every unit above it, as a fixpoint (not a walk, so not the code under test)."""
    hasil = {kode}
    while True:
        lebih = hasil | {induk[k] for k in hasil if induk.get(k) is not None}
        if lebih == hasil:
            return hasil
        hasil = lebih  # type: ignore[assignment]


@settings(max_examples=400, deadline=None)
@given(pohon_dan_hibah(), st.sampled_from(list(Peran)), st.sampled_from([*KODE, "LUAR"]))
def test_berhak_sama_dengan_oracle_dan_peran_bersarang(data, peran, unit):
    induk, hibah = data
    harap = any(peran in MENCAKUP[h.peran] and (h.kode_unit == SEMUA or h.kode_unit in di_atas(induk, unit))
                for h in hibah)
    assert berhak(hibah, peran, unit, induk) is harap
    assert set(leluhur(induk, unit)) == di_atas(induk, unit)
    # roles nest: admin ⊇ pengisi ⊇ pembaca, admin ⊇ verifikator ⊇ pembaca
    for tengah in (Peran.PENGISI, Peran.VERIFIKATOR):
        assert berhak(hibah, Peran.ADMIN, unit, induk) <= berhak(hibah, tengah, unit, induk) <= berhak(
            hibah, Peran.PEMBACA, unit, induk)
    for a in Peran:
        for b in Peran:
            assert a.mencakup(b) is (b in MENCAKUP[a])
    # ditolak is the units berhak refuses; a further grant never takes a right away
    semua = [*induk, "LUAR"]
    tolak = ditolak(hibah, peran, semua, induk)
    assert tolak == sorted(k for k in semua if not berhak(hibah, peran, k, induk))
    assert set(ditolak([*hibah, Hibah(Peran.PEMBACA, unit)], peran, semua, induk)) <= set(tolak)
    assert berhak([Hibah(peran, SEMUA)], peran, unit, induk)
    assert not berhak([], Peran.PEMBACA, unit, induk)


# --- 12. a database from before the audit trail


@pytest.mark.hanya_duckdb  # a DuckDB file as an older version left it (PostgreSQL: tests/store/test_postgres.py)
def test_revisi_lama_mendapat_baris_jejak(storage):
    """A database written by an older version has revisions but no audit lines: opening it adds one per revision,
    with the who and when the revision log kept, once."""
    rev = terapkan(rencanakan([("r.csv", berkas(KEPALA_REALISASI, "2019;3;KPPBCBOGOR;BGR-01;10;"))], storage),
                   storage, Pelaku.sistem("siti"))
    storage.batalkan(rev.id, pelaku=Pelaku.sistem("budi"))
    with duckdb.connect(str(storage.path)) as con:  # as an older version left it
        con.execute("DELETE FROM jejak_unit; DELETE FROM jejak")
    mesin_duckdb._SKEMA_SIAP.discard(str(storage.path.resolve()))  # a new server process opens the file
    jejak = Storage(storage.path).jejak()
    assert jejak[["revisi", "pengguna", "cara", "tindakan"]].values.tolist() == [
        [3, "budi", "lama", "batal"], [2, "siti", "lama", "impor"], [1, "data contoh", "lama", "impor"]]
    assert jejak["waktu"].tolist() == [r.waktu.astimezone(dt.UTC).replace(tzinfo=None)
                                       for r in storage.daftar_revisi()]
    assert Storage(storage.path).jejak(kode_unit="KPPBCBOGOR")["revisi"].tolist() == [3, 2, 1]
    mesin_duckdb._SKEMA_SIAP.discard(str(storage.path.resolve()))
    assert len(Storage(storage.path).jejak()) == 3  # once


def test_masuk_tanpa_basis_data_tidak_membuatnya(tmp_path):
    """A sign-in on a path with no database is refused like a wrong password and leaves no file behind (only a
    write creates the database; a failed sign-in is no write)."""
    kosong = Storage(tmp_path / "belum.duckdb")
    with pytest.raises(MasukDitolak, match="salah"):
        akses.masuk(kosong, "rina", "sandi-yang-panjang")
    assert not kosong.ada()
