"""The unit tree."""

from kinerja_core.unit import Unit, kedalaman, subpohon

UNITS = [
    Unit("KEMENKEU", "Kementerian Keuangan"),
    Unit("DJBC", "DJBC", "KEMENKEU"),
    Unit("KWBCJABAR", "Kanwil Jawa Barat", "DJBC"),
    Unit("KPPBCBOGOR", "KPPBC Bogor", "KWBCJABAR"),
    Unit("KPPBCBEKASI", "KPPBC Bekasi", "KWBCJABAR"),
    Unit("BPPT", "BPPT"),
]


def test_subpohon():
    assert subpohon(UNITS, "KWBCJABAR") == ["KWBCJABAR", "KPPBCBOGOR", "KPPBCBEKASI"]
    assert subpohon(UNITS, "KEMENKEU") == ["KEMENKEU", "DJBC", "KWBCJABAR", "KPPBCBOGOR", "KPPBCBEKASI"]
    assert subpohon(UNITS, "KPPBCBOGOR") == ["KPPBCBOGOR"]
    assert subpohon(UNITS, "KWBCJABAR", dengan_sub_unit=False) == ["KWBCJABAR"]


def test_siklus_tidak_berputar_selamanya():
    siklus = [Unit("A", "A", "B"), Unit("B", "B", "A")]
    assert subpohon(siklus, "A") == ["A", "B"]
    assert kedalaman(siklus) == {"A": 1, "B": 1}


def test_kedalaman():
    assert kedalaman(UNITS)["KPPBCBOGOR"] == 3
    assert kedalaman(UNITS)["BPPT"] == 0


def test_pohon_sama_dengan_fungsi_satu_per_satu():
    from kinerja_core.unit import Pohon

    units = [*UNITS, Unit("A", "A", "B"), Unit("B", "B", "A"), Unit("C", "C", "A"), Unit("Y", "Y", "TIDAK-ADA")]
    pohon = Pohon.dari(units)
    assert pohon.urutan == ("KEMENKEU", "DJBC", "KWBCJABAR", "KPPBCBOGOR", "KPPBCBEKASI", "BPPT", "Y", "A", "B", "C")
    assert dict(pohon.dalam) == dict(kedalaman(units))
    for u in units:
        assert pohon.subpohon(u.kode_unit) == subpohon(units, u.kode_unit)
    assert pohon.dengan_turunan({"KPPBCBEKASI", "C"}) == {"KEMENKEU", "DJBC", "KWBCJABAR", "KPPBCBEKASI", "A", "B", "C"}


def test_pohon_sejuta_langkah_tidak_perlu():
    """A ministry's 10,000 offices under one parent: each question answered in one walk of the tree."""
    from kinerja_core.unit import Pohon

    units = [Unit("AKAR", "Akar")] + [Unit(f"K{i:05d}", f"Kantor {i}", "AKAR") for i in range(10_000)]
    pohon = Pohon.dari(units)
    assert len(pohon.subpohon("AKAR")) == 10_001 == len(subpohon(units, "AKAR"))
    assert pohon.dengan_turunan([u.kode_unit for u in units]) == {u.kode_unit for u in units}
