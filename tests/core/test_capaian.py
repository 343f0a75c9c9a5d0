"""Capaian and status: one worked example per polaritas × konsolidasi, the clamps, the edges."""

import pytest

from kinerja_core.capaian import hitung_capaian, konversi_stabilize, nilai_iku, status_capaian
from kinerja_core.model import AlasanAbu, Iku, Konsolidasi, Polaritas, Status
from kinerja_core.profil import ProfilAturan

MAX, MIN, STAB = Polaritas.MAXIMIZE, Polaritas.MINIMIZE, Polaritas.STABILIZE
SUM, AVG, LAST = Konsolidasi.SUM, Konsolidasi.AVERAGE, Konsolidasi.LAST


def iku(polaritas, konsolidasi, target, **lain):
    return Iku("KPPBCBOGOR", "IKU", "contoh", polaritas, konsolidasi, bobot=10, target=target, **lain)


# (what, polaritas, konsolidasi, quarterly targets, quarterly realisasi, through TW, T, R, capaian, status)
CONTOH = [
    ("penerimaan bea masuk, Rp miliar: T = 10+10, R = 9+12 → 21/20",
     MAX, SUM, (10, 10, 10, 10), (9, 12, None, None), 2, 20, 21, 105.0, Status.HIJAU),
    ("layanan tepat waktu, %: T = (90+90+95)/3, R = (85+95+96)/3 = 92 → 92/91,67",
     MAX, AVG, (90, 90, 95, 95), (85, 95, 96, None), 3, 275 / 3, 92, 100.36, Status.HIJAU),
    ("Indeks Kepuasan Mitra (BTP 2017), TW II and TW IV only: 85 / 90,9",
     MAX, LAST, (None, 90.9, None, 90.9), (None, 85, None, None), 3, 90.9, 85, 93.51, Status.KUNING),
    ("jumlah keluhan: T = 15, R = 13 → (2 − 13/15) × 100",
     MIN, SUM, (5, 5, 5, 5), (4, 6, 3, None), 3, 15, 13, 113.33, Status.HIJAU),
    ("waktu layanan, hari: T = 14,5/3, R = 15,3/3 → (2 − 5,1/4,833) × 100",
     MIN, AVG, (5, 5, 4.5, 4.5), (5.5, 5, 4.8, None), 3, 14.5 / 3, 5.1, 94.48, Status.KUNING),
    ("rasio dokumen dibatalkan, %: last T = 3, R = 3,6 → (2 − 1,2) × 100 = 80, exactly kuning",
     MIN, LAST, (3, 3, 3, 2.5), (2, 2.5, 3.6, None), 3, 3, 3.6, 80.0, Status.KUNING),
    ("penyerapan anggaran: T = 45, R = 42 → Ca 93,33 → 100 + 20 × 3,33/10",
     STAB, SUM, (20, 25, 25, 30), (18, 24, None, None), 2, 45, 42, 106.67, Status.HIJAU),
    ("deviasi halaman III DIPA: T = 100, R = 108 → Ca = 200 − 108 = 92 → 104",
     STAB, AVG, (100, 100, 100, 100), (104, 112, None, None), 2, 100, 108, 104.0, Status.HIJAU),
    ("penyerapan kumulatif: last T = 75, R = 50 → Ca 66,67 → 66,67 × 100/90",
     STAB, LAST, (25, 50, 75, 100), (20, 40, 50, None), 3, 75, 50, 74.07, Status.MERAH),
]


@pytest.mark.parametrize(
    "polaritas, konsolidasi, target, realisasi, tw, t_sd, r_sd, capaian, status",
    [c[1:] for c in CONTOH], ids=[c[0].split(":")[0] for c in CONTOH],
)
def test_contoh_per_polaritas_dan_konsolidasi(polaritas, konsolidasi, target, realisasi, tw, t_sd, r_sd,
                                             capaian, status):
    hasil = nilai_iku(iku(polaritas, konsolidasi, target), realisasi, tw)
    assert hasil.sd_triwulan.target == pytest.approx(t_sd)
    assert hasil.sd_triwulan.realisasi == pytest.approx(r_sd)
    assert hasil.capaian.nilai == capaian
    assert hasil.status is status
    assert hasil.alasan is None


def test_setiap_polaritas_dan_konsolidasi_punya_contoh():
    assert {(c[1], c[2]) for c in CONTOH} == {(p, k) for p in Polaritas for k in Konsolidasi}


@pytest.mark.parametrize("realisasi, target, polaritas, nilai", [
    (200, 100, MAX, 120.0),   # 200 % is capped at 120
    (300, 100, MIN, 0.0),     # (2 − 3) × 100 = −100 is floored at 0
    (0, 100, MAX, 0.0),
    (0, 100, MIN, 120.0),     # (2 − 0) × 100 = 200 → 120
    (250, 100, STAB, 0.0),    # Ca = 200 − 250 = −50 → 0
])
def test_batas_atas_dan_bawah(realisasi, target, polaritas, nilai):
    assert hitung_capaian(realisasi, target, polaritas).nilai == nilai


def test_batas_dari_profil():
    bppt = ProfilAturan(nama="BPPT", batas_atas=110.0, batas_bawah=10.0)
    assert hitung_capaian(200, 100, MAX, profil=bppt).nilai == 110.0
    assert hitung_capaian(1, 100, MAX, profil=bppt).nilai == 10.0


@pytest.mark.parametrize("nilai, status", [
    (120, Status.HIJAU), (100, Status.HIJAU), (99.99, Status.KUNING), (80, Status.KUNING),
    (79.99, Status.MERAH), (0, Status.MERAH), (None, Status.ABU_ABU),
])
def test_ambang_status(nilai, status):
    assert status_capaian(nilai) is status


@pytest.mark.parametrize("realisasi, status", [
    (100, Status.HIJAU), (99.99, Status.KUNING), (80, Status.KUNING), (79.99, Status.MERAH),
])
def test_ambang_status_dari_realisasi(realisasi, status):
    hasil = hitung_capaian(realisasi, 100, MAX)
    assert (hasil.nilai, hasil.status) == (realisasi, status)


def test_status_mengikuti_nilai_yang_ditampilkan():
    # 99,996 % is shown as 100,00: the light must be green, not a yellow "100,00"
    hasil = hitung_capaian(99.996, 100, MAX)
    assert (hasil.nilai, hasil.status) == (100.0, Status.HIJAU)
    # 3,6 / 3 is 1,2000000000000002 in floating point: still exactly 80 → kuning
    assert hitung_capaian(3.6, 3, MIN).status is Status.KUNING


def test_ambang_dari_profil():
    ketat = ProfilAturan(batas_hijau=105, batas_kuning=90)
    assert hitung_capaian(100, 100, MAX, profil=ketat).status is Status.KUNING
    assert hitung_capaian(89, 100, MAX, profil=ketat).status is Status.MERAH


def test_survei_hanya_tw4_abu_abu_sampai_tw3():
    survei = iku(MAX, LAST, (None, None, None, 4.25))
    for tw in (1, 2, 3):
        hasil = nilai_iku(survei, (None, None, None, None), tw)
        assert hasil.status is Status.ABU_ABU and hasil.alasan is AlasanAbu.BELUM_DIUKUR
        assert hasil.capaian.nilai is None
    assert nilai_iku(survei, (None, None, None, 4.4), 4).status is Status.HIJAU


def test_triwulan_terukur_tanpa_realisasi_abu_abu():
    pnbp = iku(MAX, SUM, (0.9, 1.2, 1.6, 2.0))
    hasil = nilai_iku(pnbp, (1.0, None, 1.5, None), 3)
    assert hasil.status is Status.ABU_ABU and hasil.alasan is AlasanAbu.REALISASI_BELUM_ADA
    assert hasil.sd_triwulan.target == pytest.approx(3.7)  # the target is still shown


def test_realisasi_di_triwulan_tanpa_target_diabaikan():
    semester = iku(MAX, SUM, (None, 50, None, 50))
    assert nilai_iku(semester, (99, 50, None, None), 2).capaian.nilai == 100.0


@pytest.mark.parametrize("polaritas", [MAX, STAB])
def test_target_nol_tidak_dapat_dihitung(polaritas):
    hasil = hitung_capaian(3, 0, polaritas)
    assert (hasil.nilai, hasil.status, hasil.alasan) == (None, Status.ABU_ABU, AlasanAbu.TARGET_NOL)


def test_minimize_target_nol_memakai_realisasi_terburuk():
    # temuan audit berulang: target 0, worst plausible 10, found 2 → (10 − 2) / 10 = 80
    assert hitung_capaian(2, 0, MIN, realisasi_terburuk=10).nilai == 80.0
    assert hitung_capaian(0, 0, MIN, realisasi_terburuk=10).nilai == 100.0
    assert hitung_capaian(12, 0, MIN, realisasi_terburuk=10).nilai == 0.0
    tanpa = hitung_capaian(2, 0, MIN)
    assert (tanpa.status, tanpa.alasan) == (Status.ABU_ABU, AlasanAbu.TANPA_REALISASI_TERBURUK)


def test_target_negatif():
    # maximize, T = −10 (a loss to contain): −5 is better than target, −15 worse
    assert hitung_capaian(-5, -10, MAX).nilai == 120.0
    assert hitung_capaian(-15, -10, MAX).nilai == 50.0
    # minimize, T = −10: a lower (more negative) realisasi is better
    assert hitung_capaian(-12, -10, MIN).nilai == 120.0
    assert hitung_capaian(-5, -10, MIN).nilai == 50.0


def test_konversi_120():
    assert hitung_capaian(75, 75, MAX, konversi_120=True).nilai == 120.0
    assert hitung_capaian(74, 75, MAX, konversi_120=True).nilai == pytest.approx(98.67)
    assert hitung_capaian(3, 3, MIN, konversi_120=True).nilai == 120.0
    assert hitung_capaian(3.3, 3, MIN, konversi_120=True).nilai == 90.0


def test_skala_stabilize():
    skala = ((0, 0), (90, 100), (100, 120))
    assert konversi_stabilize(100, skala) == 120.0
    assert konversi_stabilize(90, skala) == 100.0
    assert konversi_stabilize(95, skala) == 110.0
    assert hitung_capaian(100, 100, STAB).nilai == 120.0
    assert hitung_capaian(110, 100, STAB).nilai == 100.0  # 10 % over is as good as 10 % under
    assert hitung_capaian(90, 100, STAB).nilai == 100.0


def test_triwulan_di_luar_1_4_ditolak():
    with pytest.raises(ValueError, match="triwulan"):
        nilai_iku(iku(MAX, SUM, (1, 1, 1, 1)), (1, 1, 1, 1), 5)
