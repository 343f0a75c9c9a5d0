"""Year-to-date consolidation and the vocabularies read from user text."""

import pytest

from kinerja_core.konsolidasi import konsolidasikan, sd_triwulan
from kinerja_core.model import AlasanAbu, Iku, Konsolidasi, Perspektif, Polaritas, baca_triwulan


def test_konsolidasi():
    assert konsolidasikan([0.9, 1.2, 1.6, 2.0], Konsolidasi.SUM) == 5.7  # PNBP BTP 2017, Rp miliar
    assert konsolidasikan([90, 95], Konsolidasi.AVERAGE) == 92.5
    assert konsolidasikan([4.1, 4.3], Konsolidasi.LAST) == 4.3
    with pytest.raises(ValueError):
        konsolidasikan([], Konsolidasi.SUM)


def test_hanya_triwulan_bertarget_yang_dihitung():
    semester = Iku("BTP", "IKM", "Indeks Kepuasan Mitra", Polaritas.MAXIMIZE, Konsolidasi.AVERAGE, 10,
                   (None, 90.9, None, 90.9))
    assert sd_triwulan(semester, (None, 88.0, None, None), 1).alasan is AlasanAbu.BELUM_DIUKUR
    assert sd_triwulan(semester, (None, 88.0, None, None), 3).realisasi == 88.0
    assert sd_triwulan(semester, (None, 88.0, None, 92.0), 4).realisasi == 90.0


@pytest.mark.parametrize("teks, triwulan", [
    ("1", 1), ("TW I", 1), ("tw ii", 2), ("TW-III", 3), ("Triwulan 3", 3), ("Triwulan IV", 4), ("Q3", 3),
    ("q4", 4), ("III", 3), ("3.0", 3), ("0", None), ("TW V", None), ("", None), ("tiga", None),
])
def test_baca_triwulan(teks, triwulan):
    assert baca_triwulan(teks) == triwulan


def test_kosakata_dari_teks():
    assert Polaritas.dari_teks("Maksimal") is Polaritas.MAXIMIZE
    assert Konsolidasi.dari_teks("rata-rata") is Konsolidasi.AVERAGE
    assert Konsolidasi.dari_teks("Penjumlahan") is Konsolidasi.SUM
    assert Perspektif.dari_teks("learning and growth") is Perspektif.LEARNING_GROWTH
    assert Perspektif.dari_teks("Proses Bisnis Internal") is Perspektif.INTERNAL_PROCESS
    assert Polaritas.dari_teks("naik") is None
