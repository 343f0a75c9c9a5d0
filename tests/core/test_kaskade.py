"""kinerja_core.kaskade: a parent computed from its children equals its children's values brought together, quarter
by quarter, and for a sum parent of sum IKU the year-to-date too; cycles are found."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from kinerja_core.kaskade import Agregasi, agregasikan, realisasi_induk, siklus
from kinerja_core.konsolidasi import konsolidasikan
from kinerja_core.model import Konsolidasi

nilai = st.floats(min_value=0, max_value=1e9, allow_nan=False)
triwulan = st.tuples(*(st.one_of(st.none(), nilai) for _ in range(4)))
SEMUA = (True, True, True, True)


@given(st.sampled_from([Agregasi.JUMLAH, Agregasi.RATA_RATA, Agregasi.MINIMUM]), st.lists(triwulan, min_size=1, max_size=6))
def test_induk_sama_dengan_agregasi_anak_per_triwulan(agregasi, anak):
    tautan = {("U", f"A{i}"): ("P", "X") for i in range(len(anak))}
    realisasi = {("U", f"A{i}"): v for i, v in enumerate(anak)}
    hasil = realisasi_induk(tautan, {("P", "X"): agregasi}, realisasi, dict.fromkeys([*tautan, ("P", "X")], SEMUA))
    for q in range(4):
        per_anak = [v[q] for v in anak]
        harap = None if any(v is None for v in per_anak) else agregasikan(agregasi, per_anak)
        assert hasil[("P", "X")][q] == harap


@given(st.lists(st.tuples(*(nilai for _ in range(4))), min_size=1, max_size=6), st.integers(1, 4))
def test_induk_jumlah_sampai_triwulan_sama_dengan_jumlah_anak(anak, q):
    """A sum parent of sum IKU: its year-to-date through any quarter is the children's year-to-date added up,
    also through a level in between (a Pusat between the Balai and the Badan)."""
    tautan = {("B", f"A{i}"): ("P", "X") for i in range(len(anak))} | {("P", "X"): ("R", "X")}
    agregasi = {("P", "X"): Agregasi.JUMLAH, ("R", "X"): Agregasi.JUMLAH}
    hasil = realisasi_induk(tautan, agregasi, {("B", f"A{i}"): v for i, v in enumerate(anak)},
                            dict.fromkeys([*tautan, ("R", "X")], SEMUA))
    sd = [konsolidasikan(list(v[:q]), Konsolidasi.SUM) for v in anak]
    for induk in (("P", "X"), ("R", "X")):
        assert math.isclose(konsolidasikan(list(hasil[induk][:q]), Konsolidasi.SUM), sum(sd), rel_tol=1e-9,
                            abs_tol=1e-6)


def test_anak_tanpa_target_tidak_ditunggu():
    """A child not measured in a quarter (no target) is not waited for; one measured but silent is."""
    tautan = {("B1", "K"): ("P", "K"), ("B2", "K"): ("P", "K")}
    hasil = realisasi_induk(tautan, {("P", "K"): Agregasi.RATA_RATA},
                            {("B1", "K"): (80.0, 90.0, None, None), ("B2", "K"): (None, 70.0, None, None)},
                            {("B1", "K"): SEMUA, ("B2", "K"): (False, True, True, True)})
    assert hasil[("P", "K")] == (80.0, 80.0, None, None)


def test_siklus_ditemukan_sekali():
    tautan = {("A", "1"): ("B", "1"), ("B", "1"): ("C", "1"), ("C", "1"): ("A", "1"), ("D", "1"): ("D", "1")}
    assert siklus(tautan) == [[("A", "1"), ("B", "1"), ("C", "1")], [("D", "1"), ]]
    assert siklus({("A", "1"): ("B", "1")}) == []


# issue 28 item 6: the worst office by polarity, pooled komponen
def test_terburuk_mengikuti_polaritas():
    """A minimize IKU (service days): the worst office is the slowest (9 days), not the fastest the minimum picks."""
    from kinerja_core.model import Polaritas

    tautan = {("K1", "W"): ("P", "W"), ("K2", "W"): ("P", "W")}
    realisasi = {("K1", "W"): (2.0, 2.0, None, None), ("K2", "W"): (9.0, 3.0, None, None)}
    terukur = dict.fromkeys([*tautan, ("P", "W")], SEMUA)
    for polaritas, harap in ((Polaritas.MINIMIZE, (9.0, 3.0)), (Polaritas.MAXIMIZE, (2.0, 2.0))):
        hasil = realisasi_induk(tautan, {("P", "W"): Agregasi.TERBURUK}, realisasi, terukur,
                                polaritas={("P", "W"): polaritas})
        assert hasil[("P", "W")][:2] == harap
    # stabilize: the farthest from the parent's target of the quarter (3 %): 4,0 rather than 2,5
    stab = realisasi_induk(tautan, {("P", "W"): Agregasi.TERBURUK},
                           {("K1", "W"): (2.5, None, None, None), ("K2", "W"): (4.0, None, None, None)}, terukur,
                           polaritas={("P", "W"): Polaritas.STABILIZE}, target={("P", "W"): (3.0, 3.0, 3.0, 3.0)})
    assert stab[("P", "W")][0] == 4.0
    assert Agregasi.dari_teks("Terburuk") is Agregasi.TERBURUK and Agregasi.dari_teks("pooled") is Agregasi.GABUNGAN


def test_gabungan_menjumlahkan_komponen():
    """481/500 and 1/2 pool to 482/502 = 96,02 %, where the mean of the percentages is 73,1 %; a gabungan parent
    passes its sums on to a gabungan grandparent, and a child without komponen leaves the quarter open."""
    tautan = {("K1", "R"): ("P", "R"), ("K2", "R"): ("P", "R"), ("P", "R"): ("A", "R"), ("K3", "R"): ("A", "R")}
    komponen = {("K1", "R"): ((481.0, 500.0), None, None, None), ("K2", "R"): ((1.0, 2.0), None, None, None),
                ("K3", "R"): ((18.0, 98.0), (1.0, 1.0), None, None)}
    realisasi = {k: tuple(None if p is None else p[0] * 100 / p[1] for p in v) for k, v in komponen.items()}
    terukur = dict.fromkeys([*tautan, ("A", "R")], (True, True, False, False))
    hasil = realisasi_induk(tautan, {("P", "R"): Agregasi.GABUNGAN, ("A", "R"): Agregasi.GABUNGAN}, realisasi,
                            terukur, komponen=komponen)
    assert round(hasil[("P", "R")][0], 2) == 96.02
    assert hasil[("A", "R")][0] == 500 * 100 / 600  # 482 + 18 of 502 + 98
    assert hasil[("P", "R")][1] is None and hasil[("A", "R")][1] is None
    rata = realisasi_induk(tautan, {("P", "R"): Agregasi.RATA_RATA}, realisasi, terukur)
    assert round(rata[("P", "R")][0], 1) == 73.1  # what the unweighted mean says
