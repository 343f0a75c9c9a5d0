"""The explained formula is the computed one: its numbers, put through its formula, give the capaian shown."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_core.capaian import bulatkan, konversi_stabilize, nilai_iku
from kinerja_core.model import Iku, Konsolidasi, Polaritas
from kinerja_core.profil import KEMENKEU
from kinerja_core.rumus import Bentuk, rumus_capaian

angka = st.floats(min_value=-1000, max_value=1000, allow_nan=False).map(lambda x: round(x, 2))


@st.composite
def kasus(draw):
    polaritas = draw(st.sampled_from(Polaritas))
    target = tuple(draw(st.none() | angka) for _ in range(4))
    iku = Iku("U", "K", "IKU", polaritas, draw(st.sampled_from(Konsolidasi)), 1.0, target,
              konversi_120=draw(st.booleans()), realisasi_terburuk=draw(st.none() | angka))
    return iku, tuple(draw(st.none() | angka) for _ in range(4)), draw(st.integers(1, 4))


def dari_rumus(bentuk: Bentuk, r: float, t: float, w: float | None) -> float:
    """The formula of ``bentuk`` recomputed by hand (``DOMAIN.md``)."""
    if bentuk is Bentuk.RASIO:
        return r / t * 100
    if bentuk is Bentuk.DUA_KURANG:
        return (2 - r / t) * 100
    if bentuk is Bentuk.TERBURUK:
        return (w - r) / w * 100
    if bentuk is Bentuk.STABILIZE:
        deviasi = r / t * 100 if r / t <= 1 else 200 - r / t * 100
        return konversi_stabilize(deviasi, KEMENKEU.skala_stabilize)
    return KEMENKEU.batas_atas


@settings(max_examples=500, deadline=None)
@given(kasus())
def test_rumus_menghasilkan_capaian_yang_ditampilkan(k):
    iku, realisasi, triwulan = k
    rumus = rumus_capaian(iku, realisasi, triwulan)
    hasil = nilai_iku(iku, realisasi, triwulan)
    assert rumus.nilai == hasil.capaian.nilai
    assert (rumus.target, rumus.realisasi) == (hasil.sd_triwulan.target, hasil.sd_triwulan.realisasi)
    if rumus.bentuk is None:
        assert hasil.capaian.nilai is None and rumus.alasan is hasil.alasan
        return
    mentah = dari_rumus(rumus.bentuk, rumus.realisasi, rumus.target, iku.realisasi_terburuk)
    assert math.isclose(mentah, rumus.mentah, rel_tol=1e-9, abs_tol=1e-9)
    dijepit = bulatkan(min(max(mentah, KEMENKEU.batas_bawah), KEMENKEU.batas_atas))
    assert dijepit == rumus.nilai
    assert rumus.dibatasi == (bulatkan(mentah) != rumus.nilai)
