"""Issue 28 item 1: capaian ending on a half cent rounds half up, as exact decimal arithmetic gives it.

The reference here is written independently of ``kinerja_core``: Python's ``decimal`` with enough precision
for the few-decimal values generated, the formulas copied from DOMAIN.md.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kinerja_core.capaian import nilai_iku
from kinerja_core.kolom import KODE_KONSOLIDASI, KODE_POLARITAS, KolomIku, nilai_kolom
from kinerja_core.model import Iku, Konsolidasi, Polaritas
from kinerja_core.rumus import rumus_capaian

CONTOH = Iku("U", "X", "Waktu", Polaritas.MINIMIZE, Konsolidasi.AVERAGE, 1.0, (55.0, 55.0, 50.0, None))
REALISASI = (61.0, 50.0, 44.0, None)


def _kolom(daftar):
    nan = float("nan")
    return KolomIku(
        polaritas=np.array([KODE_POLARITAS[i.polaritas] for i, _ in daftar]),
        konsolidasi=np.array([KODE_KONSOLIDASI[i.konsolidasi] for i, _ in daftar]),
        target=np.array([[nan if v is None else v for v in i.target] for i, _ in daftar], dtype=float),
        realisasi=np.array([[nan if v is None else v for v in r] for _, r in daftar], dtype=float),
        konversi_120=np.array([i.konversi_120 for i, _ in daftar], dtype=bool),
        realisasi_terburuk=np.array([nan if i.realisasi_terburuk is None else i.realisasi_terburuk
                                     for i, _ in daftar], dtype=float),
    )


def test_contoh_domain_skalar():
    assert nilai_iku(CONTOH, REALISASI, 3).capaian.nilai == 103.13


def test_contoh_domain_kolom():
    assert nilai_kolom(_kolom([(CONTOH, REALISASI)]), 3).capaian.tolist() == [103.13]


def test_contoh_domain_rumus_tidak_dibatasi():
    rumus = rumus_capaian(CONTOH, REALISASI, 3)
    assert rumus.nilai == 103.13 and not rumus.dibatasi


def _desimal(x: float) -> Decimal:
    return Decimal(repr(x))


def _rujukan(iku: Iku, realisasi, triwulan: int) -> float | None:
    """The DOMAIN.md formulas for maximize / minimize with a nonzero target, in ``decimal`` arithmetic."""
    terukur = [q for q in range(1, 5) if q <= triwulan and iku.target[q - 1] is not None]
    if not terukur or any(realisasi[q - 1] is None for q in terukur):
        return None
    with localcontext() as konteks:
        konteks.prec = 60  # the averages of three are not finite decimals; 60 digits decide any half cent here
        t = [_desimal(iku.target[q - 1]) for q in terukur]
        r = [_desimal(realisasi[q - 1]) for q in terukur]
        if iku.konsolidasi in (Konsolidasi.SUM, Konsolidasi.AVERAGE):  # a ratio of averages is the ratio of sums
            T, R = sum(t, Decimal(0)), sum(r, Decimal(0))
        else:
            T, R = t[-1], r[-1]
        if T == 0:
            return None
        maks = iku.polaritas is Polaritas.MAXIMIZE
        c = R / T * 100 if maks == (T > 0) else (2 - R / T) * 100
        c = min(max(c, Decimal(0)), Decimal(120))
        return float(c.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


# values with few decimals, so that many capaian end exactly on a half cent
sedikit_desimal = st.one_of(
    st.integers(1, 400).map(float),
    st.integers(1, 4000).map(lambda n: n / 10),
    st.integers(-400, 400).map(lambda n: n / 4),
    st.sampled_from([55.0, 50.0, 61.0, 44.0, 12.5, 8.0, 0.8, 16.0, 32.0, 6.25, 1.25]),
)


@st.composite
def iku_setengah(draw):
    polaritas = draw(st.sampled_from([Polaritas.MAXIMIZE, Polaritas.MINIMIZE]))
    konsolidasi = draw(st.sampled_from(list(Konsolidasi)))
    target = tuple(draw(st.one_of(st.none(), sedikit_desimal)) for _ in range(4))
    realisasi = tuple(draw(sedikit_desimal) for _ in range(4))
    return Iku("U", "X", "x", polaritas, konsolidasi, 1.0, target), realisasi  # type: ignore[arg-type]


def _contoh(polaritas: Polaritas, target, realisasi):
    return ([(Iku("U", "X", "x", polaritas, Konsolidasi.AVERAGE, 1.0, (*target, None)), (*realisasi, None))], 3)


@settings(max_examples=600, deadline=None)
@given(st.lists(iku_setengah(), min_size=1, max_size=8), st.integers(1, 4))
# half cents the float shortcut rounded down (found by search on the code before issue 28)
@example(*_contoh(Polaritas.MINIMIZE, (58.0, 13.0, 41.0), (70.0, 7.3, 76.0)))  # 63,125
@example(*_contoh(Polaritas.MINIMIZE, (8.7, 4.5, 2.8), (4.6, 13.0, 0.9)))  # 84,375
@example(*_contoh(Polaritas.MAXIMIZE, (49.0, 65.0, 14.0), (3.4, 7.6, 89.0)))  # 78,125
@example(*_contoh(Polaritas.MAXIMIZE, (38.0, 29.0, 13.0), (72.0, 4.1, 7.0)))  # 103,875
@example(*_contoh(Polaritas.MAXIMIZE, (51.0, 22.0, 7.0), (8.8, 8.7, 9.0)))  # 33,125
def test_setengah_sen_sama_dengan_desimal(daftar, triwulan):
    """Scalar and columnar capaian equal an independent ``decimal`` reference on few-decimal values."""
    skor = nilai_kolom(_kolom(daftar), triwulan)
    for k, (iku, realisasi) in enumerate(daftar):
        harap = _rujukan(iku, realisasi, triwulan)
        if harap is None:
            continue
        assert nilai_iku(iku, realisasi, triwulan).capaian.nilai == harap, (iku, realisasi)
        assert skor.capaian[k] == harap, (iku, realisasi)
