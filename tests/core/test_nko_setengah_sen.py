"""Issue 28 item 1, the NKO: an NKO that is exactly a half cent rounds half up, as Excel's ROUND does.

The reference is written apart from ``kinerja_core``: ``decimal`` on the values as written, the NKO formula
of DOMAIN.md (bobot-weighted mean within a perspective, perspectives weighted by their bobot).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kinerja_core.capaian import Capaian, HasilIku, status_capaian
from kinerja_core.kolom import nko_kolom
from kinerja_core.konsolidasi import NilaiSdTriwulan
from kinerja_core.model import Iku, Konsolidasi, Perspektif, Polaritas
from kinerja_core.nko import hitung_nko

PERSPEKTIF = (Perspektif.STAKEHOLDER, Perspektif.CUSTOMER)


def _hasil(i: int, bobot: float, capaian: float, perspektif: Perspektif) -> HasilIku:
    iku = Iku("U", f"X{i}", "x", Polaritas.MAXIMIZE, Konsolidasi.SUM, bobot, (1.0, None, None, None),
              perspektif=perspektif)
    return HasilIku(iku, NilaiSdTriwulan(1, 1.0, None), Capaian(capaian, status_capaian(capaian)))


def _rujukan(daftar) -> float:
    with localcontext() as konteks:
        konteks.prec = 80
        per: dict[Perspektif, list[tuple[Decimal, Decimal]]] = {}
        for bobot, capaian, perspektif in daftar:
            per.setdefault(perspektif, []).append((Decimal(repr(bobot)), Decimal(repr(capaian))))
        pembilang = sum(sum(b * c for b, c in d) for d in per.values())
        penyebut = sum(sum(b for b, _ in d) for d in per.values())
        return float((pembilang / penyebut).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _kolom(daftar):
    return nko_kolom(np.array([c for _, c, _ in daftar]), np.array([b for b, _, _ in daftar], dtype=float),
                     np.array([p for _, _, p in daftar], dtype=object), np.array(["U"] * len(daftar)))["U"]


CONTOH = [(30.0, 104.07, Perspektif.STAKEHOLDER), (10.0, 99.81, Perspektif.STAKEHOLDER)]
"""(30 × 104,07 + 10 × 99,81) / 40 = 103,005 exactly: 103,01, not the 103,00 floats gave."""


def test_contoh_nko_skalar():
    assert hitung_nko([_hasil(i, *x) for i, x in enumerate(CONTOH)]).nilai == 103.01


def test_contoh_nko_kolom():
    assert _kolom(CONTOH) == 103.01


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([3.0, 5.0, 7.5, 10.0, 12.5, 15.0, 20.0, 30.0, 33.33]),
                          st.integers(5000, 12000).map(lambda n: n / 100), st.sampled_from(PERSPEKTIF)),
                min_size=1, max_size=6))
@example([(7.5, 113.07, Perspektif.STAKEHOLDER), (7.5, 107.58, Perspektif.STAKEHOLDER)])
@example([(5.0, 108.25, Perspektif.STAKEHOLDER), (3.0, 94.61, Perspektif.CUSTOMER)])
def test_nko_sama_dengan_desimal(daftar):
    harap = _rujukan(daftar)
    assert hitung_nko([_hasil(i, *x) for i, x in enumerate(daftar)]).nilai == harap
    assert _kolom(daftar) == harap
