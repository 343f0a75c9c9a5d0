"""What each IKU costs the NKO: the costs add up to 100 − NKO, and the columnar path equals the reference."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_core.capaian import Capaian, HasilIku, status_capaian
from kinerja_core.kolom import bagian_kolom
from kinerja_core.konsolidasi import NilaiSdTriwulan
from kinerja_core.model import Iku, Konsolidasi, Perspektif, Polaritas
from kinerja_core.nko import biaya_nko, hitung_nko
from kinerja_core.profil import KEMENKEU, ProfilAturan

BERBOBOT = ProfilAturan(bobot_perspektif={Perspektif.STAKEHOLDER: 40, Perspektif.CUSTOMER: 20,
                                           Perspektif.INTERNAL_PROCESS: 20, Perspektif.LEARNING_GROWTH: 20},
                        desimal=9)


def hasil(bobot: float, nilai: float | None, perspektif: Perspektif) -> HasilIku:
    iku = Iku("U", "X", "x", Polaritas.MAXIMIZE, Konsolidasi.SUM, bobot, (1.0, None, None, None), perspektif)
    return HasilIku(iku, NilaiSdTriwulan(1, 1.0, None), Capaian(nilai, status_capaian(nilai)))


satu = st.tuples(st.just(0.0) | st.floats(min_value=1e-3, max_value=100), st.none() | st.floats(min_value=0, max_value=120),
                 st.sampled_from(Perspektif))


@settings(max_examples=300, deadline=None)
@given(st.lists(satu, min_size=1, max_size=12), st.sampled_from([ProfilAturan(desimal=9), BERBOBOT]))
def test_biaya_berjumlah_100_kurang_nko_dan_kolom_sama(daftar, profil):
    semua = [hasil(*x) for x in daftar]
    biaya = biaya_nko(semua, profil)
    nko = hitung_nko(semua, profil).nilai
    if nko is None:
        assert all(b is None for b in biaya)
        return
    assert math.isclose(sum(b for b in biaya if b is not None), 100 - nko, abs_tol=1e-6)
    capaian = np.array([np.nan if c is None else c for _, c, _ in daftar])
    kolom = bagian_kolom(capaian, np.array([b for b, _, _ in daftar]),
                         np.array([p for _, _, p in daftar], dtype=object), np.array(["U"] * len(daftar)),
                         profil) * (100 - capaian)
    harap = np.array([np.nan if b is None else b for b in biaya])
    assert np.allclose(kolom, harap, equal_nan=True, atol=1e-9)


def test_abu_abu_dan_tanpa_bobot_tidak_berbiaya():
    biaya = biaya_nko([hasil(10, 50.0, Perspektif.CUSTOMER), hasil(0, 10.0, Perspektif.CUSTOMER),
                       hasil(10, None, Perspektif.CUSTOMER)], KEMENKEU)
    assert biaya == [50.0, None, None]
