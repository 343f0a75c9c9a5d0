"""The reporting cycle's rules (kinerja_core.siklus): which step may start from which stage, who may take it, the
separation of duties, the reasons, and the deadlines."""

from __future__ import annotations

import datetime as dt

import pytest

from kinerja_core.akses import SEMUA, Hibah, Peran
from kinerja_core.siklus import (
    Alasan,
    Aturan,
    HariTenggat,
    Jadwal,
    Keadaan,
    Langkah,
    Tahap,
    kembali_ke_draf,
    lanjutkan,
    periksa_langkah,
    tenggat,
    terlambat_hari,
)

INDUK = {"DJBC": None, "KWJABAR": "DJBC", "KPPBCBOGOR": "KWJABAR", "KPPBCDEPOK": "KWJABAR"}
PENGISI = [Hibah(Peran.PENGISI, "KPPBCBOGOR")]
VERIFIKATOR_KANWIL = [Hibah(Peran.VERIFIKATOR, "KWJABAR")]
ADMIN = [Hibah(Peran.ADMIN, SEMUA)]
WAKTU = dt.datetime(2026, 10, 10, 9)


def _periksa(keadaan: Keadaan, langkah: Langkah, oleh: str, hibah: list[Hibah] | None, **kw: object) -> Alasan | None:
    return periksa_langkah(keadaan, langkah, oleh, hibah, "KPPBCBOGOR", INDUK, **kw)  # type: ignore[arg-type]


def test_siklus_penuh_dengan_pengembalian() -> None:
    k = Keadaan()
    assert _periksa(k, Langkah.AJUKAN, "rina", PENGISI) is None
    k = lanjutkan(k, Langkah.AJUKAN, "rina", WAKTU)
    assert _periksa(k, Langkah.KEMBALIKAN, "budi", VERIFIKATOR_KANWIL, alasan="Realisasi belum termasuk September") is None
    k = lanjutkan(k, Langkah.KEMBALIKAN, "budi", WAKTU, "Realisasi belum termasuk September")
    assert (k.tahap, k.alasan) == (Tahap.DIKEMBALIKAN, "Realisasi belum termasuk September")
    assert _periksa(k, Langkah.AJUKAN, "rina", PENGISI) is None  # fixed and submitted again
    k = lanjutkan(k, Langkah.AJUKAN, "rina", WAKTU)
    assert k.alasan is None  # the old reason is not shown any more
    k = lanjutkan(k, Langkah.VERIFIKASI, "budi", WAKTU)
    assert _periksa(k, Langkah.FINALKAN, "admin", ADMIN) is None
    k = lanjutkan(k, Langkah.FINALKAN, "admin", WAKTU)
    assert (k.tahap, k.diajukan_oleh, k.diverifikasi_oleh, k.final_oleh) == (Tahap.FINAL, "rina", "budi", "admin")


@pytest.mark.parametrize(("tahap", "langkah"), [
    (Tahap.DRAF, Langkah.VERIFIKASI), (Tahap.FINAL, Langkah.AJUKAN), (Tahap.DIAJUKAN, Langkah.AJUKAN),
    (Tahap.DIAJUKAN, Langkah.FINALKAN), (Tahap.DRAF, Langkah.BUKA), (Tahap.TERVERIFIKASI, Langkah.BUKA),
    (Tahap.DIKEMBALIKAN, Langkah.VERIFIKASI),
])
def test_langkah_dari_tahap_yang_salah_ditolak(tahap: Tahap, langkah: Langkah) -> None:
    assert _periksa(Keadaan(tahap, diajukan_oleh="rina"), langkah, "admin", None, alasan="x") is Alasan.TAHAP_SALAH


def test_yang_mengajukan_tidak_boleh_memverifikasi_atau_memfinalkan() -> None:
    diajukan = Keadaan(Tahap.DIAJUKAN, diajukan_oleh="rina")
    terverifikasi = Keadaan(Tahap.TERVERIFIKASI, diajukan_oleh="rina", diverifikasi_oleh="budi")
    semua = [Hibah(Peran.ADMIN, SEMUA)]  # even an admin of everything
    assert _periksa(diajukan, Langkah.VERIFIKASI, "rina", semua) is Alasan.PENGAJU_SAMA
    assert _periksa(terverifikasi, Langkah.FINALKAN, "rina", semua) is Alasan.PENGAJU_SAMA
    assert _periksa(terverifikasi, Langkah.FINALKAN, "rina", None) is Alasan.PENGAJU_SAMA  # the operator too
    assert _periksa(terverifikasi, Langkah.FINALKAN, "sari", semua) is None


def test_verifikator_unit_sendiri_hanya_bila_diizinkan() -> None:
    diajukan = Keadaan(Tahap.DIAJUKAN, diajukan_oleh="rina")
    sendiri = [Hibah(Peran.VERIFIKATOR, "KPPBCBOGOR")]
    assert _periksa(diajukan, Langkah.VERIFIKASI, "budi", sendiri) is Alasan.UNIT_SENDIRI
    assert _periksa(diajukan, Langkah.KEMBALIKAN, "budi", sendiri, alasan="x") is Alasan.UNIT_SENDIRI
    assert _periksa(diajukan, Langkah.VERIFIKASI, "budi", sendiri, aturan=Aturan(verifikasi_unit_sendiri=True)) is None
    assert _periksa(diajukan, Langkah.VERIFIKASI, "budi", [Hibah(Peran.VERIFIKATOR, SEMUA)]) is None


def test_peran_yang_salah_ditolak() -> None:
    diajukan = Keadaan(Tahap.DIAJUKAN, diajukan_oleh="rina")
    assert _periksa(diajukan, Langkah.VERIFIKASI, "budi", [Hibah(Peran.PENGISI, "KWJABAR")]) is Alasan.TANPA_PERAN
    assert _periksa(Keadaan(), Langkah.AJUKAN, "budi", VERIFIKATOR_KANWIL) is Alasan.TANPA_PERAN  # verifies, not fills
    assert _periksa(Keadaan(), Langkah.AJUKAN, "rina", [Hibah(Peran.PENGISI, "KPPBCDEPOK")]) is Alasan.TANPA_PERAN
    terverifikasi = Keadaan(Tahap.TERVERIFIKASI, diajukan_oleh="rina")
    assert _periksa(terverifikasi, Langkah.FINALKAN, "budi", VERIFIKATOR_KANWIL) is Alasan.TANPA_PERAN


@pytest.mark.parametrize("alasan", [None, "", "   "])
def test_kembalikan_dan_buka_perlu_alasan(alasan: str | None) -> None:
    diajukan = Keadaan(Tahap.DIAJUKAN, diajukan_oleh="rina")
    assert _periksa(diajukan, Langkah.KEMBALIKAN, "budi", VERIFIKATOR_KANWIL, alasan=alasan) is Alasan.TANPA_ALASAN
    assert _periksa(Keadaan(Tahap.FINAL), Langkah.BUKA, "admin", ADMIN, alasan=alasan) is Alasan.TANPA_ALASAN


def test_kunci_tenggat_dan_buka_kembali() -> None:
    kunci = Aturan(kunci_tenggat=True)
    assert _periksa(Keadaan(), Langkah.AJUKAN, "rina", PENGISI, lewat_tenggat=True) is None  # not locking: late only
    assert _periksa(Keadaan(), Langkah.AJUKAN, "rina", PENGISI, lewat_tenggat=True, aturan=kunci) is Alasan.LEWAT_TENGGAT
    assert _periksa(Keadaan(), Langkah.BUKA, "admin", ADMIN, alasan="", lewat_tenggat=True,
                    aturan=kunci) is Alasan.TANPA_ALASAN
    assert _periksa(Keadaan(), Langkah.BUKA, "admin", ADMIN, alasan="sakit", lewat_tenggat=True, aturan=kunci) is None
    dibuka = lanjutkan(Keadaan(), Langkah.BUKA, "admin", WAKTU, "sakit")
    assert dibuka.dibuka and _periksa(dibuka, Langkah.AJUKAN, "rina", PENGISI, lewat_tenggat=True, aturan=kunci) is None


def test_perubahan_mengembalikan_ke_draf() -> None:
    assert kembali_ke_draf(Keadaan(Tahap.DIAJUKAN, diajukan_oleh="rina")) == Keadaan()
    assert kembali_ke_draf(Keadaan(Tahap.TERVERIFIKASI, diajukan_oleh="rina")).tahap is Tahap.DRAF
    assert kembali_ke_draf(Keadaan(Tahap.DIKEMBALIKAN, alasan="x")).tahap is Tahap.DIKEMBALIKAN


def test_tenggat_bawaan_dan_akhir_tahun() -> None:
    assert tenggat(2026, 1) == tenggat(2026, 1, HariTenggat(14, 23, 30))
    assert tenggat(2026, 1).ajukan == dt.date(2026, 4, 14)
    assert tenggat(2026, 4).ajukan == dt.date(2027, 1, 14)
    assert tenggat(2026, 1, HariTenggat(31, 31, 31)).final == dt.date(2026, 4, 30)  # cut to the month
    assert terlambat_hari(dt.date(2026, 10, 14), dt.date(2026, 10, 15)) == 1


def test_jadwal_per_tahun_dan_tingkat() -> None:
    j = Jadwal(HariTenggat(12, 20, 28), {(None, 2): HariTenggat(10, 18, 26), (2027, None): HariTenggat(7, 14, 21)})
    assert j.tenggat(2026, 2, 0).ajukan == dt.date(2026, 7, 12)
    assert j.tenggat(2026, 2, 2).ajukan == dt.date(2026, 7, 10)
    assert j.tenggat(2027, 2, 2).ajukan == dt.date(2027, 7, 7)  # the year's override is more specific
