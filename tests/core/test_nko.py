"""NKO: bobot weighting, grey IKU left out, all grey → undefined, perspective weights."""

import pytest

from kinerja_core.capaian import nilai_iku
from kinerja_core.model import Iku, Konsolidasi, Perspektif, Polaritas, Status
from kinerja_core.nko import JumlahStatus, hitung_nko, hitung_status
from kinerja_core.profil import ProfilAturan, ProfilTidakValid


def hasil(bobot, realisasi, target=100.0, perspektif=Perspektif.STAKEHOLDER, tw_target=1):
    target_tw = tuple(target if q == tw_target else None for q in (1, 2, 3, 4))
    iku = Iku("U", f"I{bobot}{realisasi}", "x", Polaritas.MAXIMIZE, Konsolidasi.SUM, bobot, target_tw,
              perspektif=perspektif)
    return nilai_iku(iku, (realisasi, None, None, None), 1)


def test_nko_rata_rata_berbobot():
    # 110 × 30 + 90 × 70 = 3300 + 6300 → 96 over bobot 100
    nko = hitung_nko([hasil(30, 110), hasil(70, 90)])
    assert nko.nilai == 96.0
    assert nko.status is Status.KUNING


def test_abu_abu_tidak_dihitung_sebagai_nol():
    survei_tw4 = hasil(50, None, tw_target=4)  # not measured until TW IV
    nko = hitung_nko([hasil(30, 110), hasil(70, 90), survei_tw4])
    assert nko.nilai == 96.0
    assert nko.jumlah == JumlahStatus(hijau=1, kuning=1, merah=0, abu_abu=1)


def test_semua_abu_abu_nko_tidak_terdefinisi():
    nko = hitung_nko([hasil(50, None, tw_target=4), hasil(50, 5, target=0)])
    assert nko.nilai is None
    assert nko.status is Status.ABU_ABU
    assert nko.jumlah.abu_abu == 2


def test_tanpa_iku_nko_tidak_terdefinisi():
    assert hitung_nko([]).nilai is None


def test_bobot_perspektif_dari_profil():
    daftar = [
        hasil(10, 120, perspektif=Perspektif.STAKEHOLDER),
        hasil(90, 80, perspektif=Perspektif.CUSTOMER),
    ]
    # default: bobot-weighted mean (10 × 120 + 90 × 80) / 100
    assert hitung_nko(daftar).nilai == 84.0
    # equal perspective weights: (120 + 80) / 2, Learning & Growth and Internal Process drop out (no IKU)
    setara = ProfilAturan(bobot_perspektif=dict.fromkeys(Perspektif, 1.0))
    assert hitung_nko(daftar, setara).nilai == 100.0


def test_perspektif_tanpa_iku_terhitung_keluar():
    profil = ProfilAturan(bobot_perspektif={Perspektif.STAKEHOLDER: 3, Perspektif.CUSTOMER: 1,
                                            Perspektif.INTERNAL_PROCESS: 1, Perspektif.LEARNING_GROWTH: 1})
    daftar = [hasil(10, 100, perspektif=Perspektif.STAKEHOLDER), hasil(10, 80, perspektif=Perspektif.CUSTOMER),
              hasil(10, None, tw_target=4, perspektif=Perspektif.INTERNAL_PROCESS)]
    assert hitung_nko(daftar, profil).nilai == 95.0  # (3 × 100 + 1 × 80) / 4


def test_profil_tidak_valid():
    with pytest.raises(ProfilTidakValid):
        ProfilAturan(batas_kuning=110)
    with pytest.raises(ProfilTidakValid):
        ProfilAturan(bobot_perspektif={Perspektif.STAKEHOLDER: 1})
    with pytest.raises(ProfilTidakValid):
        ProfilAturan(skala_stabilize=((90, 100), (0, 0)))


def test_hitung_status():
    assert hitung_status([hasil(1, 100), hasil(1, 85), hasil(1, 50), hasil(1, None, tw_target=4)]) == JumlahStatus(
        1, 1, 1, 1
    )
