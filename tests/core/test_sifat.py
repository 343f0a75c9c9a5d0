"""Properties of capaian (hypothesis): monotone in realisasi, always within [floor, cap]."""

from hypothesis import given
from hypothesis import strategies as st

from kinerja_core.capaian import hitung_capaian
from kinerja_core.model import Polaritas
from kinerja_core.profil import KEMENKEU

angka = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
target = angka.filter(lambda t: abs(t) > 1e-6)


@given(r1=angka, r2=angka, t=target, konversi=st.booleans())
def test_maximize_naik_bersama_realisasi(r1, r2, t, konversi):
    lo, hi = sorted((r1, r2))
    a = hitung_capaian(lo, t, Polaritas.MAXIMIZE, konversi_120=konversi).nilai
    b = hitung_capaian(hi, t, Polaritas.MAXIMIZE, konversi_120=konversi).nilai
    assert a <= b


@given(r1=angka, r2=angka, t=target, konversi=st.booleans())
def test_minimize_turun_bersama_realisasi(r1, r2, t, konversi):
    lo, hi = sorted((r1, r2))
    a = hitung_capaian(lo, t, Polaritas.MINIMIZE, konversi_120=konversi).nilai
    b = hitung_capaian(hi, t, Polaritas.MINIMIZE, konversi_120=konversi).nilai
    assert a >= b


@given(r1=angka, r2=angka, w=st.floats(min_value=1e-3, max_value=1e6))
def test_minimize_target_nol_turun_bersama_realisasi(r1, r2, w):
    lo, hi = sorted((r1, r2))
    a = hitung_capaian(lo, 0, Polaritas.MINIMIZE, realisasi_terburuk=w).nilai
    b = hitung_capaian(hi, 0, Polaritas.MINIMIZE, realisasi_terburuk=w).nilai
    assert a >= b


@given(r=angka, t=angka, polaritas=st.sampled_from(Polaritas), konversi=st.booleans(),
       w=st.none() | st.floats(min_value=-10, max_value=1e6))
def test_capaian_selalu_dalam_batas(r, t, polaritas, konversi, w):
    hasil = hitung_capaian(r, t, polaritas, konversi_120=konversi, realisasi_terburuk=w)
    if hasil.nilai is not None:
        assert KEMENKEU.batas_bawah <= hasil.nilai <= KEMENKEU.batas_atas
    else:
        assert hasil.alasan is not None
