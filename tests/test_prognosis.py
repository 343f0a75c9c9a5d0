"""The year-end prognosis on whole columns equals the core's scalar rule on every IKU of the sample."""

from __future__ import annotations

import math

import pytest

from kinerja import scores
from kinerja_core.prognosis import prognosis_iku


@pytest.mark.parametrize(("tahun", "triwulan"), [(2017, 1), (2017, 2), (2017, 3), (2019, 1), (2019, 2), (2019, 3)])
def test_prognosis_kolom_sama_dengan_rujukan(storage, tahun, triwulan):
    _, lebar = storage.baca_lebar(tahun)
    kolom = scores.prognosis(lebar, triwulan)
    assert len(kolom) == len(lebar)
    for r, (_, k) in zip(lebar.itertuples(index=False), kolom.iterrows()):
        harap = prognosis_iku(scores._iku(r), scores.realisasi_baris(r), triwulan)
        if harap is None or harap.capaian.nilai is None:
            assert math.isnan(k["capaian"]) and k["status"] == "abu-abu", r.kode_iku
        else:
            assert (k["capaian"], k["status"]) == (harap.capaian.nilai, harap.status.value), r.kode_iku
    assert (kolom["status"] != "abu-abu").sum() > len(kolom) // 2  # most IKU have a prognosis
